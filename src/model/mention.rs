//! Entity mentions: what NER found, where, and how sure it is.

use super::ByteSpan;
use std::fmt;

/// The entity types the model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
}

impl EntityKind {
    /// From the label suffix the model uses (`PER`, `ORG`, `LOC`).
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Location),
            _ => None,
        }
    }

    pub fn tag(&self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// One occurrence of a named entity in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Bytes of the document text.
    pub span: ByteSpan,
    pub kind: EntityKind,
    /// The index of the sentence it is in.
    pub sentence: usize,
    /// Mean probability of the model's label over the mention's words, in [0, 1].
    pub score: f32,
}

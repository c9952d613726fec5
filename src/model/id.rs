//! Stable article identifiers. An id never depends on file order or thread scheduling: it is the
//! record's own `id`, else derived from its `url`, else from a hash of its text.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(String);

impl ArticleId {
    /// An id given by the input (a record's `id` field or a text file's stem).
    pub fn given(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// An id for a record that has a url but no id: the same url always gives the same id.
    pub fn from_url(url: &str) -> Self {
        Self(format!("url-{}", short_hash(url.as_bytes())))
    }

    /// An id for a record with neither id nor url: the same text always gives the same id.
    pub fn from_text(text: &str) -> Self {
        Self(format!("text-{}", short_hash(text.as_bytes())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 64 bits of an id's hash, for telling ids apart in memory: enough for a billion ids, 8 bytes each.
pub fn id_key(id: &str) -> u64 {
    let hash = blake3::hash(id.as_bytes());
    u64::from_le_bytes(hash.as_bytes()[..8].try_into().expect("8 bytes"))
}

/// 16 hex digits of BLAKE3: 64 bits, enough to keep ids of a billion articles apart.
pub fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(ArticleId::from_url("https://a.example/1"), ArticleId::from_url("https://a.example/1"));
        assert_ne!(ArticleId::from_url("https://a.example/1"), ArticleId::from_url("https://a.example/2"));
        assert!(ArticleId::from_text("Some text.").as_str().starts_with("text-"));
        assert_eq!(ArticleId::from_text("Some text.").as_str().len(), "text-".len() + 16);
    }
}

//! Stage 5: entity resolution. Within a document (a document stage): mentions grouped into entities by
//! name keys, short forms and fuzzy surnames. Across documents (a corpus stage): entities merged into
//! global entities with stable keys.

mod across_documents;
mod names;
mod registry;
mod within_document;

pub use across_documents::{resolve_across, DocumentEntities, EntityRef, GlobalEntity};
pub use names::{organization_key, person_key, ticker_symbol};
pub use registry::{Assignment, Registry, RegistryEntry, REGISTRY_FORMAT};
pub use within_document::group_mentions;

use crate::model::Document;
use crate::pipeline::{DocumentStage, StageError};

/// Groups each document's mentions into entities.
#[derive(Debug, Clone, Copy, Default)]
pub struct WithinDocumentStage;

impl DocumentStage for WithinDocumentStage {
    fn name(&self) -> &'static str {
        "resolve"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        retype_surnames(&doc.article.text, &mut doc.mentions);
        doc.entities = group_mentions(&doc.article.text, &doc.mentions);
        Ok(())
    }
}

/// Below this NER score, a one-word organisation that is the surname of a person the article names in
/// full is that person ("Hegeman's exit" tagged ORG once, in an article about John Hegeman). A confident
/// organisation keeps its type ("Bloomberg" next to Michael Bloomberg).
const SURNAME_RETYPE_SCORE: f32 = 0.8;

fn retype_surnames(text: &str, mentions: &mut [crate::model::Mention]) {
    use crate::model::EntityKind;
    let surnames: std::collections::BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| person_key(m.span.slice(text)))
        .filter(|key| key.len() >= 2)
        .filter_map(|key| key.last().cloned())
        .collect();
    for mention in mentions.iter_mut() {
        if mention.kind == EntityKind::Organization && mention.score < SURNAME_RETYPE_SCORE {
            let key = person_key(mention.span.slice(text));
            if key.len() == 1 && surnames.contains(&key[0]) {
                mention.kind = EntityKind::Person;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ByteSpan, EntityKind, Mention};

    fn mention(text: &str, surface: &str, kind: EntityKind, score: f32) -> Mention {
        let start = text.find(surface).unwrap();
        Mention { span: ByteSpan::new(start, start + surface.len()), kind, sentence: 0, score }
    }

    #[test]
    fn an_unsure_organisation_named_like_a_persons_surname_is_that_person() {
        let text = "Tobias Brennecke leaves Kestrel. Brennecke said so. Bloomberg reported it, Michael Bloomberg said.";
        let mut mentions = vec![
            mention(text, "Tobias Brennecke", EntityKind::Person, 0.99),
            mention(text, "Kestrel", EntityKind::Organization, 0.7),
            mention(text, "Brennecke said", EntityKind::Organization, 0.6),
            mention(text, "Bloomberg reported", EntityKind::Organization, 0.95),
            mention(text, "Michael Bloomberg", EntityKind::Person, 0.99),
        ];
        mentions[2].span.end = mentions[2].span.start + "Brennecke".len();
        mentions[3].span.end = mentions[3].span.start + "Bloomberg".len();
        retype_surnames(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [EntityKind::Person, EntityKind::Organization, EntityKind::Person, EntityKind::Organization, EntityKind::Person]);
    }
}

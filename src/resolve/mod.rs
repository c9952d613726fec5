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
        doc.entities = group_mentions(&doc.article.text, &doc.mentions);
        Ok(())
    }
}

//! The data that flows through the pipeline: articles as read, the documents the stages enrich, and the
//! spans that point back into the original text. No I/O lives here.

mod document;
mod entity;
mod fact;
mod id;
mod mention;
mod span;
mod stage;

pub use document::{Article, DetectionMethod, Document, LanguageInfo, LanguageSource, Origin, PublishedDate, Sentence};
pub use entity::LocalEntity;
pub use fact::{Fact, FactDate, FactKind, Modality, Role};
pub use id::{id_key, short_hash, ArticleId};
pub use mention::{EntityKind, Mention};
pub use span::{ByteSpan, CharOffsets};
pub use stage::{DocumentStage, StageError};

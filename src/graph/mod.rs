//! Stage 6: the knowledge graph and its writers. The output format is a documented contract:
//! `docs/vocabulary.md` describes every term, `docs/context.jsonld` is the JSON-LD context (inlined in
//! every document so it loads offline), and `FORMAT_VERSION` changes whenever either does.

mod article;
mod iri;
mod jsonld;
mod knowledge;
mod merge;
mod provenance;
mod record;
mod resume;
mod sinks;

pub use article::article_node;
pub use iri::{article_iri, VOCABULARY_NAMESPACE};
pub use jsonld::{GraphFormat, JsonLdWriter};
pub use provenance::RunProvenance;
pub use knowledge::{KnowledgeGraph, DEFAULT_MEMORY};
pub use merge::{part_files, MergeError, PerDocStreams};
pub use knowledge::steps::{run_step, Step as MergeStep};
pub use record::{ArticleKnowledge, ArticleRecord, DocumentRecord, FailureRecord, StreamHeader, PER_DOC_FORMAT};
pub use resume::{InputStamp, OutputDir, PartsSink, ResumeError, RunManifest};
pub use sinks::{GraphSink, PerDocSink};

/// The version of the output format: vocabulary, context and document shape.
pub const FORMAT_VERSION: &str = "0.3";

/// The JSON-LD context shipped with the project.
pub const CONTEXT_DOCUMENT: &str = include_str!("../../docs/context.jsonld");

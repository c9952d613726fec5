//! The per-document stage contract. A stage sees one document at a time; the batch entry point runs
//! them in parallel and is what a stage overrides when it gains from seeing many documents at once
//! (NER batches sentences across documents).

use super::Document;
use rayon::prelude::*;
use thiserror::Error;

/// Why a document could not go through a stage. The document is dropped from the run and reported.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{reason}")]
pub struct StageError {
    pub reason: String,
}

impl StageError {
    pub fn new(reason: impl Into<String>) -> Self {
        Self { reason: reason.into() }
    }
}

pub trait DocumentStage: Send + Sync {
    /// The name used in error reports and timings.
    fn name(&self) -> &'static str;

    fn process(&self, doc: &mut Document) -> Result<(), StageError>;

    /// One result per document, in order.
    fn process_batch(&self, docs: &mut [&mut Document]) -> Vec<Result<(), StageError>> {
        docs.par_iter_mut().map(|doc| self.process(doc)).collect()
    }
}

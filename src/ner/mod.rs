//! Stage 3b: named-entity recognition (persons, organisations, places) with the project's own
//! multilingual transformer. The `Recognizer` trait is what the stage needs; `TransformerRecognizer` does
//! the model-independent steps and asks a `Backend` (ONNX Runtime by default) for logits. Sentences of
//! many documents are batched together.

mod backend;
mod cleanup;
mod decode;
mod model_files;
mod onnx;
mod runtime;
#[cfg(feature = "rust-bert")]
mod rust_bert;
mod transformer;
mod windows;

pub use backend::{Backend, Batch, Logits};
pub use decode::{decode_entities, Tag, WordTag};
pub use model_files::{default_model_dir, ModelFiles};
pub use onnx::{environment as onnx_environment, OnnxBackend, OnnxOptions};
pub use runtime::{installed_library_path, library_path, ONNX_RUNTIME_VERSION};
#[cfg(feature = "rust-bert")]
pub use rust_bert::{RustBertBackend, LIBTORCH_VERSION};
pub use transformer::{BatchOptions, TransformerRecognizer};

use crate::model::{ByteSpan, Document, EntityKind, Mention};
use crate::model::{DocumentStage, StageError};
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error, Clone)]
pub enum NerError {
    #[error("NER model: {0}")]
    Model(String),
    #[error("ONNX Runtime: {0}")]
    Runtime(String),
    #[error("NER inference: {0}")]
    Inference(String),
}

/// An entity found in one sentence; the span is in bytes of that sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceEntity {
    pub span: ByteSpan,
    pub kind: EntityKind,
    pub score: f32,
}

pub trait Recognizer: Send + Sync {
    /// The model and engine, for provenance.
    fn describe(&self) -> String;

    /// The entities of each sentence, in order.
    fn recognize(&self, sentences: &[&str]) -> Result<Vec<Vec<SentenceEntity>>, NerError>;
}

/// The shipped model through ONNX Runtime: the default recogniser.
pub fn onnx_recognizer(model_dir: &Path, library: &Path, options: OnnxOptions) -> Result<TransformerRecognizer<OnnxBackend>, NerError> {
    let files = ModelFiles::open(model_dir)?;
    let backend = OnnxBackend::open(&files.onnx_path(), library, options)?;
    TransformerRecognizer::new(files, backend)
}

/// The same model (`model.safetensors`) through libtorch and rust-bert, with `threads` intra-op threads.
#[cfg(feature = "rust-bert")]
pub fn rust_bert_recognizer(model_dir: &Path, threads: usize) -> Result<TransformerRecognizer<RustBertBackend>, NerError> {
    let files = ModelFiles::open(model_dir)?;
    let backend = RustBertBackend::open(model_dir, threads)?;
    TransformerRecognizer::new(files, backend)
}

/// The NER stage: runs a recogniser over the sentences of many documents at once.
pub struct NerStage {
    recognizer: Box<dyn Recognizer>,
}

impl NerStage {
    pub fn new(recognizer: impl Recognizer + 'static) -> Self {
        Self { recognizer: Box::new(recognizer) }
    }

    pub fn describe(&self) -> String {
        self.recognizer.describe()
    }
}

impl DocumentStage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.process_batch(&mut [doc]).pop().unwrap_or(Ok(()))
    }

    /// All sentences of all documents go to the recogniser together, so batches fill up across documents.
    fn process_batch(&self, docs: &mut [&mut Document]) -> Vec<Result<(), StageError>> {
        let sentences: Vec<&str> = docs.iter().flat_map(|doc| doc.sentences.iter().map(|s| s.span.slice(doc.text()))).collect();
        let found = match self.recognizer.recognize(&sentences) {
            Ok(found) => found,
            Err(error) => return docs.iter().map(|_| Err(StageError::new(error.to_string()))).collect(),
        };
        let mut found = found.into_iter();
        for doc in docs.iter_mut() {
            let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str()).to_string();
            let lang = lang.as_str();
            let mut mentions = Vec::new();
            for (index, sentence) in doc.sentences.iter().enumerate() {
                for entity in found.next().unwrap_or_default() {
                    let span = ByteSpan::new(sentence.span.start + entity.span.start, sentence.span.start + entity.span.end);
                    let Some(span) = cleanup::clean_mention(lang, doc.text(), span, entity.kind) else { continue };
                    mentions.push(Mention { span, kind: entity.kind, sentence: index, score: entity.score });
                }
            }
            doc.mentions = mentions;
        }
        docs.iter().map(|_| Ok(())).collect()
    }
}

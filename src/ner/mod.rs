//! Stage 3b: named-entity recognition (persons, organisations, places) with the project's own
//! multilingual transformer. The `Recognizer` trait is what the stage needs; `TransformerRecognizer` does
//! the model-independent steps and asks a `Backend` (ONNX Runtime by default) for logits. Sentences of
//! many documents are batched together.

mod backend;
mod decode;
mod model_files;
mod onnx;
mod runtime;
#[cfg(feature = "rust-bert")]
mod rust_bert;
mod transformer;
mod windows;
mod words;

pub use backend::{Backend, Batch, Logits};
pub use decode::{decode_entities, Tag, WordTag};
pub use model_files::{default_model_dir, ModelFiles};
pub use onnx::{environment as onnx_environment, OnnxBackend, OnnxOptions};
pub use runtime::{installed_library_path, library_path, ONNX_RUNTIME_VERSION};
#[cfg(feature = "rust-bert")]
pub use rust_bert::{RustBertBackend, LIBTORCH_VERSION};
pub use transformer::{BatchOptions, TransformerRecognizer};
pub use words::split_words;

use crate::model::{ByteSpan, Document, EntityKind, Mention};
use crate::pipeline::{DocumentStage, StageError};
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

/// An organisation's or place's name does not start with a lower-case word: "de Meta", "the Journal"
/// lose the article or preposition the model took in. People keep theirs ("de Gaulle", "van Dijk"), and
/// a name's last word always stays ("bpost"), as do words with a capital inside ("eBay").
fn without_leading_lowercase_words(text: &str, span: ByteSpan, kind: EntityKind) -> ByteSpan {
    if kind == EntityKind::Person {
        return span;
    }
    let surface = span.slice(text);
    let words: Vec<&str> = surface.split_inclusive(char::is_whitespace).collect();
    let lowercase = |w: &str| w.trim_end().chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase);
    let dropped: usize = words.iter().take(words.len().saturating_sub(1)).take_while(|w| lowercase(w)).map(|w| w.len()).sum();
    ByteSpan::new(span.start + dropped, span.end)
}

/// "Pdg de Renault" tagged as one organisation is the role "Pdg" at "Renault": the organisation keeps
/// only its own name (the relation stage reads the title from the words left outside the mention).
fn without_leading_title(doc: &Document, span: ByteSpan, kind: EntityKind) -> ByteSpan {
    let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str());
    match kind {
        EntityKind::Organization => match crate::relations::name_after_leading_title(lang, span.slice(doc.text())) {
            Some(start) => ByteSpan::new(span.start + start, span.end),
            None => span,
        },
        _ => span,
    }
}

/// "des Stahlkonzerns Thyssenkrupp": German capitalises the noun, and the model may tag it as a name.
fn is_organization_noun(doc: &Document, span: ByteSpan) -> bool {
    let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str());
    crate::relations::is_organization_noun(lang, span.slice(doc.text()))
}

/// Articles the model may take for a name at the start of a line ("Le directeur des revenus de Meta").
const ARTICLES: [&str; 20] = ["le", "la", "les", "l'", "the", "a", "an", "der", "die", "das", "el", "los", "las", "il", "lo", "gli", "o", "os", "het", "de"];

/// A "person" that is one article and nothing else is no name.
fn is_a_lone_article(surface: &str) -> bool {
    ARTICLES.contains(&surface.trim().to_lowercase().as_str())
}

/// Lower-case words a person's name may start with ("de Gaulle", "van Dijk", "bin Salman").
const NAME_PARTICLES: [&str; 22] = ["de", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "du", "dos", "das", "le", "la", "zu", "af", "al", "bin", "ben", "el"];

/// A "person" whose first word is a lower-case word other than a particle is a description the model
/// took for a name ("directeur des revenus de Meta"): no name at all.
fn starts_like_a_description(surface: &str) -> bool {
    let first = surface.split_whitespace().next().unwrap_or_default();
    first.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(&first)
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
            let mut mentions = Vec::new();
            for (index, sentence) in doc.sentences.iter().enumerate() {
                for entity in found.next().unwrap_or_default() {
                    let span = ByteSpan::new(sentence.span.start + entity.span.start, sentence.span.start + entity.span.end);
                    if entity.kind == EntityKind::Person && (starts_like_a_description(span.slice(doc.text())) || is_a_lone_article(span.slice(doc.text()))) {
                        continue;
                    }
                    let span = without_leading_lowercase_words(doc.text(), span, entity.kind);
                    let span = without_leading_title(doc, span, entity.kind);
                    if entity.kind == EntityKind::Organization && is_organization_noun(doc, span) {
                        continue;
                    }
                    mentions.push(Mention { span, kind: entity.kind, sentence: index, score: entity.score });
                }
            }
            doc.mentions = mentions;
        }
        docs.iter().map(|_| Ok(())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str, kind: EntityKind) -> &str {
        without_leading_lowercase_words(text, ByteSpan::new(0, text.len()), kind).slice(text)
    }

    #[test]
    fn a_person_starting_with_a_lowercase_word_is_a_description_unless_a_particle() {
        assert!(starts_like_a_description("directeur des revenus de Verdanne"));
        assert!(!starts_like_a_description("van Dijk"));
        assert!(!starts_like_a_description("Priya Natarajan"));
        assert!(is_a_lone_article("Le"));
        assert!(!is_a_lone_article("Le Maire"));
        assert!(!is_a_lone_article("Leo"));
    }

    #[test]
    fn organisations_and_places_lose_leading_lowercase_words() {
        assert_eq!(trimmed("de Verdanne", EntityKind::Organization), "Verdanne");
        assert_eq!(trimmed("the Harbourline Gazette", EntityKind::Organization), "Harbourline Gazette");
        assert_eq!(trimmed("à la Défense", EntityKind::Location), "Défense");
        assert_eq!(trimmed("eBay", EntityKind::Organization), "eBay");
        assert_eq!(trimmed("bpost", EntityKind::Organization), "bpost");
        assert_eq!(trimmed("de la banque", EntityKind::Organization), "banque");
        assert_eq!(trimmed("van Dijk", EntityKind::Person), "van Dijk");
    }
}

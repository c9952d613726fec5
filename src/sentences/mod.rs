//! Stage 3a: sentence splitting with byte offsets into the original text. Rule-based and
//! abbreviation-aware; the words it knows (titles, corporate suffixes, months, sentence openers) live in
//! one data file per language under `data/`.

mod rules;
mod splitter;

pub use rules::LanguageRules;
pub use splitter::split_sentences;

use crate::model::{Document, Sentence};
use crate::model::{DocumentStage, StageError};

/// Splits each document by the rules of its language.
#[derive(Debug, Clone, Default)]
pub struct SentenceStage;

impl DocumentStage for SentenceStage {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let code = doc.language.as_ref().map_or("und", |l| l.code.as_str());
        let rules = LanguageRules::for_language(code);
        doc.sentences = split_sentences(doc.text(), rules).into_iter().map(|span| Sentence { span }).collect();
        Ok(())
    }
}

#[cfg(test)]
mod tests;

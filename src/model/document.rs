//! An article as read, and the document that the per-document stages fill in.

use super::{ArticleId, ByteSpan, Fact, LocalEntity, Mention};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::PathBuf;

/// One article with its metadata, as a reader produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: ArticleId,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<PublishedDate>,
    /// The language the record itself declares, if any (an ISO 639-1 code as given).
    pub declared_lang: Option<String>,
    pub source: Option<String>,
}

/// A publication date: a calendar day, or an instant with its UTC offset. Kept apart so a day is never
/// written out as an invented midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedDate {
    Day(NaiveDate),
    Instant(DateTime<FixedOffset>),
}

impl PublishedDate {
    /// The `xsd:date` / `xsd:dateTime` lexical form.
    pub fn to_xsd(&self) -> String {
        match self {
            PublishedDate::Day(day) => day.format("%Y-%m-%d").to_string(),
            PublishedDate::Instant(instant) => instant.to_rfc3339(),
        }
    }

    /// The calendar day, in the instant's own offset.
    pub fn day(&self) -> NaiveDate {
        match self {
            PublishedDate::Day(day) => *day,
            PublishedDate::Instant(instant) => instant.date_naive(),
        }
    }

    pub fn xsd_datatype(&self) -> &'static str {
        match self {
            PublishedDate::Day(_) => "xsd:date",
            PublishedDate::Instant(_) => "xsd:dateTime",
        }
    }
}

/// Where the language of a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageSource {
    /// `--lang` on the command line: applies to every article of the run.
    CommandLine,
    /// The record's own `lang` field.
    Record,
    /// Detected from title and text.
    Detected,
}

impl LanguageSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            LanguageSource::CommandLine => "command-line",
            LanguageSource::Record => "record",
            LanguageSource::Detected => "detected",
        }
    }
}

/// The language a document is processed as.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageInfo {
    /// ISO 639-1 code, or `und` when detection was unreliable and nothing else said.
    pub code: String,
    pub source: LanguageSource,
    /// What detection said (ISO 639-1, or `und`), also when a declared language won.
    pub detected: String,
    /// Detection confidence in [0, 1].
    pub confidence: f64,
    /// Why detection was not trusted, when it was not.
    pub unreliable_reason: Option<String>,
    /// How detection decided, when the unrestricted guess alone did not (decided among the supported
    /// languages, or told from a close relative whatlang has no model for).
    pub note: Option<String>,
    pub method: DetectionMethod,
}

/// How detection reached its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetectionMethod {
    /// whatlang over all the languages it knows, alone.
    #[default]
    Unrestricted,
    /// whatlang was unsure; whatlang restricted to the supported languages decided.
    AmongSupported,
    /// whatlang read a supported language; the text's spellings showed a close relative whatlang has no
    /// model for (Galician read as Portuguese).
    RelativeSpellings,
}

/// A sentence: a span of the document text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: ByteSpan,
}

impl Sentence {
    /// Does the sentence end as a full sentence does? A headline has no full stop; a lead or a body
    /// sentence ends with one, a question or exclamation mark, a closing quote or an ellipsis.
    pub fn ends_like_a_sentence(&self, text: &str) -> bool {
        self.span.slice(text).trim_end().ends_with(['.', '!', '?', '»', '"', '”', '…'])
    }
}

/// Where a record came from: for error reports and for finding an article again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The input file, or `-` for standard input.
    pub file: PathBuf,
    /// 1-based line number for JSONL records; `None` for whole-file articles.
    pub line: Option<u64>,
}

/// An article travelling through the per-document stages.
#[derive(Debug, Clone)]
pub struct Document {
    pub article: Article,
    pub origin: Origin,
    pub language: Option<LanguageInfo>,
    pub sentences: Vec<Sentence>,
    /// Named-entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// The mentions grouped into entities, in order of first mention.
    pub entities: Vec<LocalEntity>,
    /// Facts extracted from the document, in text order.
    pub facts: Vec<Fact>,
}

impl Document {
    pub fn new(article: Article, origin: Origin) -> Self {
        Self { article, origin, language: None, sentences: Vec::new(), mentions: Vec::new(), entities: Vec::new(), facts: Vec::new() }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// For each mention, the entity it was resolved into (none before resolution, or for a mention no
    /// entity took).
    pub fn entity_of_mentions(&self) -> Vec<Option<usize>> {
        let mut entity_of = vec![None; self.mentions.len()];
        for (index, entity) in self.entities.iter().enumerate() {
            for &mention in &entity.mentions {
                if let Some(slot) = entity_of.get_mut(mention) {
                    *slot = Some(index);
                }
            }
        }
        entity_of
    }
}

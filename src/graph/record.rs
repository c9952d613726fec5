//! Per-article records: what one article contributes to the graph, as one JSON line. `extract
//! --per-doc` and the parts of a resumable run write them; `merge` reads any number of such streams and
//! writes the graph. The single-process run goes through the same records, so a merged graph is the
//! graph of one run byte for byte: article nodes pass through as raw JSON, and the knowledge layer is
//! rebuilt from the same summaries. The format is described in `docs/per-doc.md`.

use super::article::article_node;
use super::iri::article_iri;
use super::provenance::RunProvenance;
use super::FORMAT_VERSION;
use crate::model::{Document, Fact};
use crate::pipeline::{ReportEntry, Severity};
use crate::resolve::DocumentEntities;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The version of the per-article record format; `merge` refuses streams of another.
pub const PER_DOC_FORMAT: u32 = 1;

/// The first line of every per-article stream: what produced it. Streams merged together must agree,
/// or their facts would claim one extraction activity that never happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StreamHeader {
    pub per_doc_format: u32,
    pub format_version: String,
    pub software_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ner_model: Option<String>,
}

impl StreamHeader {
    pub fn new(provenance: &RunProvenance) -> Self {
        Self {
            per_doc_format: PER_DOC_FORMAT,
            format_version: FORMAT_VERSION.to_string(),
            software_version: env!("CARGO_PKG_VERSION").to_string(),
            ner_model: provenance.ner_model.clone(),
        }
    }

    pub fn provenance(&self) -> RunProvenance {
        RunProvenance { ner_model: self.ner_model.clone() }
    }
}

/// What the knowledge layer needs of an article: its entities with their surface forms, and its facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleKnowledge {
    pub entities: DocumentEntities,
    pub facts: Vec<Fact>,
}

/// Where a record was read, for the error report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordOrigin {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// One article that went through the pipeline.
#[derive(Debug, Serialize)]
pub struct ArticleRecord {
    /// The record's place in the input: records are merged in this order.
    pub seq: u64,
    pub id: String,
    pub origin: RecordOrigin,
    /// Its language code, for the run's summary.
    pub lang: String,
    /// The article node of the graph, exactly as written.
    pub article: Box<RawValue>,
    /// Absent when the article has no entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knowledge: Option<ArticleKnowledge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ReportEntry>,
}

impl ArticleRecord {
    pub fn article_iri(&self) -> String {
        article_iri(&crate::model::ArticleId::given(self.id.as_str()))
    }
}

/// One input record that failed; it is in the error report, not in the graph.
#[derive(Debug, Serialize)]
pub struct FailureRecord {
    pub seq: u64,
    pub error: ReportEntry,
}

/// A line of a per-article stream: an article, or a failure (the line has `error` instead of `article`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum DocumentRecord {
    Article(ArticleRecord),
    Failure(FailureRecord),
}

/// Either kind of line, read field by field: serde's untagged enums buffer their input, and raw
/// JSON (the article node) cannot pass through such a buffer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnyRecord {
    seq: u64,
    error: Option<ReportEntry>,
    id: Option<String>,
    origin: Option<RecordOrigin>,
    lang: Option<String>,
    article: Option<Box<RawValue>>,
    knowledge: Option<ArticleKnowledge>,
    #[serde(default)]
    warnings: Vec<ReportEntry>,
}

impl<'de> Deserialize<'de> for DocumentRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let any = AnyRecord::deserialize(deserializer)?;
        if let Some(error) = any.error {
            return Ok(DocumentRecord::Failure(FailureRecord { seq: any.seq, error }));
        }
        let missing = |field| D::Error::custom(format!("record {} has neither `error` nor `{field}`", any.seq));
        Ok(DocumentRecord::Article(ArticleRecord {
            seq: any.seq,
            id: any.id.ok_or_else(|| missing("id"))?,
            origin: any.origin.ok_or_else(|| missing("origin"))?,
            lang: any.lang.ok_or_else(|| missing("lang"))?,
            article: any.article.ok_or_else(|| missing("article"))?,
            knowledge: any.knowledge,
            warnings: any.warnings,
        }))
    }
}

impl DocumentRecord {
    /// A finished document as a record; `warnings` are the reader's, `activity` the PROV-O activity.
    pub fn article(seq: u64, doc: &Document, warnings: &[String], activity: &str) -> Self {
        let id = doc.article.id.to_string();
        let node = serde_json::to_string(&article_node(doc, activity)).expect("an article node serialises");
        let warnings = warnings
            .iter()
            .map(|warning| ReportEntry::new(&doc.origin, Some(id.clone()), "read", Severity::Warning, warning.clone()))
            .collect();
        let knowledge = (!doc.entities.is_empty())
            .then(|| ArticleKnowledge { entities: DocumentEntities::from(doc), facts: doc.facts.clone() });
        DocumentRecord::Article(ArticleRecord {
            seq,
            id,
            origin: RecordOrigin { file: doc.origin.file.display().to_string(), line: doc.origin.line },
            lang: doc.language.as_ref().map_or("und", |l| l.code.as_str()).to_string(),
            article: RawValue::from_string(node).expect("serde_json output is JSON"),
            knowledge,
            warnings,
        })
    }

    pub fn seq(&self) -> u64 {
        match self {
            DocumentRecord::Article(record) => record.seq,
            DocumentRecord::Failure(record) => record.seq,
        }
    }
}

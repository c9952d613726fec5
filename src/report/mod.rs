//! `newsgraph report`: a graph written by `extract` or `merge` (JSON-LD) turned into one self-contained
//! HTML page for people: per organisation, a timeline of who left, replaced and joined whom, with the
//! modality shown, the people and their roles, filters, and each fact's evidence. Reads the output
//! contract of `docs/vocabulary.md`; needs no network when the page is viewed.

use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The page: the template with the facts inlined as JSON.
const TEMPLATE: &str = include_str!("template.html");
const DATA_PLACEHOLDER: &str = "/*NEWSGRAPH_DATA*/null";

/// One merged fact as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportFact {
    /// `Departure`, `Succession`, `Appointment` or `RoleHolding`.
    pub kind: String,
    pub modality: String,
    pub confidence: f64,
    pub organization: Option<String>,
    /// The person who left, joined or holds the role; the successor of a succession.
    pub person: Option<String>,
    /// The predecessor of a succession.
    pub predecessor: Option<String>,
    pub role: Option<String>,
    pub former: bool,
    /// When it takes effect (`date`), else the earliest publication date of its articles.
    pub date: Option<String>,
    pub languages: Vec<String>,
    pub evidence: Vec<ReportEvidence>,
}

/// A sentence that states the fact, and its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportEvidence {
    pub sentence: String,
    pub article: String,
    pub headline: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// What the page is built from.
#[derive(Debug, Default, Serialize)]
pub struct ReportData {
    pub facts: Vec<ReportFact>,
    pub articles: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("not a newsgraph JSON-LD graph: {0}")]
    NotAGraph(String),
}

const FACT_KINDS: [&str; 4] = ["Departure", "Succession", "Appointment", "RoleHolding"];

fn types(node: &Value) -> Vec<&str> {
    match &node["@type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A literal's text, typed (`{"@value": ...}`) or plain.
fn literal(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("@value").and_then(Value::as_str).map(str::to_string),
        Value::Array(values) => values.first().and_then(literal),
        _ => None,
    }
}

fn strings(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(values) => values.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

struct Article {
    identifier: String,
    headline: Option<String>,
    url: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

/// The facts of a graph, merged facts only (the knowledge layer), each with its evidence.
pub fn report_data(graph: &Value) -> Result<ReportData, ReportError> {
    let nodes = graph["@graph"].as_array().ok_or_else(|| ReportError::NotAGraph("no @graph array".into()))?;
    let mut names: BTreeMap<&str, String> = BTreeMap::new();
    let mut articles: BTreeMap<&str, Article> = BTreeMap::new();
    // Article-level fact IRI -> (article IRI, evidence sentence).
    let mut stated: BTreeMap<&str, (&str, String)> = BTreeMap::new();
    for node in nodes {
        let id = node["@id"].as_str().unwrap_or_default();
        let node_types = types(node);
        if node_types.contains(&"NewsArticle") {
            articles.insert(
                id,
                Article {
                    identifier: literal(&node["identifier"]).unwrap_or_else(|| id.to_string()),
                    headline: literal(&node["headline"]),
                    url: literal(&node["url"]),
                    published: literal(&node["datePublished"]).map(|d| d.chars().take(10).collect()),
                    language: literal(&node["inLanguage"]),
                },
            );
            for fact in node["fact"].as_array().into_iter().flatten() {
                if let Some(fact_id) = fact["@id"].as_str() {
                    stated.insert(fact_id, (id, literal(&fact["evidence"]["sentenceText"]).unwrap_or_default()));
                }
            }
        } else if node_types.iter().any(|t| *t == "Person" || *t == "Organization") {
            if let Some(name) = literal(&node["name"]) {
                names.insert(id, name);
            }
        }
    }
    let name_of = |value: &Value| value.as_str().and_then(|iri| names.get(iri)).cloned();
    let mut facts = Vec::new();
    for node in nodes {
        let Some(kind) = types(node).into_iter().find(|t| FACT_KINDS.contains(t)) else { continue };
        let supported_by = strings(&node["supportedBy"]);
        if supported_by.is_empty() {
            continue; // an article-level fact; merged facts carry `supportedBy`
        }
        let evidence: Vec<ReportEvidence> = supported_by
            .iter()
            .filter_map(|fact| stated.get(fact))
            .map(|(article, sentence)| {
                let a = &articles[article];
                ReportEvidence {
                    sentence: sentence.clone(),
                    article: a.identifier.clone(),
                    headline: a.headline.clone(),
                    url: a.url.clone(),
                    published: a.published.clone(),
                    language: a.language.clone(),
                }
            })
            .collect();
        let languages: BTreeSet<String> = evidence.iter().filter_map(|e| e.language.clone()).collect();
        let earliest = evidence.iter().filter_map(|e| e.published.clone()).min();
        let is_succession = kind == "Succession";
        facts.push(ReportFact {
            kind: kind.to_string(),
            modality: literal(&node["modality"]).unwrap_or_else(|| "asserted".into()),
            confidence: node["confidence"].as_f64().unwrap_or(0.0),
            organization: name_of(&node["organization"]),
            person: name_of(if is_succession { &node["successor"] } else { &node["person"] }),
            predecessor: if is_succession { name_of(&node["predecessor"]) } else { None },
            role: literal(&node["normalizedRole"]).or_else(|| literal(&node["roleName"])),
            former: node["former"].as_bool().unwrap_or(false),
            date: literal(&node["date"]).or(earliest),
            languages: languages.into_iter().collect(),
            evidence,
        });
    }
    Ok(ReportData { facts, articles: articles.len() })
}

/// The HTML page for a graph: the template with the data inlined. `</` is escaped so that no text of
/// an article can close the script element.
pub fn render(data: &ReportData) -> String {
    let json = serde_json::to_string(data).expect("report data serialises").replace("</", "<\\/");
    TEMPLATE.replacen(DATA_PLACEHOLDER, &json, 1)
}

#[cfg(test)]
mod tests;

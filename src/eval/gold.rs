//! Gold annotations in the two shapes the project meets: `seeds/expected.json` (an object with
//! `documents`, each naming its `file`) and `eval-dev/gold.jsonl` (one document per line, by `id`).

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    #[serde(rename = "type")]
    pub kind: String,
    pub person: Option<String>,
    pub new: Option<String>,
    pub old: Option<String>,
    pub org: Option<String>,
    pub role: Option<String>,
    pub role_norm: Option<String>,
    pub modality: Option<String>,
    #[serde(default)]
    pub former: bool,
    /// Career history rather than the news: neither required nor counted against a prediction.
    #[serde(default)]
    pub background: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    pub id: Option<String>,
    pub file: Option<String>,
    pub lang: Option<String>,
    /// `change` (the article reports a personnel change) or `other`; from `meta.jsonl` when there is one.
    #[serde(default)]
    pub kind: Option<String>,
    pub entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
}

impl GoldDocument {
    /// The article file this annotation is about.
    pub fn path(&self, docs: &Path) -> PathBuf {
        match (&self.file, &self.id) {
            (Some(file), _) => docs.join(file),
            (None, Some(id)) => docs.join(format!("{id}.txt")),
            (None, None) => docs.join("unnamed.txt"),
        }
    }
}

#[derive(Deserialize)]
struct ExpectedFile {
    documents: Vec<GoldDocument>,
}

/// What `meta.jsonl` beside a `gold.jsonl` says of each article.
#[derive(Deserialize)]
struct Meta {
    id: String,
    lang: Option<String>,
    kind: Option<String>,
}

/// Reads either shape; a `meta.jsonl` beside the file fills in each document's language and kind.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDocument>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if let Ok(expected) = serde_json::from_str::<ExpectedFile>(&text) {
        return Ok(expected.documents);
    }
    let mut documents: Vec<GoldDocument> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", path.display(), i + 1)))
        .collect::<Result<_, _>>()?;
    let meta_path = path.with_file_name("meta.jsonl");
    if let Ok(meta) = std::fs::read_to_string(&meta_path) {
        for (i, line) in meta.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let meta: Meta = serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", meta_path.display(), i + 1))?;
            for doc in documents.iter_mut().filter(|d| d.id.as_deref() == Some(meta.id.as_str())) {
                doc.lang = doc.lang.take().or(meta.lang.clone());
                doc.kind = doc.kind.take().or(meta.kind.clone());
            }
        }
    }
    Ok(documents)
}

//! A shipped NER model directory: `model.onnx`, `tokenizer.json`, `labels.json` (the labels in id
//! order, or an object from id to label) and `config.json` (optional: `max_length`, `version`).

use super::decode::Tag;
use super::NerError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The model directory used when none is given: the one shipped in the repository.
pub fn default_model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner")
}

#[derive(Debug, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    max_length: Option<usize>,
    #[serde(default)]
    version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum LabelsFile {
    List(Vec<String>),
    ById(BTreeMap<String, String>),
}

/// What a backend needs to know about a model besides its weights.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub dir: PathBuf,
    pub tags: Vec<Tag>,
    pub label_names: Vec<String>,
    /// Sub-tokens per window, `<s>` and `</s>` included.
    pub max_length: usize,
    /// The model's name and version, for provenance.
    pub version: String,
}

impl ModelFiles {
    pub fn open(dir: &Path) -> Result<Self, NerError> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| NerError::Model(format!("cannot read {}: {e}", dir.join(name).display())))
        };
        let labels: LabelsFile = serde_json::from_str(&read("labels.json")?).map_err(|e| NerError::Model(format!("labels.json: {e}")))?;
        let label_names = match labels {
            LabelsFile::List(list) => list,
            LabelsFile::ById(by_id) => {
                let mut numbered: Vec<(usize, String)> = Vec::new();
                for (id, label) in by_id {
                    let id = id.parse().map_err(|_| NerError::Model(format!("labels.json: `{id}` is not a label id")))?;
                    numbered.push((id, label));
                }
                numbered.sort();
                if numbered.iter().enumerate().any(|(i, (id, _))| i != *id) {
                    return Err(NerError::Model("labels.json: label ids are not 0..n".into()));
                }
                numbered.into_iter().map(|(_, label)| label).collect()
            }
        };
        let tags = label_names
            .iter()
            .map(|l| Tag::parse(l).map_err(|e| NerError::Model(format!("labels.json: {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        let config: ConfigFile = match dir.join("config.json").exists() {
            true => serde_json::from_str(&read("config.json")?).map_err(|e| NerError::Model(format!("config.json: {e}")))?,
            false => ConfigFile { max_length: None, version: None },
        };
        let version = config.version.unwrap_or_else(|| dir.file_name().map_or("ner".into(), |n| n.to_string_lossy().into_owned()));
        Ok(Self { dir: dir.to_path_buf(), tags, label_names, max_length: config.max_length.unwrap_or(128), version })
    }

    pub fn tokenizer_path(&self) -> PathBuf {
        self.dir.join("tokenizer.json")
    }

    pub fn onnx_path(&self) -> PathBuf {
        self.dir.join("model.onnx")
    }
}

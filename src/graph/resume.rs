//! Resumable runs (`extract --output-dir DIR`). Finished records are saved chunk by chunk as
//! per-article part files, each renamed into place only when complete (`parts/part-N.jsonl`, N = the
//! input records done once it is written), so a run killed at any moment, `kill -9` included, leaves
//! only whole parts. Started again over the same directory, a run reads the input up to the last
//! part's N without processing it and carries on from there; the graph and the error report are then
//! merged from all the parts. A manifest (`run.json`) records what the run is over, so a directory is
//! never resumed with other inputs or settings.

use super::{DocumentRecord, FailureRecord, RunProvenance, StreamHeader};
use crate::pipeline::{AtomicFile, DocumentSink, ReportEntry};
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ResumeError {
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: unreadable manifest ({reason}); use a new output directory")]
    BadManifest { path: String, reason: String },
    #[error("{dir} holds a run over other inputs or settings ({difference}): use a new output directory, or delete this one")]
    Different { dir: String, difference: String },
}

/// One input file as the run saw it: a file that grew or shrank is not the same input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputStamp {
    pub path: String,
    pub bytes: Option<u64>,
}

/// What a resumable run is over. Two runs with equal manifests process the same records the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RunManifest {
    pub inputs: Vec<InputStamp>,
    pub shard: Option<String>,
    pub lang: Option<String>,
    pub numbered: bool,
    pub max_record_bytes: usize,
    /// The metadata file of text articles (`--meta`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<InputStamp>,
    pub producer: StreamHeader,
}

impl RunManifest {
    /// The first field that differs, for the error message.
    fn difference(&self, other: &Self) -> String {
        if self.inputs != other.inputs {
            let changed = self.inputs.iter().zip(&other.inputs).find(|(a, b)| a != b);
            return match changed {
                Some((was, now)) => format!("input {} was {:?} bytes, now {} is {:?}", was.path, was.bytes, now.path, now.bytes),
                None => format!("{} inputs then, {} now", self.inputs.len(), other.inputs.len()),
            };
        }
        if self.shard != other.shard {
            return format!("shard {:?} then, {:?} now", self.shard, other.shard);
        }
        if self.producer != other.producer {
            return "another program version or NER model".to_string();
        }
        if self.meta != other.meta {
            return format!("metadata file {:?} then, {:?} now", self.meta.as_ref().map(|m| &m.path), other.meta.as_ref().map(|m| &m.path));
        }
        "language, numbering or record size limit".to_string()
    }
}

/// An output directory: manifest, parts, and the graph merged from them.
pub struct OutputDir {
    root: PathBuf,
}

impl OutputDir {
    /// Opens (or creates) `root` for a run described by `manifest`; returns it with the place in the
    /// input where the run is to resume (0 for a new run).
    pub fn open(root: &Path, manifest: &RunManifest) -> Result<(Self, u64), ResumeError> {
        let dir = Self { root: root.to_path_buf() };
        let io_error = |path: &Path| {
            let path = path.display().to_string();
            move |source| ResumeError::Io { path, source }
        };
        std::fs::create_dir_all(dir.parts()).map_err(io_error(&dir.parts()))?;
        let manifest_path = dir.root.join("run.json");
        if manifest_path.exists() {
            let text = std::fs::read_to_string(&manifest_path).map_err(io_error(&manifest_path))?;
            let bad = |reason: String| ResumeError::BadManifest { path: manifest_path.display().to_string(), reason };
            let earlier: RunManifest = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
            if earlier != *manifest {
                return Err(ResumeError::Different { dir: root.display().to_string(), difference: earlier.difference(manifest) });
            }
        } else {
            let mut file = AtomicFile::create(&manifest_path).map_err(io_error(&manifest_path))?;
            serde_json::to_writer_pretty(&mut file, manifest).map_err(|e| io_error(&manifest_path)(e.into()))?;
            file.write_all(b"\n").and_then(|_| file.commit()).map_err(io_error(&manifest_path))?;
        }
        // A graph or report an interrupted merge did not finish: it is written again at the end.
        for entry in std::fs::read_dir(&dir.root).map_err(io_error(&dir.root))?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".graph.") || name.starts_with(".errors.jsonl.") {
                std::fs::remove_file(entry.path()).map_err(io_error(&entry.path()))?;
            }
        }
        let mut resume_at = 0;
        let entries = std::fs::read_dir(dir.parts()).map_err(io_error(&dir.parts()))?;
        for entry in entries {
            let entry = entry.map_err(io_error(&dir.parts()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".part-") {
                // A part that an interrupted run did not finish: its records are processed again.
                std::fs::remove_file(entry.path()).map_err(io_error(&entry.path()))?;
            } else if let Some(done) = name.strip_prefix("part-").and_then(|n| n.strip_suffix(".jsonl")).and_then(|n| n.parse::<u64>().ok()) {
                resume_at = resume_at.max(done);
            }
        }
        Ok((dir, resume_at))
    }

    pub fn parts(&self) -> PathBuf {
        self.root.join("parts")
    }

    pub fn graph_path(&self, extension: &str) -> PathBuf {
        self.root.join(format!("graph.{extension}"))
    }

    pub fn errors_path(&self) -> PathBuf {
        self.root.join("errors.jsonl")
    }

    pub fn parts_sink(&self, provenance: &RunProvenance) -> PartsSink {
        let header = serde_json::to_string(&StreamHeader::new(provenance)).expect("a header serialises");
        PartsSink { dir: self.parts(), header, activity: provenance.activity_iri(), current: None }
    }
}

/// Writes each chunk's records as one part file, renamed into place when the chunk is done.
pub struct PartsSink {
    dir: PathBuf,
    header: String,
    activity: String,
    current: Option<tempfile::NamedTempFile>,
}

impl PartsSink {
    fn write(&mut self, record: &DocumentRecord) -> io::Result<()> {
        if self.current.is_none() {
            let mut file = tempfile::Builder::new().prefix(".part-").tempfile_in(&self.dir)?;
            writeln!(file, "{}", self.header)?;
            self.current = Some(file);
        }
        let file = self.current.as_mut().expect("opened above");
        let mut line = serde_json::to_vec(record)?;
        line.push(b'\n');
        file.write_all(&line)
    }
}

impl DocumentSink for PartsSink {
    fn accept(&mut self, seq: u64, doc: &Document, warnings: &[String]) -> io::Result<()> {
        let record = DocumentRecord::article(seq, doc, warnings, &self.activity);
        self.write(&record)
    }

    fn reject(&mut self, seq: u64, entry: &ReportEntry) -> io::Result<()> {
        self.write(&DocumentRecord::Failure(FailureRecord { seq, error: entry.clone() }))
    }

    fn chunk_done(&mut self, consumed: u64) -> io::Result<()> {
        let Some(file) = self.current.take() else { return Ok(()) };
        file.as_file().sync_all()?;
        let target = self.dir.join(format!("part-{consumed:012}.jsonl"));
        std::fs::set_permissions(file.path(), std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
        file.persist(&target).map_err(|e| e.error)?;
        Ok(())
    }
}

//! The run's error report: one JSON line per record that failed (or was kept with a warning), saying
//! where it came from, which stage gave up on it and why.

use crate::model::Origin;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record is not in the output.
    Error,
    /// The record is in the output, with something left out (an unparseable date, say).
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub file: String,
    /// 1-based line of a JSONL record; absent for whole-file articles and whole-file failures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub stage: String,
    pub severity: Severity,
    pub reason: String,
}

impl ReportEntry {
    pub fn new(origin: &Origin, id: Option<String>, stage: &str, severity: Severity, reason: String) -> Self {
        Self { file: origin.file.display().to_string(), line: origin.line, id, stage: stage.to_string(), severity, reason }
    }
}

pub struct ErrorReport<W: Write> {
    out: W,
}

impl<W: Write> ErrorReport<W> {
    pub fn new(out: W) -> Self {
        Self { out }
    }

    pub fn write(&mut self, entry: &ReportEntry) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, entry)?;
        self.out.write_all(b"\n")
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

//! Stage 1: article readers. Streams records out of any mix of JSONL (plain or gzip), text files,
//! directories and standard input, one at a time, so a dump of any size is never loaded whole. A bad
//! record never stops the stream: it comes out as a `ReadFailure` saying where and why.

mod date;
mod error;
mod inputs;
mod jsonl;
mod line;
mod record;
mod sidecar;
mod text;

pub use date::parse_published_date;
pub use error::ReadError;
pub use inputs::{expand_inputs, total_input_bytes, BadInput, Input};
pub use sidecar::Sidecar;

use crate::model::{Article, Origin};
use std::collections::VecDeque;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// The default cap on one record: far above any real article, low enough to keep memory bounded.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// An article read successfully.
#[derive(Debug)]
pub struct ReadRecord {
    pub article: Article,
    pub origin: Origin,
    /// Problems that did not stop the record (an unparseable date, say).
    pub warnings: Vec<String>,
    /// The record's place in the whole input, when the input says it (`--numbered`).
    pub seq: Option<u64>,
}

/// A record, or a whole input, that could not be read.
#[derive(Debug)]
pub struct ReadFailure {
    pub origin: Origin,
    /// The record's id, when it could still be made out.
    pub id: Option<String>,
    pub error: ReadError,
    /// As for `ReadRecord`.
    pub seq: Option<u64>,
}

pub type ReadItem = Result<ReadRecord, ReadFailure>;

/// Every record of every input, in input order.
pub struct Records {
    pending: VecDeque<Result<Input, BadInput>>,
    current: Option<Box<dyn Iterator<Item = ReadItem> + Send>>,
    /// The input being read, and whether it has given anything yet.
    current_path: PathBuf,
    current_gave_any: bool,
    max_record_bytes: usize,
    bytes_read: Arc<AtomicU64>,
    numbered: bool,
    sidecar: Option<Sidecar>,
}

impl Records {
    pub fn new(inputs: Vec<Result<Input, BadInput>>, max_record_bytes: usize) -> Self {
        Self {
            pending: inputs.into(),
            current: None,
            current_path: PathBuf::new(),
            current_gave_any: false,
            max_record_bytes,
            bytes_read: Arc::default(),
            numbered: false,
            sidecar: None,
        }
    }

    /// Dates and addresses for the records that do not give their own (text files), by record id.
    pub fn with_sidecar(mut self, sidecar: Sidecar) -> Self {
        self.sidecar = Some(sidecar);
        self
    }

    /// JSONL lines are `SEQ<TAB>RECORD`: SEQ is the record's 0-based place in the whole dump (Spark's
    /// `zipWithIndex`), used as its order key and, plus one, as its line number in error reports.
    pub fn numbered(mut self, numbered: bool) -> Self {
        self.numbered = numbered;
        self
    }

    /// Raw input bytes consumed so far (compressed size for gzip), for progress display.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    fn open(&self, input: Input) -> Box<dyn Iterator<Item = ReadItem> + Send> {
        let path = input.path();
        let failed = |error| -> Box<dyn Iterator<Item = ReadItem> + Send> {
            let origin = Origin { file: path.clone(), line: None };
            Box::new(std::iter::once(Err(ReadFailure { origin, id: None, error, seq: None })))
        };
        match input {
            Input::Stdin => {
                let stdin = BufReader::new(std::io::stdin());
                Box::new(jsonl::JsonlRecords::new(stdin, path, false, self.max_record_bytes).numbered(self.numbered))
            }
            Input::Jsonl { path, gzip } => match inputs::open_counted(&path, gzip, &self.bytes_read) {
                Ok(reader) => Box::new(jsonl::JsonlRecords::new(BufReader::new(reader), path, gzip, self.max_record_bytes).numbered(self.numbered)),
                Err(err) => failed(ReadError::Unreadable(err)),
            },
            Input::Text { path, gzip } => {
                let record = inputs::open_counted(&path, gzip, &self.bytes_read)
                    .map_err(ReadError::Unreadable)
                    .and_then(|reader| text::read_text_article(reader, &path, self.max_record_bytes, gzip));
                match record {
                    Ok(record) => Box::new(std::iter::once(Ok(record))),
                    Err(error) => failed(error),
                }
            }
        }
    }
}

impl Iterator for Records {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if let Some(current) = self.current.as_mut() {
                if let Some(mut item) = current.next() {
                    self.current_gave_any = true;
                    if let (Ok(record), Some(sidecar)) = (&mut item, &self.sidecar) {
                        sidecar.complete(&mut record.article);
                    }
                    return Some(item);
                }
                self.current = None;
                // An input with no record (an empty file, blank lines only) does not vanish in silence.
                // Numbered standard input is one task's share of a dump (Spark): an empty share is normal.
                let share_of_a_dump = self.numbered && self.current_path.as_os_str() == "-";
                if !self.current_gave_any && !share_of_a_dump {
                    let origin = Origin { file: std::mem::take(&mut self.current_path), line: None };
                    return Some(Err(ReadFailure { origin, id: None, error: ReadError::NoRecords, seq: None }));
                }
            }
            match self.pending.pop_front()? {
                Ok(input) => {
                    self.current_path = input.path();
                    self.current_gave_any = false;
                    self.current = Some(self.open(input));
                }
                Err(bad) => {
                    let origin = Origin { file: bad.path, line: None };
                    return Some(Err(ReadFailure { origin, id: None, error: bad.error, seq: None }));
                }
            }
        }
    }
}

//! JSONL article dumps (plain or gzip, files or standard input): one record per line, streamed.

use super::line::{read_line_limited, Line};
use super::record::{id_hint, parse_record};
use super::{ReadError, ReadFailure, ReadItem, ReadRecord};
use crate::model::Origin;
use std::io::BufRead;
use std::path::PathBuf;

pub struct JsonlRecords<R> {
    reader: R,
    file: PathBuf,
    gzip: bool,
    max_record_bytes: usize,
    line_number: u64,
    buf: Vec<u8>,
    finished: bool,
    /// Lines are `SEQ<TAB>RECORD` (see `Records::numbered`).
    numbered: bool,
    /// The SEQ of the current line.
    seq: Option<u64>,
}

impl<R: BufRead> JsonlRecords<R> {
    pub fn new(reader: R, file: PathBuf, gzip: bool, max_record_bytes: usize) -> Self {
        Self { reader, file, gzip, max_record_bytes, line_number: 0, buf: Vec::new(), finished: false, numbered: false, seq: None }
    }

    pub fn numbered(mut self, numbered: bool) -> Self {
        self.numbered = numbered;
        self
    }

    fn failure(&self, error: ReadError, id: Option<String>) -> ReadFailure {
        ReadFailure { origin: Origin { file: self.file.clone(), line: Some(self.line_number) }, id, error, seq: self.seq }
    }

    /// Takes the `SEQ<TAB>` prefix off a numbered line: the line number becomes SEQ + 1, the line in
    /// the original dump.
    fn strip_number<'l>(&mut self, line: &'l [u8]) -> Result<&'l [u8], ReadError> {
        let tab = memchr::memchr(b'\t', line).ok_or(ReadError::UnnumberedLine)?;
        let number = std::str::from_utf8(&line[..tab]).map_err(|_| ReadError::UnnumberedLine)?;
        let seq: u64 = number.trim().parse().map_err(|_| ReadError::UnnumberedLine)?;
        let record = &line[tab + 1..];
        self.seq = Some(seq);
        self.line_number = seq + 1;
        Ok(record)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        while !self.finished {
            let line = read_line_limited(&mut self.reader, &mut self.buf, self.max_record_bytes);
            self.line_number += 1;
            // A line too long to keep loses its number with it: its place falls back to its position.
            self.seq = None;
            let error = match line {
                Ok(Line::End) => {
                    self.finished = true;
                    return None;
                }
                Ok(Line::TooLong) => ReadError::TooLarge { limit: self.max_record_bytes },
                Ok(Line::Complete) => {
                    let buf = std::mem::take(&mut self.buf);
                    let item = self.parse_line(&buf);
                    self.buf = buf;
                    match item {
                        Some(item) => return Some(item),
                        None => continue, // blank lines separate nothing and hold no record
                    }
                }
                Err(io_error) => {
                    // The rest of the stream cannot be trusted: report and stop this input.
                    self.finished = true;
                    if self.gzip {
                        ReadError::Gzip(io_error)
                    } else {
                        ReadError::Unreadable(io_error)
                    }
                }
            };
            return Some(Err(self.failure(error, None)));
        }
        None
    }
}

impl<R: BufRead> JsonlRecords<R> {
    /// One complete line: a record, a failure, or nothing for a blank line.
    fn parse_line(&mut self, bytes: &[u8]) -> Option<ReadItem> {
        let bytes = if self.numbered {
            match self.strip_number(bytes) {
                Ok(record) => record,
                Err(error) => return Some(Err(self.failure(error, None))),
            }
        } else {
            bytes
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let error = ReadError::InvalidUtf8 { valid_up_to: err.valid_up_to() };
                return Some(Err(self.failure(error, None)));
            }
        };
        if text.trim().is_empty() {
            return None;
        }
        match parse_record(text) {
            Ok(parsed) => {
                let origin = Origin { file: self.file.clone(), line: Some(self.line_number) };
                Some(Ok(ReadRecord { article: parsed.article, origin, warnings: parsed.warnings, seq: self.seq }))
            }
            Err(error) => Some(Err(self.failure(error, id_hint(text)))),
        }
    }
}

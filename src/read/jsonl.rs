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
}

impl<R: BufRead> JsonlRecords<R> {
    pub fn new(reader: R, file: PathBuf, gzip: bool, max_record_bytes: usize) -> Self {
        Self { reader, file, gzip, max_record_bytes, line_number: 0, buf: Vec::new(), finished: false }
    }

    fn failure(&self, error: ReadError, id: Option<String>) -> ReadFailure {
        ReadFailure { origin: Origin { file: self.file.clone(), line: Some(self.line_number) }, id, error }
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        while !self.finished {
            let line = read_line_limited(&mut self.reader, &mut self.buf, self.max_record_bytes);
            self.line_number += 1;
            let error = match line {
                Ok(Line::End) => {
                    self.finished = true;
                    return None;
                }
                Ok(Line::TooLong) => ReadError::TooLarge { limit: self.max_record_bytes },
                Ok(Line::Complete) => {
                    let text = match std::str::from_utf8(&self.buf) {
                        Ok(text) => text,
                        Err(err) => {
                            let error = ReadError::InvalidUtf8 { valid_up_to: err.valid_up_to() };
                            return Some(Err(self.failure(error, None)));
                        }
                    };
                    if text.trim().is_empty() {
                        continue; // blank lines separate nothing and hold no record
                    }
                    match parse_record(text) {
                        Ok(parsed) => {
                            let origin = Origin { file: self.file.clone(), line: Some(self.line_number) };
                            return Some(Ok(ReadRecord { article: parsed.article, origin, warnings: parsed.warnings }));
                        }
                        Err(error) => {
                            let id = id_hint(text);
                            return Some(Err(self.failure(error, id)));
                        }
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

//! `newsgraph merge`: the reduce step. Reads any number of per-article streams (files written by
//! `extract --per-doc`, Spark's part files, the parts of a resumable run) and feeds their records to a
//! `GraphSink` in input order (`seq`), so the graph is the one a single run over all the input writes.
//! Each stream is read once, front to back: memory holds one record per stream, plus the knowledge
//! layer's summaries.

use super::record::{DocumentRecord, StreamHeader, PER_DOC_FORMAT};
use super::sinks::GraphSink;
use super::RunProvenance;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MergeError {
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: no per-article stream found (a file of `extract --per-doc`, or a directory of part files)")]
    NoStreams { path: String },
    #[error("{path}: empty: a per-article stream starts with its header line")]
    Empty { path: String },
    #[error("{path} line {line}: not a per-article record: {source}")]
    BadRecord { path: String, line: u64, source: serde_json::Error },
    #[error("{path}: per-article format {found}, this newsgraph reads format {PER_DOC_FORMAT}")]
    Format { path: String, found: u32 },
    #[error("{path} was written by another set-up ({theirs}) than {first} ({ours}): streams merged together must come from the same program and model")]
    Mixed { path: String, first: String, theirs: String, ours: String },
    #[error("{path} line {line}: record {seq} comes after record {previous}: a stream must be in input order")]
    OutOfOrder { path: String, line: u64, seq: u64, previous: u64 },
    #[error("record {seq} is in both {first} and {second}: the same share of the input given twice?")]
    Repeated { seq: u64, first: String, second: String },
}

/// One per-article stream being read.
struct Stream {
    name: String,
    lines: Box<dyn BufRead>,
    line: u64,
    last_seq: Option<u64>,
}

impl Stream {
    fn open(path: &Path) -> Result<(Self, StreamHeader), MergeError> {
        let name = path.display().to_string();
        let io_error = |source| MergeError::Io { path: name.clone(), source };
        let lines: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            let file = File::open(path).map_err(io_error)?;
            if path.extension().is_some_and(|e| e == "gz") {
                Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
            } else {
                Box::new(BufReader::new(file))
            }
        };
        let mut stream = Self { name: name.clone(), lines, line: 0, last_seq: None };
        let header = stream.next_line()?.ok_or_else(|| MergeError::Empty { path: name.clone() })?;
        let header: StreamHeader =
            serde_json::from_str(&header).map_err(|source| MergeError::BadRecord { path: name.clone(), line: 1, source })?;
        if header.per_doc_format != PER_DOC_FORMAT {
            return Err(MergeError::Format { path: name, found: header.per_doc_format });
        }
        Ok((stream, header))
    }

    fn next_line(&mut self) -> Result<Option<String>, MergeError> {
        let mut line = String::new();
        loop {
            line.clear();
            let read = self.lines.read_line(&mut line).map_err(|source| MergeError::Io { path: self.name.clone(), source })?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            if !line.trim().is_empty() {
                return Ok(Some(line));
            }
        }
    }

    fn next_record(&mut self) -> Result<Option<DocumentRecord>, MergeError> {
        let Some(line) = self.next_line()? else { return Ok(None) };
        let record: DocumentRecord =
            serde_json::from_str(&line).map_err(|source| MergeError::BadRecord { path: self.name.clone(), line: self.line, source })?;
        let seq = record.seq();
        if let Some(previous) = self.last_seq.filter(|&previous| previous >= seq) {
            return Err(MergeError::OutOfOrder { path: self.name.clone(), line: self.line, seq, previous });
        }
        self.last_seq = Some(seq);
        Ok(Some(record))
    }
}

/// The streams of a merge, opened and checked to come from one set-up.
pub struct PerDocStreams {
    streams: Vec<Stream>,
    provenance: RunProvenance,
}

impl PerDocStreams {
    /// `inputs`: per-article files (`.jsonl`, `.jsonl.gz`), `-` for standard input, or directories: a
    /// resumable run's output directory (its `parts/`) or a directory of part files (`part-*`, as Spark
    /// writes them), taken in name order.
    pub fn open(inputs: &[PathBuf]) -> Result<Self, MergeError> {
        let mut streams = Vec::new();
        let mut first: Option<(String, StreamHeader)> = None;
        for path in inputs.iter().map(|input| stream_files(input)).collect::<Result<Vec<_>, _>>()?.concat() {
            let (stream, header) = Stream::open(&path)?;
            match &first {
                Some((first_name, first_header)) if *first_header != header => {
                    return Err(MergeError::Mixed {
                        path: stream.name,
                        first: first_name.clone(),
                        theirs: describe(&header),
                        ours: describe(first_header),
                    });
                }
                Some(_) => {}
                None => first = Some((stream.name.clone(), header)),
            }
            streams.push(stream);
        }
        let provenance = first.map(|(_, header)| header.provenance()).unwrap_or_default();
        Ok(Self { streams, provenance })
    }

    /// What produced the records: the graph's provenance.
    pub fn provenance(&self) -> &RunProvenance {
        &self.provenance
    }

    /// Feeds every record to `sink`, smallest `seq` first.
    pub fn feed<W: Write, E: Write>(mut self, sink: &mut GraphSink<W, E>, progress: &indicatif::ProgressBar) -> Result<(), MergeError> {
        let mut heads: Vec<Option<DocumentRecord>> = Vec::with_capacity(self.streams.len());
        let mut queue = BinaryHeap::new();
        for (index, stream) in self.streams.iter_mut().enumerate() {
            let head = stream.next_record()?;
            if let Some(record) = &head {
                queue.push(Reverse((record.seq(), index)));
            }
            heads.push(head);
        }
        let mut last: Option<(u64, usize)> = None;
        while let Some(Reverse((seq, index))) = queue.pop() {
            if let Some((last_seq, last_index)) = last.filter(|&(last_seq, _)| last_seq == seq) {
                let (first, second) = (self.streams[last_index].name.clone(), self.streams[index].name.clone());
                return Err(MergeError::Repeated { seq: last_seq, first, second });
            }
            last = Some((seq, index));
            let record = heads[index].take().expect("a queued stream has a head");
            let sink_error = |source| MergeError::Io { path: "the output".into(), source };
            sink.record(record).map_err(sink_error)?;
            if sink.summary().read % 1024 == 0 {
                let summary = sink.summary();
                progress.set_message(format!("merged {} records, {} failed", summary.read, summary.failed));
            }
            if let Some(next) = self.streams[index].next_record()? {
                queue.push(Reverse((next.seq(), index)));
                heads[index] = Some(next);
            }
        }
        Ok(())
    }
}

fn describe(header: &StreamHeader) -> String {
    format!("newsgraph {}, {}", header.software_version, header.ner_model.as_deref().unwrap_or("no NER"))
}

/// The stream files an input names.
fn stream_files(input: &Path) -> Result<Vec<PathBuf>, MergeError> {
    if !input.is_dir() {
        return Ok(vec![input.to_path_buf()]);
    }
    let parts = input.join("parts");
    part_files(if parts.is_dir() { &parts } else { input }).map_err(|error| match error {
        MergeError::NoStreams { .. } => MergeError::NoStreams { path: input.display().to_string() },
        error => error,
    })
}

/// The part files of a directory (`part-*`, as Spark and a resumable run write them), in name order.
pub fn part_files(dir: &Path) -> Result<Vec<PathBuf>, MergeError> {
    let entries = std::fs::read_dir(dir).map_err(|source| MergeError::Io { path: dir.display().to_string(), source })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| MergeError::Io { path: dir.display().to_string(), source })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Spark's `_SUCCESS` and `.crc` files, and a resumable run's unfinished `.part-*` files, are not streams.
        if name.starts_with("part-") && !name.ends_with(".crc") && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    if files.is_empty() {
        return Err(MergeError::NoStreams { path: dir.display().to_string() });
    }
    files.sort();
    Ok(files)
}

//! Chunked, order-keeping parallel execution of the document stages.

use super::report::{ErrorReport, ReportEntry, Severity};
use super::stage::DocumentStage;
use crate::language::{LanguageStage, UnknownLanguageCode};
use crate::model::Document;
use crate::read::{ReadFailure, ReadRecord, Records};
use crate::sentences::SentenceStage;
use indicatif::ProgressBar;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::sync::atomic::Ordering;

/// Receives each finished document, in input order.
pub trait DocumentSink {
    fn accept(&mut self, doc: &Document) -> io::Result<()>;
}

/// How a run is carried out; nothing here changes what the output is.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Worker threads; `None` lets rayon use every core.
    pub threads: Option<usize>,
    /// Documents read before a parallel step: the bound on how many are in memory at once.
    pub chunk_size: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self { threads: None, chunk_size: 256 }
    }
}

/// What happened to the records of a run. Every record read is either written or failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub read: u64,
    pub written: u64,
    pub failed: u64,
    /// Records written with something left out.
    pub warnings: u64,
    /// Written documents per language code.
    pub by_language: BTreeMap<String, u64>,
}

/// The per-document stages, in order.
pub struct Pipeline {
    stages: Vec<Box<dyn DocumentStage>>,
}

impl Pipeline {
    pub fn new() -> Self {
        Self { stages: Vec::new() }
    }

    pub fn with_stage(mut self, stage: impl DocumentStage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self
    }

    /// Language detection then sentence splitting; `forced_language` is `--lang`.
    pub fn standard(forced_language: Option<&str>) -> Result<Self, UnknownLanguageCode> {
        let language = match forced_language {
            Some(code) => LanguageStage::new().with_forced_language(code)?,
            None => LanguageStage::new(),
        };
        Ok(Self::new().with_stage(language).with_stage(SentenceStage))
    }

    /// Runs every record through the stages. Only output errors (the sink, the report) stop a run.
    pub fn run<W: Write>(
        &self,
        records: Records,
        options: &RunOptions,
        sink: &mut dyn DocumentSink,
        report: &mut ErrorReport<W>,
        progress: &ProgressBar,
    ) -> io::Result<RunSummary> {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(threads) = options.threads {
            builder = builder.num_threads(threads);
        }
        let pool = builder.build().map_err(io::Error::other)?;
        let bytes_read = records.bytes_read();
        let mut summary = RunSummary::default();
        let mut seen_ids = HashSet::new();
        let mut records = records.peekable();
        while records.peek().is_some() {
            let chunk: Vec<_> = records.by_ref().take(options.chunk_size.max(1)).collect();
            let slots = read_slots(chunk, &mut seen_ids);
            let slots = pool.install(|| self.process_chunk(slots));
            for slot in slots {
                summary.read += 1;
                match slot {
                    Slot::Done { doc, warnings } => {
                        sink.accept(&doc)?;
                        summary.written += 1;
                        let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str());
                        *summary.by_language.entry(lang.to_string()).or_default() += 1;
                        if !warnings.is_empty() {
                            summary.warnings += 1;
                        }
                        for warning in warnings {
                            let id = Some(doc.article.id.to_string());
                            report.write(&ReportEntry::new(&doc.origin, id, "read", Severity::Warning, warning))?;
                        }
                    }
                    Slot::Failed(entry) => {
                        summary.failed += 1;
                        report.write(&entry)?;
                    }
                }
            }
            progress.set_position(bytes_read.load(Ordering::Relaxed));
            let per_second = summary.read as f64 / progress.elapsed().as_secs_f64().max(1e-3);
            progress.set_message(format!("{} articles ({per_second:.0}/s), {} failed", summary.read, summary.failed));
        }
        Ok(summary)
    }

    /// Runs the stages over one chunk; documents that fail a stage skip the rest. Order is kept.
    fn process_chunk(&self, mut slots: Vec<Slot>) -> Vec<Slot> {
        for stage in &self.stages {
            let (positions, mut live): (Vec<usize>, Vec<&mut Document>) = slots
                .iter_mut()
                .enumerate()
                .filter_map(|(i, slot)| match slot {
                    Slot::Done { doc, .. } => Some((i, doc)),
                    Slot::Failed(_) => None,
                })
                .unzip();
            let results = stage.process_batch(&mut live);
            drop(live);
            for (position, result) in positions.into_iter().zip(results) {
                if let (Err(error), Slot::Done { doc, .. }) = (result, &slots[position]) {
                    let id = Some(doc.article.id.to_string());
                    let entry = ReportEntry::new(&doc.origin, id, stage.name(), Severity::Error, error.reason);
                    slots[position] = Slot::Failed(entry);
                }
            }
        }
        slots
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

/// One record's state within a chunk.
enum Slot {
    Done { doc: Document, warnings: Vec<String> },
    Failed(ReportEntry),
}

/// Turns read results into slots; a repeated article id is a failure of the later record.
fn read_slots(chunk: Vec<Result<ReadRecord, ReadFailure>>, seen_ids: &mut HashSet<u64>) -> Vec<Slot> {
    chunk
        .into_iter()
        .map(|item| match item {
            Ok(record) => {
                let key = id_key(record.article.id.as_str());
                if !seen_ids.insert(key) {
                    let reason = "duplicate article id: an article with this id was read earlier in this run".to_string();
                    let id = Some(record.article.id.to_string());
                    return Slot::Failed(ReportEntry::new(&record.origin, id, "read", Severity::Error, reason));
                }
                Slot::Done { doc: Document::new(record.article, record.origin), warnings: record.warnings }
            }
            Err(failure) => Slot::Failed(ReportEntry::new(
                &failure.origin,
                failure.id,
                "read",
                Severity::Error,
                failure.error.to_string(),
            )),
        })
        .collect()
}

/// 64 bits of an id's hash: enough to tell a billion ids apart, 8 bytes per article of memory.
fn id_key(id: &str) -> u64 {
    let hash = blake3::hash(id.as_bytes());
    u64::from_le_bytes(hash.as_bytes()[..8].try_into().expect("8 bytes"))
}

//! Chunked, order-keeping parallel execution of the document stages.

use super::report::{ReportEntry, Severity};
use crate::model::DocumentStage;
use crate::language::{LanguageStage, SupportedLanguages, UnknownLanguageCode};
use crate::model::{id_key, DetectionMethod, Document, LanguageSource};
use crate::read::{ReadItem, Records};
use crate::sentences::SentenceStage;
use indicatif::ProgressBar;
use std::collections::{BTreeMap, HashSet};
use std::io;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Why a record whose article id was read earlier in the run is left out (the first one stays); the
/// run and `merge` (graph's sinks) say the same.
pub const DUPLICATE_ID_REASON: &str = "duplicate article id: an article with this id was read earlier in this run";

/// Receives each record of a run in input order: finished documents and failures. `seq` is the
/// record's place in the input (its number in `--numbered` input), the key `merge` orders by.
pub trait DocumentSink {
    /// A finished document, with the warnings met reading it.
    fn accept(&mut self, seq: u64, doc: &Document, warnings: &[String]) -> io::Result<()>;

    /// A record that failed; `entry` says where and why.
    fn reject(&mut self, seq: u64, entry: &ReportEntry) -> io::Result<()>;

    /// Every record before `consumed` (a `seq`) has been handed over: a resumable sink makes that
    /// durable here.
    fn chunk_done(&mut self, _consumed: u64) -> io::Result<()> {
        Ok(())
    }
}

/// A deterministic share of the input: the records whose place in it is `index` modulo `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// `"2/4"`: the third of four shards (0-based `index`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let (index, count) = text.split_once('/').ok_or_else(|| format!("shard {text:?}: expected INDEX/COUNT, like 0/4"))?;
        let number = |part: &str| part.trim().parse::<u64>().map_err(|_| format!("shard {text:?}: {part:?} is not a number"));
        let (index, count) = (number(index)?, number(count)?);
        if count == 0 || index >= count {
            return Err(format!("shard {text:?}: INDEX must be below COUNT (0/{count} to {}/{count})", count.saturating_sub(1)));
        }
        Ok(Self { index, count })
    }

    pub fn contains(&self, seq: u64) -> bool {
        seq % self.count == self.index
    }
}

/// How a run is carried out; nothing here changes what a record becomes.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Worker threads; `None` lets rayon use every core.
    pub threads: Option<usize>,
    /// Documents read before a parallel step: the bound on how many are in memory at once.
    pub chunk_size: usize,
    /// Process only this share of the records (the others are read, to keep ids and places, and passed over).
    pub shard: Option<Shard>,
    /// Records before this place were done by an earlier, interrupted run: passed over.
    pub resume_at: u64,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self { threads: None, chunk_size: 256, shard: None, resume_at: 0 }
    }
}

/// What happened to the records of a run. Every record read is either written or failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub read: u64,
    pub written: u64,
    pub failed: u64,
    /// Records written with something left out.
    pub warnings: u64,
    /// Written documents per language code.
    pub by_language: BTreeMap<String, u64>,
    /// Written documents whose language detection decided among the supported languages only (the
    /// unrestricted guess was unsure).
    pub decided_among_supported: u64,
    /// Written documents detected as a close relative whatlang has no model for, by its spellings.
    pub told_from_relative: u64,
    /// Inputs that gave no record (an empty file, a directory with no file we read); each is also a
    /// line of the error report.
    pub empty_inputs: Vec<std::path::PathBuf>,
    /// Records passed over: other shards' and those an earlier run finished.
    pub passed_over: u64,
    /// Words (whitespace-separated) of the written documents.
    pub words: u64,
    /// Wall time per step, in pipeline order: reading, each stage, writing.
    pub timings: Vec<(String, Duration)>,
}

impl RunSummary {
    pub fn count_written(&mut self, lang: &str, with_warnings: bool) {
        self.read += 1;
        self.written += 1;
        *self.by_language.entry(lang.to_string()).or_default() += 1;
        if with_warnings {
            self.warnings += 1;
        }
    }

    pub fn count_failed(&mut self) {
        self.read += 1;
        self.failed += 1;
    }

    fn add_time(&mut self, step: &str, elapsed: Duration) {
        match self.timings.iter_mut().find(|(name, _)| name == step) {
            Some((_, total)) => *total += elapsed,
            None => self.timings.push((step.to_string(), elapsed)),
        }
    }
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
    pub fn standard(forced_language: Option<&str>, supported: SupportedLanguages) -> Result<Self, UnknownLanguageCode> {
        let language = match forced_language {
            Some(code) => LanguageStage::new().with_forced_language(code)?,
            None => LanguageStage::new(),
        }
        .with_supported(supported);
        Ok(Self::new().with_stage(language).with_stage(SentenceStage))
    }

    /// Runs every record through the stages. Only output errors (the sink) stop a run.
    pub fn run(&self, records: Records, options: &RunOptions, sink: &mut dyn DocumentSink, progress: &ProgressBar) -> io::Result<RunSummary> {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(threads) = options.threads {
            builder = builder.num_threads(threads);
        }
        let pool = builder.build().map_err(io::Error::other)?;
        let bytes_read = records.bytes_read();
        let mut summary = RunSummary::default();
        let mut seen_ids = HashSet::new();
        let mut records = records.enumerate().map(|(position, item)| (item_seq(&item).unwrap_or(position as u64), item));
        summary.add_time("read", Duration::ZERO);
        for stage in &self.stages {
            summary.add_time(stage.name(), Duration::ZERO);
        }
        summary.add_time("write", Duration::ZERO);
        loop {
            let started = Instant::now();
            let mut chunk = Vec::new();
            let mut consumed = None;
            for (seq, item) in records.by_ref() {
                consumed = Some(seq + 1);
                let ours = seq >= options.resume_at && options.shard.is_none_or(|shard| shard.contains(seq));
                if !ours {
                    // Passed over, but its id still counts: a later repeat of it is a duplicate here too.
                    if let Ok(record) = &item {
                        seen_ids.insert(id_key(record.article.id.as_str()));
                    }
                    summary.passed_over += 1;
                    continue;
                }
                chunk.push((seq, item));
                if chunk.len() >= options.chunk_size.max(1) {
                    break;
                }
            }
            summary.add_time("read", started.elapsed());
            let Some(consumed) = consumed else { break };
            let slots = read_slots(chunk, &mut seen_ids, &mut summary.empty_inputs);
            let slots = pool.install(|| self.process_chunk(slots, &mut summary));
            let started = Instant::now();
            for (seq, slot) in slots {
                match slot {
                    Slot::Done { doc, warnings } => {
                        sink.accept(seq, &doc, &warnings)?;
                        let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str());
                        summary.count_written(lang, !warnings.is_empty());
                        match doc.language.as_ref().filter(|l| l.source == LanguageSource::Detected).map(|l| l.method) {
                            Some(DetectionMethod::AmongSupported) => summary.decided_among_supported += 1,
                            Some(DetectionMethod::RelativeSpellings) => summary.told_from_relative += 1,
                            _ => {}
                        }
                        summary.words += doc.text().split_whitespace().count() as u64;
                    }
                    Slot::Failed(entry) => {
                        sink.reject(seq, &entry)?;
                        summary.count_failed();
                    }
                }
            }
            sink.chunk_done(consumed)?;
            summary.add_time("write", started.elapsed());
            progress.set_position(bytes_read.load(Ordering::Relaxed));
            progress.set_message(progress_message(&summary, progress.elapsed()));
        }
        Ok(summary)
    }

    /// Runs the stages over one chunk; documents that fail a stage skip the rest. Order is kept.
    fn process_chunk(&self, mut slots: Vec<(u64, Slot)>, summary: &mut RunSummary) -> Vec<(u64, Slot)> {
        for stage in &self.stages {
            let started = Instant::now();
            let (positions, mut live): (Vec<usize>, Vec<&mut Document>) = slots
                .iter_mut()
                .enumerate()
                .filter_map(|(i, (_, slot))| match slot {
                    Slot::Done { doc, .. } => Some((i, doc)),
                    Slot::Failed(_) => None,
                })
                .unzip();
            let results = stage.process_batch(&mut live);
            drop(live);
            for (position, result) in positions.into_iter().zip(results) {
                if let (Err(error), Slot::Done { doc, .. }) = (result, &slots[position].1) {
                    let id = Some(doc.article.id.to_string());
                    let entry = ReportEntry::new(&doc.origin, id, stage.name(), Severity::Error, error.reason);
                    slots[position].1 = Slot::Failed(entry);
                }
            }
            summary.add_time(stage.name(), started.elapsed());
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

/// The place a record declares for itself (`--numbered` input), if any.
fn item_seq(item: &ReadItem) -> Option<u64> {
    match item {
        Ok(record) => record.seq,
        Err(failure) => failure.seq,
    }
}

/// Turns read results into slots; a repeated article id is a failure of the later record.
fn read_slots(chunk: Vec<(u64, ReadItem)>, seen_ids: &mut HashSet<u64>, empty_inputs: &mut Vec<std::path::PathBuf>) -> Vec<(u64, Slot)> {
    chunk
        .into_iter()
        .map(|(seq, item)| {
            let slot = match item {
                Ok(record) => {
                    if !seen_ids.insert(id_key(record.article.id.as_str())) {
                        let id = Some(record.article.id.to_string());
                        Slot::Failed(ReportEntry::new(&record.origin, id, "read", Severity::Error, DUPLICATE_ID_REASON.to_string()))
                    } else {
                        Slot::Done { doc: Document::new(record.article, record.origin), warnings: record.warnings }
                    }
                }
                Err(failure) => {
                    if failure.error.is_empty_input() {
                        empty_inputs.push(failure.origin.file.clone());
                    }
                    Slot::Failed(ReportEntry::new(&failure.origin, failure.id, "read", Severity::Error, failure.error.to_string()))
                }
            };
            (seq, slot)
        })
        .collect()
}

/// "1200 articles (35/s), 21000 words/s, 3 failed".
fn progress_message(summary: &RunSummary, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-3);
    format!(
        "{} articles ({:.0}/s), {:.0} words/s, {} failed",
        summary.read,
        summary.read as f64 / seconds,
        summary.words as f64 / seconds,
        summary.failed
    )
}

//! Measurement of relation extraction against gold annotations: precision, recall and F1 per relation
//! type and per language, modality and role accuracy on matched facts, and every miss and false
//! positive with its evidence, so anyone can see why; entity names and language detection beside them.
//! Used by `newsgraph eval`.

mod entities;
mod gold;
mod matching;
mod report;
mod training;

pub use gold::{read_gold, GoldDocument, GoldRelation};
pub use matching::{predictions, Predicted};
pub use report::{Counts, EvalReport};
pub use training::write_labelled_candidates;

use crate::model::Document;
use crate::pipeline::{DocumentSink, Pipeline, ReportEntry, RunOptions};
use crate::read::{expand_inputs, Records, Sidecar, DEFAULT_MAX_RECORD_BYTES};
use indicatif::ProgressBar;
use std::io;
use std::path::Path;

/// Keeps every document of a run.
struct Collect(Vec<Document>, Vec<ReportEntry>);

impl DocumentSink for Collect {
    fn accept(&mut self, _seq: u64, doc: &Document, _warnings: &[String]) -> io::Result<()> {
        self.0.push(doc.clone());
        Ok(())
    }

    fn reject(&mut self, _seq: u64, entry: &ReportEntry) -> io::Result<()> {
        self.1.push(entry.clone());
        Ok(())
    }
}

/// Runs the pipeline over the gold documents (read from `docs`) and scores its facts.
pub fn evaluate(gold: &[GoldDocument], docs: &Path, pipeline: &Pipeline) -> io::Result<EvalReport> {
    let mut report = EvalReport::default();
    for (gold, doc) in gold.iter().zip(&run_documents(gold, docs, pipeline)?) {
        report.add_document(gold, doc);
    }
    Ok(report)
}

/// The gold documents as the pipeline leaves them, in gold order. A `meta.jsonl` beside the articles'
/// folder (the corpus layout) gives them their publication dates, as a dump's records would.
fn run_documents(gold: &[GoldDocument], docs: &Path, pipeline: &Pipeline) -> io::Result<Vec<Document>> {
    let paths: Vec<_> = gold.iter().map(|g| g.path(docs)).collect();
    let mut records = Records::new(expand_inputs(&paths), DEFAULT_MAX_RECORD_BYTES);
    if let Some(meta) = docs.parent().map(|p| p.join("meta.jsonl")).filter(|p| p.is_file()) {
        records = records.with_sidecar(Sidecar::read(&meta)?);
    }
    let mut collected = Collect(Vec::new(), Vec::new());
    pipeline.run(records, &RunOptions::default(), &mut collected, &ProgressBar::hidden())?;
    if !collected.1.is_empty() {
        let failures: Vec<String> = collected.1.iter().map(|e| format!("{} ({}): {}", e.file, e.stage, e.reason)).collect();
        return Err(io::Error::other(format!("some gold documents could not be processed:\n{}", failures.join("\n"))));
    }
    Ok(collected.0)
}

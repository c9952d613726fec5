//! Measurement of relation extraction against gold annotations: precision, recall and F1 per relation
//! type and per language, modality and role accuracy on matched facts, and every miss and false
//! positive with its evidence, so anyone can see why. Used by `newsgraph eval`.

mod gold;
mod matching;
mod report;

pub use gold::{read_gold, GoldDocument, GoldRelation};
pub use matching::{predictions, Predicted};
pub use report::{Counts, EvalReport};

use crate::model::Document;
use crate::pipeline::{DocumentSink, ErrorReport, Pipeline, RunOptions};
use crate::read::{expand_inputs, Records, DEFAULT_MAX_RECORD_BYTES};
use indicatif::ProgressBar;
use std::io;
use std::path::Path;

/// Keeps every document of a run.
struct Collect(Vec<Document>);

impl DocumentSink for Collect {
    fn accept(&mut self, doc: &Document) -> io::Result<()> {
        self.0.push(doc.clone());
        Ok(())
    }
}

/// Runs the pipeline over the gold documents (read from `docs`) and scores its facts.
pub fn evaluate(gold: &[GoldDocument], docs: &Path, pipeline: &Pipeline) -> io::Result<EvalReport> {
    let paths: Vec<_> = gold.iter().map(|g| g.path(docs)).collect();
    let records = Records::new(expand_inputs(&paths), DEFAULT_MAX_RECORD_BYTES);
    let mut collected = Collect(Vec::new());
    let mut errors = ErrorReport::new(Vec::new());
    pipeline.run(records, &RunOptions::default(), &mut collected, &mut errors, &ProgressBar::hidden())?;
    let failures = String::from_utf8_lossy(&errors.finish()?).into_owned();
    if !failures.trim().is_empty() {
        return Err(io::Error::other(format!("some gold documents could not be processed:\n{failures}")));
    }
    let mut report = EvalReport::default();
    for (gold, doc) in gold.iter().zip(&collected.0) {
        report.add_document(gold, doc);
    }
    Ok(report)
}

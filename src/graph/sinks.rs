//! Where a run's records go: into a graph and its error report (`GraphSink`, also what `merge` feeds),
//! or out as per-article records (`PerDocSink`, for `--per-doc` and the parts of a resumable run).

use super::record::{DocumentRecord, FailureRecord, StreamHeader};
use super::{JsonLdWriter, RunProvenance};
use crate::model::{id_key, Document, Origin};
use crate::pipeline::{DocumentSink, ErrorReport, ReportEntry, RunSummary, Severity, DUPLICATE_ID_REASON};
use crate::resolve::Registry;
use std::collections::HashSet;
use std::io::{self, Write};

/// Writes the graph and the error report from records in input order. Repeated article ids are
/// caught here too: records processed apart (Spark partitions) may repeat one.
pub struct GraphSink<W: Write, E: Write> {
    writer: JsonLdWriter<W>,
    report: ErrorReport<E>,
    seen_ids: HashSet<u64>,
    summary: RunSummary,
}

impl<W: Write, E: Write> GraphSink<W, E> {
    pub fn new(writer: JsonLdWriter<W>, report: ErrorReport<E>) -> Self {
        Self { writer, report, seen_ids: HashSet::new(), summary: RunSummary::default() }
    }

    pub fn record(&mut self, record: DocumentRecord) -> io::Result<()> {
        match record {
            DocumentRecord::Article(article) => {
                if !self.seen_ids.insert(id_key(&article.id)) {
                    let origin = Origin { file: article.origin.file.clone().into(), line: article.origin.line };
                    let entry = ReportEntry::new(&origin, Some(article.id.clone()), "read", Severity::Error, DUPLICATE_ID_REASON.to_string());
                    return self.fail(&entry);
                }
                self.summary.count_written(&article.lang, !article.warnings.is_empty());
                for warning in &article.warnings {
                    self.report.write(warning)?;
                }
                let iri = article.article_iri();
                self.writer.add_article(iri, &article.article, article.knowledge)
            }
            DocumentRecord::Failure(FailureRecord { error, .. }) => {
                // A record that failed after reading had its id taken (a repeat of it is a duplicate);
                // one that is itself a repeat is reported as one, as a single run would.
                if let (Some(id), true) = (&error.id, error.stage != "read") {
                    if !self.seen_ids.insert(id_key(id)) {
                        let entry = ReportEntry { stage: "read".into(), reason: DUPLICATE_ID_REASON.to_string(), ..error };
                        return self.fail(&entry);
                    }
                }
                self.fail(&error)
            }
        }
    }

    fn fail(&mut self, entry: &ReportEntry) -> io::Result<()> {
        self.summary.count_failed();
        self.report.write(entry)
    }

    pub fn summary(&self) -> &RunSummary {
        &self.summary
    }

    /// Writes the knowledge layer and closes both outputs.
    pub fn finish(self) -> io::Result<(W, E, Option<Registry>, RunSummary)> {
        let (out, registry) = self.writer.finish_with_registry()?;
        let report = self.report.finish()?;
        Ok((out, report, registry, self.summary))
    }
}

impl<W: Write, E: Write> DocumentSink for GraphSink<W, E> {
    fn accept(&mut self, seq: u64, doc: &Document, warnings: &[String]) -> io::Result<()> {
        let record = DocumentRecord::article(seq, doc, warnings, self.writer.activity());
        self.record(record)
    }

    fn reject(&mut self, seq: u64, entry: &ReportEntry) -> io::Result<()> {
        self.record(DocumentRecord::Failure(FailureRecord { seq, error: entry.clone() }))
    }
}

/// Writes one JSON line per record after a header line (`docs/per-doc.md`).
pub struct PerDocSink<W: Write> {
    out: W,
    activity: String,
}

impl<W: Write> PerDocSink<W> {
    pub fn for_writer(mut out: W, provenance: &RunProvenance) -> io::Result<Self> {
        serde_json::to_writer(&mut out, &StreamHeader::new(provenance))?;
        out.write_all(b"\n")?;
        Ok(Self { out, activity: provenance.activity_iri() })
    }

    fn write(&mut self, record: &DocumentRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> DocumentSink for PerDocSink<W> {
    fn accept(&mut self, seq: u64, doc: &Document, warnings: &[String]) -> io::Result<()> {
        let record = DocumentRecord::article(seq, doc, warnings, &self.activity);
        self.write(&record)
    }

    fn reject(&mut self, seq: u64, entry: &ReportEntry) -> io::Result<()> {
        self.write(&DocumentRecord::Failure(FailureRecord { seq, error: entry.clone() }))
    }
}

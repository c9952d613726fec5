//! The runner: reads records in order, sends them through the per-document stages in parallel chunks,
//! and hands finished documents to a sink and failures to the error report, both in input order, so the
//! output is the same whatever the thread count. Memory is bounded by the chunk size, not the input.

mod atomic_file;
mod report;
mod runner;
mod sorted_runs;

pub use atomic_file::{AtomicFile, Output};
pub use report::{ErrorReport, ReportEntry, Severity};
pub use runner::{DocumentSink, Pipeline, RunOptions, RunSummary, Shard, DUPLICATE_ID_REASON};
pub use sorted_runs::{Sorted, SortedRuns};
// The stage contract lives with the data it works on, so stages need not import their runner.
pub use crate::model::{DocumentStage, StageError};

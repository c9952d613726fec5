//! The `newsgraph` command line: parses arguments, runs the pipeline, reports, and maps the outcome to
//! documented exit codes. All logic lives in the library; anyhow lives only here.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::graph::{GraphFormat, JsonLdWriter, RunProvenance};
use newsgraph::ner::{self, NerStage, OnnxOptions, Recognizer};
use newsgraph::pipeline::{ErrorReport, Pipeline, RunOptions, RunSummary};
use newsgraph::eval::read_gold;
use newsgraph::relations::RelationStage;
use newsgraph::resolve::{Registry, WithinDocumentStage};
use newsgraph::read::{expand_inputs, total_input_bytes, Records, DEFAULT_MAX_RECORD_BYTES};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, documented in the README. Clap uses 2 for usage errors.
const EXIT_FATAL: u8 = 1;
const EXIT_SOME_RECORDS_FAILED: u8 = 3;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "News article dumps in, a knowledge graph of roles and departures out.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, detect languages, split sentences and write the graph as JSON-LD.
    Extract(ExtractArgs),
    /// Run the pipeline over gold-annotated articles and score its facts (P/R/F1, modality accuracy).
    Eval(EvalArgs),
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// JSON-LD 1.1, compact, context inline.
    Jsonld,
    /// N-Quads: the same triples, for loaders that prefer them.
    Nquads,
}

#[derive(Args)]
struct EvalArgs {
    /// Gold annotations: a JSONL file like eval-dev/gold.jsonl or a JSON file like seeds/expected.json.
    #[arg(long)]
    gold: PathBuf,
    /// The directory holding the annotated articles (ID.txt, or the files expected.json names).
    #[arg(long)]
    docs: PathBuf,
    /// The NER model directory [default: the model shipped in models/ner].
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Args)]
struct ExtractArgs {
    /// Inputs: .jsonl, .jsonl.gz, .txt, .txt.gz files, directories (read recursively), or - for JSONL on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where the graph goes (- for standard output). Written to a temporary file and renamed at the end.
    #[arg(short, long)]
    output: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonld)]
    format: Format,
    /// The error report, one JSON line per failed record [default: next to the output, NAME.errors.jsonl;
    /// standard error when the output is standard output].
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Worker threads [default: all cores]. The output does not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// Process every article as this language (ISO 639-1), whatever its record says or detection finds.
    #[arg(long)]
    lang: Option<String>,
    /// Records larger than this many bytes are reported as errors instead of read.
    #[arg(long, default_value_t = DEFAULT_MAX_RECORD_BYTES)]
    max_record_bytes: usize,
    /// The NER model directory [default: the model shipped in models/ner].
    #[arg(long)]
    model: Option<PathBuf>,
    /// An entity registry (JSON): identifiers of earlier runs are reused, and this run's entities and
    /// names are added to it when the run ends. Created when missing.
    #[arg(long)]
    registry: Option<PathBuf>,
    /// Skip named-entity recognition (read, detect languages and split sentences only).
    #[arg(long)]
    no_ner: bool,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(&args),
        Command::Eval(args) => evaluate(&args),
    };
    match result {
        Ok(summary) if summary.failed > 0 => ExitCode::from(EXIT_SOME_RECORDS_FAILED),
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsgraph: error: {error:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// Every stage: language, sentences, then (unless `no_ner`) NER, within-document resolution, relations.
fn full_pipeline(lang: Option<&str>, model: Option<&Path>, threads: Option<usize>, no_ner: bool) -> Result<(Pipeline, RunProvenance)> {
    let mut pipeline = Pipeline::standard(lang)?;
    let mut provenance = RunProvenance::default();
    if !no_ner {
        let stage = ner_stage(model, threads)?;
        provenance.ner_model = Some(stage.describe());
        pipeline = pipeline.with_stage(stage).with_stage(WithinDocumentStage).with_stage(RelationStage);
    }
    Ok((pipeline, provenance))
}

fn evaluate(args: &EvalArgs) -> Result<RunSummary> {
    let gold = read_gold(&args.gold).map_err(anyhow::Error::msg)?;
    let (pipeline, _) = full_pipeline(None, args.model.as_deref(), None, false)?;
    let report = newsgraph::eval::evaluate(&gold, &args.docs, &pipeline)?;
    print!("{report}");
    Ok(RunSummary::default())
}

fn extract(args: &ExtractArgs) -> Result<RunSummary> {
    let (pipeline, provenance) = full_pipeline(args.lang.as_deref(), args.model.as_deref(), args.threads, args.no_ner)?;
    let inputs = expand_inputs(&args.inputs);
    let progress = progress_bar(total_input_bytes(&inputs), args.quiet);
    let records = Records::new(inputs, args.max_record_bytes);
    let options = RunOptions { threads: args.threads, ..RunOptions::default() };

    let to_stdout = args.output.as_os_str() == "-";
    let errors_path = args.errors.clone().or_else(|| (!to_stdout).then(|| default_errors_path(&args.output)));
    let mut report = match &errors_path {
        Some(path) => ErrorReport::new(Box::new(BufWriter::new(create(path)?)) as Box<dyn Write>),
        None => ErrorReport::new(Box::new(io::stderr()) as Box<dyn Write>),
    };

    // Read before any work, so that a bad registry fails the run at once.
    let registry = match &args.registry {
        Some(path) => Some(Registry::load(path).with_context(|| format!("cannot read the registry {}", path.display()))?),
        None => None,
    };

    let (summary, registry) = if to_stdout {
        let writer = JsonLdWriter::with_format(BufWriter::new(io::stdout().lock()), graph_format(args.format), &provenance)?;
        let mut writer = attach_registry(writer, registry);
        let summary = pipeline.run(records, &options, &mut writer, &mut report, &progress)?;
        let (_, registry) = writer.finish_with_registry()?;
        (summary, registry)
    } else {
        // A run that dies half-way leaves no half-written graph behind under the output's name.
        let directory = args.output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let temporary = tempfile::NamedTempFile::new_in(directory)
            .with_context(|| format!("cannot write in {}", directory.display()))?;
        let writer = JsonLdWriter::with_format(BufWriter::new(temporary), graph_format(args.format), &provenance)?;
        let mut writer = attach_registry(writer, registry);
        let summary = pipeline.run(records, &options, &mut writer, &mut report, &progress)?;
        let (temporary, registry) = writer.finish_with_registry()?;
        let temporary = temporary.into_inner().map_err(|e| e.into_error())?;
        // A temporary file is private (0600); the graph is an ordinary output file.
        std::fs::set_permissions(temporary.path(), std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
        temporary.persist(&args.output).with_context(|| format!("cannot write {}", args.output.display()))?;
        (summary, registry)
    };
    // The registry is saved only once the graph is complete: the two never disagree.
    if let (Some(path), Some(registry)) = (&args.registry, registry) {
        registry.save(path).with_context(|| format!("cannot write the registry {}", path.display()))?;
    }
    report.finish()?;
    progress.finish_and_clear();
    print_summary(&summary, &args.output, errors_path.as_deref());
    Ok(summary)
}

/// The shipped model (or `--model`) through ONNX Runtime, using as many threads as the run.
fn ner_stage(model: Option<&Path>, threads: Option<usize>) -> Result<NerStage> {
    let model_dir = model.map(Path::to_path_buf).unwrap_or_else(ner::default_model_dir);
    let library = ner::library_path().context("cannot locate ONNX Runtime: set ORT_DYLIB_PATH")?;
    if !library.exists() {
        anyhow::bail!("ONNX Runtime not found at {}: run scripts/setup.sh, or set ORT_DYLIB_PATH", library.display());
    }
    let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let recognizer = ner::onnx_recognizer(&model_dir, &library, OnnxOptions { intra_threads: threads })?;
    eprintln!("newsgraph: NER with {}", recognizer.describe());
    Ok(NerStage::new(recognizer))
}

fn attach_registry<W: Write>(writer: JsonLdWriter<W>, registry: Option<Registry>) -> JsonLdWriter<W> {
    match registry {
        Some(registry) => writer.with_registry(registry),
        None => writer,
    }
}

fn graph_format(format: Format) -> GraphFormat {
    match format {
        Format::Jsonld => GraphFormat::JsonLd,
        Format::Nquads => GraphFormat::NQuads,
    }
}

fn create(path: &Path) -> Result<File> {
    File::create(path).with_context(|| format!("cannot create {}", path.display()))
}

/// `out/graph.jsonld` -> `out/graph.errors.jsonl`.
fn default_errors_path(output: &Path) -> PathBuf {
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "newsgraph".into());
    output.with_file_name(format!("{stem}.errors.jsonl"))
}

/// A byte-based bar (articles are of any size) with the article count as message; hidden when stderr is
/// not a terminal or with `--quiet`.
fn progress_bar(total_bytes: Option<u64>, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = match total_bytes {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = "{spinner} [{elapsed_precise}] {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}";
    bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
    bar
}

fn print_summary(summary: &RunSummary, output: &Path, errors: Option<&Path>) {
    let languages: Vec<String> = summary.by_language.iter().map(|(lang, n)| format!("{lang} {n}")).collect();
    eprintln!(
        "newsgraph: read {}, written {}, failed {}, with warnings {}; languages: {}",
        summary.read,
        summary.written,
        summary.failed,
        summary.warnings,
        if languages.is_empty() { "none".to_string() } else { languages.join(", ") }
    );
    eprintln!("newsgraph: graph written to {}", output.display());
    if let Some(errors) = errors {
        eprintln!("newsgraph: error report in {}", errors.display());
    }
}

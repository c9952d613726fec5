//! The `newsgraph` command line: parses arguments, runs the pipeline, reports, and maps the outcome to
//! documented exit codes. All logic lives in the library; anyhow lives only here.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::eval::{read_gold, write_labelled_candidates};
use newsgraph::graph::{
    part_files, run_step, GraphFormat, GraphSink, InputStamp, JsonLdWriter, MergeStep, OutputDir, PerDocSink, PerDocStreams, RunManifest, RunProvenance, StreamHeader, DEFAULT_MEMORY,
};
use newsgraph::ner::{self, NerStage, OnnxOptions, Recognizer};
use newsgraph::pipeline::{ErrorReport, Output, Pipeline, RunOptions, RunSummary, Shard};
use newsgraph::read::{expand_inputs, total_input_bytes, Records, Sidecar, DEFAULT_MAX_RECORD_BYTES};
use newsgraph::language::SupportedLanguages;
use newsgraph::lexicon::Lexicon;
use newsgraph::relations::{default_relation_model_dir, RelationModel, RelationStage};
use newsgraph::resolve::{Registry, WithinDocumentStage};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
    /// Merge per-article outputs (`extract --per-doc`, Spark part files, output directories) into one graph.
    Merge(MergeArgs),
    /// Run the pipeline over gold-annotated articles and score its facts (P/R/F1, modality accuracy).
    Eval(EvalArgs),
    /// Write the relation model's training data: every candidate fact in gold-annotated articles, with
    /// its features and its gold label, one JSON line each (read by scripts/relations/train.py).
    Candidates(CandidatesArgs),
    /// One step of the knowledge layer over standard input, for a cluster (scripts/spark/newsgraph_spark.py):
    /// lines in, lines out.
    #[command(hide = true)]
    MergeStep(MergeStepArgs),
    /// Write a self-contained HTML page of a graph (from extract or merge): per organisation, a timeline
    /// of who left, replaced and joined whom, modality shown, people and roles, filters, evidence.
    Report(ReportArgs),
}

#[derive(Args)]
struct ReportArgs {
    /// A JSON-LD graph written by `extract` or `merge` (`graph.jsonld` of an --output-dir too).
    graph: PathBuf,
    /// Where the page goes.
    #[arg(short, long)]
    output: PathBuf,
}

#[derive(Args)]
struct CandidatesArgs {
    /// Gold annotations, as for `eval`.
    #[arg(long)]
    gold: PathBuf,
    /// The directory holding the annotated articles.
    #[arg(long)]
    docs: PathBuf,
    /// Where the JSON lines go.
    #[arg(long)]
    output: PathBuf,
    /// The NER model directory [default: the model shipped in models/ner].
    #[arg(long)]
    model: Option<PathBuf>,
}

/// How facts are extracted: `--relation-model DIR` or `--rules`.
#[derive(Args, Clone, Default)]
struct RelationArgs {
    /// The relation model directory [default: the model shipped in models/relations].
    #[arg(long, conflicts_with = "rules")]
    relation_model: Option<PathBuf>,
    /// Extract facts with the hand-written rules alone, without the relation model.
    #[arg(long)]
    rules: bool,
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
    #[command(flatten)]
    relations: RelationArgs,
}

#[derive(Args)]
struct ExtractArgs {
    /// Inputs: .jsonl, .jsonl.gz, .txt, .txt.gz files, directories (read recursively), or - for JSONL on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where the graph goes (- for standard output). Written to a temporary file and renamed at the end.
    #[arg(short, long, required_unless_present = "output_dir", conflicts_with = "output_dir")]
    output: Option<PathBuf>,
    /// A resumable run: finished records are saved in DIR/parts as the run goes; run the same command
    /// again after an interruption and it carries on where it stopped. The graph is DIR/graph.jsonld
    /// and the error report DIR/errors.jsonl.
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,
    /// Write one JSON line per article (mentions, entities, facts, failures) instead of a graph, for
    /// `newsgraph merge`: the map step of a distributed run.
    #[arg(long, conflicts_with = "output_dir")]
    per_doc: bool,
    /// Process only share INDEX of COUNT (0-based): the records whose place in the input is INDEX
    /// modulo COUNT. The shards' --per-doc outputs or output directories merge into the graph of one run.
    #[arg(long, value_name = "INDEX/COUNT", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// JSONL lines are `SEQ<TAB>RECORD`, SEQ being the record's 0-based place in the whole dump (what
    /// the Spark recipe feeds each partition, so partitions merge in input order).
    #[arg(long)]
    numbered: bool,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonld)]
    format: Format,
    /// The error report, one JSON line per failed record [default: next to the output, NAME.errors.jsonl;
    /// standard error when the output is standard output].
    #[arg(long, conflicts_with = "per_doc")]
    errors: Option<PathBuf>,
    /// Worker threads [default: all cores]. The output does not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// Articles read before each parallel step: bounds memory; the output does not depend on it.
    #[arg(long, default_value_t = RunOptions::default().chunk_size)]
    chunk_size: usize,
    /// Process every article as this language (ISO 639-1), whatever its record says or detection finds.
    #[arg(long)]
    lang: Option<String>,
    /// Records larger than this many bytes are reported as errors instead of read.
    #[arg(long, default_value_t = DEFAULT_MAX_RECORD_BYTES)]
    max_record_bytes: usize,
    /// Metadata for text-file articles: a JSONL file of {"id", "date", "url"} (id = the file name without
    /// .txt). A record's own date and url win. The date tells an event still to come from one done.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    /// The NER model directory [default: the model shipped in models/ner].
    #[arg(long)]
    model: Option<PathBuf>,
    /// An entity registry (JSON): identifiers of earlier runs are reused, and this run's entities and
    /// names are added to it when the run ends. Created when missing.
    #[arg(long, conflicts_with = "per_doc")]
    registry: Option<PathBuf>,
    /// Skip named-entity recognition (read, detect languages and split sentences only).
    #[arg(long)]
    no_ner: bool,
    #[command(flatten)]
    relations: RelationArgs,
    /// Print the time spent in each step at the end.
    #[arg(long)]
    timings: bool,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args)]
struct MergeArgs {
    /// Per-article streams: files (.jsonl, .jsonl.gz), directories of part files (Spark's output, or an
    /// --output-dir), or - for standard input. Records are merged in input order, whatever the order here.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where the graph goes (- for standard output).
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Jsonld)]
    format: Format,
    /// The error report [default: next to the output, NAME.errors.jsonl; standard error for -].
    #[arg(long)]
    errors: Option<PathBuf>,
    /// An entity registry, as for extract.
    #[arg(long)]
    registry: Option<PathBuf>,
    /// MiB the sorts of the knowledge layer (entities by blocking key, entity nodes, facts) may take
    /// together; past it, sorted runs go to a temporary file and are merged from there (same output).
    #[arg(long, default_value_t = DEFAULT_MEMORY >> 20)]
    memory: usize,
    /// Knowledge nodes merged on a cluster (a directory of part files, scripts/spark/newsgraph_spark.py),
    /// written instead of merging the records' entities and facts here.
    #[arg(long, conflicts_with = "registry")]
    knowledge: Option<PathBuf>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args)]
struct MergeStepArgs {
    #[arg(value_enum)]
    step: MergeStep,
    /// MiB the step's sort may take; past it, sorted runs go to a temporary file.
    #[arg(long, default_value_t = DEFAULT_MEMORY >> 20)]
    memory: usize,
    /// The records' stream header line (fact-nodes: the extraction activity the facts cite).
    #[arg(long)]
    header: Option<String>,
}

/// Where a graph and its error report go.
struct GraphTarget {
    output: PathBuf,
    format: GraphFormat,
    errors: Option<PathBuf>,
    registry: Option<PathBuf>,
    /// Bytes the sorts of the knowledge layer may take together (`--memory` of merge).
    merge_memory: usize,
    /// `--knowledge` of merge: the part files of knowledge nodes merged on a cluster.
    knowledge_nodes: Option<Vec<PathBuf>>,
}

impl GraphTarget {
    fn errors_path(&self) -> Option<PathBuf> {
        let to_stdout = self.output.as_os_str() == "-";
        self.errors.clone().or_else(|| (!to_stdout).then(|| default_errors_path(&self.output)))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(&args),
        Command::Merge(args) => merge(&args),
        Command::Eval(args) => evaluate(&args),
        Command::Candidates(args) => write_candidates(&args),
        Command::Report(args) => write_report(&args),
        Command::MergeStep(args) => merge_step(&args),
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
fn full_pipeline(lang: Option<&str>, model: Option<&Path>, threads: Option<usize>, no_ner: bool, relations: &RelationArgs) -> Result<(Pipeline, RunProvenance)> {
    let supported = SupportedLanguages::new(Lexicon::supported_languages());
    let mut pipeline = Pipeline::standard(lang, supported)?;
    let mut provenance = RunProvenance::default();
    if !no_ner {
        let stage = ner_stage(model, threads)?;
        provenance.ner_model = Some(stage.describe());
        pipeline = pipeline.with_stage(stage).with_stage(WithinDocumentStage).with_stage(relation_stage(relations)?);
    }
    Ok((pipeline, provenance))
}

/// The relation model (`--relation-model`, else the shipped one), or the rules with `--rules`.
fn relation_stage(args: &RelationArgs) -> Result<RelationStage> {
    if args.rules {
        eprintln!("newsgraph: relations with the hand-written rules");
        return Ok(RelationStage::rules());
    }
    let dir = args.relation_model.clone().unwrap_or_else(default_relation_model_dir);
    let library = ner::library_path().context("cannot locate ONNX Runtime: set ORT_DYLIB_PATH")?;
    let model = RelationModel::open(&dir, &library).map_err(anyhow::Error::msg)?;
    let stage = RelationStage::learned(model);
    eprintln!("newsgraph: relations with {}", stage.describe());
    Ok(stage)
}

fn evaluate(args: &EvalArgs) -> Result<RunSummary> {
    let gold = read_gold(&args.gold).map_err(anyhow::Error::msg)?;
    let (pipeline, _) = full_pipeline(None, args.model.as_deref(), None, false, &args.relations)?;
    let report = newsgraph::eval::evaluate(&gold, &args.docs, &pipeline)?;
    print!("{report}");
    Ok(RunSummary::default())
}

fn write_report(args: &ReportArgs) -> Result<RunSummary> {
    let file = std::fs::File::open(&args.graph).with_context(|| format!("cannot read {}", args.graph.display()))?;
    let graph: serde_json::Value = serde_json::from_reader(std::io::BufReader::new(file))
        .with_context(|| format!("{} is not JSON (the report reads JSON-LD graphs, not N-Quads)", args.graph.display()))?;
    let data = newsgraph::report::report_data(&graph)?;
    let mut out = Output::create(&args.output).with_context(|| format!("cannot create {}", args.output.display()))?;
    out.write_all(newsgraph::report::render(&data).as_bytes())?;
    out.commit().with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!("newsgraph: {} facts from {} articles in {}", data.facts.len(), data.articles, args.output.display());
    Ok(RunSummary::default())
}

fn write_candidates(args: &CandidatesArgs) -> Result<RunSummary> {
    let gold = read_gold(&args.gold).map_err(anyhow::Error::msg)?;
    let rules = RelationArgs { relation_model: None, rules: true };
    let (pipeline, _) = full_pipeline(None, args.model.as_deref(), None, false, &rules)?;
    let mut out = BufWriter::new(Output::create(&args.output).with_context(|| format!("cannot create {}", args.output.display()))?);
    let written = write_labelled_candidates(&gold, &args.docs, &pipeline, &mut out)?;
    out.into_inner().map_err(|e| e.into_error())?.commit().with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!("newsgraph: {written} candidates from {} documents written to {}", gold.len(), args.output.display());
    Ok(RunSummary::default())
}

fn extract(args: &ExtractArgs) -> Result<RunSummary> {
    let started = Instant::now();
    let (pipeline, provenance) = full_pipeline(args.lang.as_deref(), args.model.as_deref(), args.threads, args.no_ner, &args.relations)?;
    let inputs = expand_inputs(&args.inputs);
    let progress = progress_bar(total_input_bytes(&inputs), args.quiet);
    let stamps = input_stamps(&inputs);
    let mut records = Records::new(inputs, args.max_record_bytes).numbered(args.numbered);
    if let Some(meta) = &args.meta {
        records = records.with_sidecar(Sidecar::read(meta).with_context(|| format!("cannot read the metadata file {}", meta.display()))?);
    }
    let mut options = RunOptions { threads: args.threads, chunk_size: args.chunk_size, shard: args.shard, ..RunOptions::default() };

    let (summary, shown_output, errors_path) = if let Some(dir) = &args.output_dir {
        let manifest = RunManifest {
            inputs: stamps,
            shard: args.shard.map(|s| format!("{}/{}", s.index, s.count)),
            lang: args.lang.clone(),
            numbered: args.numbered,
            max_record_bytes: args.max_record_bytes,
            meta: args.meta.as_ref().map(|m| stamp(m)),
            producer: StreamHeader::new(&provenance),
        };
        let (dir, resume_at) = OutputDir::open(dir, &manifest)?;
        if resume_at > 0 {
            eprintln!("newsgraph: resuming: the first {resume_at} records were done by an earlier run");
        }
        options.resume_at = resume_at;
        let registry = load_registry(args.registry.as_ref())?;
        let mut parts = dir.parts_sink(&provenance);
        let mut run = pipeline.run(records, &options, &mut parts, &progress)?;
        let merge_started = Instant::now();
        let target = GraphTarget {
            output: dir.graph_path(format_extension(args.format)),
            format: graph_format(args.format),
            errors: Some(dir.errors_path()),
            registry: args.registry.clone(),
            merge_memory: DEFAULT_MEMORY,
            knowledge_nodes: None,
        };
        let streams = PerDocStreams::open(&[dir.parts()])?;
        let merged_provenance = streams.provenance().clone();
        let mut merged = write_graph(&target, registry, &merged_provenance, |sink| Ok(streams.feed(sink, &progress)?))?;
        run.timings.push(("merge".into(), merge_started.elapsed()));
        merged.timings = run.timings;
        merged.words = run.words;
        merged.decided_among_supported = run.decided_among_supported;
        merged.told_from_relative = run.told_from_relative;
        merged.empty_inputs = run.empty_inputs;
        (merged, target.output.clone(), target.errors_path())
    } else if args.per_doc {
        let output = args.output.clone().expect("clap requires --output without --output-dir");
        let mut sink = PerDocSink::for_writer(BufWriter::new(Output::create(&output)?), &provenance)?;
        let summary = pipeline.run(records, &options, &mut sink, &progress)?;
        sink.finish()?.into_inner().map_err(|e| e.into_error())?.commit()?;
        (summary, output, None)
    } else {
        let output = args.output.clone().expect("clap requires --output without --output-dir");
        let target = GraphTarget { output, format: graph_format(args.format), errors: args.errors.clone(), registry: args.registry.clone(), merge_memory: DEFAULT_MEMORY, knowledge_nodes: None };
        let mut summary = None;
        let from_sink = write_graph(&target, load_registry(args.registry.as_ref())?, &provenance, |sink| {
            summary = Some(pipeline.run(records, &options, sink, &progress)?);
            Ok(())
        })?;
        let summary = summary.unwrap_or(from_sink);
        (summary, target.output.clone(), target.errors_path())
    };
    progress.finish_and_clear();
    print_summary(&summary, &shown_output, args.per_doc, errors_path.as_deref(), started.elapsed());
    if args.timings {
        print_timings(&summary.timings, started.elapsed());
    }
    Ok(summary)
}

fn merge(args: &MergeArgs) -> Result<RunSummary> {
    let started = Instant::now();
    let streams = PerDocStreams::open(&args.inputs)?;
    let provenance = streams.provenance().clone();
    let target = GraphTarget {
        output: args.output.clone(),
        format: graph_format(args.format),
        errors: args.errors.clone(),
        registry: args.registry.clone(),
        merge_memory: args.memory << 20,
        knowledge_nodes: args.knowledge.as_deref().map(|dir| part_files(dir).with_context(|| format!("--knowledge {}: no knowledge nodes", dir.display()))).transpose()?,
    };
    let progress = progress_bar(None, args.quiet);
    let summary = write_graph(&target, load_registry(args.registry.as_ref())?, &provenance, |sink| Ok(streams.feed(sink, &progress)?))?;
    progress.finish_and_clear();
    print_summary(&summary, &target.output, false, target.errors_path().as_deref(), started.elapsed());
    Ok(summary)
}

fn merge_step(args: &MergeStepArgs) -> Result<RunSummary> {
    let mut out = BufWriter::new(io::stdout().lock());
    run_step(args.step, io::stdin().lock(), &mut out, args.memory << 20, args.header.as_deref())?;
    out.flush()?;
    Ok(RunSummary::default())
}

/// The registry of `--registry`, read before any work so that a bad one fails the run at once.
fn load_registry(path: Option<&PathBuf>) -> Result<Option<Registry>> {
    path.map(|path| Registry::load(path).with_context(|| format!("cannot read the registry {}", path.display()))).transpose()
}

/// Writes a graph: `feed` hands the records to the sink; the knowledge layer, the error report and
/// the registry follow. The graph and the report are written atomically, then the registry, so the
/// three never disagree.
fn write_graph(target: &GraphTarget, registry: Option<Registry>, provenance: &RunProvenance, feed: impl FnOnce(&mut GraphSink<Output, Output>) -> Result<()>) -> Result<RunSummary> {
    let errors = match target.errors_path() {
        Some(path) => Output::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
        None => Output::Stderr(io::stderr()),
    };
    let out = Output::create(&target.output).with_context(|| format!("cannot create {}", target.output.display()))?;
    let mut writer = JsonLdWriter::with_format(out, target.format, provenance)?;
    if let Some(registry) = registry {
        writer = writer.with_registry(registry);
    }
    writer = writer.with_memory(target.merge_memory);
    if let Some(files) = &target.knowledge_nodes {
        writer = writer.with_knowledge_nodes(files.clone());
    }
    let mut sink = GraphSink::new(writer, ErrorReport::new(errors));
    feed(&mut sink)?;
    let (out, errors, registry, summary) = sink.finish()?;
    out.commit().with_context(|| format!("cannot write {}", target.output.display()))?;
    errors.commit()?;
    if let (Some(path), Some(registry)) = (&target.registry, registry) {
        registry.save(path).with_context(|| format!("cannot write the registry {}", path.display()))?;
    }
    Ok(summary)
}

/// What the inputs are, for a resumable run's manifest: paths and sizes.
fn input_stamps(inputs: &[Result<newsgraph::read::Input, newsgraph::read::BadInput>]) -> Vec<InputStamp> {
    inputs
        .iter()
        .map(|input| {
            let path = match input {
                Ok(input) => input.path(),
                Err(bad) => bad.path.clone(),
            };
            stamp(&path)
        })
        .collect()
}

fn stamp(path: &std::path::Path) -> InputStamp {
    let bytes = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.len());
    InputStamp { path: path.display().to_string(), bytes }
}

fn format_extension(format: Format) -> &'static str {
    match format {
        Format::Jsonld => "jsonld",
        Format::Nquads => "nq",
    }
}

/// The shipped model (or `--model`) through ONNX Runtime, using as many threads as the run.
fn ner_stage(model: Option<&Path>, threads: Option<usize>) -> Result<NerStage> {
    let model_dir = model.map(Path::to_path_buf).unwrap_or_else(ner::default_model_dir);
    let library = ner::library_path().context("cannot locate ONNX Runtime: set ORT_DYLIB_PATH")?;
    if !library.exists() {
        anyhow::bail!("ONNX Runtime not found at {}: run scripts/setup.sh, or set ORT_DYLIB_PATH", library.display());
    }
    let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let recognizer = ner::onnx_recognizer(&model_dir, &library, OnnxOptions::for_threads(threads))?;
    eprintln!("newsgraph: NER with {}", recognizer.describe());
    Ok(NerStage::new(recognizer))
}

fn graph_format(format: Format) -> GraphFormat {
    match format {
        Format::Jsonld => GraphFormat::JsonLd,
        Format::Nquads => GraphFormat::NQuads,
    }
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
    let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::stderr());
    // Without a known size (standard input, a merge) there is no ETA to give.
    let template = match total_bytes {
        Some(_) => "{spinner} [{elapsed_precise}] {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}",
        None => "{spinner} [{elapsed_precise}] {bytes} ({bytes_per_sec}) {msg}",
    };
    bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
    bar
}

fn print_summary(summary: &RunSummary, output: &Path, per_doc: bool, errors: Option<&Path>, elapsed: Duration) {
    let languages: Vec<String> = summary.by_language.iter().map(|(lang, n)| format!("{lang} {n}")).collect();
    let seconds = elapsed.as_secs_f64().max(1e-3);
    eprintln!(
        "newsgraph: read {}, written {}, failed {}, with warnings {}; languages: {}",
        summary.read,
        summary.written,
        summary.failed,
        summary.warnings,
        if languages.is_empty() { "none".to_string() } else { languages.join(", ") }
    );
    if summary.decided_among_supported > 0 {
        eprintln!(
            "newsgraph: {} articles' language decided among the supported languages (whatlang unsure of its unrestricted guess; see languageNote)",
            summary.decided_among_supported
        );
    }
    for input in &summary.empty_inputs {
        eprintln!("newsgraph: no record read from {} (a line in the error report)", input.display());
    }
    if summary.told_from_relative > 0 {
        eprintln!(
            "newsgraph: {} articles detected as a close relative of a supported language that whatlang has no model for, by their spellings (see languageNote)",
            summary.told_from_relative
        );
    }
    if summary.words > 0 {
        eprintln!("newsgraph: {:.1} s, {:.1} articles/s, {:.0} words/s", seconds, summary.written as f64 / seconds, summary.words as f64 / seconds);
    }
    eprintln!("newsgraph: {} written to {}", if per_doc { "per-article records" } else { "graph" }, output.display());
    if let Some(errors) = errors {
        eprintln!("newsgraph: error report in {}", errors.display());
    }
}

/// `--timings`: seconds and share of the run per step.
fn print_timings(timings: &[(String, Duration)], total: Duration) {
    eprintln!("newsgraph: timings (wall seconds, share of {:.2} s):", total.as_secs_f64());
    for (step, time) in timings {
        let share = 100.0 * time.as_secs_f64() / total.as_secs_f64().max(1e-9);
        eprintln!("  {step:<10} {:>9.3} s {share:>5.1} %", time.as_secs_f64());
    }
}

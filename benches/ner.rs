//! NER-stage benchmark: words per second and peak memory of one backend on the sentences of the given
//! articles. One backend per process, so peak RSS belongs to it alone; `scripts/bench-ner.sh` runs it
//! once per backend on the same texts and prints the figures side by side.
//!
//!     cargo bench --bench ner -- --backend onnx --model models/ner [--onnx FILE] [--threads N] INPUT...
//!     cargo bench --features rust-bert --bench ner -- --backend rust-bert --model models/ner --weights DIR INPUT...

use newsgraph::language::LanguageStage;
use newsgraph::model::Document;
use newsgraph::ner::{self, ModelFiles, OnnxBackend, OnnxOptions, Recognizer, TransformerRecognizer};
use newsgraph::pipeline::DocumentStage;
use newsgraph::read::{expand_inputs, Records, DEFAULT_MAX_RECORD_BYTES};
use newsgraph::sentences::SentenceStage;
use std::path::PathBuf;
use std::time::Instant;

/// Sentences handed to the recogniser at once, as the pipeline does with one chunk of documents.
const SENTENCES_PER_CALL: usize = 512;

struct Args {
    backend: String,
    model: PathBuf,
    onnx: Option<PathBuf>,
    weights: Option<PathBuf>,
    threads: usize,
    inputs: Vec<PathBuf>,
}

fn parse_args() -> Args {
    let mut args = Args { backend: "onnx".into(), model: ner::default_model_dir(), onnx: None, weights: None, threads: 2, inputs: Vec::new() };
    let mut raw = std::env::args().skip(1);
    while let Some(arg) = raw.next() {
        let mut value = || raw.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--backend" => args.backend = value(),
            "--model" => args.model = value().into(),
            "--onnx" => args.onnx = Some(value().into()),
            "--weights" => args.weights = Some(value().into()),
            "--threads" => args.threads = value().parse().expect("--threads N"),
            "--bench" => {} // added by `cargo bench`
            other => args.inputs.push(other.into()),
        }
    }
    args
}

fn sentences(inputs: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for record in Records::new(expand_inputs(inputs), DEFAULT_MAX_RECORD_BYTES).flatten() {
        let mut doc = Document::new(record.article, record.origin);
        LanguageStage::new().process(&mut doc).expect("language");
        SentenceStage.process(&mut doc).expect("sentences");
        out.extend(doc.sentences.iter().map(|s| s.span.slice(doc.text()).to_string()));
    }
    out
}

fn recognizer(args: &Args) -> Box<dyn Recognizer> {
    let files = ModelFiles::open(&args.model).expect("model directory");
    match args.backend.as_str() {
        "onnx" => {
            let library = ner::library_path().expect("ONNX Runtime library");
            let onnx = args.onnx.clone().unwrap_or_else(|| files.onnx_path());
            let backend = OnnxBackend::open(&onnx, &library, OnnxOptions { sessions: 1, intra_threads: args.threads }).expect("ONNX model");
            Box::new(TransformerRecognizer::new(files, backend).expect("tokenizer"))
        }
        #[cfg(feature = "rust-bert")]
        "rust-bert" => {
            let weights = args.weights.clone().expect("--weights DIR with config.json and model.safetensors");
            let backend = ner::RustBertBackend::open(&weights, args.threads).expect("rust-bert model");
            Box::new(TransformerRecognizer::new(files, backend).expect("tokenizer"))
        }
        other => panic!("unknown or disabled backend {other}"),
    }
}

/// Peak resident memory of this process, from Linux's accounting.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0.0);
    kib / 1024.0
}

fn main() {
    let args = parse_args();
    let sentences = sentences(&args.inputs);
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    let recognizer = recognizer(&args);
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    recognizer.recognize(&refs[..refs.len().min(32)]).expect("warm-up");
    let started = Instant::now();
    let mut mentions = 0;
    for call in refs.chunks(SENTENCES_PER_CALL) {
        mentions += recognizer.recognize(call).expect("inference").iter().map(Vec::len).sum::<usize>();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{:<40} {:>9} {:>9} {:>9} {:>8.2} {:>10.0} {:>10.0}",
        recognizer.describe(),
        sentences.len(),
        words,
        mentions,
        seconds,
        words as f64 / seconds,
        peak_rss_mib()
    );
}

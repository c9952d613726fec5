//! The one integration-test binary. Each module drives the real `newsgraph` binary or library on
//! inputs written by the tests themselves (or the seed articles in `../shared`, read in place).

/// Shared helpers: running the binary, writing inputs, reading outputs.
mod util;

/// Readers: every input format, gzip, stdin, and each bad-input case ending in the error report.
mod readers;

/// The same bytes out at 1 and 2 threads, and across repeated runs.
mod determinism;

/// The JSON-LD output parsed by a real JSON-LD processor (Oxigraph) and queried with SPARQL.
mod jsonld;

/// NER: the ONNX backend against PyTorch on the tiny fixture model, tokenisation, windows; with
/// `--features rust-bert`, the libtorch backend against both.
mod ner;

/// The merged knowledge graph of the seeds, asked in SPARQL.
mod knowledge;

/// The four seed articles run through the pipeline.
mod seeds;

/// The entity registry across runs: identifiers reused, names added, merges kept.
mod registry;

/// Batch at scale: shards, per-article records merged, numbered partitions (the Spark recipe) and
/// runs killed and resumed, each giving the single run's graph byte for byte.
mod scale;

/// Language detection on every annotated real-news text in `../shared` (skipped without it).
mod languages;

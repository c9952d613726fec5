//! newsgraph: news article dumps in, a knowledge graph of who holds, leaves and takes over which role
//! at which organisation out.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! read -> language -> sentences -> (ner -> relations)          per document, in parallel
//!                                  \-> (resolve) -> graph -> write   across documents
//! ```

pub mod eval;
pub mod graph;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod pipeline;
pub mod read;
pub mod relations;
pub mod report;
pub mod resolve;
pub mod sentences;

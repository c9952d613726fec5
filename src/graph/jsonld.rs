//! The streaming graph writer: JSON-LD (one document in compact form with the context inline, the nodes
//! of the graph one per line) or N-Quads (each node turned into quads by a JSON-LD processor, so both
//! formats say exactly the same). A run never holds its article nodes in memory.

use super::{article_node, KnowledgeGraph, CONTEXT_DOCUMENT, FORMAT_VERSION};
use crate::model::Document;
use crate::pipeline::DocumentSink;
use crate::resolve::Registry;
use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use serde_json::{json, Value};
use std::io::{self, Write};

/// The serialisations the writer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    JsonLd,
    NQuads,
}

pub struct JsonLdWriter<W: Write> {
    out: W,
    format: GraphFormat,
    /// The context as one line of JSON, for wrapping nodes into documents when writing N-Quads.
    context: String,
    nodes_written: u64,
    knowledge: KnowledgeGraph,
}

impl<W: Write> JsonLdWriter<W> {
    /// Starts a JSON-LD document: the context and the node describing the output itself.
    pub fn for_writer(out: W, provenance: &RunProvenance) -> io::Result<Self> {
        Self::with_format(out, GraphFormat::JsonLd, provenance)
    }

    pub fn with_format(mut out: W, format: GraphFormat, provenance: &RunProvenance) -> io::Result<Self> {
        let context: Value = serde_json::from_str(CONTEXT_DOCUMENT).expect("docs/context.jsonld is valid JSON");
        let context = serde_json::to_string(&context["@context"])?;
        if format == GraphFormat::JsonLd {
            write!(out, "{{\n\"@context\": {context},\n\"@graph\": [\n")?;
        }
        let mut writer = Self { out, format, context, nodes_written: 0, knowledge: KnowledgeGraph::default() };
        writer.write_node(&dataset_node(provenance))?;
        Ok(writer)
    }

    /// Entities get their identifiers from `registry` (and update it): see `resolve::Registry`.
    pub fn with_registry(mut self, registry: Registry) -> Self {
        self.knowledge = KnowledgeGraph::with_registry(registry);
        self
    }

    pub fn write_node(&mut self, node: &Value) -> io::Result<()> {
        match self.format {
            GraphFormat::JsonLd => {
                if self.nodes_written > 0 {
                    self.out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut self.out, node)?;
            }
            GraphFormat::NQuads => self.write_quads(node)?,
        }
        self.nodes_written += 1;
        Ok(())
    }

    /// One node as N-Quads, through Oxigraph's JSON-LD 1.1 processor: the quads are what any JSON-LD
    /// loader reads from the JSON-LD output.
    fn write_quads(&mut self, node: &Value) -> io::Result<()> {
        let document = format!("{{\"@context\":{},\"@graph\":[{node}]}}", self.context);
        let parser = RdfParser::from_format(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() });
        let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut self.out);
        for quad in parser.for_slice(document.as_bytes()) {
            serializer.serialize_quad(&quad.map_err(io::Error::other)?)?;
        }
        serializer.finish()?;
        Ok(())
    }

    /// Writes the knowledge layer (entities and facts merged across articles), closes the document and
    /// returns the underlying writer, flushed.
    pub fn finish(self) -> io::Result<W> {
        self.finish_with_registry().map(|(out, _)| out)
    }

    /// As `finish`, and gives back the registry (when there is one) with this run's entities in it.
    pub fn finish_with_registry(mut self) -> io::Result<(W, Option<Registry>)> {
        let mut knowledge = std::mem::take(&mut self.knowledge);
        for node in knowledge.nodes() {
            self.write_node(&node)?;
        }
        if self.format == GraphFormat::JsonLd {
            self.out.write_all(b"\n]\n}\n")?;
        }
        self.out.flush()?;
        Ok((self.out, knowledge.into_registry()))
    }
}

impl<W: Write> DocumentSink for JsonLdWriter<W> {
    fn accept(&mut self, doc: &Document) -> io::Result<()> {
        self.knowledge.add(doc);
        self.write_node(&article_node(doc))
    }
}

/// What produced a graph, beyond the program itself.
#[derive(Debug, Clone, Default)]
pub struct RunProvenance {
    /// The NER model and engine, when NER ran.
    pub ner_model: Option<String>,
}

/// The node that says what this document is: its format version and what wrote it.
fn dataset_node(provenance: &RunProvenance) -> Value {
    let mut node = json!({
        "@id": "urn:newsgraph:dataset",
        "@type": "Dataset",
        "formatVersion": FORMAT_VERSION,
        "creator": {
            "@id": format!("urn:newsgraph:software:{}", env!("CARGO_PKG_VERSION")),
            "@type": "SoftwareApplication",
            "name": "newsgraph",
            "softwareVersion": env!("CARGO_PKG_VERSION"),
        },
    });
    if let Some(model) = &provenance.ner_model {
        node["nerModel"] = json!(model);
    }
    node
}

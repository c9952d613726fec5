//! A streaming JSON-LD writer: one document in compact form with the context inline, the nodes of the
//! graph one per line, so a run never holds its whole output in memory.

use super::{article_node, KnowledgeGraph, CONTEXT_DOCUMENT, FORMAT_VERSION};
use crate::model::Document;
use crate::pipeline::DocumentSink;
use serde_json::{json, Value};
use std::io::{self, Write};

pub struct JsonLdWriter<W: Write> {
    out: W,
    nodes_written: u64,
    knowledge: KnowledgeGraph,
}

impl<W: Write> JsonLdWriter<W> {
    /// Starts the document: the context and the node describing the output itself.
    pub fn for_writer(mut out: W, provenance: &RunProvenance) -> io::Result<Self> {
        let context: Value = serde_json::from_str(CONTEXT_DOCUMENT).expect("docs/context.jsonld is valid JSON");
        out.write_all(b"{\n\"@context\": ")?;
        serde_json::to_writer(&mut out, &context["@context"])?;
        out.write_all(b",\n\"@graph\": [\n")?;
        let mut writer = Self { out, nodes_written: 0, knowledge: KnowledgeGraph::default() };
        writer.write_node(&dataset_node(provenance))?;
        Ok(writer)
    }

    pub fn write_node(&mut self, node: &Value) -> io::Result<()> {
        if self.nodes_written > 0 {
            self.out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.out, node)?;
        self.nodes_written += 1;
        Ok(())
    }

    /// Writes the knowledge layer (entities and facts merged across articles), closes the document and
    /// returns the underlying writer, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        for node in std::mem::take(&mut self.knowledge).nodes() {
            self.write_node(&node)?;
        }
        self.out.write_all(b"\n]\n}\n")?;
        self.out.flush()?;
        Ok(self.out)
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

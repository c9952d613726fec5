//! The streaming graph writer: JSON-LD (one document in compact form with the context inline, the nodes
//! of the graph one per line) or N-Quads (each node turned into quads by a JSON-LD processor, so both
//! formats say exactly the same). A run never holds its article nodes in memory.

use super::provenance::RunProvenance;
use super::record::ArticleKnowledge;
use super::{KnowledgeGraph, CONTEXT_DOCUMENT, FORMAT_VERSION};
use crate::resolve::Registry;
use oxrdfio::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use serde_json::value::RawValue;
use serde_json::{json, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;

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
    /// The PROV-O activity IRI every fact names.
    activity: String,
    /// Knowledge nodes merged elsewhere (a cluster's `merge-step`s), one per line, in order: written
    /// instead of the knowledge layer's own.
    knowledge_nodes: Option<Vec<PathBuf>>,
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
        let activity = provenance.activity_iri();
        let mut writer = Self { out, format, context, nodes_written: 0, knowledge: KnowledgeGraph::new(&activity), activity, knowledge_nodes: None };
        writer.write_node(&dataset_node(provenance))?;
        Ok(writer)
    }

    /// Entities get their identifiers from `registry` (and update it): see `resolve::Registry`.
    pub fn with_registry(mut self, registry: Registry) -> Self {
        self.knowledge = std::mem::take(&mut self.knowledge).with_registry(registry);
        self
    }

    /// Bounds the memory of the knowledge layer's sorts (see `KnowledgeGraph::with_memory`).
    pub fn with_memory(mut self, bytes: usize) -> Self {
        self.knowledge = std::mem::take(&mut self.knowledge).with_memory(bytes);
        self
    }

    /// Takes the knowledge nodes from `files` (lines of JSON, in order) instead of merging them.
    pub fn with_knowledge_nodes(mut self, files: Vec<PathBuf>) -> Self {
        self.knowledge_nodes = Some(files);
        self
    }

    pub fn write_node(&mut self, node: &Value) -> io::Result<()> {
        self.write_raw_node(&serde_json::to_string(node)?)
    }

    /// A node given as its JSON text (one line), written as it is.
    fn write_raw_node(&mut self, node: &str) -> io::Result<()> {
        match self.format {
            GraphFormat::JsonLd => {
                if self.nodes_written > 0 {
                    self.out.write_all(b",\n")?;
                }
                self.out.write_all(node.as_bytes())?;
            }
            GraphFormat::NQuads => self.write_quads(node)?,
        }
        self.nodes_written += 1;
        Ok(())
    }

    /// An article: its node (`article_node`, as JSON text) written now, its entities and facts kept for
    /// the knowledge layer.
    pub fn add_article(&mut self, iri: String, node: &RawValue, knowledge: Option<ArticleKnowledge>) -> io::Result<()> {
        if let Some(knowledge) = knowledge.filter(|_| self.knowledge_nodes.is_none()) {
            self.knowledge.add(iri, &knowledge)?;
        }
        self.write_raw_node(node.get())
    }

    /// The PROV-O activity the facts name.
    pub fn activity(&self) -> &str {
        &self.activity
    }

    /// One node as N-Quads, through Oxigraph's JSON-LD 1.1 processor: the quads are what any JSON-LD
    /// loader reads from the JSON-LD output.
    fn write_quads(&mut self, node: &str) -> io::Result<()> {
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
        match self.knowledge_nodes.take() {
            Some(files) => {
                for file in files {
                    for line in BufReader::new(File::open(&file)?).lines() {
                        let line = line?;
                        if !line.is_empty() {
                            self.write_raw_node(&line)?;
                        }
                    }
                }
            }
            None => knowledge.write_nodes(&mut |node| self.write_node(node))?,
        }
        if self.format == GraphFormat::JsonLd {
            self.out.write_all(b"\n]\n}\n")?;
        }
        self.out.flush()?;
        Ok((self.out, knowledge.into_registry()))
    }
}

fn software_iri() -> String {
    format!("urn:newsgraph:software:{}", env!("CARGO_PKG_VERSION"))
}

/// The node that says what this document is: its format version and what wrote it, with the PROV-O
/// activity that every fact names as `wasGeneratedBy`.
fn dataset_node(provenance: &RunProvenance) -> Value {
    let mut activity = json!({
        "@id": provenance.activity_iri(),
        "@type": "prov:Activity",
        "wasAssociatedWith": software_iri(),
    });
    let mut node = json!({
        "@id": "urn:newsgraph:dataset",
        "@type": "Dataset",
        "formatVersion": FORMAT_VERSION,
        "creator": {
            "@id": software_iri(),
            "@type": ["SoftwareApplication", "prov:SoftwareAgent"],
            "name": "newsgraph",
            "softwareVersion": env!("CARGO_PKG_VERSION"),
        },
    });
    if let (Some(model), Some(model_iri)) = (&provenance.ner_model, provenance.model_iri()) {
        node["nerModel"] = json!(model);
        activity["used"] = json!({"@id": model_iri, "@type": "prov:Entity", "name": model});
    }
    node["wasGeneratedBy"] = activity;
    node
}

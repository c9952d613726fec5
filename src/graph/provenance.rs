//! What produced a graph: the program and the models, as the PROV-O activity every fact names. Shared
//! by the graph writers and the per-article records, so neither imports the other.

/// What produced a graph, beyond the program itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunProvenance {
    /// The NER model and engine, when NER ran.
    pub ner_model: Option<String>,
}

impl RunProvenance {
    /// The PROV-O activity that generated every fact: one per program version and model, so graphs of
    /// several runs loaded into one store keep apart what different extractors said, while the same
    /// set-up gives the same IRI (and the same bytes) every time.
    pub fn activity_iri(&self) -> String {
        let setup = format!("{}|{}", env!("CARGO_PKG_VERSION"), self.ner_model.as_deref().unwrap_or(""));
        format!("urn:newsgraph:extraction:{}", crate::model::short_hash(setup.as_bytes()))
    }

    pub(super) fn model_iri(&self) -> Option<String> {
        self.ner_model.as_ref().map(|model| format!("urn:newsgraph:model:{}", crate::model::short_hash(model.as_bytes())))
    }
}

//! The `schema:NewsArticle` node of one document.

use super::iri::article_iri;
use crate::model::{CharOffsets, Document, EntityKind, FactDate, FactKind};
use serde_json::{json, Map, Value};

/// The article node: identity, metadata, language decision and sentence count. Keys are sorted (serde_json
/// maps are ordered), so the bytes written depend on the content alone. `activity`: the PROV-O activity
/// that generated the facts.
pub fn article_node(doc: &Document, activity: &str) -> Value {
    let article = &doc.article;
    let mut node = Map::new();
    node.insert("@id".into(), json!(article_iri(&article.id)));
    node.insert("@type".into(), json!("NewsArticle"));
    node.insert("identifier".into(), json!(article.id.as_str()));
    if let Some(url) = &article.url {
        node.insert("url".into(), json!(url));
    }
    if let Some(title) = &article.title {
        node.insert("headline".into(), json!(title));
    }
    if let Some(date) = &article.date {
        node.insert("datePublished".into(), json!({"@value": date.to_xsd(), "@type": date.xsd_datatype()}));
    }
    if let Some(source) = &article.source {
        node.insert("sourceName".into(), json!(source));
    }
    if let Some(language) = &doc.language {
        node.insert("inLanguage".into(), json!(language.code));
        node.insert("languageSource".into(), json!(language.source.as_str()));
        node.insert("detectedLanguage".into(), json!(language.detected));
        node.insert("languageConfidence".into(), json!(language.confidence));
        if let Some(note) = language.unreliable_reason.as_ref().or(language.note.as_ref()) {
            node.insert("languageNote".into(), json!(note));
        }
    }
    node.insert("sentenceCount".into(), json!(doc.sentences.len()));
    if !doc.mentions.is_empty() {
        node.insert("mention".into(), mention_nodes(doc));
        node.insert("mentions".into(), entity_nodes(doc));
    }
    if !doc.facts.is_empty() {
        node.insert("fact".into(), fact_nodes(doc, activity));
    }
    Value::Object(node)
}

/// The IRI of a document's fact, by its place in the document's facts.
pub(crate) fn fact_iri(doc: &Document, index: usize) -> String {
    format!("{}#fact-{index}", article_iri(&doc.article.id))
}

/// A fact's classes. A role holding is also a `schema:OrganizationRole`, so schema.org consumers read
/// its `roleName` as the role's name.
pub(crate) fn fact_class(kind: FactKind) -> Value {
    match kind {
        FactKind::Left => json!("Departure"),
        FactKind::Replaces => json!("Succession"),
        FactKind::Joins => json!("Appointment"),
        FactKind::HoldsRole => json!(["RoleHolding", "OrganizationRole"]),
    }
}

/// The document's facts, each with its evidence sentence (text and code-point offsets).
fn fact_nodes(doc: &Document, activity: &str) -> Value {
    let article = article_iri(&doc.article.id);
    let mut offsets = CharOffsets::new(doc.text());
    let facts = doc.facts.iter().enumerate().map(|(index, fact)| {
        let (start, end) = offsets.span(fact.evidence);
        let mut node = json!({
            "@id": fact_iri(doc, index),
            "@type": fact_class(fact.kind),
            "modality": fact.modality.as_str(),
            "confidence": round3(fact.confidence),
            "evidence": {
                "@id": format!("{article}#sentence-{}", fact.sentence),
                "@type": "Evidence",
                "sentenceText": fact.evidence.slice(doc.text()),
                "startOffset": start,
                "endOffset": end,
            },
            "wasDerivedFrom": article,
            "wasGeneratedBy": activity,
        });
        let person_term = if fact.kind == FactKind::Replaces { "successor" } else { "person" };
        node[person_term] = json!(entity_iri(doc, fact.person));
        if let Some(old) = fact.predecessor {
            node["predecessor"] = json!(entity_iri(doc, old));
        }
        if let Some(organization) = fact.organization {
            node["organization"] = json!(entity_iri(doc, organization));
        }
        if let Some(role) = &fact.role {
            node["roleName"] = json!(role.written);
            node["normalizedRole"] = json!(role.normalized);
        }
        if fact.former {
            node["former"] = json!(true);
        }
        if let Some(date) = fact.date {
            node["date"] = date_literal(date);
        }
        node
    });
    Value::Array(facts.collect())
}

/// The IRI of a document's entity, by its place in order of first mention (deterministic). The
/// cross-document graph replaces these with global entity IRIs.
pub(crate) fn entity_iri(doc: &Document, index: usize) -> String {
    format!("{}#entity-{index}", article_iri(&doc.article.id))
}

/// The document's entities (`schema:mentions`): one node per person, organisation or place.
fn entity_nodes(doc: &Document) -> Value {
    let entities = doc.entities.iter().enumerate().map(|(index, entity)| {
        json!({
            "@id": entity_iri(doc, index),
            "@type": schema_class(entity.kind),
            "name": entity.name,
        })
    });
    Value::Array(entities.collect())
}

pub(crate) fn schema_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Location => "Place",
    }
}

/// The mentions NER found, with code-point offsets into the article text.
fn mention_nodes(doc: &Document) -> Value {
    let article = article_iri(&doc.article.id);
    let mut offsets = CharOffsets::new(doc.text());
    let mentions = doc.mentions.iter().zip(doc.entity_of_mentions()).map(|(mention, entity)| {
        let (start, end) = offsets.span(mention.span);
        let mut node = json!({
            "@id": format!("{article}#mention-{start}-{end}"),
            "@type": "Mention",
            "entityType": mention.kind.tag(),
            "surfaceForm": mention.span.slice(doc.text()),
            "startOffset": start,
            "endOffset": end,
            "sentenceIndex": mention.sentence,
            "score": round3(mention.score),
        });
        if let Some(entity) = entity {
            node["refersTo"] = json!(entity_iri(doc, entity));
        }
        node
    });
    Value::Array(mentions.collect())
}

/// A fact's date as a typed literal: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
pub(crate) fn date_literal(date: FactDate) -> Value {
    let (value, datatype) = date.to_xsd();
    json!({"@value": value, "@type": datatype})
}

/// Scores to three decimals: more digits say nothing and make outputs noisy to compare.
pub(crate) fn round3(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

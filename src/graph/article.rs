//! The `schema:NewsArticle` node of one document.

use super::iri::article_iri;
use crate::model::{CharOffsets, Document};
use serde_json::{json, Map, Value};

/// The article node: identity, metadata, language decision and sentence count. Keys are sorted (serde_json
/// maps are ordered), so the bytes written depend on the content alone.
pub fn article_node(doc: &Document) -> Value {
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
        if let Some(reason) = &language.unreliable_reason {
            node.insert("languageNote".into(), json!(reason));
        }
    }
    node.insert("sentenceCount".into(), json!(doc.sentences.len()));
    if !doc.mentions.is_empty() {
        node.insert("mention".into(), mention_nodes(doc));
    }
    Value::Object(node)
}

/// The mentions NER found, with code-point offsets into the article text.
fn mention_nodes(doc: &Document) -> Value {
    let article = article_iri(&doc.article.id);
    let mut offsets = CharOffsets::new(doc.text());
    let mentions = doc.mentions.iter().map(|mention| {
        let (start, end) = offsets.span(mention.span);
        json!({
            "@id": format!("{article}#mention-{start}-{end}"),
            "@type": "Mention",
            "entityType": mention.kind.tag(),
            "surfaceForm": mention.span.slice(doc.text()),
            "startOffset": start,
            "endOffset": end,
            "sentenceIndex": mention.sentence,
            "score": round3(mention.score),
        })
    });
    Value::Array(mentions.collect())
}

/// Scores to three decimals: more digits say nothing and make outputs noisy to compare.
fn round3(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

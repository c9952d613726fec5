//! Entity names against the gold: a predicted person or organisation is right when one of its names (the
//! canonical one or any mention's surface form) is the name or an alias of a gold entity of the same
//! type; a gold entity is found when some predicted entity of its type has one of its names. Case is
//! ignored; places are not annotated in the gold and are left out of precision.

use super::gold::GoldDocument;
use super::report::Counts;
use crate::model::{Document, EntityKind};
use std::collections::BTreeSet;

/// The gold's type names for the two kinds it annotates.
fn gold_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Location => None,
    }
}

fn normalise(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Counts per gold type (`PER`, `ORG`) for one document, with a line per wrong or missed entity.
pub fn score_entities(gold: &GoldDocument, doc: &Document) -> (Vec<(&'static str, Counts)>, Vec<String>) {
    let text = doc.text();
    let predicted: Vec<(&'static str, &str, BTreeSet<String>)> = doc
        .entities
        .iter()
        .filter_map(|entity| {
            let kind = gold_type(entity.kind)?;
            let mut names: BTreeSet<String> = entity.mentions.iter().map(|&m| normalise(doc.mentions[m].span.slice(text))).collect();
            names.insert(normalise(&entity.name));
            Some((kind, entity.name.as_str(), names))
        })
        .collect();
    let gold_names: Vec<(&str, &str, BTreeSet<String>)> = gold
        .entities
        .iter()
        .map(|e| (e.kind.as_str(), e.name.as_str(), std::iter::once(&e.name).chain(&e.aliases).map(|n| normalise(n)).collect()))
        .collect();
    let mut details = Vec::new();
    let counts = ["PER", "ORG"]
        .into_iter()
        .map(|kind| {
            let mut counts = Counts::default();
            for (_, name, names) in predicted.iter().filter(|(k, _, _)| *k == kind) {
                if gold_names.iter().any(|(k, _, g)| *k == kind && !g.is_disjoint(names)) {
                    counts.true_positives += 1;
                } else {
                    counts.false_positives += 1;
                    details.push(format!("FALSE {kind} {name}"));
                }
            }
            for (_, name, names) in gold_names.iter().filter(|(k, _, _)| *k == kind) {
                if !predicted.iter().any(|(k, _, p)| *k == kind && !p.is_disjoint(names)) {
                    counts.false_negatives += 1;
                    details.push(format!("MISS {kind} {name}"));
                }
            }
            (kind, counts)
        })
        .collect();
    (counts, details)
}

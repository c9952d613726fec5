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

/// Entity names of one document: counts per gold type (`PER`, `ORG`), the gold entities found and how
/// many of them are split over several predicted entities ("CNMV" and "Comisión Nacional del Mercado de
/// Valores" as two), and a line per wrong, missed or split entity. A split entity counts once as found:
/// its parts are all true positives, so precision alone does not show it.
pub struct EntityScores {
    pub counts: Vec<(&'static str, Counts)>,
    pub found: usize,
    pub split: usize,
    pub details: Vec<String>,
}

pub fn score_entities(gold: &GoldDocument, doc: &Document) -> EntityScores {
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
    let (mut found, mut split) = (0, 0);
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
                let parts: Vec<&str> = predicted.iter().filter(|(k, _, p)| *k == kind && !p.is_disjoint(names)).map(|(_, n, _)| *n).collect();
                match parts.len() {
                    0 => {
                        counts.false_negatives += 1;
                        details.push(format!("MISS {kind} {name}"));
                    }
                    1 => found += 1,
                    _ => {
                        found += 1;
                        split += 1;
                        details.push(format!("SPLIT {kind} {name}: {}", parts.join(" / ")));
                    }
                }
            }
            (kind, counts)
        })
        .collect();
    EntityScores { counts, found, split, details }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, ByteSpan, LocalEntity, Mention, Origin};

    #[test]
    fn an_entity_found_as_two_counts_as_found_once_and_split() {
        let text = "La CNMV multa a Lumetta. La Comisión Nacional del Mercado de Valores y Marta Neves lo confirman.";
        let article = Article { id: ArticleId::given("t"), text: text.into(), title: None, url: None, date: None, declared_lang: Some("es".into()), source: None };
        let mut doc = Document::new(article, Origin { file: "t".into(), line: None });
        let mention = |name: &str, kind| {
            let start = text.find(name).unwrap();
            Mention { span: ByteSpan::new(start, start + name.len()), kind, sentence: 0, score: 1.0 }
        };
        doc.mentions = vec![
            mention("CNMV", EntityKind::Organization),
            mention("Comisión Nacional del Mercado de Valores", EntityKind::Organization),
            mention("Marta Neves", EntityKind::Person),
        ];
        doc.entities = vec![
            LocalEntity { kind: EntityKind::Organization, name: "CNMV".into(), mentions: vec![0] },
            LocalEntity { kind: EntityKind::Organization, name: "Comisión Nacional del Mercado de Valores".into(), mentions: vec![1] },
            LocalEntity { kind: EntityKind::Person, name: "Marta Neves".into(), mentions: vec![2] },
        ];
        let gold: GoldDocument = serde_json::from_str(
            r#"{"id": "t", "entities": [{"name": "Comisión Nacional del Mercado de Valores", "type": "ORG", "aliases": ["CNMV"]},
                {"name": "Marta Neves", "type": "PER"}, {"name": "Lumetta", "type": "ORG"}], "relations": []}"#,
        )
        .unwrap();
        let scores = score_entities(&gold, &doc);
        assert_eq!((scores.found, scores.split), (2, 1));
        assert!(scores.details.contains(&"SPLIT ORG Comisión Nacional del Mercado de Valores: CNMV / Comisión Nacional del Mercado de Valores".to_string()));
        assert!(scores.details.contains(&"MISS ORG Lumetta".to_string()));
    }
}

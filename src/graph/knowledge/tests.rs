//! Merging facts across articles, on knowledge written for these tests.

use super::*;
use crate::model::{ByteSpan, EntityKind, Role};
use crate::resolve::DocumentEntities;

/// An article where Ada Quist holds `role` (or an unnamed one) at Norrvik Bank.
fn holds_role(role: Option<(&str, &str)>) -> ArticleKnowledge {
    let entities = DocumentEntities {
        entities: vec![
            (EntityKind::Person, "Ada Quist".into(), vec!["Ada Quist".into()]),
            (EntityKind::Organization, "Norrvik Bank".into(), vec!["Norrvik Bank".into()]),
        ],
    };
    let fact = Fact {
        kind: FactKind::HoldsRole,
        person: 0,
        predecessor: None,
        organization: Some(1),
        role: role.map(|(written, normalized)| Role { written: written.into(), normalized: normalized.into() }),
        modality: Modality::Asserted,
        former: false,
        date: None,
        evidence: ByteSpan::new(0, 10),
        sentence: 0,
        confidence: 0.5,
    };
    ArticleKnowledge { entities, facts: vec![fact] }
}

/// The merged fact nodes of these articles (named a, b, c...).
fn merged_facts(articles: &[ArticleKnowledge]) -> Vec<Value> {
    let mut graph = KnowledgeGraph::new("urn:test:run");
    for (i, knowledge) in articles.iter().enumerate() {
        graph.add(format!("urn:test:{}", (b'a' + i as u8) as char), knowledge).unwrap();
    }
    let mut nodes = Vec::new();
    graph.write_nodes(&mut |node| Ok(nodes.push(node.clone()))).unwrap();
    nodes.into_iter().filter(|node| node.get("supportedBy").is_some()).collect()
}

#[test]
fn a_less_specific_role_supports_the_one_more_specific_role() {
    let facts = merged_facts(&[
        holds_role(Some(("chief scientist", "chief scientist"))),
        holds_role(Some(("chief AI scientist", "chief AI scientist"))),
        holds_role(Some(("chief scientist", "chief scientist"))),
    ]);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0]["normalizedRole"], "chief AI scientist");
    assert_eq!(facts[0]["roleName"], json!(["chief AI scientist", "chief scientist"]));
    assert_eq!(facts[0]["supportedBy"], json!(["urn:test:a#fact-0", "urn:test:b#fact-0", "urn:test:c#fact-0"]));
    // Noisy-or of three pieces of evidence at 0.5.
    assert_eq!(facts[0]["confidence"], 0.875);
}

#[test]
fn a_fact_without_a_role_supports_the_one_role_stated_elsewhere() {
    let facts = merged_facts(&[holds_role(None), holds_role(Some(("treasurer", "treasurer")))]);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0]["normalizedRole"], "treasurer");
    assert_eq!(facts[0]["supportedBy"], json!(["urn:test:a#fact-0", "urn:test:b#fact-0"]));
}

#[test]
fn a_less_specific_role_with_two_more_specific_ones_stays_apart() {
    let facts = merged_facts(&[
        holds_role(Some(("chief scientist", "chief scientist"))),
        holds_role(Some(("chief AI scientist", "chief AI scientist"))),
        holds_role(Some(("chief data scientist", "chief data scientist"))),
    ]);
    let roles: Vec<&str> = facts.iter().map(|f| f["normalizedRole"].as_str().unwrap()).collect();
    assert_eq!(roles, ["chief AI scientist", "chief data scientist", "chief scientist"]);
}

#[test]
fn facts_sort_by_the_text_of_their_role_not_by_the_order_roles_were_seen() {
    let facts = merged_facts(&[
        holds_role(Some(("treasurer", "treasurer"))),
        holds_role(Some(("board member", "board member"))),
    ]);
    let roles: Vec<&str> = facts.iter().map(|f| f["normalizedRole"].as_str().unwrap()).collect();
    assert_eq!(roles, ["board member", "treasurer"]);
}

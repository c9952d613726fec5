//! The knowledge layer of the graph: entities merged across articles (one node per person,
//! organisation or place, with every surface form) and facts merged across articles (one departure of
//! Hegeman from Meta, supported by the per-article facts that state it, each with its evidence and
//! modality). Built from small per-article summaries while the article nodes stream out; written when
//! the last article is in.

use super::article::{date_literal, fact_class, round3, schema_class};
use super::record::ArticleKnowledge;
use crate::model::{Fact, FactDate, FactKind, Modality, Role};
use crate::resolve::{resolve_across, Assignment, DocumentEntities, GlobalEntity, Registry};
use super::iri::entity_key_iri;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What the knowledge layer keeps of one article: its IRI (its entities' and facts' IRIs derive from
/// it), its entities and its facts.
struct ArticleSummary {
    iri: String,
    entities: DocumentEntities,
    facts: Vec<Fact>,
}

impl ArticleSummary {
    fn entity_iri(&self, index: usize) -> String {
        format!("{}#entity-{index}", self.iri)
    }

    fn fact_iri(&self, index: usize) -> String {
        format!("{}#fact-{index}", self.iri)
    }
}

#[derive(Default)]
pub struct KnowledgeGraph {
    articles: Vec<ArticleSummary>,
    /// The PROV-O activity that generated the facts.
    activity: String,
    /// With `--registry`: identifiers of earlier runs, reused, and updated with this run's entities.
    registry: Option<Registry>,
}

/// The identifier of a global entity without a registry: its resolution key, so the same entity has
/// the same IRI in every run.
fn own_assignment(entity: &GlobalEntity) -> Assignment {
    Assignment { id: entity.key.clone(), same_as: Vec::new() }
}

/// A merged fact's identity: kind, people, organisation (global keys) and normalised role.
type FactKey = (FactKind, String, Option<String>, Option<String>, Option<String>);

impl KnowledgeGraph {
    pub fn new(activity: &str) -> Self {
        Self { activity: activity.to_string(), ..Self::default() }
    }

    pub fn with_registry(self, registry: Registry) -> Self {
        Self { registry: Some(registry), ..self }
    }

    /// The registry, with this run's entities once `nodes` has run.
    pub fn into_registry(self) -> Option<Registry> {
        self.registry
    }

    /// An article's entities and facts; `article_iri` is the article node's IRI. Articles are
    /// numbered in the order they are added, which is the input order.
    pub fn add(&mut self, article_iri: String, knowledge: ArticleKnowledge) {
        if knowledge.entities.entities.is_empty() {
            return;
        }
        self.articles.push(ArticleSummary { iri: article_iri, entities: knowledge.entities, facts: knowledge.facts });
    }

    /// Global entity nodes, then merged fact nodes, in a deterministic order.
    pub fn nodes(&mut self) -> Vec<Value> {
        let entities = resolve_across(self.articles.iter().map(|a| &a.entities));
        let assignments: Vec<Assignment> = match &mut self.registry {
            Some(registry) => registry.assign(&entities),
            None => entities.iter().map(own_assignment).collect(),
        };
        let mut global_of: BTreeMap<(usize, usize), String> = BTreeMap::new();
        for (entity, assignment) in entities.iter().zip(&assignments) {
            for &member in &entity.members {
                global_of.insert(member, entity_key_iri(&assignment.id));
            }
        }
        // Two entities of this run may get one registry identifier: they are one node.
        let mut by_id: BTreeMap<&str, (Vec<&GlobalEntity>, &Assignment)> = BTreeMap::new();
        for (entity, assignment) in entities.iter().zip(&assignments) {
            by_id.entry(assignment.id.as_str()).or_insert_with(|| (Vec::new(), assignment)).0.push(entity);
        }
        let mut nodes: Vec<Value> = by_id.values().map(|(group, assignment)| self.entity_node(group, assignment)).collect();

        let mut merged: BTreeMap<FactKey, Vec<(String, &Fact)>> = BTreeMap::new();
        for (a, article) in self.articles.iter().enumerate() {
            let global = |local: usize| global_of.get(&(a, local)).cloned();
            for (index, fact) in article.facts.iter().enumerate() {
                let iri = article.fact_iri(index);
                let Some(person) = global(fact.person) else { continue };
                let key = (fact.kind, person, fact.predecessor.and_then(global), fact.organization.and_then(global), fact.role.as_ref().map(|r| r.normalized.to_lowercase()));
                merged.entry(key).or_default().push((iri, fact));
            }
        }
        let merged = merge_compatible_roles(merged);
        nodes.extend(merged.iter().map(|(key, support)| merged_fact_node(key, support, &self.activity)));
        nodes
    }

    /// One node for the run's entities that share an identifier (one, unless a registry joined them).
    fn entity_node(&self, group: &[&GlobalEntity], assignment: &Assignment) -> Value {
        let first = group[0];
        let mut members: Vec<(usize, usize)> = group.iter().flat_map(|e| e.members.iter().copied()).collect();
        members.sort();
        let locals: Vec<String> = members.iter().map(|&(a, e)| self.articles[a].entity_iri(e)).collect();
        let mut alternate_names: BTreeSet<&String> = group.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.alternate_names)).collect();
        alternate_names.remove(&first.name);
        let mut node = json!({
            "@id": entity_key_iri(&assignment.id),
            "@type": schema_class(first.kind),
            "name": first.name,
            "identifier": assignment.id,
            "localEntity": locals,
        });
        if !alternate_names.is_empty() {
            node["alternateName"] = json!(alternate_names);
        }
        if !assignment.same_as.is_empty() {
            node["sameAs"] = json!(assignment.same_as.iter().map(|id| entity_key_iri(id)).collect::<Vec<_>>());
        }
        node
    }
}

/// The words of a normalised role.
fn role_words(role: &Option<String>) -> BTreeSet<&str> {
    role.as_deref().map(|r| r.split_whitespace().collect()).unwrap_or_default()
}

/// One fact stated with a more and a less specific role ("chief AI scientist", "chief scientist") or
/// with none: the evidence of the less specific goes to the more specific when only one such exists.
fn merge_compatible_roles<'a>(merged: BTreeMap<FactKey, Vec<(String, &'a Fact)>>) -> BTreeMap<FactKey, Vec<(String, &'a Fact)>> {
    let keys: Vec<FactKey> = merged.keys().cloned().collect();
    let mut merged = merged;
    for key in &keys {
        let words = role_words(&key.4);
        let wider: Vec<&FactKey> = keys
            .iter()
            .filter(|k| k.0 == key.0 && k.1 == key.1 && k.2 == key.2 && k.3 == key.3 && *k != key)
            .filter(|k| words.is_subset(&role_words(&k.4)))
            .collect();
        if let [target] = wider[..] {
            if let Some(support) = merged.remove(key) {
                merged.entry(target.clone()).or_default().extend(support);
            }
        }
    }
    merged
}

/// Noisy-or: independent pieces of evidence, each right with its confidence.
fn combined_confidence(support: &[(String, &Fact)]) -> f64 {
    1.0 - support.iter().map(|(_, f)| 1.0 - f64::from(f.confidence)).product::<f64>()
}

/// The modality most of the evidence gives; on a tie, the more certain one (asserted before future
/// before hedged before negated).
fn majority_modality(support: &[(String, &Fact)]) -> Modality {
    let mut counts: BTreeMap<Modality, usize> = BTreeMap::new();
    for (_, fact) in support {
        *counts.entry(fact.modality).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(m, _)| m).unwrap_or(Modality::Asserted)
}

/// The date most of the dated evidence gives; on a tie, the most precise, then the earliest.
fn majority_date(support: &[(String, &Fact)]) -> Option<FactDate> {
    let mut counts: BTreeMap<FactDate, usize> = BTreeMap::new();
    for date in support.iter().filter_map(|(_, f)| f.date) {
        *counts.entry(date).or_default() += 1;
    }
    let precision = |d: &FactDate| match d {
        FactDate::Day(_) => 2,
        FactDate::Month(..) => 1,
        FactDate::Year(_) => 0,
    };
    counts.into_iter().max_by(|(a, x), (b, y)| x.cmp(y).then(precision(a).cmp(&precision(b))).then(b.cmp(a))).map(|(d, _)| d)
}

fn merged_fact_node(key: &FactKey, support: &[(String, &Fact)], activity: &str) -> Value {
    let (kind, person, predecessor, organization, normalized_role) = key;
    let identity = format!("{}|{person}|{}|{}|{}", kind.as_str(), predecessor.as_deref().unwrap_or(""), organization.as_deref().unwrap_or(""), normalized_role.as_deref().unwrap_or(""));
    let mut node = json!({
        "@id": format!("urn:newsgraph:fact:{}", crate::model::short_hash(identity.as_bytes())),
        "@type": fact_class(*kind),
        "modality": majority_modality(support).as_str(),
        "confidence": round3(combined_confidence(support) as f32),
        "supportedBy": support.iter().map(|(iri, _)| iri.as_str()).collect::<BTreeSet<_>>(),
        "wasGeneratedBy": activity,
    });
    let person_term = if *kind == FactKind::Replaces { "successor" } else { "person" };
    node[person_term] = json!(person);
    if let Some(old) = predecessor {
        node["predecessor"] = json!(old);
    }
    if let Some(organization) = organization {
        node["organization"] = json!(organization);
    }
    let roles: BTreeSet<&Role> = support.iter().filter_map(|(_, f)| f.role.as_ref()).collect();
    if let Some(first) = roles.iter().next() {
        node["normalizedRole"] = json!(first.normalized);
        node["roleName"] = json!(roles.iter().map(|r| r.written.as_str()).collect::<BTreeSet<_>>());
    }
    if *kind == FactKind::HoldsRole && support.iter().all(|(_, f)| f.former) {
        node["former"] = json!(true);
    }
    if let Some(date) = majority_date(support) {
        node["date"] = date_literal(date);
    }
    node
}

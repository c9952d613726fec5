//! Matching extracted facts to gold relations. Names match through the gold aliases (compared as name
//! keys: case, accents, honorifics and legal forms ignored); a role is an attribute, scored apart.

use super::gold::{GoldDocument, GoldRelation};
use crate::model::{Document, EntityKind, FactKind};
use crate::resolve::{organization_key, person_key};
use std::collections::BTreeSet;

/// A fact as the evaluation sees it: names as key sets, with its evidence for the report.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub kind: &'static str,
    pub person: BTreeSet<String>,
    pub predecessor: Option<BTreeSet<String>>,
    pub organization: Option<BTreeSet<String>>,
    pub names: (String, Option<String>, Option<String>),
    pub role: Option<(String, String)>,
    pub modality: &'static str,
    pub evidence: String,
}

fn key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => person_key(name).join(" "),
        _ => organization_key(name).join(" "),
    }
}

/// Every key an extracted entity is known by: its name and each of its mentions.
pub fn entity_keys(doc: &Document, entity: usize) -> BTreeSet<String> {
    let e = &doc.entities[entity];
    let mut keys: BTreeSet<String> = e.mentions.iter().map(|&m| key(e.kind, doc.mentions[m].span.slice(doc.text()))).collect();
    keys.insert(key(e.kind, &e.name));
    keys.remove("");
    keys
}

/// The document's facts, one per (kind, people, organisation, role): the first, most confident.
pub fn predictions(doc: &Document) -> Vec<Predicted> {
    let mut out: Vec<Predicted> = Vec::new();
    let mut seen = BTreeSet::new();
    for fact in &doc.facts {
        let role = fact.role.as_ref().map(|r| (r.written.clone(), r.normalized.clone()));
        let identity = (fact.kind, fact.person, fact.predecessor, fact.organization, role.as_ref().map(|r| r.1.clone()));
        if !seen.insert(identity) {
            continue;
        }
        let name = |e: usize| doc.entities[e].name.clone();
        out.push(Predicted {
            kind: fact.kind.as_str(),
            person: entity_keys(doc, fact.person),
            predecessor: fact.predecessor.map(|p| entity_keys(doc, p)),
            organization: fact.organization.map(|o| entity_keys(doc, o)),
            names: (name(fact.person), fact.predecessor.map(name), fact.organization.map(name)),
            role,
            modality: if fact.kind == FactKind::HoldsRole { "-" } else { fact.modality.as_str() },
            evidence: fact.evidence.slice(doc.text()).to_string(),
        });
    }
    out
}

/// The keys a gold name stands for: itself and the aliases of the gold entity of that name.
pub fn gold_keys(gold: &GoldDocument, name: &str, kind: EntityKind) -> BTreeSet<String> {
    let mut keys = BTreeSet::from([key(kind, name)]);
    if let Some(entity) = gold.entities.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name)) {
        keys.insert(key(kind, &entity.name));
        keys.extend(entity.aliases.iter().map(|a| key(kind, a)));
    }
    keys.remove("");
    keys
}

pub fn overlaps(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.iter().any(|k| b.contains(k))
}

/// Does a prediction state the gold relation (kind and names; the role is scored apart)?
pub fn matches(gold: &GoldDocument, relation: &GoldRelation, predicted: &Predicted) -> bool {
    if relation.kind != predicted.kind {
        return false;
    }
    let person_name = relation.person.as_ref().or(relation.new.as_ref());
    let Some(person_name) = person_name else { return false };
    if !overlaps(&gold_keys(gold, person_name, EntityKind::Person), &predicted.person) {
        return false;
    }
    if let Some(old) = &relation.old {
        match &predicted.predecessor {
            Some(keys) if overlaps(&gold_keys(gold, old, EntityKind::Person), keys) => {}
            _ => return false,
        }
    }
    match (&relation.org, &predicted.organization) {
        (None, _) => true,
        (Some(org), Some(keys)) => overlaps(&gold_keys(gold, org, EntityKind::Organization), keys),
        (Some(_), None) => false,
    }
}

fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase().replace(['-', '\''], " ")
}

/// Does the predicted role say what the gold one says? Equal or contained, written or normalised.
pub fn role_agrees(relation: &GoldRelation, predicted: &Predicted) -> Option<bool> {
    let gold: Vec<String> = [&relation.role, &relation.role_norm].into_iter().flatten().map(|r| fold(r)).collect();
    if gold.is_empty() {
        return None;
    }
    let Some((written, normalized)) = &predicted.role else { return Some(false) };
    let mine = [fold(written), fold(normalized)];
    Some(mine.iter().any(|m| gold.iter().any(|g| g == m || g.contains(m.as_str()) || m.contains(g.as_str()))))
}

//! Resolution across documents: the entities of many articles, in any language, merged into global
//! entities with stable identifiers. Organisations merge on their name keys ("Meta", "META.O", "Meta
//! Platforms Inc." stay apart from "Meta Superintelligence Labs"); people on their full-name keys, and
//! on a near-identical surname with the same given name when they share an organisation ("John
//! Hageman" and "John Hegeman" of Meta). Two people sharing only a surname stay apart.

use super::names::{organization_key, person_key};
use crate::model::{Document, EntityKind};

/// What cross-document resolution needs of one document: its entities and their surface forms (kept
/// instead of whole documents, so a run over millions of articles holds no article text).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentEntities {
    /// (kind, name, every surface form of its mentions), in the document's entity order.
    pub entities: Vec<(EntityKind, String, Vec<String>)>,
}

impl From<&Document> for DocumentEntities {
    fn from(doc: &Document) -> Self {
        let entities = doc
            .entities
            .iter()
            .map(|e| (e.kind, e.name.clone(), e.mentions.iter().map(|&m| clean_surface(doc.mentions[m].span.slice(doc.text()))).collect()))
            .collect();
        Self { entities }
    }
}
use std::collections::{BTreeMap, BTreeSet};
use strsim::normalized_damerau_levenshtein;

/// A document's entity: (document index, entity index).
pub type EntityRef = (u32, u32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalEntity {
    pub kind: EntityKind,
    /// The key the identifier derives from: the same entity gets the same key in every run.
    pub key: String,
    /// The most used full form of the name.
    pub name: String,
    /// Every other surface form seen.
    pub alternate_names: BTreeSet<String>,
    pub members: Vec<EntityRef>,
}

/// Surnames this alike, with the same given name and a shared organisation, are one person.
const SURNAME_SIMILARITY: f64 = 0.8;

/// An entity being resolved. Sorted vectors rather than B-tree sets: most entities have one or two
/// surface forms and a few organisations, and a B-tree's first node alone takes hundreds of bytes,
/// which for the millions of distinct entities of a large dump is most of the memory of a merge.
struct Candidate {
    kind: EntityKind,
    /// Filled in when all documents are in (kept once, in the map that finds candidates by key).
    key: Vec<String>,
    /// Each surface form and how often it was seen, sorted by form.
    surfaces: Vec<(String, u32)>,
    /// For people, the organisations (interned name keys, sorted) of the documents they appear in:
    /// what "shares an organisation" means.
    organizations: Vec<u32>,
    members: Vec<EntityRef>,
}

impl Candidate {
    fn add_surface(&mut self, surface: &str, count: u32) {
        match self.surfaces.binary_search_by(|(s, _)| s.as_str().cmp(surface)) {
            Ok(i) => self.surfaces[i].1 += count,
            Err(i) => {
                // Grown one at a time while small: a vector's first growth makes room for four, and most
                // entities have one or two forms.
                if self.surfaces.len() == self.surfaces.capacity() && self.surfaces.len() < 4 {
                    self.surfaces.reserve_exact(1);
                }
                self.surfaces.insert(i, (surface.to_string(), count))
            }
        }
    }

    fn add_organization(&mut self, organization: u32) {
        if let Err(i) = self.organizations.binary_search(&organization) {
            self.organizations.insert(i, organization);
        }
    }

    fn shares_an_organization(&self, other: &Candidate) -> bool {
        let (mut a, mut b) = (self.organizations.iter().peekable(), other.organizations.iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => _ = a.next(),
                std::cmp::Ordering::Greater => _ = b.next(),
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

fn key_of(kind: EntityKind, name: &str) -> Vec<String> {
    match kind {
        EntityKind::Person => person_key(name),
        _ => organization_key(name),
    }
}

/// Merges the entities of `docs` into global entities, sorted by kind and key (deterministic).
pub fn resolve_across<D: std::borrow::Borrow<DocumentEntities>>(docs: impl IntoIterator<Item = D>) -> Vec<GlobalEntity> {
    // Exact keys first: one candidate per (kind, full key).
    let mut by_key: BTreeMap<(EntityKind, Vec<String>), usize> = BTreeMap::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut organization_numbers: BTreeMap<String, u32> = BTreeMap::new();
    for (d, doc) in docs.into_iter().enumerate() {
        let doc = doc.borrow();
        let doc_organizations: BTreeSet<u32> = doc
            .entities
            .iter()
            .filter(|(kind, _, _)| *kind == EntityKind::Organization)
            .map(|(_, name, _)| {
                let next = organization_numbers.len() as u32;
                *organization_numbers.entry(organization_key(name).join(" ")).or_insert(next)
            })
            .collect();
        for (e, (kind, name, surfaces)) in doc.entities.iter().enumerate() {
            let key = key_of(*kind, name);
            if key.is_empty() {
                continue;
            }
            let index = *by_key.entry((*kind, key)).or_insert_with(|| {
                candidates.push(Candidate { kind: *kind, key: Vec::new(), surfaces: Vec::new(), organizations: Vec::new(), members: Vec::new() });
                candidates.len() - 1
            });
            let candidate = &mut candidates[index];
            for surface in surfaces {
                candidate.add_surface(surface, 1);
            }
            candidate.add_surface(name, 0);
            if *kind == EntityKind::Person {
                for &organization in &doc_organizations {
                    candidate.add_organization(organization);
                }
            }
            candidate.members.push((d as u32, e as u32));
        }
    }
    drop(organization_numbers);
    for ((_, key), index) in by_key {
        candidates[index].key = key;
    }
    // Sorted in place (keys are unique): a second table of candidates would double the peak.
    candidates.shrink_to_fit();
    candidates.sort_unstable_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    merge_people(&mut candidates);
    let mut entities: Vec<GlobalEntity> = candidates.into_iter().map(into_global).collect();
    entities.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    entities
}

/// Folds surname-only people into the one full name with that surname, and spelling variants into
/// each other, when they share an organisation. Each candidate is compared only with those that could
/// be the same person (the surname-only form of its surname, full names with its given name), so the
/// work grows with those groups, not with the square of all the people of a dump. Candidates are taken
/// in key order, each absorbing all it can; passes repeat until nothing merges, since a candidate that
/// absorbed another's organisations may now share one with an earlier candidate.
fn merge_people(candidates: &mut Vec<Candidate>) {
    let people = |c: &Candidate| c.kind == EntityKind::Person;
    let mut surname_only: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_given_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate().filter(|(_, c)| people(c)) {
        match c.key.len() {
            1 => surname_only.entry(c.key[0].clone()).or_default().push(i),
            _ => by_given_name.entry(c.key[0].clone()).or_default().push(i),
        }
    }
    let mut alive = vec![true; candidates.len()];
    let mut merged = true;
    while merged {
        merged = false;
        for keep in 0..candidates.len() {
            if !alive[keep] || !people(&candidates[keep]) || candidates[keep].key.len() < 2 {
                continue;
            }
            let key = &candidates[keep].key;
            let mut alike: Vec<usize> = surname_only.get(key.last().unwrap()).into_iter().chain(by_given_name.get(&key[0])).flatten().copied().collect();
            alike.sort_unstable();
            for absorb in alike {
                if absorb == keep || !alive[absorb] || !same_person(&candidates[keep], &candidates[absorb]) {
                    continue;
                }
                let absorbed = std::mem::take(&mut candidates[absorb].members);
                let surfaces = std::mem::take(&mut candidates[absorb].surfaces);
                let organizations = std::mem::take(&mut candidates[absorb].organizations);
                alive[absorb] = false;
                merged = true;
                let target = &mut candidates[keep];
                for (surface, count) in surfaces {
                    target.add_surface(&surface, count);
                }
                for organization in organizations {
                    target.add_organization(organization);
                }
                target.members.extend(absorbed);
                target.members.sort();
            }
        }
    }
    *candidates = std::mem::take(candidates).into_iter().zip(alive).filter(|(_, alive)| *alive).map(|(c, _)| c).collect();
}

/// Is `b` the same person as `a`, to be folded into `a`? `a` is the fuller or more common form.
fn same_person(a: &Candidate, b: &Candidate) -> bool {
    if a.kind != EntityKind::Person || b.kind != EntityKind::Person || !a.shares_an_organization(b) {
        return false;
    }
    let (ka, kb) = (&a.key, &b.key);
    if ka.len() >= 2 && kb.len() == 1 {
        return ka.last() == kb.last();
    }
    if ka.len() >= 2 && kb.len() >= 2 && ka[0] == kb[0] && ka != kb {
        let (sa, sb) = (ka.last().unwrap(), kb.last().unwrap());
        let similar = normalized_damerau_levenshtein(sa, sb) >= SURNAME_SIMILARITY;
        // Fold the rarer spelling into the more common one; on a tie, the later key into the earlier.
        let a_wins = a.members.len() > b.members.len() || (a.members.len() == b.members.len() && ka < kb);
        return similar && a_wins;
    }
    false
}

/// "Meta's" -> "Meta"; surrounding whitespace removed.
pub fn clean_surface(surface: &str) -> String {
    surface.trim().trim_end_matches("'s").trim_end_matches("’s").to_string()
}

fn into_global(candidate: Candidate) -> GlobalEntity {
    let prefix = match candidate.kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "place",
    };
    let key = format!("{prefix}/{}", candidate.key.join("-"));
    // The name: a surface of the entity's own key, the most seen, alphabetically first on ties; else
    // the fullest surface.
    let own_key = |s: &str| key_of(candidate.kind, s) == candidate.key;
    let best = |pool: Vec<(&String, &u32)>| pool.into_iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| s.clone());
    let mut own: Vec<(&String, &u32)> = candidate.surfaces.iter().filter(|(s, _)| own_key(s)).map(|(s, n)| (s, n)).collect();
    // A person's name without an honorific ("Julien Ferrand", not "M. Julien Ferrand") when there is one.
    let bare = |s: &str| candidate.kind != EntityKind::Person || key_of(EntityKind::Person, s).len() == s.split_whitespace().count();
    if own.iter().any(|(s, _)| bare(s)) {
        own.retain(|(s, _)| bare(s));
    }
    let longest = candidate.surfaces.iter().map(|(s, _)| s.split_whitespace().count()).max().unwrap_or(0);
    let fullest: Vec<(&String, &u32)> =
        candidate.surfaces.iter().filter(|(s, _)| s.split_whitespace().count() == longest).map(|(s, n)| (s, n)).collect();
    let name = best(own).or_else(|| best(fullest)).unwrap_or_default();
    let alternate_names = candidate.surfaces.into_iter().map(|(s, _)| s).filter(|s| *s != name).collect();
    GlobalEntity { kind: candidate.kind, key, name, alternate_names, members: candidate.members }
}

#[cfg(test)]
mod tests;

//! Resolution across documents: the entities of many articles, in any language, merged into global
//! entities with stable identifiers. Organisations merge on their name keys ("Meta", "META.O", "Meta
//! Platforms Inc." stay apart from "Meta Superintelligence Labs"); people on their full-name keys, and
//! on a near-identical surname with the same given name when they share an organisation ("John
//! Hageman" and "John Hegeman" of Meta). Two people sharing only a surname stay apart.
//!
//! Memory is bounded (`AcrossDocuments`): each step sorts by a blocking key, on disk past a budget, and
//! works on one block at a time.

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
use crate::pipeline::{Sorted, SortedRuns};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io;
use strsim::normalized_damerau_levenshtein;

/// A document's entity: (document index, entity index).
pub type EntityRef = (u32, u32);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// An entity being resolved: every entity of every document with one (kind, key), and, after the
/// people are merged, those folded into it. Ordered by kind and key, which are unique.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Candidate {
    kind: EntityKind,
    key: Vec<String>,
    /// Each surface form and how often it was seen, sorted by form.
    surfaces: Vec<(String, u32)>,
    /// For people, the organisations (name keys, sorted) of the documents they appear in: what "shares
    /// an organisation" means.
    organizations: Vec<String>,
    members: Vec<EntityRef>,
}

impl Candidate {
    fn add_surface(&mut self, surface: &str, count: u32) {
        match self.surfaces.binary_search_by(|(s, _)| s.as_str().cmp(surface)) {
            Ok(i) => self.surfaces[i].1 += count,
            Err(i) => self.surfaces.insert(i, (surface.to_string(), count)),
        }
    }

    fn add_organization(&mut self, organization: &str) {
        if let Err(i) = self.organizations.binary_search_by(|o| o.as_str().cmp(organization)) {
            self.organizations.insert(i, organization.to_string());
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

    /// Takes in everything of `other`, which is the same entity.
    fn absorb(&mut self, other: Candidate) {
        for (surface, count) in other.surfaces {
            self.add_surface(&surface, count);
        }
        for organization in other.organizations {
            self.add_organization(&organization);
        }
        self.members.extend(other.members);
        self.members.sort();
    }
}

fn key_of(kind: EntityKind, name: &str) -> Vec<String> {
    match kind {
        EntityKind::Person => person_key(name),
        _ => organization_key(name),
    }
}

/// One entity of one document, as sorted by kind and key to gather the entities of one key:
/// (kind, key, document, entity, name, surface forms, organisations of the document for a person).
type EntityMention = (EntityKind, Vec<String>, u32, u32, String, Vec<String>, Vec<String>);

/// Merges the entities of `docs` into global entities, sorted by kind and key (deterministic), all in
/// memory: `AcrossDocuments` with no bound.
pub fn resolve_across<D: std::borrow::Borrow<DocumentEntities>>(docs: impl IntoIterator<Item = D>) -> Vec<GlobalEntity> {
    let mut across = AcrossDocuments::new(usize::MAX);
    for (d, doc) in docs.into_iter().enumerate() {
        across.add(d as u32, doc.borrow()).expect("nothing goes to disk without a memory bound");
    }
    across.resolve().and_then(|entities| entities.collect()).expect("nothing goes to disk without a memory bound")
}

/// Resolution across documents with bounded memory: every step is a sort by a blocking key (sorted runs
/// on disk past `memory` bytes each) followed by work on one block at a time.
/// 1. Each document's entities, by kind and key: the entities of one key are one candidate.
/// 2. People with a full name, by given name: spelling variants of the surname merge (`same_person`).
/// 3. People, by surname: a surname used alone joins the full name it belongs to.
/// 4. Every candidate, by kind and key: the global entities.
///
/// What stays in memory is the largest block (the people of one given name or one surname), not the
/// number of documents or entities.
pub struct AcrossDocuments {
    mentions: SortedRuns<EntityMention>,
    memory: usize,
}

impl AcrossDocuments {
    pub fn new(memory: usize) -> Self {
        Self { mentions: SortedRuns::new(memory), memory }
    }

    /// Document `doc`'s entities. Documents may come in any order; their numbers say which is which.
    pub fn add(&mut self, doc: u32, entities: &DocumentEntities) -> io::Result<()> {
        for mention in Self::mentions_of(doc, entities) {
            self.mentions.push(mention)?;
        }
        Ok(())
    }

    /// Document `doc`'s entities as the records the first sort orders (those with a key).
    fn mentions_of(doc: u32, entities: &DocumentEntities) -> impl Iterator<Item = EntityMention> + '_ {
        let organizations: Vec<String> = entities
            .entities
            .iter()
            .filter(|(kind, _, _)| *kind == EntityKind::Organization)
            .map(|(_, name, _)| organization_key(name).join(" "))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        entities.entities.iter().enumerate().filter_map(move |(e, (kind, name, surfaces))| {
            let key = key_of(*kind, name);
            if key.is_empty() {
                return None;
            }
            let organizations = if *kind == EntityKind::Person { organizations.clone() } else { Vec::new() };
            Some((*kind, key, doc, e as u32, name.clone(), surfaces.clone(), organizations))
        })
    }

    /// The global entities, by kind and key.
    pub fn resolve(self) -> io::Result<impl Iterator<Item = io::Result<GlobalEntity>>> {
        // At most three sorts fill at one time.
        let share = (self.memory / 3).max(1);
        let mut entities = SortedRuns::new(share);
        let (mut by_given_name, mut surname_only) = (SortedRuns::new(share), SortedRuns::new(share));
        for candidate in candidates(self.mentions.into_sorted()?) {
            let candidate = candidate?;
            match candidate.kind {
                EntityKind::Person => route_person(candidate, &mut by_given_name, &mut surname_only)?,
                _ => entities.push(candidate)?,
            }
        }
        // Rounds of both blockings until a round by surname merges nothing: a merge by surname gives a
        // full name organisations that may let it merge with a spelling variant by given name.
        loop {
            let mut by_surname = surname_only;
            for block in blocks(by_given_name.into_sorted()?) {
                for candidate in merge_people(block?).0 {
                    by_surname.push((candidate.key.last().expect("a full name").clone(), candidate))?;
                }
            }
            (by_given_name, surname_only) = (SortedRuns::new(share), SortedRuns::new(share));
            let mut merged = false;
            for block in blocks(by_surname.into_sorted()?) {
                let (people, merged_here) = merge_people(block?);
                merged |= merged_here;
                for candidate in people {
                    route_person(candidate, &mut by_given_name, &mut surname_only)?;
                }
            }
            if !merged {
                break;
            }
        }
        for sorted in [by_given_name.into_sorted()?, surname_only.into_sorted()?] {
            for record in sorted {
                entities.push(record?.1)?;
            }
        }
        Ok(entities.into_sorted()?.map(|candidate| candidate.map(into_global)))
    }
}

/// A person goes to the block of its given name when it has a full name (`true`), else to that of its
/// surname.
fn person_block(candidate: &Candidate) -> (bool, String) {
    (candidate.key.len() > 1, candidate.key[0].clone())
}

fn route_person(candidate: Candidate, by_given_name: &mut SortedRuns<(String, Candidate)>, surname_only: &mut SortedRuns<(String, Candidate)>) -> io::Result<()> {
    match person_block(&candidate) {
        (true, block) => by_given_name.push((block, candidate)),
        (false, block) => surname_only.push((block, candidate)),
    }
}

/// The candidates of the sorted mentions: one per run of equal kind and key.
fn candidates(mentions: Sorted<EntityMention>) -> impl Iterator<Item = io::Result<Candidate>> {
    let mut mentions = mentions.peekable();
    std::iter::from_fn(move || {
        let (kind, key, doc, e, name, surfaces, organizations) = match mentions.next()? {
            Ok(mention) => mention,
            Err(error) => return Some(Err(error)),
        };
        let mut candidate = Candidate { kind, key, surfaces: Vec::new(), organizations: Vec::new(), members: Vec::new() };
        let add = |candidate: &mut Candidate, (doc, e, name, surfaces, organizations): (u32, u32, String, Vec<String>, Vec<String>)| {
            for surface in &surfaces {
                candidate.add_surface(surface, 1);
            }
            candidate.add_surface(&name, 0);
            for organization in &organizations {
                candidate.add_organization(organization);
            }
            candidate.members.push((doc, e));
        };
        add(&mut candidate, (doc, e, name, surfaces, organizations));
        while let Some(Ok(next)) = mentions.peek() {
            if (next.0, &next.1) != (candidate.kind, &candidate.key) {
                break;
            }
            let Ok((_, _, doc, e, name, surfaces, organizations)) = mentions.next().expect("peeked") else { unreachable!("peeked as read") };
            add(&mut candidate, (doc, e, name, surfaces, organizations));
        }
        Some(Ok(candidate))
    })
}

/// The candidates of one blocking key at a time, in key order within the block.
fn blocks(sorted: Sorted<(String, Candidate)>) -> impl Iterator<Item = io::Result<Vec<Candidate>>> {
    let mut sorted = sorted.peekable();
    std::iter::from_fn(move || {
        let (block, first) = match sorted.next()? {
            Ok(record) => record,
            Err(error) => return Some(Err(error)),
        };
        let mut members = vec![first];
        while let Some(Ok((next, _))) = sorted.peek() {
            if *next != block {
                break;
            }
            match sorted.next().expect("peeked") {
                Ok((_, candidate)) => members.push(candidate),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok(members))
    })
}

/// Folds, within one block of people, surname-only people into the full name with that surname, and
/// spelling variants into each other, when they share an organisation. Candidates are taken in key
/// order, each absorbing all it can, in key order; passes repeat until nothing merges, since a candidate
/// that absorbed another's organisations may now share one with an earlier candidate. Says whether any
/// merged.
///
/// Only people who share an organisation can merge, so each candidate looks only at those (through an
/// index from organisation to the block's people who have it), not at the whole block: the people of
/// one given name in a large dump are thousands, those of one given name and one organisation a few.
fn merge_people(block: Vec<Candidate>) -> (Vec<Candidate>, bool) {
    let mut block: Vec<Option<Candidate>> = block.into_iter().map(Some).collect();
    let mut having: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, candidate) in block.iter().enumerate() {
        for organization in &candidate.as_ref().expect("all alive").organizations {
            having.entry(organization.clone()).or_default().push(i);
        }
    }
    let (mut merged, mut any) = (true, false);
    while merged {
        merged = false;
        for keep in 0..block.len() {
            if block[keep].as_ref().is_none_or(|c| c.key.len() < 2) {
                continue;
            }
            // Those sharing an organisation with `keep`, taken in key order; an organisation gained by a
            // merge brings in its people after the one just absorbed (earlier ones wait for the next pass).
            let mut pending: BTreeSet<usize> = block[keep].as_ref().expect("alive").organizations.iter().flat_map(|o| having[o].iter().copied()).collect();
            while let Some(absorb) = pending.pop_first() {
                let same = match (&block[keep], &block[absorb]) {
                    (Some(a), Some(b)) => absorb != keep && same_person(a, b),
                    _ => false,
                };
                if !same {
                    continue;
                }
                let absorbed = block[absorb].take().expect("alive");
                let target = block[keep].as_mut().expect("alive");
                let gained: Vec<String> = absorbed.organizations.iter().filter(|o| target.organizations.binary_search(o).is_err()).cloned().collect();
                target.absorb(absorbed);
                for organization in gained {
                    let people = having.get_mut(&organization).expect("indexed");
                    pending.extend(people.iter().copied().filter(|&i| i > absorb));
                    people.push(keep);
                }
                (merged, any) = (true, true);
            }
        }
    }
    (block.into_iter().flatten().collect(), any)
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

pub mod steps;

#[cfg(test)]
mod tests;

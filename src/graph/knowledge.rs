//! The knowledge layer of the graph: entities merged across articles (one node per person,
//! organisation or place, with every surface form) and facts merged across articles (one departure of
//! Hegeman from Meta, supported by the per-article facts that state it, each with its evidence and
//! modality). Written when the last article is in.
//!
//! Memory: each article's entities and facts go to a temporary file as they come (one JSON line each)
//! and are read back twice at the end, once to resolve entities and once to merge facts. Every step
//! between is a sort within a memory budget, with sorted runs on disk past it: entities by blocking key
//! (`AcrossDocuments`), entity nodes by IRI, which global entity each local one is by article, facts by
//! merged-fact key (`fact_runs.rs`). The IRIs of articles and entities are read back from disk by
//! number (`string_table.rs`). What stays in memory is the budgets, the distinct roles and the largest
//! block of people resolution looks at (one given name or surname), not the number of articles.

use super::article::{date_literal, fact_class, round3, schema_class};
use super::iri::entity_key_iri;
use super::record::ArticleKnowledge;
use fact_runs::StatedFact;
use crate::model::{Fact, FactDate, FactKind, Modality};
use crate::pipeline::SortedRuns;
use crate::resolve::{AcrossDocuments, Assignment, GlobalEntity, Registry};
use serde::{Deserialize, Serialize};
use string_table::{StringReader, StringTable};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, Write};

#[derive(Default)]
pub struct KnowledgeGraph {
    /// The IRIs of the articles added (those with entities), by their number (created with the first).
    article_iris: Option<StringTable>,
    /// Their entities and facts, one JSON line per article (created with the first).
    spill: Option<BufWriter<File>>,
    /// The PROV-O activity that generated the facts.
    activity: String,
    /// With `--registry`: identifiers of earlier runs, reused, and updated with this run's entities.
    registry: Option<Registry>,
    /// Bytes the sorts of the merge (entities, entity nodes, facts) may take together; past them,
    /// sorted runs go to disk.
    memory: usize,
}

/// The memory of the sorts unless told otherwise (`with_memory`).
pub const DEFAULT_MEMORY: usize = 256 << 20;

/// The identifier of a global entity without a registry: its resolution key, so the same entity has
/// the same IRI in every run.
fn own_assignment(entity: &GlobalEntity) -> Assignment {
    Assignment { id: entity.key.clone(), same_as: Vec::new() }
}

/// A merged fact's identity: kind, people, organisation (the ranks of their IRIs, see `Ranked`) and
/// the rank of its normalised, lower-cased role.
type FactKey = (FactKind, u32, Option<u32>, Option<u32>, Option<u32>);

fn same_but_role(a: &FactKey, b: &FactKey) -> bool {
    (a.0, a.1, a.2, a.3) == (b.0, b.1, b.2, b.3)
}

/// What a merged fact keeps of one per-article fact that supports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Support {
    article: u32,
    index: u32,
    modality: Modality,
    confidence: f32,
    date: Option<FactDate>,
    /// The role as written, with its normalised form: a number in `FactTexts::roles`.
    role: Option<u32>,
    former: bool,
}

/// Values stored once and referred to by number, numbered in the order first seen (roles repeat
/// across millions of facts).
struct Interner<T> {
    numbers: HashMap<T, u32>,
    strings: Vec<T>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self { numbers: HashMap::new(), strings: Vec::new() }
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    fn number(&mut self, value: &T) -> u32 {
        if let Some(&number) = self.numbers.get(value) {
            return number;
        }
        let number = self.strings.len() as u32;
        self.numbers.insert(value.clone(), number);
        self.strings.push(value.clone());
        number
    }
}

/// A global entity with its identifier, ordered by the identifier's IRI, then by key: the order of the
/// entity nodes (entities that share an identifier are one node, its first entity the first by key).
#[derive(Serialize, Deserialize)]
struct Identified {
    iri: String,
    entity: GlobalEntity,
    assignment: Assignment,
}

impl PartialEq for Identified {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Identified {}

impl PartialOrd for Identified {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Identified {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.iri, self.entity.kind, &self.entity.key).cmp(&(&other.iri, other.entity.kind, &other.entity.key))
    }
}

/// Texts by number: the IRIs of articles and of entity nodes (read from disk in one process, from a
/// partition's own records in a cluster step).
trait Lookup {
    fn text(&self, number: u32) -> io::Result<String>;
}

impl Lookup for StringReader {
    fn text(&self, number: u32) -> io::Result<String> {
        self.get(number)
    }
}

impl Lookup for HashMap<u32, String> {
    fn text(&self, number: u32) -> io::Result<String> {
        self.get(&number).cloned().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("no text for number {number}")))
    }
}

/// The texts the numbers of entity members, fact keys and supports stand for.
struct FactTexts<'a> {
    articles: &'a dyn Lookup,
    iris: &'a dyn Lookup,
    normalized_roles: &'a [String],
    roles: &'a [(String, String)],
}

impl KnowledgeGraph {
    pub fn new(activity: &str) -> Self {
        Self { activity: activity.to_string(), memory: DEFAULT_MEMORY, ..Self::default() }
    }

    /// Bounds the memory of the sorts to `bytes`; the rest goes to sorted runs on disk.
    pub fn with_memory(self, bytes: usize) -> Self {
        Self { memory: bytes, ..self }
    }

    pub fn with_registry(self, registry: Registry) -> Self {
        Self { registry: Some(registry), ..self }
    }

    /// The registry, with this run's entities once `write_nodes` has run.
    pub fn into_registry(self) -> Option<Registry> {
        self.registry
    }

    /// An article's entities and facts; `article_iri` is the article node's IRI. Articles are
    /// numbered in the order they are added, which is the input order.
    pub fn add(&mut self, article_iri: String, knowledge: &ArticleKnowledge) -> io::Result<()> {
        if knowledge.entities.entities.is_empty() {
            return Ok(());
        }
        if self.spill.is_none() {
            self.spill = Some(BufWriter::new(tempfile::tempfile()?));
            self.article_iris = Some(StringTable::new()?);
        }
        let spill = self.spill.as_mut().expect("created above");
        serde_json::to_writer(&mut *spill, knowledge)?;
        spill.write_all(b"\n")?;
        self.article_iris.as_mut().expect("created with the spill").push(&article_iri)
    }

    /// Global entity nodes, then merged fact nodes, in a deterministic order, each handed to `emit`.
    pub fn write_nodes(&mut self, emit: &mut dyn FnMut(&Value) -> io::Result<()>) -> io::Result<()> {
        let Some(spill) = self.spill.take() else { return Ok(()) };
        let mut file = spill.into_inner().map_err(|e| e.into_error())?;
        let article_iris = self.article_iris.take().expect("created with the spill").finish()?;

        // Pass 1: entities, resolved across articles, then given their identifiers in key order (the
        // registry's order) and sorted by IRI: the order of the nodes, whose numbers are the ranks facts
        // name entities by, so that numbers sort as the IRIs do.
        let mut across = AcrossDocuments::new(self.memory);
        let mut articles = SpilledArticles::new(&mut file)?;
        for (a, knowledge) in articles.by_ref().enumerate() {
            across.add(a as u32, &knowledge.entities)?;
        }
        articles.finish()?;
        // Two sorts fill at one time here, and in pass 2 the facts' while the last is read.
        let share = (self.memory / 2).max(1);
        let mut identified = SortedRuns::new(share);
        let mut assigner = self.registry.as_mut().map(|registry| registry.assigner());
        for entity in across.resolve()? {
            let entity = entity?;
            let assignment = match &mut assigner {
                Some(assigner) => assigner.assign(&entity),
                None => own_assignment(&entity),
            };
            identified.push(Identified { iri: entity_key_iri(&assignment.id), entity, assignment })?;
        }
        drop(assigner);
        // Which global entity each local one is, by article: (article, entity, rank).
        let mut global_of = SortedRuns::new(share);
        let mut entity_iris = StringTable::new()?;
        let mut group: Vec<Identified> = Vec::new();
        let mut node = |group: &mut Vec<Identified>, entity_iris: &mut StringTable| -> io::Result<()> {
            let rank = entity_iris.len();
            for &(a, e) in group.iter().flat_map(|i| &i.entity.members) {
                global_of.push((a, e, rank))?;
            }
            entity_iris.push(&group[0].iri)?;
            emit(&entity_node(group, &article_iris)?)?;
            group.clear();
            Ok(())
        };
        for next in identified.into_sorted()? {
            let next = next?;
            if group.last().is_some_and(|last| last.iri != next.iri) {
                node(&mut group, &mut entity_iris)?;
            }
            group.push(next);
        }
        if !group.is_empty() {
            node(&mut group, &mut entity_iris)?;
        }
        let entity_iris = entity_iris.finish()?;

        // Pass 2: facts, sorted by key with the role as text (`fact_runs.rs`): a merged fact is a run of
        // equal keys. Once sorted, a key names its role by its rank among the distinct roles.
        let mut stated = SortedRuns::new(share);
        let mut normalized_roles: BTreeSet<String> = BTreeSet::new();
        let mut roles = Interner::default();
        let mut articles = SpilledArticles::new(&mut file)?;
        let mut global_of = global_of.into_sorted()?.peekable();
        let mut locals: Vec<Option<u32>> = Vec::new();
        for (a, knowledge) in articles.by_ref().enumerate() {
            locals.clear();
            locals.resize(knowledge.entities.entities.len(), None);
            while let Some(next) = global_of.next_if(|next| next.as_ref().map_or(true, |&(article, _, _)| article as usize == a)) {
                let (_, e, rank) = next?;
                locals[e as usize] = Some(rank);
            }
            let global = |local: usize| locals.get(local).copied().flatten();
            for (index, fact) in knowledge.facts.iter().enumerate() {
                let Some(key) = text_key(fact, global) else { continue };
                if let Some(role) = key.4.as_ref().filter(|role| !normalized_roles.contains(*role)) {
                    normalized_roles.insert(role.clone());
                }
                stated.push(StatedFact { key, support: Support::of(a as u32, index as u32, fact, &mut roles) })?;
            }
        }
        articles.finish()?;
        drop(global_of);
        let normalized_roles: Vec<String> = normalized_roles.into_iter().collect();
        let texts = FactTexts { articles: &article_iris, iris: &entity_iris, normalized_roles: &normalized_roles, roles: &roles.strings };
        self.emit_facts(stated.into_sorted()?, &texts, &mut |_, node| emit(node))
    }

    /// The merged facts of the sorted stated facts: a merged fact is a run of equal keys. Keys name their
    /// role by its rank among `texts.normalized_roles`, which must hold every role of `stated`, sorted.
    /// `emit` gets each node with its key.
    fn emit_facts(&self, stated: impl Iterator<Item = io::Result<StatedFact>>, texts: &FactTexts, emit: &mut dyn FnMut(&FactKey, &Value) -> io::Result<()>) -> io::Result<()> {
        // Each key's support in input order; one group of keys that differ in their role alone at a time.
        let mut group: Vec<(FactKey, Support)> = Vec::new();
        for next in stated {
            let StatedFact { key: (kind, person, predecessor, organization, role), support } = next?;
            let rank = |role: &String| texts.normalized_roles.binary_search(role).expect("every role was collected") as u32;
            let key = (kind, person, predecessor, organization, role.as_ref().map(rank));
            if group.last().is_some_and(|(last, _)| !same_but_role(last, &key)) {
                self.emit_group(&group, texts, emit)?;
                group.clear();
            }
            group.push((key, support));
        }
        self.emit_group(&group, texts, emit)
    }

    /// The merged facts of keys that differ in their role alone.
    fn emit_group(&self, group: &[(FactKey, Support)], texts: &FactTexts, emit: &mut dyn FnMut(&FactKey, &Value) -> io::Result<()>) -> io::Result<()> {
        for (key, support) in merge_compatible_roles(group, texts) {
            emit(&key, &self.merged_fact_node(&key, &support, texts)?)?;
        }
        Ok(())
    }

    fn merged_fact_node(&self, key: &FactKey, support: &[&Support], texts: &FactTexts) -> io::Result<Value> {
        let (kind, person, predecessor, organization, normalized_role) = *key;
        let iri = |rank: u32| texts.iris.text(rank);
        let (person, predecessor, organization) = (iri(person)?, predecessor.map(iri).transpose()?, organization.map(iri).transpose()?);
        let (predecessor, organization) = (predecessor.as_deref(), organization.as_deref());
        let normalized_role = normalized_role.map(|r| texts.normalized_roles[r as usize].as_str());
        let identity = format!("{}|{person}|{}|{}|{}", kind.as_str(), predecessor.unwrap_or(""), organization.unwrap_or(""), normalized_role.unwrap_or(""));
        let mut node = json!({
            "@id": format!("urn:newsgraph:fact:{}", crate::model::short_hash(identity.as_bytes())),
            "@type": fact_class(kind),
            "modality": majority_modality(support).as_str(),
            "confidence": round3(combined_confidence(support) as f32),
            "supportedBy": support.iter().map(|s| local_iri(texts.articles, s.article, "fact", s.index)).collect::<io::Result<BTreeSet<_>>>()?,
            "wasGeneratedBy": self.activity,
        });
        let person_term = if kind == FactKind::Replaces { "successor" } else { "person" };
        node[person_term] = json!(person);
        if let Some(old) = predecessor {
            node["predecessor"] = json!(old);
        }
        if let Some(organization) = organization {
            node["organization"] = json!(organization);
        }
        // (written, normalised) pairs in order: the normalised form shown is the smallest pair's.
        let role_pair = |number: u32| {
            let (written, normalized) = &texts.roles[number as usize];
            (written.as_str(), normalized.as_str())
        };
        let roles: BTreeSet<(&str, &str)> = support.iter().filter_map(|s| s.role).map(role_pair).collect();
        if let Some((_, normalized)) = roles.iter().next() {
            node["normalizedRole"] = json!(normalized);
            node["roleName"] = json!(roles.iter().map(|(w, _)| *w).collect::<BTreeSet<_>>());
        }
        if kind == FactKind::HoldsRole && support.iter().all(|s| s.former) {
            node["former"] = json!(true);
        }
        if let Some(date) = majority_date(support) {
            node["date"] = date_literal(date);
        }
        Ok(node)
    }
}

/// A fact's merged-fact key with its role as text, `global` giving the rank of a local entity's node;
/// none when its person has no node.
fn text_key(fact: &Fact, global: impl Fn(usize) -> Option<u32>) -> Option<fact_runs::TextKey> {
    let person = global(fact.person)?;
    let role = fact.role.as_ref().map(|r| r.normalized.to_lowercase());
    Some((fact.kind, person, fact.predecessor.and_then(&global), fact.organization.and_then(&global), role))
}

fn local_iri(articles: &dyn Lookup, article: u32, kind: &str, index: u32) -> io::Result<String> {
    Ok(format!("{}#{kind}-{index}", articles.text(article)?))
}

/// One node for the run's entities that share an identifier (one, unless a registry joined them), the
/// first by key first.
fn entity_node(group: &[Identified], articles: &dyn Lookup) -> io::Result<Value> {
    let (first, assignment) = (&group[0].entity, &group[0].assignment);
    let mut members: Vec<(u32, u32)> = group.iter().flat_map(|i| i.entity.members.iter().copied()).collect();
    members.sort();
    let locals: Vec<String> = members.iter().map(|&(a, e)| local_iri(articles, a, "entity", e)).collect::<io::Result<_>>()?;
    let mut alternate_names: BTreeSet<&String> = group.iter().flat_map(|i| std::iter::once(&i.entity.name).chain(&i.entity.alternate_names)).collect();
    alternate_names.remove(&first.name);
    let mut node = json!({
        "@id": group[0].iri,
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
    Ok(node)
}

impl Support {
    fn of(article: u32, index: u32, fact: &Fact, roles: &mut Interner<(String, String)>) -> Self {
        Self {
            article,
            index,
            modality: fact.modality,
            confidence: fact.confidence,
            date: fact.date,
            role: fact.role.as_ref().map(|r| roles.number(&(r.written.clone(), r.normalized.clone()))),
            former: fact.former,
        }
    }
}

/// The spilled articles, read from the start; a read error ends the iteration and is kept for `finish`.
struct SpilledArticles<'f> {
    lines: std::io::Lines<BufReader<&'f mut File>>,
    error: Option<io::Error>,
}

impl<'f> SpilledArticles<'f> {
    fn new(file: &'f mut File) -> io::Result<Self> {
        file.rewind()?;
        Ok(Self { lines: BufReader::new(file).lines(), error: None })
    }

    fn finish(self) -> io::Result<()> {
        self.error.map_or(Ok(()), Err)
    }
}

impl Iterator for SpilledArticles<'_> {
    type Item = ArticleKnowledge;

    fn next(&mut self) -> Option<ArticleKnowledge> {
        if self.error.is_some() {
            return None;
        }
        let parsed = self.lines.next()?.and_then(|line| serde_json::from_str(&line).map_err(io::Error::other));
        match parsed {
            Ok(knowledge) => Some(knowledge),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }
}

/// One fact stated with a more and a less specific role ("chief AI scientist", "chief scientist") or
/// with none: the evidence of the less specific goes to the more specific when only one such exists.
/// `group`: the sorted (key, support) pairs of keys that differ in their role alone (only those can
/// merge); returns the merged facts in key order.
fn merge_compatible_roles<'s>(group: &'s [(FactKey, Support)], texts: &FactTexts) -> Vec<(FactKey, Vec<&'s Support>)> {
    let mut merged: Vec<(FactKey, Option<Vec<&Support>>)> =
        group.chunk_by(|a, b| a.0 == b.0).map(|run| (run[0].0, Some(run.iter().map(|(_, s)| s).collect()))).collect();
    if merged.len() > 1 {
        let role_words = |key: &FactKey| -> BTreeSet<&str> {
            key.4.map(|r| texts.normalized_roles[r as usize].split_whitespace().collect()).unwrap_or_default()
        };
        let words: Vec<BTreeSet<&str>> = merged.iter().map(|(key, _)| role_words(key)).collect();
        for i in 0..merged.len() {
            let mut wider = (0..merged.len()).filter(|&j| j != i && words[i].is_subset(&words[j]));
            if let (Some(target), None) = (wider.next(), wider.next()) {
                if let Some(support) = merged[i].1.take() {
                    merged[target].1.get_or_insert_default().extend(support);
                }
            }
        }
    }
    merged.into_iter().filter_map(|(key, support)| Some((key, support?))).collect()
}

/// Noisy-or: independent pieces of evidence, each right with its confidence.
fn combined_confidence(support: &[&Support]) -> f64 {
    1.0 - support.iter().map(|s| 1.0 - f64::from(s.confidence)).product::<f64>()
}

/// The modality most of the evidence gives; on a tie, the more certain one (asserted before future
/// before hedged before negated).
fn majority_modality(support: &[&Support]) -> Modality {
    let mut counts: BTreeMap<Modality, usize> = BTreeMap::new();
    for s in support {
        *counts.entry(s.modality).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(m, _)| m).unwrap_or(Modality::Asserted)
}

/// The date most of the dated evidence gives; on a tie, the most precise, then the earliest.
fn majority_date(support: &[&Support]) -> Option<FactDate> {
    let mut counts: BTreeMap<FactDate, usize> = BTreeMap::new();
    for date in support.iter().filter_map(|s| s.date) {
        *counts.entry(date).or_default() += 1;
    }
    let precision = |d: &FactDate| match d {
        FactDate::Day(_) => 2,
        FactDate::Month(..) => 1,
        FactDate::Year(_) => 0,
    };
    counts.into_iter().max_by(|(a, x), (b, y)| x.cmp(y).then(precision(a).cmp(&precision(b))).then(b.cmp(a))).map(|(d, _)| d)
}

mod fact_runs;
pub mod steps;
mod string_table;

#[cfg(test)]
mod tests;

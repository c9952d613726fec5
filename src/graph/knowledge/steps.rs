//! The knowledge layer one step at a time, for a cluster (`scripts/spark/newsgraph_spark.py`, through
//! `newsgraph merge-step`): each step reads the lines of one partition on standard input and writes
//! lines for the next; the cluster moves the lines between steps (partitioning, joining, sorting by
//! KEY). Lines are `TAG\tKEY\tJSON` (`resolve::resolution_steps`). The steps do what `write_nodes`
//! does in one process, with the same functions, so the nodes are the same bytes:
//!
//! | step | reads | writes |
//! |---|---|---|
//! | `articles` | per-article records | `C\tid key\tseq` (the record claims an article id), `K\tseq\tshare` (its entities and facts) |
//! | `mentions` | `D\tdoc\tshare` (the kept shares, numbered in input order) | `B` lines of resolution |
//! | `candidates`, `by-given-name`, `by-surname` | see `resolve::resolution_steps` | |
//! | `identify` | the last round's candidates | `I\tIRI\tentity` (the cluster numbers them in IRI order: ranks) |
//! | `members` | `R\trank\tentity` | `M\tdoc\t[entity, rank, IRI]` |
//! | `doc-facts` | `A\tdoc\t{article: share, ranks: [[entity, rank, IRI]...]}` | `L\trank\t[doc, article IRI]`, `F\tfact group\tfact` |
//! | `entity-nodes` | `N\trank\t{entity, articles: [[doc, IRI]...]}` | `N\trank\tnode` |
//! | `fact-nodes` | `F` lines, all of a fact group in one partition | `N\tsort key\tnode` |
//!
//! The graph's knowledge nodes are the entity nodes by rank, then the fact nodes by sort key.

use super::fact_runs::{StatedFact, TextKey};
use super::{entity_node, own_assignment, text_key, FactKey, FactTexts, Identified, Interner, KnowledgeGraph, Support};
use crate::graph::iri::entity_key_iri;
use crate::graph::record::{ArticleKnowledge, DocumentRecord, StreamHeader};
use crate::model::{id_key, Fact};
use crate::pipeline::SortedRuns;
use crate::resolve::resolution_steps::{self, each_line, invalid, parse, write_line};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufRead, Write};

/// The steps, in the order a cluster runs them (`by-given-name` and `by-surname` in rounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Step {
    Articles,
    Mentions,
    Candidates,
    ByGivenName,
    BySurname,
    Identify,
    Members,
    DocFacts,
    EntityNodes,
    FactNodes,
}

/// Runs `step` over `input`; `memory` bounds its sorts, `header` (the records' stream header, as JSON)
/// names the extraction activity that fact nodes cite.
pub fn run_step(step: Step, input: impl BufRead, out: &mut impl Write, memory: usize, header: Option<&str>) -> io::Result<()> {
    match step {
        Step::Articles => articles(input, out),
        Step::Mentions => each_line(input, |_, doc, json| resolution_steps::mentions(parse(doc)?, &parse::<ArticleShare>(json)?.knowledge.entities, out)),
        Step::Candidates => resolution_steps::candidates_step(input, out, memory),
        Step::ByGivenName => resolution_steps::given_name_step(input, out, memory),
        Step::BySurname => resolution_steps::surname_step(input, out, memory),
        Step::Identify => each_line(input, |_, _, json| {
            let entity = resolution_steps::global_entity(json)?;
            let assignment = own_assignment(&entity);
            let iri = entity_key_iri(&assignment.id);
            write_line(out, "I", &iri, &Identified { iri: iri.clone(), entity, assignment })
        }),
        Step::Members => each_line(input, |_, rank, json| {
            let (rank, identified): (u32, Identified) = (parse(rank)?, parse(json)?);
            for &(doc, e) in &identified.entity.members {
                write_line(out, "M", &doc, &(e, rank, &identified.iri))?;
            }
            Ok(())
        }),
        Step::DocFacts => each_line(input, |_, doc, json| doc_facts(parse(doc)?, parse(json)?, out)),
        Step::EntityNodes => each_line(input, |_, rank, json| {
            let node: EntityShare = parse(json)?;
            let articles: HashMap<u32, String> = node.articles.into_iter().collect();
            write_line(out, "N", &parse::<u32>(rank)?, &entity_node(&[node.entity], &articles)?)
        }),
        Step::FactNodes => {
            let header: StreamHeader = parse(header.ok_or_else(|| invalid("fact-nodes needs the records' stream header".into()))?)?;
            fact_nodes(input, out, memory, &header.provenance().activity_iri())
        }
    }
}

/// What an article brings to the knowledge layer: its IRI, entities and facts.
#[derive(Serialize, Deserialize)]
struct ArticleShare {
    iri: String,
    knowledge: ArticleKnowledge,
}

/// An article's share with the ranks of its entities' nodes: (entity, rank, IRI).
#[derive(Deserialize)]
struct RankedArticle {
    article: ArticleShare,
    ranks: Vec<(u32, u32, String)>,
}

/// An entity node to write: the entity, and the IRIs of the articles of its members.
#[derive(Deserialize)]
struct EntityShare {
    entity: Identified,
    articles: Vec<(u32, String)>,
}

/// One stated fact with the texts its numbers stand for.
#[derive(Serialize, Deserialize)]
struct RankedFact {
    key: TextKey,
    article: u32,
    index: u32,
    fact: Fact,
    article_iri: String,
    /// (rank, IRI) of the fact's entities.
    entity_iris: Vec<(u32, String)>,
}

/// Per-article records to the ids they claim and their shares. A record claims its article id as
/// `GraphSink` counts it: an article does, and a failure past reading that has one; of the records
/// that claim one id, only the first in input order is kept.
fn articles(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() || line.starts_with("{\"perDocFormat\"") {
            continue;
        }
        match parse::<DocumentRecord>(&line)? {
            DocumentRecord::Article(record) => {
                write_line(out, "C", &id_key(&record.id), &record.seq)?;
                let iri = record.article_iri();
                if let Some(knowledge) = record.knowledge {
                    write_line(out, "K", &record.seq, &ArticleShare { iri, knowledge })?;
                }
            }
            DocumentRecord::Failure(failure) => {
                if let (Some(id), true) = (&failure.error.id, failure.error.stage != "read") {
                    write_line(out, "C", &id_key(id), &failure.seq)?;
                }
            }
        }
    }
    Ok(())
}

/// One article's members (for its entities' nodes) and facts (for the fact nodes).
fn doc_facts(doc: u32, ranked: RankedArticle, out: &mut impl Write) -> io::Result<()> {
    let RankedArticle { article, ranks } = ranked;
    let locals: HashMap<u32, (u32, &String)> = ranks.iter().map(|(e, rank, iri)| (*e, (*rank, iri))).collect();
    for (_, rank, _) in &ranks {
        write_line(out, "L", rank, &(doc, &article.iri))?;
    }
    let global = |local: usize| locals.get(&(local as u32)).map(|&(rank, _)| rank);
    for (index, fact) in article.knowledge.facts.into_iter().enumerate() {
        let Some(key) = text_key(&fact, global) else { continue };
        let entity_iris: Vec<(u32, String)> =
            [Some(fact.person), fact.predecessor, fact.organization].into_iter().flatten().filter_map(|e| locals.get(&(e as u32))).map(|&(rank, iri)| (rank, iri.clone())).collect();
        let group = (key.0, key.1, key.2, key.3);
        let record = RankedFact { key, article: doc, index: index as u32, fact, article_iri: article.iri.clone(), entity_iris };
        write_line(out, "F", &group, &record)?;
    }
    Ok(())
}

/// The merged facts of the fact groups of one partition, as `write_nodes` merges them. Each node's
/// sort key is its group (kind, person, predecessor, organisation) then its place in this partition's
/// output, which keeps a group's nodes in the order they were merged.
fn fact_nodes(input: impl BufRead, out: &mut impl Write, memory: usize, activity: &str) -> io::Result<()> {
    let (mut articles, mut iris) = (HashMap::new(), HashMap::new());
    let mut roles = Interner::default();
    let mut normalized_roles = BTreeSet::new();
    let mut stated = SortedRuns::new(memory);
    each_line(input, |_, _, json| {
        let fact: RankedFact = parse(json)?;
        articles.insert(fact.article, fact.article_iri);
        iris.extend(fact.entity_iris);
        if let Some(role) = fact.key.4.as_ref().filter(|role| !normalized_roles.contains(*role)) {
            normalized_roles.insert(role.clone());
        }
        let support = Support::of(fact.article, fact.index, &fact.fact, &mut roles);
        stated.push(StatedFact { key: fact.key, support })
    })?;
    let normalized_roles: Vec<String> = normalized_roles.into_iter().collect();
    let texts = FactTexts { articles: &articles, iris: &iris, normalized_roles: &normalized_roles, roles: &roles.strings };
    let mut written = 0u64;
    KnowledgeGraph::new(activity).emit_facts(stated.into_sorted()?, &texts, &mut |key: &FactKey, node| {
        written += 1;
        write_line(out, "N", &sort_key(key, written), node)
    })
}

/// Zero-padded, so that text order is the order of (kind, person, predecessor, organisation, place).
fn sort_key(key: &FactKey, place: u64) -> String {
    let optional = |rank: Option<u32>| rank.map_or("-".to_string(), |rank| format!("{rank:010}"));
    format!("{:02}.{:010}.{}.{}.{place:012}", key.0 as u8, key.1, optional(key.2), optional(key.3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FactKind;

    #[test]
    fn fact_sort_keys_order_as_fact_keys_with_no_rank_first() {
        let keys: Vec<FactKey> = vec![
            (FactKind::Left, 2, None, None, None),
            (FactKind::Left, 2, None, Some(0), None),
            (FactKind::Left, 2, Some(1), None, None),
            (FactKind::Left, 10, None, Some(3), Some(1)),
            (FactKind::Replaces, 0, Some(9), Some(12), None),
            (FactKind::HoldsRole, 0, None, None, None),
        ];
        let texts: Vec<String> = keys.iter().map(|k| sort_key(k, 5)).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
        assert_eq!(texts[1], "00.0000000002.-.0000000000.000000000005");
    }
}

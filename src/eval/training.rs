//! Training data for the relation model: every candidate the extractor considers in the gold documents
//! (`relations::candidates`), with its features and what the gold says of it, one JSON line each
//! (`newsgraph candidates`, read by `scripts/relations/train.py`). A candidate is labelled by the gold
//! relations of its kind whose people it names (through the gold aliases, as `newsgraph eval` matches);
//! each organisation option by those that also name that organisation (or none, when the gold has none).
//! A candidate that only matches career history (`background`) is labelled neither way.

use super::gold::{GoldDocument, GoldRelation};
use super::matching::{entity_keys, gold_keys, overlaps};
use super::run_documents;
use crate::model::{Document, EntityKind, FactKind};
use crate::pipeline::Pipeline;
use crate::lexicon::Lexicon;
use crate::relations::{candidates, Candidate};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

#[derive(Serialize)]
struct Line<'a> {
    doc: String,
    lang: &'a str,
    kind: &'static str,
    sentence: usize,
    /// Entity indices in the document: who, whom they replace.
    person: usize,
    predecessor: Option<usize>,
    /// 1: a fact of the gold; 0: not; null: only career history.
    label: Option<u8>,
    /// The gold modality of the fact (events only).
    modality: Option<&'a str>,
    features: &'a [String],
    modality_features: &'a [String],
    organizations: Vec<OptionLine<'a>>,
    /// The sentence the candidate stands in, and where in it (byte offsets into `evidence`) the person,
    /// the predecessor and each organisation option are named (null: not in this sentence). For
    /// experiments with features read from the text itself.
    evidence: &'a str,
    person_span: Option<(usize, usize)>,
    predecessor_span: Option<(usize, usize)>,
    /// The people's names (the fullest form in the document), for a reader of the text that needs them
    /// where the sentence names them only through a pronoun or not at all.
    person_name: &'a str,
    predecessor_name: Option<&'a str>,
}

#[derive(Serialize)]
struct OptionLine<'a> {
    /// The organisation's entity index in the document (null: none).
    entity: Option<usize>,
    /// Indices (in the document's gold relations) of the facts this candidate states at this organisation.
    gold: Vec<usize>,
    features: &'a [String],
    span: Option<(usize, usize)>,
}

/// Writes the labelled candidates of every gold document; returns how many.
pub fn write_labelled_candidates(gold: &[GoldDocument], docs: &Path, pipeline: &Pipeline, out: &mut impl Write) -> io::Result<usize> {
    let mut written = 0;
    for (gold, doc) in gold.iter().zip(&run_documents(gold, docs, pipeline)?) {
        let lang = doc.language.as_ref().map_or("und", |l| l.code.as_str());
        let Some(lexicon) = Lexicon::for_language(lang) else { continue };
        for candidate in candidates(doc, lexicon, lang) {
            serde_json::to_writer(&mut *out, &labelled(gold, doc, lang, &candidate))?;
            out.write_all(b"\n")?;
            written += 1;
        }
    }
    Ok(written)
}

fn labelled<'a>(gold: &'a GoldDocument, doc: &'a Document, lang: &'a str, candidate: &'a Candidate) -> Line<'a> {
    let kind = candidate.kind.as_str();
    let person = entity_keys(doc, candidate.person);
    let predecessor = candidate.predecessor.map(|p| entity_keys(doc, p));
    let names = |r: &GoldRelation| {
        let Some(name) = r.person.as_ref().or(r.new.as_ref()) else { return false };
        let old_agrees = match (&r.old, &predecessor) {
            (Some(old), Some(keys)) => overlaps(&gold_keys(gold, old, EntityKind::Person), keys),
            (None, None) => true,
            _ => false,
        };
        r.kind == kind && old_agrees && overlaps(&gold_keys(gold, name, EntityKind::Person), &person)
    };
    let stated: Vec<(usize, &GoldRelation)> = gold.relations.iter().enumerate().filter(|(_, r)| names(r)).collect();
    let label = if stated.iter().any(|(_, r)| !r.background) {
        Some(1)
    } else if stated.is_empty() {
        Some(0)
    } else {
        None
    };
    let news: Vec<&(usize, &GoldRelation)> = stated.iter().filter(|(_, r)| !r.background).collect();
    let modality = news.first().and_then(|(_, r)| r.modality.as_deref()).filter(|_| candidate.kind != FactKind::HoldsRole);
    let evidence = candidate.evidence;
    // The entity's first mention inside the candidate's sentence, relative to the sentence.
    let span_in_evidence = |entity: usize| {
        doc.entities[entity].mentions.iter().map(|&m| doc.mentions[m].span).find(|s| s.start >= evidence.start && s.end <= evidence.end).map(|s| (s.start - evidence.start, s.end - evidence.start))
    };
    let organizations = candidate
        .organizations
        .iter()
        .map(|option| {
            let keys = option.entity.map(|o| entity_keys(doc, o));
            let gold = news
                .iter()
                .filter(|(_, r)| match (&r.org, &keys) {
                    (None, None) => true,
                    (Some(org), Some(keys)) => overlaps(&gold_keys(gold, org, EntityKind::Organization), keys),
                    _ => false,
                })
                .map(|(i, _)| *i)
                .collect();
            OptionLine { entity: option.entity, gold, features: &option.features, span: option.entity.and_then(span_in_evidence) }
        })
        .collect();
    Line {
        doc: doc.article.id.to_string(),
        lang,
        kind,
        sentence: candidate.sentence,
        person: candidate.person,
        predecessor: candidate.predecessor,
        label,
        modality,
        features: &candidate.features,
        modality_features: &candidate.modality_features,
        organizations,
        evidence: evidence.slice(doc.text()),
        person_span: span_in_evidence(candidate.person),
        predecessor_span: candidate.predecessor.and_then(span_in_evidence),
        person_name: &doc.entities[candidate.person].name,
        predecessor_name: candidate.predecessor.map(|p| doc.entities[p].name.as_str()),
    }
}

//! Grouping the mentions of one document into entities: "John Hegeman", "Hegeman" and "Mr Hegeman" are
//! one person; "Wall Street Journal", "Journal" and "WSJ" one organisation; "Meta" and "META.O" too.
//! A short mention joins the closest earlier entity it fits, so two people sharing a surname are told
//! apart by which was mentioned last.

use super::names::{acronyms, fold, is_acronym, leading_words_name_the_whole, organization_key, person_key, same_name_inflected, spelt_by_word_starts};
use std::collections::{BTreeMap, BTreeSet};
use crate::model::{EntityKind, LocalEntity, Mention};
use strsim::normalized_damerau_levenshtein;

/// Surnames this alike are one name misspelt ("Hageman" / "Hegeman"), when the rest of the name agrees.
const SURNAME_SIMILARITY: f64 = 0.8;

/// Shorter words than this are too short for fuzzy matching to mean anything.
const MIN_FUZZY_LENGTH: usize = 5;

struct Cluster {
    kind: EntityKind,
    /// Keys of the mentions so far.
    keys: Vec<Vec<String>>,
    mentions: Vec<usize>,
    /// Started by an all-capitals name ("WSJ"), which a full name may spell out later.
    acronym: bool,
    /// Per key: may its last word stand for the whole name (see `last_word_names_the_whole`)?
    tail_stands_for_whole: Vec<bool>,
    /// The acronyms its names of several words may go by (`names::acronyms`).
    acronyms: BTreeSet<String>,
}

impl Cluster {
    /// The longest key: the fullest form of the name seen.
    fn full_key(&self) -> &[String] {
        self.keys.iter().max_by_key(|k| k.len()).map_or(&[], Vec::as_slice)
    }

    fn full_key_tail_stands_for_whole(&self) -> bool {
        self.keys.iter().zip(&self.tail_stands_for_whole).max_by_key(|(k, _)| k.len()).is_none_or(|(_, &tail)| tail)
    }
}

/// "Journal" may name the "Wall Street Journal", but "Meta" does not name "Departures at Meta", nor
/// "America" the "Bank of America": after a lower-case word (a preposition, an article) the last word
/// is another name, not a short form of this one.
fn last_word_names_the_whole(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    match words.len() {
        0 | 1 => true,
        n => !words[n - 2].chars().next().is_some_and(char::is_lowercase),
    }
}

/// The entities of a document, in order of first mention; every mention belongs to exactly one.
pub fn group_mentions(text: &str, mentions: &[Mention]) -> Vec<LocalEntity> {
    let short_forms = organization_short_forms(text, mentions);
    let mut clusters: Vec<Cluster> = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        let surface = mention.span.slice(text);
        let key = match mention.kind {
            EntityKind::Person => person_key(surface),
            EntityKind::Organization | EntityKind::Location => organization_key(surface),
        };
        let spelt = if mention.kind == EntityKind::Organization { acronyms(surface) } else { Vec::new() };
        let target = if key.is_empty() {
            None
        } else {
            match mention.kind {
                EntityKind::Person => find_person(&clusters, &key),
                EntityKind::Organization => find_organization(&clusters, &key, surface, &spelt, last_word_names_the_whole(surface))
                    .or_else(|| find_by_short_form(&clusters, &key, &short_forms)),
                EntityKind::Location => clusters.iter().rposition(|c| c.kind == EntityKind::Location && c.keys.contains(&key)),
            }
        };
        match target {
            Some(cluster) => {
                let cluster = &mut clusters[cluster];
                cluster.keys.push(key);
                cluster.mentions.push(index);
                cluster.tail_stands_for_whole.push(last_word_names_the_whole(surface));
                cluster.acronyms.extend(spelt);
            }
            None => {
                let acronym = is_acronym(surface);
                let tail_stands_for_whole = vec![last_word_names_the_whole(surface)];
                clusters.push(Cluster { kind: mention.kind, keys: vec![key], mentions: vec![index], acronym, tail_stands_for_whole, acronyms: spelt.into_iter().collect() })
            }
        }
    }
    clusters.into_iter().map(|c| LocalEntity { kind: c.kind, name: canonical_name(text, mentions, &c), mentions: c.mentions }).collect()
}

/// The organisation keys of the article that its leading words alone stand for, as short key -> full
/// key ("harbourline" -> "harbourline logistics"; see `leading_words_name_the_whole`). Decided on the
/// whole article, so the short form may come first (a headline's "Harbourline"); a short form that two
/// of the article's names start with ("Nordlicht Energie", "Nordlicht Bank") stands for neither.
fn organization_short_forms(text: &str, mentions: &[Mention]) -> BTreeMap<Vec<String>, Vec<String>> {
    let keys: std::collections::BTreeSet<Vec<String>> =
        mentions.iter().filter(|m| m.kind == EntityKind::Organization).map(|m| organization_key(m.span.slice(text))).filter(|k| !k.is_empty()).collect();
    let mut short_forms: BTreeMap<Vec<String>, Vec<String>> = keys
        .iter()
        .filter_map(|short| {
            let longer: Vec<&Vec<String>> = keys.iter().filter(|k| k.len() > short.len() && k.starts_with(short)).collect();
            match longer[..] {
                [full] if leading_words_name_the_whole(short, full) => Some((short.clone(), full.clone())),
                _ => None,
            }
        })
        .collect();
    // A name written as one capitalised word may be spelt from the starts of a longer name's words
    // ("Segob", "KenTrade", "DTE"): the short form of the one name of the article it spells.
    let written_short: BTreeSet<Vec<String>> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| m.span.slice(text))
        .filter(|surface| surface.chars().next().is_some_and(char::is_uppercase))
        .map(organization_key)
        .filter(|k| k.len() == 1)
        .collect();
    for short in written_short {
        let spelt: Vec<&Vec<String>> = keys.iter().filter(|k| spelt_by_word_starts(&short[0], k)).collect();
        if let [full] = spelt[..] {
            short_forms.entry(short).or_insert_with(|| full.clone());
        }
    }
    short_forms
}

/// The cluster of the whole name a short form stands for, or of the short form a whole name expands.
fn find_by_short_form(clusters: &[Cluster], key: &[String], short_forms: &BTreeMap<Vec<String>, Vec<String>>) -> Option<usize> {
    let organizations = || clusters.iter().enumerate().rev().filter(|(_, c)| c.kind == EntityKind::Organization);
    let stands_for = |short: &[String], full: &[String]| short_forms.get(short).is_some_and(|f| f.as_slice() == full);
    organizations().find(|(_, c)| c.keys.iter().any(|k| stands_for(key, k) || stands_for(k, key))).map(|(i, _)| i)
}

fn similar_surnames(a: &str, b: &str) -> bool {
    a == b || (a.len() >= MIN_FUZZY_LENGTH && b.len() >= MIN_FUZZY_LENGTH && normalized_damerau_levenshtein(a, b) >= SURNAME_SIMILARITY)
}

/// The person cluster a name belongs to, searching from the most recent.
fn find_person(clusters: &[Cluster], key: &[String]) -> Option<usize> {
    let people = || clusters.iter().enumerate().rev().filter(|(_, c)| c.kind == EntityKind::Person);
    if key.len() >= 2 {
        let (first, last) = (&key[0], &key[key.len() - 1]);
        // The same full name, or the same given name with a surname spelt slightly differently.
        if let Some((i, _)) = people().find(|(_, c)| {
            let full = c.full_key();
            full.len() >= 2 && &full[0] == first && similar_surnames(&full[full.len() - 1], last)
        }) {
            return Some(i);
        }
        // A surname of several words, after the full name ("Van der Stoel" for Pieter van der Stoel) or
        // met alone before it; a surname of one word met alone before the full name. A name with the
        // first of its two surnames ("Mónica Serrat" for Mónica Serrat Puig) is the same person.
        let ends = |short: &[String], long: &[String]| short.len() < long.len() && long.ends_with(short);
        let starts = |short: &[String], long: &[String]| short.len() >= 2 && short.len() < long.len() && long.starts_with(short);
        return people()
            .find(|(_, c)| ends(key, c.full_key()) || ends(c.full_key(), key) || starts(key, c.full_key()) || starts(c.full_key(), key))
            .map(|(i, _)| i);
    }
    let word = &key[0];
    let surname_exact = people().find(|(_, c)| c.full_key().len() >= 2 && c.full_key().last() == Some(word));
    let same_word = people().find(|(_, c)| c.full_key().len() == 1 && &c.full_key()[0] == word);
    let given_name = people().find(|(_, c)| c.full_key().len() >= 2 && &c.full_key()[0] == word);
    // The first of two surnames ("Salinas" for Rodrigo Salinas Treviño).
    let inner_surname = people().find(|(_, c)| {
        let full = c.full_key();
        full.len() >= 3 && full[1..full.len() - 1].contains(word)
    });
    let surname_fuzzy = people().find(|(_, c)| c.full_key().len() >= 2 && similar_surnames(c.full_key().last().unwrap(), word));
    surname_exact.or(same_word).or(given_name).or(inner_surname).or(surname_fuzzy).map(|(i, _)| i)
}

/// The organisation cluster a name belongs to: the same key (or the same name inflected), the last word
/// of a longer name ("Journal"), or its acronym ("WSJ"). A first word alone ("Meta" for "Meta Superintelligence Labs")
/// names a different organisation too often to join, unless the rest only says what the organisation
/// does (`find_by_short_form`).
fn find_organization(clusters: &[Cluster], key: &[String], surface: &str, spelt: &[String], tail_stands_for_whole: bool) -> Option<usize> {
    let organizations = || clusters.iter().enumerate().rev().filter(|(_, c)| c.kind == EntityKind::Organization);
    if let Some((i, _)) = organizations().find(|(_, c)| c.keys.iter().any(|k| k == key)) {
        return Some(i);
    }
    if let Some((i, _)) = organizations().find(|(_, c)| c.keys.iter().any(|k| same_name_inflected(k, key))) {
        return Some(i);
    }
    if let [word] = key {
        let written_as_acronym = is_acronym(surface);
        return organizations()
            .find(|(_, c)| {
                let full = c.full_key();
                let by_last_word = full.len() >= 2 && full.last() == Some(word) && c.full_key_tail_stands_for_whole();
                by_last_word || (written_as_acronym && c.acronyms.contains(word))
            })
            .map(|(i, _)| i);
    }
    // The short form met before the full name: a headline's "Disney", then "the Walt Disney Company";
    // "CNMV", then "la Comisión Nacional del Mercado de Valores" (`spelt`: the acronyms it may go by).
    organizations()
        .find(|(_, c)| {
            let full = c.full_key();
            full.len() == 1 && ((full.last() == key.last() && tail_stands_for_whole) || (c.acronym && spelt.contains(&full[0])))
        })
        .map(|(i, _)| i)
}

/// The fullest surface form: most words, then the one written apart ("Telecom Italia", not the
/// "Telecom-Italia" of "Telecom-Italia-Chef"), then earliest; honorifics and possessives removed.
fn canonical_name(text: &str, mentions: &[Mention], cluster: &Cluster) -> String {
    let written_apart = |m: usize| mentions[m].span.slice(text).split_whitespace().count();
    let best = cluster
        .mentions
        .iter()
        .zip(&cluster.keys)
        .max_by(|(&a, ka), (&b, kb)| ka.len().cmp(&kb.len()).then(written_apart(a).cmp(&written_apart(b))).then(b.cmp(&a)))
        .map(|(&m, _)| mentions[m].span.slice(text))
        .unwrap_or_default();
    let best = best.trim_end_matches("'s").trim_end_matches("’s");
    if cluster.kind != EntityKind::Person {
        return best.to_string();
    }
    let words: Vec<&str> = best.split_whitespace().collect();
    let keep_from = words.iter().position(|w| person_key(w) == vec![fold(w)]).unwrap_or(0);
    words[keep_from..].join(" ")
}

#[cfg(test)]
mod tests;

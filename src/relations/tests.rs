//! Relation patterns per language on sentences written for this project. Mentions are placed by hand
//! (every occurrence of each listed name) so these tests check extraction alone, not the NER model.

use super::*;
use crate::model::{Article, ArticleId, ByteSpan, EntityKind, Mention, Origin, Sentence};
use crate::sentences::{split_sentences, LanguageRules};
use EntityKind::*;

fn document(lang: &str, text: &str, names: &[(&str, EntityKind)]) -> Document {
    let article = Article { id: ArticleId::given("t"), text: text.into(), title: None, url: None, date: None, declared_lang: Some(lang.into()), source: None };
    let mut doc = Document::new(article, Origin { file: "t".into(), line: None });
    crate::language::LanguageStage::new().process(&mut doc).unwrap();
    doc.sentences = split_sentences(text, LanguageRules::for_language(lang)).into_iter().map(|span| Sentence { span }).collect();
    let mut mentions = Vec::new();
    for &(name, kind) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let inside_longer = names.iter().any(|&(o, _)| o.len() > name.len() && text.match_indices(o).any(|(s, _)| s <= start && end <= s + o.len()));
            let word_edge = !text[end..].starts_with(|c: char| c.is_alphanumeric()) && !text[..start].ends_with(|c: char| c.is_alphanumeric());
            if !inside_longer && word_edge {
                let sentence = doc.sentences.iter().position(|s| s.span.start <= start && end <= s.span.end).unwrap();
                mentions.push(Mention { span: ByteSpan::new(start, end), kind, sentence, score: 1.0 });
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    doc.mentions = mentions;
    crate::resolve::WithinDocumentStage.process(&mut doc).unwrap();
    doc
}

/// Facts as readable lines: "left Priya Natarajan @Harbourline CFO future".
fn facts(lang: &str, text: &str, names: &[(&str, EntityKind)]) -> Vec<String> {
    let mut doc = document(lang, text, names);
    RelationStage.process(&mut doc).unwrap();
    let name = |e: usize| doc.entities[e].name.clone();
    doc.facts
        .iter()
        .map(|f| {
            let people = match f.predecessor {
                Some(old) => format!("{} <- {}", name(f.person), name(old)),
                None => name(f.person),
            };
            let org = f.organization.map_or("-".to_string(), name);
            let role = f.role.as_ref().map_or("-".to_string(), |r| r.normalized.clone());
            let former = if f.former { " former" } else { "" };
            format!("{} {people} @{org} {role} {}{former}", f.kind.as_str(), f.modality.as_str())
        })
        .collect()
}

fn has(facts: &[String], expected: &str) -> bool {
    facts.iter().any(|f| f == expected)
}

#[test]
fn english_departure_with_successor_in_the_future() {
    let text = "Harbourline Logistics said its chief financial officer, Priya Natarajan, will step down in April. \
                She will be replaced by Tomasz Wielgus.";
    let got = facts("en", text, &[("Harbourline Logistics", Organization), ("Priya Natarajan", Person), ("Tomasz Wielgus", Person)]);
    for expected in [
        "left Priya Natarajan @Harbourline Logistics CFO future",
        "replaces Tomasz Wielgus <- Priya Natarajan @Harbourline Logistics CFO future",
        "holds_role Priya Natarajan @Harbourline Logistics CFO asserted",
    ] {
        assert!(has(&got, expected), "missing {expected:?} in {got:#?}");
    }
}

#[test]
fn english_denial_is_negated_not_asserted() {
    let text = "Corvane Systems chief executive Marcus Hale on Tuesday denied reports that he plans to leave the company.";
    let got = facts("en", text, &[("Corvane Systems", Organization), ("Marcus Hale", Person)]);
    assert!(has(&got, "left Marcus Hale @Corvane Systems CEO negated"), "{got:#?}");
    assert!(!got.iter().any(|f| f.starts_with("left") && !f.contains("negated")), "{got:#?}");
}

#[test]
fn english_considered_replacement_is_hedged() {
    let text = "The board of Corvane Systems had considered replacing Marcus Hale with Elena Varga.";
    let got = facts("en", text, &[("Corvane Systems", Organization), ("Marcus Hale", Person), ("Elena Varga", Person)]);
    assert!(got.iter().all(|f| !f.starts_with("left") || f.ends_with("hedged")), "{got:#?}");
}

#[test]
fn english_appointment_and_apposition() {
    let text = "Kestrel Aerospace has appointed Ingrid Halvorsen as chief operating officer. She succeeds Owen Price, who retired in December.";
    let got = facts("en", text, &[("Kestrel Aerospace", Organization), ("Ingrid Halvorsen", Person), ("Owen Price", Person)]);
    for expected in [
        "joins Ingrid Halvorsen @Kestrel Aerospace COO asserted",
        "replaces Ingrid Halvorsen <- Owen Price @Kestrel Aerospace COO asserted",
        "left Owen Price @Kestrel Aerospace COO asserted",
        "holds_role Owen Price @Kestrel Aerospace COO asserted former",
    ] {
        assert!(has(&got, expected), "missing {expected:?} in {got:#?}");
    }
}

#[test]
fn french_departure_and_successor() {
    let text = "Le groupe Verdanne a annoncé le départ de sa directrice générale, Claire Montaubin. \
                Elle sera remplacée par Julien Ferrand.";
    let got = facts("fr", text, &[("Verdanne", Organization), ("Claire Montaubin", Person), ("Julien Ferrand", Person)]);
    for expected in [
        "left Claire Montaubin @Verdanne CEO future",
        "replaces Julien Ferrand <- Claire Montaubin @Verdanne CEO future",
        "holds_role Claire Montaubin @Verdanne CEO asserted",
    ] {
        assert!(has(&got, expected), "missing {expected:?} in {got:#?}");
    }
}

#[test]
fn french_considered_departure_is_hedged_and_denial_negated() {
    let text = "Selon le journal, Paul Berthier, le directeur financier de Lavandor, envisage de quitter l'entreprise. \
                Lavandor dément tout départ de Sophie Marchal.";
    let got = facts("fr", text, &[("Lavandor", Organization), ("Paul Berthier", Person), ("Sophie Marchal", Person)]);
    assert!(has(&got, "left Paul Berthier @Lavandor CFO hedged"), "{got:#?}");
    assert!(has(&got, "left Sophie Marchal @Lavandor - negated"), "{got:#?}");
}

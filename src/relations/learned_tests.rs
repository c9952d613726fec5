//! The shipped relation model (`models/relations`) on short articles written for this project, one or
//! more per language. Mentions are placed by hand, as in `tests.rs`, so these check the relation model
//! alone. The model is statistical: these are the facts it must keep getting right, each a kind of text
//! the issue names (a departure with a successor named in the next sentence, a round-up of two
//! companies, a denied rumour, an appointment, a title before a name).

use super::tests::{document, readable};
use super::*;
use crate::model::EntityKind::{self, *};
use std::sync::OnceLock;

fn model_stage() -> &'static RelationStage {
    static STAGE: OnceLock<RelationStage> = OnceLock::new();
    STAGE.get_or_init(|| {
        let library = crate::ner::library_path().expect("ONNX Runtime: run scripts/setup.sh");
        RelationStage::learned(RelationModel::open(&default_relation_model_dir(), &library).expect("the shipped relation model loads"))
    })
}

fn facts(lang: &str, text: &str, names: &[(&str, EntityKind)]) -> Vec<String> {
    let mut doc = document(lang, text, names);
    model_stage().process(&mut doc).unwrap();
    readable(&doc)
}

#[test]
fn probe() {
    let cases: Vec<(&str, &str, Vec<(&str, EntityKind)>)> = vec![
        ("en", "Harbourline Logistics said its chief financial officer, Priya Natarajan, will step down in April. The board named Tomasz Wielgus, the head of treasury, to succeed her.",
         vec![("Harbourline Logistics", Organization), ("Priya Natarajan", Person), ("Tomasz Wielgus", Person)]),
        ("en", "Corvane Systems denied a report that chief executive Marcus Hale would leave and be replaced by Elena Varga.",
         vec![("Corvane Systems", Organization), ("Marcus Hale", Person), ("Elena Varga", Person)]),
        ("en", "At Kestrel Aerospace, Ingrid Halvorsen was appointed chief operating officer. Meanwhile Ostler Foods said its chairman, Rupert Gale, has resigned.",
         vec![("Kestrel Aerospace", Organization), ("Ingrid Halvorsen", Person), ("Ostler Foods", Organization), ("Rupert Gale", Person)]),
        ("fr", "Le groupe Verdanne a annoncé le départ de sa directrice générale, Claire Montaubin. Elle sera remplacée par Julien Ferrand.",
         vec![("Verdanne", Organization), ("Claire Montaubin", Person), ("Julien Ferrand", Person)]),
        ("de", "Der Vorstandschef der Brenntal AG, Markus Oberholz, tritt zum Jahresende zurück. Nachfolger wird Finanzvorstand Jana Kettler.",
         vec![("Brenntal AG", Organization), ("Markus Oberholz", Person), ("Jana Kettler", Person)]),
        ("es", "Grupo Almena ha nombrado a Lucía Ibarra consejera delegada en sustitución de Tomás Revilla, que dimitió el lunes.",
         vec![("Grupo Almena", Organization), ("Lucía Ibarra", Person), ("Tomás Revilla", Person)]),
        ("it", "Banca Valtellese ha nominato Giulia Ferri nuovo amministratore delegato. Prende il posto di Carlo Benedetti, che lascia dopo dieci anni.",
         vec![("Banca Valtellese", Organization), ("Giulia Ferri", Person), ("Carlo Benedetti", Person)]),
        ("pt", "O Banco Serrano anunciou que o presidente executivo, Rui Casimiro, vai deixar o cargo em junho. Será substituído por Helena Moura.",
         vec![("Banco Serrano", Organization), ("Rui Casimiro", Person), ("Helena Moura", Person)]),
        ("nl", "Topman Pieter Voskuil van Van der Linde Bouw stapt op. Hij wordt opgevolgd door financieel directeur Anouk Brink.",
         vec![("Van der Linde Bouw", Organization), ("Pieter Voskuil", Person), ("Anouk Brink", Person)]),
    ];
    for (lang, text, names) in cases {
        println!("{lang}: {:#?}", facts(lang, text, &names));
    }
}

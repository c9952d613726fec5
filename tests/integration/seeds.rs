use crate::util::{extract, shared_dir, Run};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// One run over the four seed articles, shared by the tests of this module.
fn seed_run() -> &'static (Run, Value) {
    static RUN: OnceLock<(Run, Value)> = OnceLock::new();
    RUN.get_or_init(|| {
        let seeds = shared_dir().join("seeds");
        let expected = serde_json::from_str(&std::fs::read_to_string(seeds.join("expected.json")).unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        (extract(dir.path(), &[seeds.to_str().unwrap()], None), expected)
    })
}

fn documents(expected: &Value) -> &Vec<Value> {
    expected["documents"].as_array().unwrap()
}

#[test]
fn seed_articles_run_through_with_the_expected_languages() {
    let (run, expected) = seed_run();
    let seeds = shared_dir().join("seeds");
    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    let articles = run.articles();
    assert_eq!(articles.len(), documents(expected).len());
    for (article, document) in articles.iter().zip(documents(expected)) {
        let file = document["file"].as_str().unwrap();
        assert_eq!(article["identifier"], file.trim_end_matches(".txt"));
        assert_eq!(article["inLanguage"], document["lang"], "{file}");
        assert_eq!(article["languageSource"], "detected");
        let sentences = article["sentenceCount"].as_u64().unwrap();
        let words = std::fs::read_to_string(seeds.join(file)).unwrap().split_whitespace().count() as u64;
        // News prose runs 15 to 35 words a sentence; headlines and quotes pull the average down.
        assert!(sentences >= words / 40 && sentences <= words / 8, "{file}: {sentences} sentences for {words} words");
    }
}

/// Every expected person is found with its type, and nine in ten of the expected organisations (with
/// their name, an alias, or a wider span starting with the name: the site banner "ShiftDelete.Net
/// Global"). The shipped model misses a name in curly quotes (“Meta Superintelligence Labs”) where the
/// seeds write one; the misses are listed when a bar is not met (models/ner/MODEL_CARD.md has the
/// model's scores).
#[test]
fn every_expected_person_and_nine_in_ten_organisations_are_found_with_their_type() {
    let (run, expected) = seed_run();
    let mut misses = Vec::new();
    let mut organizations = 0;
    for (article, document) in run.articles().iter().zip(documents(expected)) {
        let found: BTreeSet<(String, String)> = article["mention"]
            .as_array()
            .map(|mentions| {
                mentions.iter().map(|m| (m["surfaceForm"].as_str().unwrap().to_string(), m["entityType"].as_str().unwrap().to_string())).collect()
            })
            .unwrap_or_default();
        for entity in document["entities"].as_array().unwrap() {
            let kind = entity["type"].as_str().unwrap();
            let mut names = vec![entity["name"].as_str().unwrap()];
            names.extend(entity["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()));
            organizations += usize::from(kind == "ORG");
            // A wider span that starts with the whole name ("ShiftDelete.Net Global") finds it too.
            let wider = |name: &str| found.iter().any(|(surface, k)| k == kind && surface.strip_prefix(name).is_some_and(|rest| rest.starts_with(' ')));
            if !names.iter().any(|name| found.contains(&(name.to_string(), kind.to_string())) || wider(name)) {
                misses.push((kind, format!("{}: {} {}", document["file"], kind, names[0])));
            }
        }
    }
    let listed = misses.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("\n");
    assert!(misses.iter().all(|(kind, _)| *kind != "PER"), "people not found:\n{listed}");
    assert!(misses.len() * 10 <= organizations, "more than one in ten organisations not found:\n{listed}");
}

#[test]
fn every_mention_offset_points_at_its_text() {
    let (run, _) = seed_run();
    let seeds = shared_dir().join("seeds");
    let mut checked = 0;
    for article in run.articles() {
        let file = seeds.join(format!("{}.txt", article["identifier"].as_str().unwrap()));
        let text: Vec<char> = std::fs::read_to_string(file).unwrap().chars().collect();
        for mention in article["mention"].as_array().unwrap() {
            let (start, end) = (mention["startOffset"].as_u64().unwrap() as usize, mention["endOffset"].as_u64().unwrap() as usize);
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, mention["surfaceForm"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} mentions");
}

//! `--registry` across runs, on articles written for this test (fictional people and companies).

use crate::util::{extract, write};
use serde_json::Value;

const FIRST_RUN: &str = r#"{"id": "kf-1", "text": "Tobias Brennecke, the chief financial officer of Kestrel Freight, will step down in March, the company said on Monday. Brennecke joined Kestrel Freight in 2015."}
{"id": "kf-2", "text": "Kestrel Freight confirmed that its finance chief Tobias Brenneke is leaving the company after nine years."}
"#;

const SECOND_RUN: &str = r#"{"id": "hl-1", "text": "Harlow Logistics has named Tobias Brenneke, who spent nine years at Kestrel Freight, as its new chief executive."}
"#;

/// The knowledge-layer person node named like `name`.
fn person<'a>(graph: &'a Value, name: &str) -> &'a Value {
    graph["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "Person" && n.get("localEntity").is_some() && (n["name"] == name || n["alternateName"].as_array().is_some_and(|a| a.iter().any(|x| x == name))))
        .unwrap_or_else(|| panic!("no person node for {name}"))
}

#[test]
fn a_spelling_seen_alone_in_a_later_run_gets_the_registered_iri() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry.json");
    let first = write(dir.path(), "first.jsonl", FIRST_RUN.as_bytes());
    let run = extract(dir.path(), &[first.to_str().unwrap(), "--registry", registry.to_str().unwrap()], None);
    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    let node = person(&run.graph_json(), "Tobias Brenneke").clone();
    assert_eq!(node["@id"], "urn:newsgraph:entity:person/tobias-brennecke", "{node}");

    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&registry).unwrap()).unwrap();
    let entry = &saved["entities"]["person/tobias-brennecke"];
    assert_eq!(entry["kind"], "person");
    assert!(entry["keys"].as_array().unwrap().contains(&Value::from("person/tobias-brenneke")), "{entry}");

    // Without the registry the later article alone would give another IRI; with it, the same one.
    let second = write(dir.path(), "second.jsonl", SECOND_RUN.as_bytes());
    let alone = extract(dir.path(), &[second.to_str().unwrap()], None);
    assert_eq!(person(&alone.graph_json(), "Tobias Brenneke")["@id"], "urn:newsgraph:entity:person/tobias-brenneke");
    let run = extract(dir.path(), &[second.to_str().unwrap(), "--registry", registry.to_str().unwrap()], None);
    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    let graph = run.graph_json();
    let node = person(&graph, "Tobias Brenneke");
    assert_eq!(node["@id"], "urn:newsgraph:entity:person/tobias-brennecke", "{node}");
    assert_eq!(node["identifier"], "person/tobias-brennecke");

    // The registry now knows the new organisation too, and the run changed nothing else it held.
    let updated: Value = serde_json::from_str(&std::fs::read_to_string(&registry).unwrap()).unwrap();
    assert!(updated["entities"].get("organization/harlow-logistics").is_some(), "{updated}");
    assert_eq!(updated["entities"]["organization/kestrel-freight"], saved["entities"]["organization/kestrel-freight"]);
}

#[test]
fn an_unreadable_registry_is_fatal_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let registry = write(dir.path(), "registry.json", b"{ not json");
    let input = write(dir.path(), "in.jsonl", SECOND_RUN.as_bytes());
    let run = extract(dir.path(), &[input.to_str().unwrap(), "--registry", registry.to_str().unwrap(), "--no-ner"], None);
    assert_eq!(run.exit_code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("cannot read the registry"), "{}", run.stderr());
    assert_eq!(std::fs::read(&registry).unwrap(), b"{ not json");
}

#[test]
fn an_unreadable_registry_fails_a_resumable_run_before_any_article() {
    let dir = tempfile::tempdir().unwrap();
    let registry = write(dir.path(), "registry.json", b"{ not json");
    let input = write(dir.path(), "in.jsonl", SECOND_RUN.as_bytes());
    let out_dir = dir.path().join("run");
    let run = crate::util::binary()
        .args(["extract", input.to_str().unwrap(), "--output-dir", out_dir.to_str().unwrap(), "--registry", registry.to_str().unwrap(), "--no-ner", "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot read the registry"), "{stderr}");
    let parts = std::fs::read_dir(out_dir.join("parts")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(parts, 0, "no article may be processed before the registry is read");
}

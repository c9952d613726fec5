//! The registry across runs, on entities written for this project.

use super::*;
use std::collections::BTreeSet;

fn entity(kind: EntityKind, key: &str, name: &str, alternates: &[&str]) -> GlobalEntity {
    GlobalEntity {
        kind,
        key: key.to_string(),
        name: name.to_string(),
        alternate_names: alternates.iter().map(|s| s.to_string()).collect(),
        members: vec![(0, 0)],
    }
}

fn ids(assignments: &[Assignment]) -> Vec<&str> {
    assignments.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn a_new_entity_is_registered_under_its_key_and_a_known_one_keeps_its_id() {
    let mut registry = Registry::load(Path::new("/nonexistent/registry.json")).unwrap();
    let first = registry.assign(&[entity(EntityKind::Person, "person/ines-varga", "Ines Varga", &["Varga"])]);
    assert_eq!(ids(&first), ["person/ines-varga"]);
    assert!(first[0].same_as.is_empty());

    // A later run sees her under a new surface form: same id, the form is recorded.
    let second = registry.assign(&[entity(EntityKind::Person, "person/ines-varga", "Ines Varga", &["Mme Varga"])]);
    assert_eq!(ids(&second), ["person/ines-varga"]);
    let entry = registry.get("person/ines-varga").unwrap();
    assert_eq!(entry.names, BTreeSet::from(["Ines Varga".to_string(), "Varga".to_string(), "Mme Varga".to_string()]));
    assert_eq!(registry.len(), 1);
}

#[test]
fn a_spelling_merged_in_one_run_finds_the_entity_in_the_next() {
    let mut registry = Registry::default();
    // Run 1 merged "Tobias Brenneke" into "Tobias Brennecke" (shared organisation).
    registry.assign(&[entity(EntityKind::Person, "person/tobias-brennecke", "Tobias Brennecke", &["Tobias Brenneke"])]);
    // Run 2 only has the rarer spelling: it resolves to the registered person.
    let next = registry.assign(&[entity(EntityKind::Person, "person/tobias-brenneke", "Tobias Brenneke", &[])]);
    assert_eq!(ids(&next), ["person/tobias-brennecke"]);
}

#[test]
fn surnames_alone_and_other_kinds_never_identify() {
    let mut registry = Registry::default();
    registry.assign(&[entity(EntityKind::Person, "person/ines-varga", "Ines Varga", &["Varga"])]);
    let next = registry.assign(&[
        entity(EntityKind::Person, "person/pal-varga", "Pal Varga", &["Varga"]),
        entity(EntityKind::Organization, "organization/ines-varga", "Ines Varga", &[]),
    ]);
    assert_eq!(ids(&next), ["person/pal-varga", "organization/ines-varga"]);
    assert_eq!(registry.len(), 3);
}

#[test]
fn two_known_entities_found_to_be_one_keep_the_older_id_and_record_the_other() {
    let mut registry = Registry::default();
    registry.assign(&[entity(EntityKind::Person, "person/tobias-brennecke", "Tobias Brennecke", &[])]);
    registry.assign(&[entity(EntityKind::Person, "person/tobias-brenneke", "Tobias Brenneke", &[])]);
    assert_eq!(registry.len(), 2);
    // A run that sees both spellings of one man merges them: the first registered survives.
    let merged = registry.assign(&[entity(EntityKind::Person, "person/tobias-brenneke", "Tobias Brenneke", &["Tobias Brennecke"])]);
    assert_eq!(merged[0], Assignment { id: "person/tobias-brennecke".into(), same_as: vec!["person/tobias-brenneke".into()] });
    assert_eq!(registry.get("person/tobias-brenneke").unwrap().merged_into.as_deref(), Some("person/tobias-brennecke"));
    // Ever after, either spelling alone leads to the survivor, which still names the merged id.
    let later = registry.assign(&[entity(EntityKind::Person, "person/tobias-brenneke", "Tobias Brenneke", &[])]);
    assert_eq!(later[0], merged[0]);
}

#[test]
fn the_registry_round_trips_through_its_file() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("registry.json");
    let mut registry = Registry::load(&path).unwrap();
    registry.assign(&[
        entity(EntityKind::Organization, "organization/kestrel-freight", "Kestrel Freight", &["Kestrel Freight Ltd."]),
        entity(EntityKind::Person, "person/ines-varga", "Ines Varga", &[]),
    ]);
    registry.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"kind\": \"organization\""), "{text}");
    assert_eq!(Registry::load(&path).unwrap(), registry);

    std::fs::write(&path, "{\"format\": 99, \"entities\": {}}").unwrap();
    let error = Registry::load(&path).unwrap_err();
    assert!(error.to_string().contains("registry format 99"), "{error}");
}

//! Cross-document merging on articles written for this project.

use super::*;
use crate::model::{Article, ArticleId, ByteSpan, LocalEntity, Mention, Origin};

/// A document whose entities are given as (kind, [surface forms]); each form is one mention.
fn doc(id: &str, entities: &[(EntityKind, &[&str])]) -> Document {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut locals = Vec::new();
    for &(kind, forms) in entities {
        let mut indices = Vec::new();
        for form in forms {
            let start = text.len();
            text.push_str(form);
            text.push_str(". ");
            indices.push(mentions.len());
            mentions.push(Mention { span: ByteSpan::new(start, start + form.len()), kind, sentence: 0, score: 1.0 });
        }
        locals.push(LocalEntity { kind, name: forms.iter().max_by_key(|f| f.split_whitespace().count()).unwrap().to_string(), mentions: indices });
    }
    let article = Article { id: ArticleId::given(id), text, title: None, url: None, date: None, declared_lang: None, source: None };
    let mut doc = Document::new(article, Origin { file: "t".into(), line: None });
    doc.mentions = mentions;
    doc.entities = locals;
    doc
}

use EntityKind::*;

fn names(entities: &[GlobalEntity], kind: EntityKind) -> Vec<(String, Vec<String>)> {
    entities.iter().filter(|e| e.kind == kind).map(|e| (e.name.clone(), e.alternate_names.iter().cloned().collect())).collect()
}

#[test]
fn spelling_variants_of_one_person_at_one_organisation_merge() {
    let docs = [
        doc("a", &[(Person, &["John Hageman", "Hageman", "Hegeman"]), (Organization, &["Meta"])]),
        doc("b", &[(Person, &["John Hegeman", "Hegeman"]), (Organization, &["Meta", "META.O"])]),
        doc("c", &[(Person, &["John Hegeman"]), (Organization, &["Meta Platforms Inc."])]),
    ];
    let entities = resolve_across(&docs.iter().map(DocumentEntities::from).collect::<Vec<_>>());
    let people = names(&entities, Person);
    assert_eq!(people, vec![("John Hegeman".to_string(), vec!["Hageman".to_string(), "Hegeman".into(), "John Hageman".into()])]);
    let hegeman = entities.iter().find(|e| e.kind == Person).unwrap();
    assert_eq!(hegeman.key, "person/john-hegeman");
    assert_eq!(hegeman.members, vec![(0, 0), (1, 0), (2, 0)]);
}

#[test]
fn organisations_merge_on_keys_and_tickers_but_not_on_a_shared_first_word() {
    let docs = [
        doc("a", &[(Organization, &["Meta", "META.O"]), (Organization, &["Meta Superintelligence Labs"])]),
        doc("b", &[(Organization, &["Meta Platforms Inc."]), (Organization, &["Facebook"])]),
        doc("c", &[(Organization, &["Meta"])]),
    ];
    let entities = resolve_across(&docs.iter().map(DocumentEntities::from).collect::<Vec<_>>());
    let keys: Vec<&str> = entities.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["organization/facebook", "organization/meta", "organization/meta-platforms", "organization/meta-superintelligence-labs"]);
    assert_eq!(entities[1].members, vec![(0, 0), (2, 0)]);
}

#[test]
fn people_sharing_only_a_surname_stay_apart() {
    let docs = [
        doc("a", &[(Person, &["Anna Kowalski"]), (Organization, &["Orland Shipping"])]),
        doc("b", &[(Person, &["Marek Kowalski"]), (Organization, &["Velta Bank"])]),
        doc("c", &[(Person, &["Anna Kowalska"]), (Organization, &["Kestrel Aerospace"])]),
    ];
    let entities = resolve_across(&docs.iter().map(DocumentEntities::from).collect::<Vec<_>>());
    assert_eq!(entities.iter().filter(|e| e.kind == Person).count(), 3, "{entities:#?}");
}

#[test]
fn the_result_does_not_depend_on_document_order() {
    let a = doc("a", &[(Person, &["John Hageman"]), (Organization, &["Meta"])]);
    let b = doc("b", &[(Person, &["John Hegeman"]), (Organization, &["Meta"])]);
    let c = doc("c", &[(Person, &["John Hegeman"]), (Organization, &["Meta"])]);
    let forward = resolve_across(&[(&a).into(), (&b).into(), (&c).into()]);
    let backward = resolve_across(&[(&c).into(), (&b).into(), (&a).into()]);
    let strip = |es: &[GlobalEntity]| es.iter().map(|e| (e.key.clone(), e.name.clone(), e.alternate_names.clone())).collect::<Vec<_>>();
    assert_eq!(strip(&forward), strip(&backward));
    assert_eq!(forward.iter().find(|e| e.kind == Person).unwrap().key, "person/john-hegeman");
}

#[test]
fn a_person_who_gains_an_organisation_by_a_merge_can_then_merge_with_an_earlier_one() {
    // "Anna Linde" shares no organisation with "Anna Lind" until she absorbs "Linde", seen with both.
    let docs = [
        doc("a", &[(Person, &["Anna Lind"]), (Organization, &["Orland Shipping"])]),
        doc("b", &[(Person, &["Anna Linde"]), (Organization, &["Velta Bank"])]),
        doc("c", &[(Person, &["Linde"]), (Organization, &["Velta Bank"]), (Organization, &["Orland Shipping"])]),
    ];
    let entities = resolve_across(&docs.iter().map(DocumentEntities::from).collect::<Vec<_>>());
    let people: Vec<&GlobalEntity> = entities.iter().filter(|e| e.kind == Person).collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "Anna Linde");
    assert_eq!(people[0].members, vec![(0, 0), (1, 0), (2, 0)]);
}

#[test]
fn a_persons_name_is_given_without_an_honorific() {
    let docs = [
        doc("a", &[(Person, &["M. Julien Ferrand", "M. Julien Ferrand"])]),
        doc("b", &[(Person, &["Julien Ferrand"])]),
    ];
    let entities = resolve_across(&docs.iter().map(DocumentEntities::from).collect::<Vec<_>>());
    assert_eq!(names(&entities, Person), vec![("Julien Ferrand".to_string(), vec!["M. Julien Ferrand".to_string()])]);
}

/// What a cluster does with `steps`: lines moved to `partitions` partitions by their KEY (a simple hash,
/// another than the cluster's), each step run per partition, rounds until no `M` line.
fn resolve_in_partitions(docs: &[DocumentEntities], partitions: usize, memory: usize) -> (Vec<GlobalEntity>, usize) {
    fn key_hash(line: &str) -> usize {
        line.split('\t').nth(1).unwrap().bytes().fold(7usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
    }
    let run = |lines: &[String], step: fn(&[u8], &mut Vec<u8>, usize) -> io::Result<()>| -> Vec<String> {
        let mut out = Vec::new();
        for p in 0..partitions {
            let input: String = lines.iter().filter(|l| key_hash(l) % partitions == p).map(|l| format!("{l}\n")).collect();
            let mut written = Vec::new();
            step(input.as_bytes(), &mut written, memory).unwrap();
            out.extend(String::from_utf8(written).unwrap().lines().map(String::from));
        }
        out
    };
    let tagged = |lines: &[String], tag: &str| -> Vec<String> { lines.iter().filter(|l| l.starts_with(&format!("{tag}\t"))).cloned().collect() };
    let mut mentions = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        steps::mentions(d as u32, doc, &mut mentions).unwrap();
    }
    let mentions: Vec<String> = String::from_utf8(mentions).unwrap().lines().map(String::from).collect();
    let mut routed = run(&mentions, |i, o, m| steps::candidates_step(i, o, m));
    let resolved = tagged(&routed, "E");
    let mut rounds = 0;
    loop {
        let full_names = run(&tagged(&routed, "G"), |i, o, m| steps::given_name_step(i, o, m));
        routed = run(&[tagged(&routed, "S"), full_names].concat(), |i, o, m| steps::surname_step(i, o, m));
        rounds += 1;
        if tagged(&routed, "M").is_empty() {
            break;
        }
    }
    let last = [resolved, tagged(&routed, "G"), tagged(&routed, "S")].concat();
    let mut entities: Vec<GlobalEntity> = last.iter().map(|l| steps::global_entity(steps::split_line(l).unwrap().2).unwrap()).collect();
    entities.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    (entities, rounds)
}

#[test]
fn the_steps_of_a_cluster_resolve_as_one_process_whatever_the_partitions() {
    let sets = [
        vec![
            doc("a", &[(Person, &["Anna Lind"]), (Organization, &["Orland Shipping"])]),
            doc("b", &[(Person, &["Anna Linde"]), (Organization, &["Velta Bank"])]),
            doc("c", &[(Person, &["Linde"]), (Organization, &["Velta Bank"]), (Organization, &["Orland Shipping"])]),
        ],
        vec![
            doc("a", &[(Person, &["John Hageman", "Hageman"]), (Organization, &["Meta", "META.O"])]),
            doc("b", &[(Person, &["John Hegeman"]), (Organization, &["Meta Platforms Inc."]), (Person, &["Hegeman"])]),
            doc("c", &[(Person, &["Mark Hegeman"]), (Organization, &["Meta Superintelligence Labs"])]),
            doc("d", &[(Person, &["Hageman"]), (Organization, &["Meta"]), (Location, &["Menlo Park"])]),
        ],
    ];
    for docs in &sets {
        let docs: Vec<DocumentEntities> = docs.iter().map(DocumentEntities::from).collect();
        let expected = resolve_across(&docs);
        for (partitions, memory) in [(1, usize::MAX), (2, 0), (3, 1000), (5, usize::MAX)] {
            let (entities, _) = resolve_in_partitions(&docs, partitions, memory);
            assert_eq!(entities, expected, "{partitions} partitions, memory {memory}");
        }
    }
    // The first set needs a second round: "Anna Linde" gains Orland Shipping by absorbing "Linde".
    let first: Vec<DocumentEntities> = sets[0].iter().map(DocumentEntities::from).collect();
    assert_eq!(resolve_in_partitions(&first, 3, usize::MAX).1, 2);
}

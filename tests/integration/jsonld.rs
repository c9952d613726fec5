use crate::util::{examples_dir, extract};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

const JSON_LD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

fn example_graph() -> String {
    let dir = tempfile::tempdir().unwrap();
    let run = extract(dir.path(), &[examples_dir().to_str().unwrap()], None);
    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    run.graph
}

/// Every triple of the graph in N-Triples syntax, as Oxigraph's JSON-LD parser reads it.
fn triples(graph: &str) -> Vec<String> {
    RdfParser::from_format(JSON_LD)
        .for_slice(graph.as_bytes())
        .map(|quad| {
            let quad = quad.expect("valid JSON-LD");
            assert!(quad.graph_name.is_default_graph());
            format!("{} {} {}", quad.subject, quad.predicate, quad.object)
        })
        .collect()
}

#[test]
fn the_graph_yields_the_expected_triples() {
    let triples = triples(&example_graph());
    let article = "<urn:newsgraph:article:sample-fr-1>";
    for expected in [
        format!("{article} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle>"),
        format!("{article} <https://schema.org/inLanguage> \"fr\""),
        format!("{article} <https://w3id.org/newsgraph/ns#languageSource> \"detected\""),
        format!("{article} <https://schema.org/datePublished> \"2026-02-17T08:30:00+01:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"),
        format!("{article} <https://schema.org/url> \"https://news.example/fr/verdanne-directrice\"^^<http://www.w3.org/2001/XMLSchema#anyURI>"),
        format!("{article} <https://w3id.org/newsgraph/ns#sentenceCount> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        format!("{article} <https://schema.org/headline> \"Verdanne : la directrice générale Claire Montaubin quitte le groupe\""),
        "<urn:newsgraph:dataset> <https://w3id.org/newsgraph/ns#formatVersion> \"0.3\"".to_string(),
    ] {
        assert!(triples.contains(&expected), "missing: {expected}\nin:\n{}", triples.join("\n"));
    }
}

#[test]
fn sparql_sees_every_article_with_its_language_and_sentence_count() {
    let store = Store::new().unwrap();
    store.load_from_reader(JSON_LD, example_graph().as_bytes()).unwrap();
    let query = "PREFIX schema: <https://schema.org/> PREFIX ng: <https://w3id.org/newsgraph/ns#>
        SELECT ?id ?lang ?sentences WHERE {
          ?a a schema:NewsArticle ; schema:identifier ?id ; schema:inLanguage ?lang ; ng:sentenceCount ?sentences
        } ORDER BY ?id";
    let QueryResults::Solutions(solutions) = SparqlEvaluator::new().parse_query(query).unwrap().on_store(&store).execute().unwrap()
    else {
        panic!("a SELECT query gives solutions");
    };
    let rows: Vec<String> = solutions
        .map(|s| {
            let s = s.unwrap();
            let value = |name: &str| match s.get(name).unwrap() {
                oxigraph::model::Term::Literal(l) => l.value().to_string(),
                other => other.to_string(),
            };
            format!("{} {} {}", value("id"), value("lang"), value("sentences"))
        })
        .collect();
    assert_eq!(
        rows,
        [
            "kestrel-appointment en 4",
            "sample-de-1 de 3",
            "sample-en-1 en 4",
            "sample-en-2 en 3",
            "sample-es-1 es 2",
            "sample-fr-1 fr 3",
            "sample-it-1 it 2",
            "sample-nl-1 nl 2",
            "sample-pt-1 pt 2",
        ]
    );
}

/// Every quad of a file in the given format, as N-Quads lines, sorted.
fn quads(bytes: &[u8], format: RdfFormat) -> Vec<String> {
    let mut quads: Vec<String> = RdfParser::from_format(format).for_slice(bytes).map(|q| q.expect("parses").to_string()).collect();
    quads.sort();
    quads
}

#[test]
fn json_ld_and_n_quads_outputs_are_the_same_graph() {
    let model = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny-ner");
    let examples = examples_dir();
    let outputs: Vec<Vec<u8>> = ["jsonld", "nquads"]
        .iter()
        .map(|format| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("out");
            let status = crate::util::binary()
                .args(["extract", examples.to_str().unwrap(), "--quiet", "--format", format, "--model", model.to_str().unwrap(), "--output"])
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success());
            std::fs::read(&path).unwrap()
        })
        .collect();
    let from_json_ld = quads(&outputs[0], JSON_LD);
    let from_n_quads = quads(&outputs[1], RdfFormat::NQuads);
    assert!(from_json_ld.len() > 200, "{}", from_json_ld.len());
    assert!(from_json_ld.iter().any(|q| q.contains("ns#Mention>")), "the tiny model still yields mentions");
    assert_eq!(from_json_ld, from_n_quads);
}

/// One organisation node (of the knowledge layer: the articles' local entities point to them) per
/// organisation of the sample articles: short forms ("Harbourline",
/// "Kestrel", "Corvane's") joined to their full names, and no board, title or given name taken for one.
#[test]
fn the_sample_graph_has_one_entity_per_organisation() {
    let store = Store::new().unwrap();
    store.load_from_reader(JSON_LD, example_graph().as_bytes()).unwrap();
    let query = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?o a schema:Organization ; schema:name ?name FILTER(STRSTARTS(STR(?o), \"urn:newsgraph:entity:\")) } ORDER BY ?name";
    let QueryResults::Solutions(solutions) = SparqlEvaluator::new().parse_query(query).unwrap().on_store(&store).execute().unwrap() else {
        panic!("not a SELECT");
    };
    let names: Vec<String> = solutions
        .map(|s| match s.unwrap().get("name") {
            Some(oxigraph::model::Term::Literal(l)) => l.value().to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    let expected = [
        "Brightwell Motors",
        "Corvane Systems",
        "Grupo Almena",
        "Harbourline Logistics",
        "Kestrel Aerospace",
        "Les Échos de l'Ouest",
        "Lumetta S.p.A.",
        "Nordlicht Energie AG",
        "Ondina Energia",
        "Polderkracht",
        "Verdanne",
    ];
    assert_eq!(names, expected);
}

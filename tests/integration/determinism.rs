use crate::util::{examples_dir, extract, write};

/// Enough articles in several languages, with failures among them, to fill several parallel chunks.
fn corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let texts = [
        ("en", "The chief executive of Orland Shipping will retire in June, the board said. Mr. Pryce joined in 2009."),
        ("fr", "La directrice financière de Verdanne quitte ses fonctions. Elle sera remplacée par M. Ferrand."),
        ("de", "Der Vorstandschef der Nordlicht AG tritt am 17. Mai zurück. Sein Nachfolger steht fest."),
        ("es", "La consejera delegada de Almena dimite. El consejo nombra a Sergio Ocaña como sustituto."),
    ];
    let mut jsonl = String::new();
    for i in 0..700 {
        let (lang, text) = texts[i % texts.len()];
        if i % 97 == 5 {
            jsonl.push_str(&format!("{{\"id\":\"broken-{i}\",\"text\":\n"));
        } else {
            jsonl.push_str(&format!("{{\"id\":\"{lang}-{i}\",\"text\":\"{text} Item {i}.\"}}\n"));
        }
    }
    write(dir, "corpus.jsonl", jsonl.as_bytes())
}

#[test]
fn same_bytes_at_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let examples = examples_dir();
    let args = |threads: &'static str| vec![input.to_str().unwrap().to_string(), examples.to_str().unwrap().to_string(), "--threads".into(), threads.into()];

    let one_dir = tempfile::tempdir().unwrap();
    let one = extract(one_dir.path(), &args("1").iter().map(String::as_str).collect::<Vec<_>>(), None);
    let two_dir = tempfile::tempdir().unwrap();
    let two = extract(two_dir.path(), &args("2").iter().map(String::as_str).collect::<Vec<_>>(), None);

    assert_eq!(one.exit_code(), 3);
    assert_eq!(one.articles().len(), 700 - 8 + 9);
    assert_eq!(one.errors.len(), 8);
    assert!(one.graph == two.graph, "graphs differ between 1 and 2 threads");
    assert_eq!(one.errors, two.errors);
}

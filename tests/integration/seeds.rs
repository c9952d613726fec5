use crate::util::{extract, shared_dir};

#[test]
fn seed_articles_run_through_with_the_expected_languages() {
    let seeds = shared_dir().join("seeds");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seeds.join("expected.json")).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = extract(dir.path(), &[seeds.to_str().unwrap()], None);

    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    let articles = run.articles();
    let documents = expected["documents"].as_array().unwrap();
    assert_eq!(articles.len(), documents.len());
    for (article, document) in articles.iter().zip(documents) {
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

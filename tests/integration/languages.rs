//! Every annotated real-news text of `../shared` (corpus train and dev, eval-dev) is detected as the
//! language its `meta.jsonl` gives, with the languages the pipeline supports as the pipeline uses them.
//! Skipped when `../shared` is not beside the checkout.

use crate::util::shared_dir;
use newsgraph::language::{detect, SupportedLanguages};
use newsgraph::relations::Lexicon;
use serde_json::Value;

#[test]
fn every_annotated_real_news_text_is_detected_as_its_annotated_language() {
    let splits = ["corpus/train", "corpus/dev", "eval-dev"].map(|s| shared_dir().join(s));
    if !splits.iter().all(|s| s.join("meta.jsonl").exists()) {
        eprintln!("skipped: ../shared with corpus/ and eval-dev/ is not beside the checkout");
        return;
    }
    let supported = SupportedLanguages::new(Lexicon::supported_languages());
    let mut wrong = Vec::new();
    let mut texts = 0;
    for split in &splits {
        for line in std::fs::read_to_string(split.join("meta.jsonl")).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let meta: Value = serde_json::from_str(line).unwrap();
            let id = meta["id"].as_str().unwrap();
            let text = std::fs::read_to_string(split.join("docs").join(format!("{id}.txt"))).unwrap();
            let detection = detect(&text, &supported);
            texts += 1;
            if detection.code != meta["lang"].as_str().unwrap() {
                wrong.push(format!("{}/{id}: {} ({:?})", split.display(), detection.code, detection.unreliable_reason));
            }
        }
    }
    assert!(texts > 0);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

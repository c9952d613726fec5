use newsgraph::ner::{self, Backend, Batch, ModelFiles, OnnxBackend, OnnxOptions, Recognizer, TransformerRecognizer};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny-ner")
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture_dir().join("expected.json")).unwrap()).unwrap()
}

fn library() -> PathBuf {
    ner::library_path().expect("HOME is set")
}

fn fixture_recognizer() -> TransformerRecognizer<OnnxBackend> {
    ner::onnx_recognizer(&fixture_dir(), &library(), OnnxOptions::for_threads(1)).expect("fixture model loads")
}

fn matrix(value: &Value) -> Vec<Vec<i64>> {
    value.as_array().unwrap().iter().map(|row| row.as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect()).collect()
}

#[test]
fn tokenisation_matches_the_training_side() {
    let expected = expected();
    let recognizer = fixture_recognizer();
    for (text, ids) in expected["texts"].as_array().unwrap().iter().zip(matrix(&expected["input_ids"])) {
        let inputs = recognizer.model_inputs(text.as_str().unwrap()).unwrap();
        let unpadded: Vec<i64> = ids.iter().copied().rev().skip_while(|&id| id == 1).collect::<Vec<_>>().into_iter().rev().collect();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].iter().map(|&id| i64::from(id)).collect::<Vec<_>>(), unpadded, "{text}");
    }
}

#[test]
fn onnx_logits_match_pytorch_within_1e_4() {
    let expected = expected();
    let files = ModelFiles::open(&fixture_dir()).unwrap();
    let backend = OnnxBackend::open(&files.onnx_path(), &library(), OnnxOptions::for_threads(1)).unwrap();
    let ids = matrix(&expected["input_ids"]);
    let mask = matrix(&expected["attention_mask"]);
    let batch = Batch { rows: ids.len(), len: ids[0].len(), input_ids: ids.concat(), attention_mask: mask.concat() };
    let logits = backend.logits(&batch).unwrap();
    let want: Vec<f32> = expected["logits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap().iter().flat_map(|tok| tok.as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32)))
        .collect();
    assert_eq!((logits.rows, logits.len, logits.labels), (2, ids[0].len(), 7));
    for (row, mask_row) in mask.iter().enumerate() {
        for (position, _) in mask_row.iter().enumerate().filter(|(_, &m)| m == 1) {
            let got = logits.at(row, position);
            let want = &want[(row * logits.len + position) * 7..][..7];
            for (g, w) in got.iter().zip(want) {
                assert!((g - w).abs() < 1e-4, "row {row} position {position}: {g} vs {w}");
            }
        }
    }
}

#[test]
fn long_sentences_are_windowed_and_spans_slice_their_text() {
    let recognizer = fixture_recognizer();
    let sentence = "Angela Merkel visited Paris on Monday and met the board of Siemens in Munich . ".repeat(150);
    let inputs = recognizer.model_inputs(&sentence).unwrap();
    assert!(inputs.len() > 10, "{} windows", inputs.len());
    assert!(inputs.iter().all(|ids| ids.len() <= 128));
    let found = recognizer.recognize(&[sentence.as_str()]).unwrap();
    for entity in &found[0] {
        let text = entity.span.slice(&sentence);
        assert_eq!(text, text.trim(), "spans start and end on word edges");
        assert!(!text.is_empty());
    }
}

/// The shipped model, through the command line, on long input: nothing is cut off silently.
mod long_input {
    use crate::util::{extract, write};

    #[test]
    fn a_name_at_the_end_of_a_2000_word_sentence_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let filler = "and the committee discussed the budget of the regional office ".repeat(200); // 2,000 words
        let text = format!("On Monday the board of Orland Shipping met {filler}before Margaret Ellison resigned");
        let record = serde_json::json!({"id": "long-sentence", "text": text});
        let input = write(dir.path(), "long.jsonl", format!("{record}\n").as_bytes());
        let run = extract(dir.path(), &[input.to_str().unwrap(), "--lang", "en"], None);
        assert_eq!(run.exit_code(), 0, "{}", run.stderr());
        let article = &run.articles()[0];
        assert_eq!(article["sentenceCount"], 1);
        let mentions: Vec<(&str, &str)> = article["mention"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["surfaceForm"].as_str().unwrap(), m["entityType"].as_str().unwrap()))
            .collect();
        assert!(mentions.contains(&("Orland Shipping", "ORG")), "{mentions:?}");
        assert!(mentions.contains(&("Margaret Ellison", "PER")), "{mentions:?}");
    }

    #[test]
    fn a_200_kb_article_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let paragraph = "Shares of Velta Bank rose on Tuesday after the lender reported higher quarterly profit. ";
        let mut text = paragraph.repeat(200_000 / paragraph.len() + 1);
        text.push_str("The report was signed by chief executive Tomasz Wielgus.");
        let record = serde_json::json!({"id": "long-article", "text": text});
        let input = write(dir.path(), "long.jsonl", format!("{record}\n").as_bytes());
        let run = extract(dir.path(), &[input.to_str().unwrap()], None);
        assert_eq!(run.exit_code(), 0, "{}", run.stderr());
        let article = &run.articles()[0];
        assert_eq!(article["sentenceCount"].as_u64(), Some((200_000 / paragraph.len() + 2) as u64));
        let last = article["mention"].as_array().unwrap().last().unwrap().clone();
        assert_eq!((last["surfaceForm"].as_str(), last["entityType"].as_str()), (Some("Tomasz Wielgus"), Some("PER")));
        assert_eq!(last["endOffset"].as_u64(), Some(text.chars().count() as u64 - 1));
    }
}

/// The shipped model gives a sentence the same entities and scores, to the bit, whatever it is
/// batched with: what lets shards of a run merge into exactly the graph of one run.
#[test]
fn a_sentence_gets_the_same_result_alone_and_batched_with_others() {
    let model = newsgraph::ner::default_model_dir();
    let recognizer = newsgraph::ner::onnx_recognizer(&model, &library(), OnnxOptions::for_threads(2)).unwrap();
    let sentence = "Orland Shipping said its chief executive Dana Pryce will retire in June.";
    let others = [
        "La directrice financière de Verdanne, Claire Morel, quitte ses fonctions à Lyon.",
        "Der Vorstandschef der Nordlicht AG, Jens Albers, tritt am 17. Mai zurück.",
        "Ingrid Solheim of Kestrel Brightwater was named chair of the board on Tuesday.",
        "Short one.",
        // Likely as many tokens as `sentence`, so the two share a batch.
        "Orland Shipping said its chief executive Dana Pryce will retire in July.",
    ];
    let alone = recognizer.recognize(&[sentence]).unwrap();
    assert!(alone[0].iter().any(|e| e.span.slice(sentence) == "Dana Pryce"), "{:?}", alone[0]);
    let mut batch: Vec<&str> = others.to_vec();
    batch.insert(2, sentence);
    let batched = recognizer.recognize(&batch).unwrap();
    assert_eq!(batched[2], alone[0], "scores are compared exactly");
}

/// The optional libtorch backend (`--features rust-bert`, libtorch from scripts/setup-libtorch.sh): the
/// same fixture model from `model.safetensors` gives PyTorch's logits and the ONNX backend's entities.
#[cfg(feature = "rust-bert")]
mod rust_bert {
    use super::{expected, fixture_dir, fixture_recognizer, library, matrix};
    use newsgraph::ner::{self, Backend, Batch, ModelFiles, NerError, OnnxBackend, OnnxOptions, Recognizer, RustBertBackend};

    fn expected_batch() -> (Batch, Vec<f32>) {
        let expected = expected();
        let ids = matrix(&expected["input_ids"]);
        let mask = matrix(&expected["attention_mask"]);
        let batch = Batch { rows: ids.len(), len: ids[0].len(), input_ids: ids.concat(), attention_mask: mask.concat() };
        let want: Vec<f32> = expected["logits"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| {
                row.as_array().unwrap().iter().flat_map(|tok| tok.as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32))
            })
            .collect();
        (batch, want)
    }

    #[test]
    fn rust_bert_logits_match_pytorch_and_onnx_within_1e_4() {
        let (batch, want) = expected_batch();
        let backend = RustBertBackend::open(&fixture_dir(), 1).unwrap();
        assert_eq!(backend.describe(), "libtorch 2.4.0 (rust-bert)");
        let files = ModelFiles::open(&fixture_dir()).unwrap();
        let onnx = OnnxBackend::open(&files.onnx_path(), &library(), OnnxOptions::for_threads(1)).unwrap().logits(&batch).unwrap();
        let logits = backend.logits(&batch).unwrap();
        assert_eq!((logits.rows, logits.len, logits.labels), (2, batch.len, 7));
        for row in 0..batch.rows {
            for position in (0..batch.len).filter(|&p| batch.attention_mask[row * batch.len + p] == 1) {
                let got = logits.at(row, position);
                let want = &want[(row * logits.len + position) * 7..][..7];
                for ((g, w), o) in got.iter().zip(want).zip(onnx.at(row, position)) {
                    assert!((g - w).abs() < 1e-4, "row {row} position {position}: {g} vs PyTorch {w}");
                    assert!((g - o).abs() < 1e-4, "row {row} position {position}: {g} vs ONNX {o}");
                }
            }
        }
    }

    #[test]
    fn rust_bert_and_onnx_find_the_same_entities() {
        let onnx = fixture_recognizer();
        let libtorch = ner::rust_bert_recognizer(&fixture_dir(), 2).unwrap();
        let long = "Angela Merkel visited Paris on Monday and met the board of Siemens in Munich . ".repeat(20);
        let sentences = [
            "Angela Merkel visited Paris on Monday .",
            "Shares of Velta Bank rose after chief executive Tomasz Wielgus resigned .",
            "Der Vorstand von Siemens traf sich in München mit Olaf Scholz .",
            "Le conseil d'administration de Renault a nommé Luca de Meo directeur général à Boulogne-Billancourt .",
            "",
            long.as_str(),
        ];
        let want = onnx.recognize(&sentences).unwrap();
        let got = libtorch.recognize(&sentences).unwrap();
        assert!(want.iter().map(Vec::len).sum::<usize>() > 0, "the fixture model finds something to compare");
        assert_eq!(got.len(), want.len());
        for ((sentence, got), want) in sentences.iter().zip(&got).zip(&want) {
            let spans = |entities: &[ner::SentenceEntity]| entities.iter().map(|e| (e.span, e.kind)).collect::<Vec<_>>();
            assert_eq!(spans(got), spans(want), "{sentence}");
            for (g, w) in got.iter().zip(want) {
                assert!((g.score - w.score).abs() < 1e-4, "{sentence}: score {} vs ONNX {}", g.score, w.score);
            }
        }
    }

    #[test]
    fn a_model_directory_without_safetensors_is_a_model_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(fixture_dir().join("config.json"), dir.path().join("config.json")).unwrap();
        let error = RustBertBackend::open(dir.path(), 1).err().expect("no weights, no backend");
        assert!(matches!(&error, NerError::Model(message) if message.contains("model.safetensors")), "{error}");
    }
}

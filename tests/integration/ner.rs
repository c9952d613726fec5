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
    ner::onnx_recognizer(&fixture_dir(), &library(), OnnxOptions { intra_threads: 1 }).expect("fixture model loads")
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
    let backend = OnnxBackend::open(&files.onnx_path(), &library(), OnnxOptions { intra_threads: 1 }).unwrap();
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

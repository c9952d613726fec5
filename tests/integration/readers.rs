use crate::util::{gzip, write, Run};

/// These tests are about reading: NER is left out so they run without a model.
fn extract(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut args = args.to_vec();
    args.push("--no-ner");
    crate::util::extract(dir, &args, stdin)
}
use serde_json::Value;

const GOOD: &str = r#"{"id":"g1","title":"Orland names a new chief","text":"The board of Orland Shipping met on Monday and named a new chief executive.","date":"2026-01-05"}"#;

fn reasons(errors: &[Value]) -> Vec<(Option<u64>, Option<&str>, &str, &str)> {
    errors
        .iter()
        .map(|e| (e["line"].as_u64(), e["id"].as_str(), e["severity"].as_str().unwrap(), e["reason"].as_str().unwrap()))
        .collect()
}

#[test]
fn mixed_jsonl_accounts_for_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines: Vec<Vec<u8>> = vec![
        GOOD.into(),
        br#"{"id":"bad-json","text": "oops""#.to_vec(),
        br#"{"id":"no-text","title":"x"}"#.to_vec(),
        br#"{"id":"empty","text":"   "}"#.to_vec(),
        br#"{"id":"wrong-type","text":["a"]}"#.to_vec(),
        b"{\"id\":\"utf8\",\"text\":\"caf\xff\"}".to_vec(),
        b"   ".to_vec(),
        br#"{"id":"late-date","text":"Nadia Brun joined Velta as chief operating officer.","date":"sometime"}"#.to_vec(),
        br#"{"id":"g1","text":"The same id again."}"#.to_vec(),
        br#"{"text":"No id here, only a url, and the article goes on.","url":"https://n.example/x"}"#.to_vec(),
        br#""just a string""#.to_vec(),
    ];
    let mut file = Vec::new();
    for line in lines.drain(..) {
        file.extend(line);
        file.push(b'\n');
    }
    let input = write(dir.path(), "mixed.jsonl", &file);
    let run = extract(dir.path(), &[input.to_str().unwrap()], None);

    assert_eq!(run.exit_code(), 3, "{}", run.stderr());
    assert!(run.stderr().contains("read 10, written 3, failed 7, with warnings 1"), "{}", run.stderr());
    let articles = run.articles();
    let ids: Vec<&str> = articles.iter().map(|a| a["identifier"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "g1");
    assert_eq!(ids[1], "late-date");
    assert!(ids[2].starts_with("url-"));
    assert_eq!(
        reasons(&run.errors),
        vec![
            (Some(2), None, "error", "malformed JSON: EOF while parsing an object at line 1 column 31"),
            (Some(3), Some("no-text"), "error", "record has no `text` field"),
            (Some(4), Some("empty"), "error", "`text` is empty"),
            (Some(5), Some("wrong-type"), "error", "field `text` must be a string, found an array"),
            (Some(6), None, "error", "invalid UTF-8 at byte 24 of the record"),
            (Some(8), Some("late-date"), "warning", "unparseable `date` \"sometime\": date left out"),
            (Some(9), Some("g1"), "error", "duplicate article id: an article with this id was read earlier in this run"),
            (Some(11), None, "error", "record is not a JSON object (found a string)"),
        ]
    );
    assert!(run.errors.iter().all(|e| e["file"].as_str().unwrap().ends_with("mixed.jsonl")));
    assert!(run.errors.iter().all(|e| e["stage"] == "read"));
}

#[test]
fn every_format_in_one_run_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    write(&inputs, "a.jsonl", format!("{GOOD}\n").as_bytes());
    let second = r#"{"id":"gz1","text":"Velta Bank said its chairman will retire next year after a decade in the role."}"#;
    write(&inputs, "b.jsonl.gz", &gzip(format!("{second}\n").as_bytes()));
    write(&inputs, "c/story.txt", "Kestrel hires a pilot\n\nKestrel Aerospace hired a new chief pilot on Friday.\n".as_bytes());
    write(&inputs, "c/notes.md", b"not an article");
    write(&inputs, "d.txt.gz", &gzip("Orland Shipping appointed a new treasurer this week, the company said.".as_bytes()));
    let stdin = r#"{"id":"from-stdin","text":"A record that arrived on standard input about a retiring director."}"#;
    let run = extract(dir.path(), &[inputs.to_str().unwrap(), "-"], Some(format!("{stdin}\n").as_bytes()));

    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    let articles = run.articles();
    let ids: Vec<&str> = articles.iter().map(|a| a["identifier"].as_str().unwrap()).collect();
    assert_eq!(ids, ["g1", "gz1", "story", "d", "from-stdin"]);
    assert_eq!(articles[2]["headline"], "Kestrel hires a pilot");
    assert_eq!(articles[2]["sentenceCount"], 2);
    assert_eq!(articles[0]["datePublished"]["@value"], "2026-01-05");
    assert!(run.errors.is_empty(), "{:?}", run.errors);
}

#[test]
fn a_truncated_gzip_keeps_what_came_before_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..400 {
        jsonl.push_str(&format!(
            "{{\"id\":\"r{i}\",\"text\":\"Record number {i} says that the treasurer of company {i} resigned on a {} afternoon.\"}}\n",
            ["Monday", "Tuesday", "Friday"][i % 3]
        ));
    }
    let compressed = gzip(jsonl.as_bytes());
    let input = write(dir.path(), "cut.jsonl.gz", &compressed[..compressed.len() / 2]);
    let run = extract(dir.path(), &[input.to_str().unwrap()], None);

    assert_eq!(run.exit_code(), 3, "{}", run.stderr());
    let written = run.articles().len();
    assert!(written > 0 && written < 400, "{written}");
    assert_eq!(run.errors.len(), 1, "{:?}", run.errors);
    assert!(run.errors[0]["reason"].as_str().unwrap().starts_with("gzip stream truncated or corrupt"), "{:?}", run.errors);
    assert_eq!(run.errors[0]["line"].as_u64(), Some(written as u64 + 1));
}

#[test]
fn unreadable_and_unsupported_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.jsonl", format!("{GOOD}\n").as_bytes());
    let csv = write(dir.path(), "table.csv", b"a,b\n");
    let bad_text = write(dir.path(), "latin1.txt", b"Caf\xe9 owner resigns.");
    let missing = dir.path().join("missing.jsonl");
    let args = [missing.to_str().unwrap(), csv.to_str().unwrap(), bad_text.to_str().unwrap(), good.to_str().unwrap()];
    let run = extract(dir.path(), &args, None);

    assert_eq!(run.exit_code(), 3);
    assert_eq!(run.articles().len(), 1);
    assert_eq!(
        reasons(&run.errors),
        vec![
            (None, None, "error", "cannot read file: no such file or directory"),
            (None, None, "error", "unsupported input type (expected .jsonl, .jsonl.gz, .txt, .txt.gz, a directory or -)"),
            (None, None, "error", "invalid UTF-8 at byte 3 of the record"),
        ]
    );
}

#[test]
fn records_over_the_size_limit_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!(r#"{{"id":"long","text":"{}"}}"#, "word ".repeat(100));
    let input = write(dir.path(), "sizes.jsonl", format!("{long}\n{GOOD}\n").as_bytes());
    let run = extract(dir.path(), &[input.to_str().unwrap(), "--max-record-bytes", "300"], None);

    assert_eq!(run.exit_code(), 3);
    assert_eq!(run.articles().len(), 1);
    assert_eq!(reasons(&run.errors), vec![(Some(1), None, "error", "record is larger than the limit of 300 bytes")]);
}

#[test]
fn an_unwritable_output_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.jsonl", format!("{GOOD}\n").as_bytes());
    let output = crate::util::binary()
        .args(["extract", input.to_str().unwrap(), "--no-ner", "--quiet", "--output", "/nonexistent-dir/graph.jsonld", "--errors"])
        .arg(dir.path().join("e.jsonl"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write in /nonexistent-dir"));
}

/// Articles reached through symbolic links are read (a directory of links, a linked directory); a link
/// that loops back to a directory above it is reported, not followed for ever.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_a_loop_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::create_dir(&store).unwrap();
    write(&store, "a.jsonl", format!("{GOOD}\n").as_bytes());
    write(&store, "b.txt", b"Orland Shipping named a new finance chief on Tuesday.");
    let links = dir.path().join("links");
    std::fs::create_dir(&links).unwrap();
    let other = write(dir.path(), "other.jsonl", format!("{}\n", GOOD.replace("\"g1\"", "\"g2\"")).as_bytes());
    std::os::unix::fs::symlink(other, links.join("a.jsonl")).unwrap();
    std::os::unix::fs::symlink(&store, links.join("linked-store")).unwrap();
    std::os::unix::fs::symlink(&links, links.join("loop")).unwrap();

    let run = extract(dir.path(), &[links.to_str().unwrap()], None);
    assert_eq!(run.articles().len(), 3, "{}", run.stderr());
    let errors = reasons(&run.errors);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].3.starts_with("cannot read file: File system loop found"), "{errors:?}");
    assert_eq!(run.exit_code(), 3);
}

/// An input that gives no record (an empty file, blank lines only, a directory with no file we read)
/// is a line of the error report and of standard error, and the run exits 3.
#[test]
fn an_input_with_no_record_is_reported_and_the_run_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.jsonl", b"");
    let blank = write(dir.path(), "blank.jsonl", b"\n\n  \n");
    let nothing = dir.path().join("nothing");
    std::fs::create_dir(&nothing).unwrap();
    write(&nothing, "notes.csv", b"a,b\n");
    let args = [empty.to_str().unwrap(), blank.to_str().unwrap(), nothing.to_str().unwrap()];
    let run = extract(dir.path(), &args, None);

    assert_eq!(run.exit_code(), 3);
    assert!(run.articles().is_empty());
    assert_eq!(
        reasons(&run.errors),
        vec![
            (None, None, "error", "the input holds no record"),
            (None, None, "error", "the input holds no record"),
            (None, None, "error", "the directory holds no file of a kind we read (.jsonl, .ndjson, .txt, each optionally .gz)"),
        ]
    );
    assert!(run.stderr().contains(&format!("no record read from {}", empty.display())), "{}", run.stderr());
}

#[test]
fn text_articles_take_their_dates_from_a_metadata_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(&docs, "en-001.txt", "Kestrel Aerospace hired a new chief pilot on Friday.\n".as_bytes());
    write(&docs, "en-002.txt", "Orland Shipping appointed a new treasurer this week.\n".as_bytes());
    let meta = write(dir.path(), "meta.jsonl", br#"{"id": "en-001", "date": "2026-01-05", "url": "https://n.example/kestrel"}
{"id": "en-002", "date": null}
"#);
    let run = extract(dir.path(), &[docs.to_str().unwrap(), "--meta", meta.to_str().unwrap()], None);
    assert_eq!(run.exit_code(), 0, "{}", run.stderr());
    let articles = run.articles();
    assert_eq!(articles[0]["datePublished"]["@value"], "2026-01-05");
    assert_eq!(articles[0]["url"], "https://n.example/kestrel");
    assert!(articles[1].get("datePublished").is_none(), "{}", articles[1]);

    let broken = write(dir.path(), "broken.jsonl", b"{\"date\": \"2026-01-05\"}\n");
    let run = extract(dir.path(), &[docs.to_str().unwrap(), "--meta", broken.to_str().unwrap()], None);
    assert_ne!(run.exit_code(), 0);
    assert!(run.stderr().contains("broken.jsonl line 1: not a metadata record"), "{}", run.stderr());
}

#[test]
fn labelled_candidates_name_their_people_and_mark_them_in_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let text = "Vellor Foods names Anna Berg chief executive\n\nVellor Foods said on Monday that Anna Berg will replace Tomas Lind as chief executive in May.\n";
    write(&docs, "en-001.txt", text.as_bytes());
    let gold = write(
        dir.path(),
        "gold.jsonl",
        br#"{"id": "en-001", "entities": [{"name": "Anna Berg", "type": "PER", "aliases": []}, {"name": "Tomas Lind", "type": "PER", "aliases": []}, {"name": "Vellor Foods", "type": "ORG", "aliases": []}], "relations": [{"type": "replaces", "modality": "future", "new": "Anna Berg", "old": "Tomas Lind", "org": "Vellor Foods", "role": "chief executive", "role_norm": "CEO"}]}
"#,
    );
    let output = dir.path().join("candidates.jsonl");
    let run = crate::util::binary()
        .args(["candidates", "--gold", gold.to_str().unwrap(), "--docs", docs.to_str().unwrap(), "--output", output.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&output).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let succession = lines
        .iter()
        .find(|l| l["kind"] == "replaces" && l["person_name"] == "Anna Berg" && l["predecessor_name"] == "Tomas Lind" && l["sentence"] == 1)
        .expect("the succession is a candidate");
    assert_eq!(succession["label"], 1);
    let evidence = succession["evidence"].as_str().unwrap();
    let span = |key: &str| {
        let [start, end] = [0, 1].map(|i| succession[key][i].as_u64().unwrap() as usize);
        evidence[start..end].to_string()
    };
    assert_eq!(span("person_span"), "Anna Berg");
    assert_eq!(span("predecessor_span"), "Tomas Lind");
}

use crate::util::{binary, examples_dir, write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Articles in four languages with failures among them: a malformed line, a record without text,
/// and an id repeated three records later (so the two land in different shards of two).
fn corpus(dir: &Path) -> PathBuf {
    let lines = [
        r#"{"id":"a1","date":"2026-05-04","text":"Orland Shipping said on Monday that its chief executive, Dana Pryce, will retire in June. She will be succeeded by Tomas Ferreira, currently the company's finance chief."}"#,
        r#"{"id":"a2","text":"La directrice financière de Verdanne, Claire Morel, quitte ses fonctions. Elle sera remplacée par Paul Ferrand."}"#,
        r#"{"id":"a3","text":"#,
        r#"{"id":"a4","text":"Der Vorstandschef der Nordlicht AG, Jens Albers, tritt am 17. Mai zurück."}"#,
        r#"{"id":"a2","text":"A repeated id: this record must fail in every way of running."}"#,
        r#"{"id":"a6","title":"no text"}"#,
        r#"{"id":"a7","text":"La consejera delegada de Almena, Lucía Prado, dimite. El consejo nombra a Sergio Ocaña como sustituto."}"#,
        r#"{"id":"a8","text":"Kestrel Brightwater named Ingrid Solheim chair of the board on Tuesday."}"#,
    ];
    write(dir, "corpus.jsonl", format!("{}\n", lines.join("\n")).as_bytes())
}

fn inputs(dir: &Path) -> Vec<String> {
    vec![corpus(dir).display().to_string(), examples_dir().display().to_string()]
}

fn newsgraph(args: &[&str]) -> Output {
    let output = binary().args(args).arg("--quiet").stdin(Stdio::null()).output().unwrap();
    assert!(matches!(output.status.code(), Some(0) | Some(3)), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One run over everything: the graph and the error report every other way of running must equal.
fn single_run(dir: &Path, inputs: &[String]) -> (String, String) {
    let graph = dir.join("single.jsonld");
    let errors = dir.join("single.errors.jsonl");
    let mut args: Vec<&str> = vec!["extract"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["-o", graph.to_str().unwrap(), "--errors", errors.to_str().unwrap()]);
    newsgraph(&args);
    (read(&graph), read(&errors))
}

#[test]
fn shards_merged_give_the_single_run_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs(dir.path());
    let (graph, errors) = single_run(dir.path(), &inputs);
    assert_eq!(errors.lines().count(), 3, "malformed, no text, repeated id:\n{errors}");
    assert!(errors.contains("duplicate article id"));

    let mut shard_files = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let out = dir.path().join(format!("shard-{}.jsonl", &shard[..1]));
        let mut args: Vec<&str> = vec!["extract"];
        args.extend(inputs.iter().map(String::as_str));
        args.extend(["--per-doc", "--shard", shard, "--chunk-size", "2", "-o", out.to_str().unwrap()]);
        newsgraph(&args);
        shard_files.push(out.display().to_string());
    }
    // Given in any order, the shards merge in input order.
    let merged = dir.path().join("merged.jsonld");
    let merged_errors = dir.path().join("merged.errors.jsonl");
    let output = newsgraph(&["merge", &shard_files[2], &shard_files[0], &shard_files[1], "-o", merged.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3), "failed records make exit code 3");
    assert!(read(&merged) == graph, "the merged graph differs from the single run's");
    assert_eq!(read(&merged_errors), errors);
}

/// What the Spark recipe does: numbered lines, partitions processed apart (each knowing nothing of
/// the others, so the repeated id is only caught by the merge), then merged.
#[test]
fn numbered_partitions_merged_give_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let (graph, _) = single_run(dir.path(), &[corpus.display().to_string()]);
    let lines: Vec<String> = read(&corpus).lines().enumerate().map(|(i, line)| format!("{i}\t{line}\n")).collect();
    let mut parts = Vec::new();
    for (p, partition) in [&lines[..3], &lines[3..]].iter().enumerate() {
        let mut child = binary()
            .args(["extract", "-", "--per-doc", "--numbered", "-o", "-", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), partition.concat().as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        parts.push(write(dir.path(), &format!("part-{p:05}"), &output.stdout));
    }
    let merged = dir.path().join("merged.jsonld");
    let errors = dir.path().join("merged.errors.jsonl");
    newsgraph(&["merge", dir.path().to_str().unwrap(), "-o", merged.to_str().unwrap(), "--errors", errors.to_str().unwrap()]);
    assert!(read(&merged) == graph, "the merged graph differs from the single run's");
    let errors = read(&errors);
    assert!(errors.lines().any(|l| l.contains(r#""line":5"#) && l.contains("duplicate article id")), "{errors}");
    // With no memory for the fact sort every fact is a run of its own on disk: the same bytes.
    let spilled = dir.path().join("spilled.jsonld");
    let spilled_errors = dir.path().join("spilled.errors.jsonl");
    newsgraph(&["merge", dir.path().to_str().unwrap(), "-o", spilled.to_str().unwrap(), "--errors", spilled_errors.to_str().unwrap(), "--memory", "0"]);
    assert!(read(&spilled) == graph, "the graph merged through sorted runs on disk differs from the single run's");
}

#[test]
fn merging_a_shard_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path()).display().to_string();
    let out = dir.path().join("all.jsonl");
    newsgraph(&["extract", &corpus, "--per-doc", "--no-ner", "-o", out.to_str().unwrap()]);
    let status = binary().args(["merge", out.to_str().unwrap(), out.to_str().unwrap(), "-o", "-"]).output().unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&status.stderr).contains("the same share of the input given twice"));
}

/// A resumable run killed with SIGKILL part-way, then started again, ends with the single run's
/// graph and report: nothing lost, nothing twice.
#[test]
fn a_run_killed_and_resumed_gives_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs(dir.path());
    let (graph, errors) = single_run(dir.path(), &inputs);
    let out_dir = dir.path().join("run");
    let command = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        command.arg("extract").args(&inputs).args(["--output-dir", out_dir.to_str().unwrap(), "--chunk-size", "1", "--threads", "1", "--quiet"]);
        command
    };
    let mut child = command().stderr(Stdio::null()).spawn().unwrap();
    let parts = out_dir.join("parts");
    let finished_parts = || std::fs::read_dir(&parts).map(|d| d.flatten().filter(|e| e.file_name().to_string_lossy().starts_with("part-")).count()).unwrap_or(0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while finished_parts() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let done_before = finished_parts();
    assert!(done_before >= 2, "no part finished before the kill");
    assert!(!out_dir.join("graph.jsonld").exists() || done_before == 13, "the graph is written only at the end");

    // As if the kill had also cut a merge short: its temporary graph is cleared away.
    std::fs::write(out_dir.join(".graph.jsonld.cut-short"), b"{\"@context\"").unwrap();
    let resumed = command().output().unwrap();
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert_eq!(resumed.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("resuming: the first"), "{stderr}");
    assert!(read(&out_dir.join("graph.jsonld")) == graph, "the resumed graph differs from the single run's");
    assert_eq!(read(&out_dir.join("errors.jsonl")), errors);
    assert!(!out_dir.join(".graph.jsonld.cut-short").exists());

    // The same directory with other inputs is refused, not mixed.
    let other = binary().args(["extract", examples_dir().to_str().unwrap(), "--output-dir", out_dir.to_str().unwrap(), "--quiet"]).output().unwrap();
    assert_eq!(other.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&other.stderr).contains("holds a run over other inputs"));
}

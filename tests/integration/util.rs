use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// The result of one `newsgraph extract` run.
pub struct Run {
    pub output: Output,
    pub graph: String,
    pub errors: Vec<serde_json::Value>,
}

impl Run {
    pub fn exit_code(&self) -> i32 {
        self.output.status.code().expect("exited normally")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn graph_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.graph).expect("the graph is JSON")
    }

    /// The article nodes of the graph, in output order.
    pub fn articles(&self) -> Vec<serde_json::Value> {
        self.graph_json()["@graph"]
            .as_array()
            .expect("@graph")
            .iter()
            .filter(|node| node["@type"] == "NewsArticle")
            .cloned()
            .collect()
    }
}

/// Runs `newsgraph extract ARGS... -o DIR/graph.jsonld --errors DIR/errors.jsonl`, with `stdin` piped in.
pub fn extract(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let graph_path = dir.join("graph.jsonld");
    let errors_path = dir.join("errors.jsonl");
    let mut child = binary()
        .arg("extract")
        .args(args)
        .arg("--output")
        .arg(&graph_path)
        .arg("--errors")
        .arg(&errors_path)
        .arg("--quiet")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsgraph starts");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    let graph = std::fs::read_to_string(&graph_path).unwrap_or_default();
    let errors = std::fs::read_to_string(&errors_path)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).expect("error report lines are JSON"))
        .collect();
    Run { output, graph, errors }
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// `../shared` beside the checkout: the seed articles and the development set.
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

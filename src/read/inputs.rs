//! The inputs of a run: files by kind, directories walked in sorted order, and standard input.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// What one input is, decided by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One article per line.
    Jsonl { path: PathBuf, gzip: bool },
    /// One article per file.
    Text { path: PathBuf, gzip: bool },
    /// JSONL on standard input.
    Stdin,
}

impl Input {
    /// The kind of a named file, or `None` for a name we do not read.
    pub fn from_file_name(path: &Path) -> Option<Input> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let path = path.to_path_buf();
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Input::Jsonl { path, gzip: false })
        } else if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
            Some(Input::Jsonl { path, gzip: true })
        } else if name.ends_with(".txt") {
            Some(Input::Text { path, gzip: false })
        } else if name.ends_with(".txt.gz") {
            Some(Input::Text { path, gzip: true })
        } else {
            None
        }
    }

    pub fn path(&self) -> PathBuf {
        match self {
            Input::Jsonl { path, .. } | Input::Text { path, .. } => path.clone(),
            Input::Stdin => PathBuf::from("-"),
        }
    }
}

/// An argument that could not become an input.
#[derive(Debug)]
pub struct BadInput {
    pub path: PathBuf,
    pub error: super::ReadError,
}

/// Expands command-line arguments into inputs. Directories are walked recursively in sorted order,
/// following symbolic links (a link that loops back is reported, not followed), and contribute only the
/// file kinds we read; a directory with none is reported. A file named explicitly must be of a kind we
/// read.
pub fn expand_inputs(args: &[PathBuf]) -> Vec<Result<Input, BadInput>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if arg.is_dir() {
            let before = inputs.len();
            for entry in walkdir::WalkDir::new(arg).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(entry) if entry.file_type().is_file() => {
                        if let Some(input) = Input::from_file_name(entry.path()) {
                            inputs.push(Ok(input));
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| arg.clone());
                        let error = super::ReadError::Unreadable(err.into());
                        inputs.push(Err(BadInput { path, error }));
                    }
                }
            }
            if inputs.len() == before {
                inputs.push(Err(BadInput { path: arg.clone(), error: super::ReadError::NoInputFiles }));
            }
        } else if !arg.exists() {
            let error = io::Error::new(io::ErrorKind::NotFound, "no such file or directory");
            inputs.push(Err(BadInput { path: arg.clone(), error: super::ReadError::Unreadable(error) }));
        } else {
            match Input::from_file_name(arg) {
                Some(input) => inputs.push(Ok(input)),
                None => inputs.push(Err(BadInput { path: arg.clone(), error: super::ReadError::UnsupportedInput })),
            }
        }
    }
    inputs
}

/// Total size in bytes of the file inputs, for a progress bar; `None` when standard input is read.
pub fn total_input_bytes(inputs: &[Result<Input, BadInput>]) -> Option<u64> {
    let mut total = 0;
    for input in inputs.iter().flatten() {
        match input {
            Input::Stdin => return None,
            other => total += std::fs::metadata(other.path()).map(|m| m.len()).unwrap_or(0),
        }
    }
    Some(total)
}

/// A reader that counts the bytes it hands out, shared with the progress display.
pub struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a file for reading, counting raw (compressed) bytes, with gzip decoding when asked.
pub fn open_counted(path: &Path, gzip: bool, counter: &Arc<AtomicU64>) -> io::Result<Box<dyn Read + Send>> {
    let file = CountingReader { inner: File::open(path)?, counter: Arc::clone(counter) };
    if gzip {
        // Multi-member: concatenated gzip files are common in dumps.
        Ok(Box::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(file))))
    } else {
        Ok(Box::new(file))
    }
}

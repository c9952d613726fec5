//! Output files that appear whole or not at all: written to a temporary file beside the target and
//! renamed over it when complete, so a run killed half-way leaves no half-written file behind.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

pub struct AtomicFile {
    temporary: BufWriter<NamedTempFile>,
    target: PathBuf,
}

impl AtomicFile {
    pub fn create(target: &Path) -> io::Result<Self> {
        let directory = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temporary = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .tempfile_in(directory)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write in {}: {e}", directory.display())))?;
        Ok(Self { temporary: BufWriter::new(temporary), target: target.to_path_buf() })
    }

    /// Flushes, syncs and renames the file to its target.
    pub fn commit(self) -> io::Result<()> {
        let temporary = self.temporary.into_inner().map_err(|e| e.into_error())?;
        temporary.as_file().sync_all()?;
        // A temporary file is private (0600); the output is an ordinary file.
        std::fs::set_permissions(temporary.path(), std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
        temporary
            .persist(&self.target)
            .map_err(|e| io::Error::new(e.error.kind(), format!("cannot write {}: {}", self.target.display(), e.error)))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temporary.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temporary.flush()
    }
}

/// Where an output goes: standard output or error, or a file written atomically.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    Stderr(io::Stderr),
    File(AtomicFile),
}

impl Output {
    /// `-` is standard output; anything else a file, created atomically.
    pub fn create(target: &Path) -> io::Result<Self> {
        if target.as_os_str() == "-" {
            Ok(Output::Stdout(BufWriter::new(io::stdout())))
        } else {
            AtomicFile::create(target).map(Output::File)
        }
    }

    /// Makes the output final: a file is renamed into place, a stream flushed.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::Stderr(mut err) => err.flush(),
            Output::File(file) => file.commit(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::Stderr(err) => err.write(buf),
            Output::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Stderr(err) => err.flush(),
            Output::File(file) => file.flush(),
        }
    }
}

//! An external sort for the corpus stages: records gather in memory up to a byte budget; a full buffer
//! is sorted and appended to one temporary file as a run; reading back merges the runs k-way, each read
//! in chunks at its own offset (one file however many runs: no limit on open files to run into).
//!
//! Records are ordered by their `Ord`, which must be total (two records that compare equal must be
//! equal): then the output is the same whatever the budget, so a run's bytes do not depend on how much
//! memory it was given. On disk a record is its postcard encoding after its length (4 bytes).

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

/// The most bytes read from a run at a time (more when one record is larger).
const CHUNK_BYTES: usize = 64 * 1024;

/// The memory a record's strings and vectors take per byte of their encoding: the text of a name is
/// a few bytes, beside a 24-byte header and an allocation rounded up (measured on the knowledge layer's
/// records: a budget of 256 MiB counted by encoded size alone took 700 MiB).
const HEAP_PER_ENCODED_BYTE: usize = 4;

/// Sorts records, on disk past `budget` bytes.
pub struct SortedRuns<T> {
    buffer: Vec<T>,
    /// What the buffered records take, as counted by `push`.
    buffered: usize,
    budget: usize,
    file: Option<BufWriter<File>>,
    /// Where each run starts and how many bytes it has.
    runs: Vec<(u64, u64)>,
    written: u64,
    encoded: Vec<u8>,
}

impl<T: Ord + Serialize + DeserializeOwned> SortedRuns<T> {
    pub fn new(budget_bytes: usize) -> Self {
        Self { buffer: Vec::new(), buffered: 0, budget: budget_bytes, file: None, runs: Vec::new(), written: 0, encoded: Vec::new() }
    }

    /// Adds a record. What it takes in memory is counted as its inline size and `HEAP_PER_ENCODED_BYTE`
    /// times its encoded size.
    pub fn push(&mut self, record: T) -> io::Result<()> {
        self.buffered += std::mem::size_of::<T>() + HEAP_PER_ENCODED_BYTE * postcard::experimental::serialized_size(&record).map_err(io::Error::other)?;
        self.buffer.push(record);
        if self.buffered >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// How many runs went to disk.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    fn spill(&mut self) -> io::Result<()> {
        self.buffer.sort_unstable();
        let out = match &mut self.file {
            Some(out) => out,
            None => self.file.insert(BufWriter::new(tempfile::tempfile()?)),
        };
        let start = self.written;
        for record in self.buffer.drain(..) {
            self.encoded.clear();
            postcard::to_io(&record, &mut self.encoded).map_err(io::Error::other)?;
            out.write_all(&(self.encoded.len() as u32).to_le_bytes())?;
            out.write_all(&self.encoded)?;
            self.written += 4 + self.encoded.len() as u64;
        }
        self.runs.push((start, self.written - start));
        self.buffered = 0;
        self.buffer.shrink_to(0);
        Ok(())
    }

    /// Every record, in order.
    pub fn into_sorted(mut self) -> io::Result<Sorted<T>> {
        self.buffer.sort_unstable();
        let file = self.file.map(|out| out.into_inner().map_err(|e| e.into_error())).transpose()?;
        let runs = self.runs.iter().map(|&(offset, left)| RunReader { offset, left, chunk: Vec::new(), at: 0 }).collect();
        // The records still in memory are the last source.
        let mut sorted = Sorted { file, runs, memory: self.buffer.into_iter(), heads: BinaryHeap::new() };
        for source in 0..=sorted.runs.len() {
            sorted.advance(source)?;
        }
        Ok(sorted)
    }
}

/// One run on disk being read: the next chunk's offset, the bytes of the run not yet read, and the
/// current chunk.
struct RunReader {
    offset: u64,
    left: u64,
    chunk: Vec<u8>,
    at: usize,
}

impl RunReader {
    /// The next `wanted` bytes of the run, reading on where the chunk holds fewer.
    fn take(&mut self, file: &File, wanted: usize) -> io::Result<&[u8]> {
        if self.chunk.len() - self.at < wanted {
            self.chunk.drain(..self.at);
            self.at = 0;
            let size = (self.left as usize).min(CHUNK_BYTES.max(wanted - self.chunk.len()));
            let kept = self.chunk.len();
            self.chunk.resize(kept + size, 0);
            file.read_exact_at(&mut self.chunk[kept..], self.offset)?;
            self.offset += size as u64;
            self.left -= size as u64;
            if self.chunk.len() < wanted {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "a sorted run ends inside a record"));
            }
        }
        self.at += wanted;
        Ok(&self.chunk[self.at - wanted..self.at])
    }

    fn next<T: DeserializeOwned>(&mut self, file: &File) -> io::Result<Option<T>> {
        if self.at == self.chunk.len() && self.left == 0 {
            return Ok(None);
        }
        let length = u32::from_le_bytes(self.take(file, 4)?.try_into().expect("four bytes")) as usize;
        let bytes = self.take(file, length)?;
        postcard::from_bytes(bytes).map(Some).map_err(io::Error::other)
    }
}

/// The k-way merge of the runs: sources `0..runs.len()` are the runs on disk, source `runs.len()` the
/// records left in memory. Heads are ordered by record, then by source (equal records are equal, so
/// the source only breaks ties the output cannot show).
pub struct Sorted<T> {
    file: Option<File>,
    runs: Vec<RunReader>,
    memory: std::vec::IntoIter<T>,
    heads: BinaryHeap<Reverse<(T, usize)>>,
}

impl<T: Ord + DeserializeOwned> Sorted<T> {
    fn advance(&mut self, source: usize) -> io::Result<()> {
        let next = match (self.runs.get_mut(source), &self.file) {
            (Some(run), Some(file)) => run.next(file)?,
            _ => self.memory.next(),
        };
        if let Some(record) = next {
            self.heads.push(Reverse((record, source)));
        }
        Ok(())
    }
}

impl<T: Ord + DeserializeOwned> Iterator for Sorted<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        let Reverse((record, source)) = self.heads.pop()?;
        Some(self.advance(source).map(|()| record))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(records: &[(String, u32)], budget: usize) -> (Vec<(String, u32)>, usize) {
        let mut runs = SortedRuns::new(budget);
        for record in records {
            runs.push(record.clone()).unwrap();
        }
        let spilled = runs.runs();
        (runs.into_sorted().unwrap().collect::<io::Result<_>>().unwrap(), spilled)
    }

    #[test]
    fn records_come_back_in_order_whatever_the_budget() {
        // Records of different lengths, one longer than a chunk, so reads cross chunk ends.
        let mut records: Vec<(String, u32)> = (0..3000u32).map(|i| (format!("{}", (i * 7919) % 1000).repeat(1 + (i % 5) as usize), i)).collect();
        records.push(("x".repeat(CHUNK_BYTES + 10), 7));
        let mut want = records.clone();
        want.sort();
        for budget in [0, 1000, 30_000, usize::MAX] {
            let (got, spilled) = sorted(&records, budget);
            assert_eq!(got, want, "budget {budget}");
            match budget {
                0 => assert_eq!(spilled, records.len()),
                usize::MAX => assert_eq!(spilled, 0),
                _ => assert!(spilled > 1, "budget {budget}: {spilled} runs"),
            }
        }
    }

    #[test]
    fn nothing_in_gives_nothing_out() {
        assert_eq!(sorted(&[], 0), (Vec::new(), 0));
    }
}

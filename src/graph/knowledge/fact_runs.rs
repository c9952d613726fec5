//! The per-article facts of the knowledge layer, sorted by merged-fact key with bounded memory: facts
//! gather in a buffer of at most `budget` bytes; a full buffer is sorted and appended to one temporary
//! file as a run; reading back merges the runs k-way, each read in chunks at its own offset (one file
//! however many runs: no limit on open files to run into). Equal keys keep the order the facts came in
//! (a stable sort within a run, earlier runs first between runs), so the order is the one a single
//! in-memory sort gives, and so are the merged facts and their bytes.
//!
//! A run's records have one fixed size (`RECORD_BYTES`): numbers only, the role texts stay in the
//! interner of the caller, which the ordering reads.

use super::{FactKey, Support};
use crate::model::{FactDate, FactKind, Modality};
use chrono::{Datelike, NaiveDate};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

/// One stated fact: its merged-fact key (the role as a number in the caller's interner) and what it
/// keeps of the article that states it.
pub(super) type Stated = (FactKey, Support);

/// The bytes of one record in a run, little-endian: kind (1 byte); person, predecessor, organisation,
/// role (4 each, `NONE` for none); article, index (4 each); modality (1); confidence (4, f32 bits); date
/// tag, then two numbers (1 + 4 + 4: none, day since the common era, year and month, year); the role as
/// written (4); former (1).
const RECORD_BYTES: usize = 44;

/// What one buffered fact takes in memory, for the budget.
const BUFFERED_BYTES: usize = std::mem::size_of::<Stated>();

/// The most bytes read from a run at a time.
const CHUNK_BYTES: usize = 64 * 1024;

/// Sorts stated facts by key, on disk past `budget` bytes.
pub(super) struct FactRuns {
    buffer: Vec<Stated>,
    capacity: usize,
    /// The runs written so far, one after the other, and where each starts and how many records it has.
    file: Option<BufWriter<File>>,
    runs: Vec<(u64, u64)>,
    written: u64,
}

impl FactRuns {
    pub fn new(budget_bytes: usize) -> Self {
        Self { buffer: Vec::new(), capacity: (budget_bytes / BUFFERED_BYTES).max(1), file: None, runs: Vec::new(), written: 0 }
    }

    /// Adds a fact; `roles` are the normalised role texts the keys number.
    pub fn push(&mut self, stated: Stated, roles: &[String]) -> io::Result<()> {
        self.buffer.push(stated);
        if self.buffer.len() >= self.capacity {
            self.spill(roles)?;
        }
        Ok(())
    }

    /// How many runs went to disk.
    #[cfg(test)]
    fn runs(&self) -> usize {
        self.runs.len()
    }

    fn spill(&mut self, roles: &[String]) -> io::Result<()> {
        self.buffer.sort_by(|a, b| compare(&a.0, &b.0, roles));
        let out = match &mut self.file {
            Some(out) => out,
            None => self.file.insert(BufWriter::new(tempfile::tempfile()?)),
        };
        let start = self.written;
        for stated in self.buffer.drain(..) {
            out.write_all(&encode(&stated))?;
            self.written += RECORD_BYTES as u64;
        }
        self.runs.push((start, (self.written - start) / RECORD_BYTES as u64));
        Ok(())
    }

    /// Every fact, by key; equal keys in the order they came. `roles` as for `push`.
    pub fn into_sorted(mut self, roles: &[String]) -> io::Result<SortedFacts<'_>> {
        self.buffer.sort_by(|a, b| compare(&a.0, &b.0, roles));
        let file = self.file.map(|out| out.into_inner().map_err(|e| e.into_error())).transpose()?;
        let runs = self.runs.iter().map(|&(offset, records)| RunReader { offset, left: records * RECORD_BYTES as u64, chunk: Vec::new(), at: 0 }).collect();
        // The facts still in memory are the last run.
        let mut merged = SortedFacts { file, runs, memory: self.buffer.into_iter(), heads: BinaryHeap::new(), roles };
        for source in 0..=merged.runs.len() {
            merged.advance(source)?;
        }
        Ok(merged)
    }
}

/// Keys in merged-fact order: kind, people, organisation, then the role by its text (no role first).
fn compare(a: &FactKey, b: &FactKey, roles: &[String]) -> Ordering {
    let role = |r: Option<u32>| r.map(|r| roles[r as usize].as_str());
    (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)).then_with(|| role(a.4).cmp(&role(b.4)))
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
    fn next(&mut self, file: &File) -> io::Result<Option<Stated>> {
        if self.at == self.chunk.len() {
            if self.left == 0 {
                return Ok(None);
            }
            // Whole records, at most CHUNK_BYTES of them.
            let size = self.left.min((CHUNK_BYTES / RECORD_BYTES * RECORD_BYTES) as u64) as usize;
            self.chunk.resize(size, 0);
            file.read_exact_at(&mut self.chunk, self.offset)?;
            self.offset += size as u64;
            self.left -= size as u64;
            self.at = 0;
        }
        let record: &[u8; RECORD_BYTES] = self.chunk[self.at..self.at + RECORD_BYTES].try_into().expect("whole records");
        self.at += RECORD_BYTES;
        decode(record).map(Some)
    }
}

/// The head fact of one source, ordered for a min-heap: by key, then by source (earlier runs came first).
struct Head<'r> {
    stated: Stated,
    source: usize,
    roles: &'r [String],
}

impl PartialEq for Head<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head<'_> {}

impl PartialOrd for Head<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(&self.stated.0, &other.stated.0, self.roles).then(self.source.cmp(&other.source))
    }
}

/// The k-way merge of the runs: sources `0..runs.len()` are the runs on disk, source `runs.len()` the
/// facts left in memory.
pub(super) struct SortedFacts<'r> {
    file: Option<File>,
    runs: Vec<RunReader>,
    memory: std::vec::IntoIter<Stated>,
    heads: BinaryHeap<Reverse<Head<'r>>>,
    roles: &'r [String],
}

impl SortedFacts<'_> {
    fn advance(&mut self, source: usize) -> io::Result<()> {
        let next = match (self.runs.get_mut(source), &self.file) {
            (Some(run), Some(file)) => run.next(file)?,
            _ => self.memory.next(),
        };
        if let Some(stated) = next {
            self.heads.push(Reverse(Head { stated, source, roles: self.roles }));
        }
        Ok(())
    }
}

impl Iterator for SortedFacts<'_> {
    type Item = io::Result<Stated>;

    fn next(&mut self) -> Option<io::Result<Stated>> {
        let Reverse(head) = self.heads.pop()?;
        Some(self.advance(head.source).map(|()| head.stated))
    }
}

const NONE: u32 = u32::MAX;

fn encode((key, support): &Stated) -> [u8; RECORD_BYTES] {
    let mut out = [0u8; RECORD_BYTES];
    let mut at = 0;
    let mut put = |bytes: &[u8]| {
        out[at..at + bytes.len()].copy_from_slice(bytes);
        at += bytes.len();
    };
    let (kind, person, predecessor, organization, role) = *key;
    put(&[kind_number(kind)]);
    for number in [person, predecessor.unwrap_or(NONE), organization.unwrap_or(NONE), role.unwrap_or(NONE)] {
        put(&number.to_le_bytes());
    }
    put(&support.article.to_le_bytes());
    put(&support.index.to_le_bytes());
    put(&[modality_number(support.modality)]);
    put(&support.confidence.to_bits().to_le_bytes());
    let (tag, a, b) = match support.date {
        None => (0u8, 0i32, 0u32),
        Some(FactDate::Day(day)) => (1, day.num_days_from_ce(), 0),
        Some(FactDate::Month(year, month)) => (2, year, month),
        Some(FactDate::Year(year)) => (3, year, 0),
    };
    put(&[tag]);
    put(&a.to_le_bytes());
    put(&b.to_le_bytes());
    put(&support.role.unwrap_or(NONE).to_le_bytes());
    put(&[u8::from(support.former)]);
    debug_assert_eq!(at, RECORD_BYTES);
    out
}

fn decode(record: &[u8; RECORD_BYTES]) -> io::Result<Stated> {
    let corrupt = || io::Error::new(io::ErrorKind::InvalidData, "a sorted run of facts is corrupt");
    let u32_at = |at: usize| u32::from_le_bytes(record[at..at + 4].try_into().expect("four bytes"));
    let optional = |n: u32| (n != NONE).then_some(n);
    let kind = kind_of(record[0]).ok_or_else(corrupt)?;
    let key = (kind, u32_at(1), optional(u32_at(5)), optional(u32_at(9)), optional(u32_at(13)));
    let (a, b) = (u32_at(31) as i32, u32_at(35));
    let date = match record[30] {
        0 => None,
        1 => Some(FactDate::Day(NaiveDate::from_num_days_from_ce_opt(a).ok_or_else(corrupt)?)),
        2 => Some(FactDate::Month(a, b)),
        3 => Some(FactDate::Year(a)),
        _ => return Err(corrupt()),
    };
    let support = Support {
        article: u32_at(17),
        index: u32_at(21),
        modality: modality_of(record[25]).ok_or_else(corrupt)?,
        confidence: f32::from_bits(u32_at(26)),
        date,
        role: optional(u32_at(39)),
        former: record[43] != 0,
    };
    Ok((key, support))
}

const KINDS: [FactKind; 4] = [FactKind::Left, FactKind::Replaces, FactKind::Joins, FactKind::HoldsRole];
const MODALITIES: [Modality; 4] = [Modality::Asserted, Modality::Future, Modality::Hedged, Modality::Negated];

fn kind_number(kind: FactKind) -> u8 {
    KINDS.iter().position(|&k| k == kind).expect("every kind is listed") as u8
}

fn kind_of(number: u8) -> Option<FactKind> {
    KINDS.get(number as usize).copied()
}

fn modality_number(modality: Modality) -> u8 {
    MODALITIES.iter().position(|&m| m == modality).expect("every modality is listed") as u8
}

fn modality_of(number: u8) -> Option<Modality> {
    MODALITIES.get(number as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(kind: FactKind, person: u32, role: Option<u32>, article: u32, date: Option<FactDate>) -> Stated {
        let support = Support { article, index: 7, modality: Modality::Hedged, confidence: 0.625, date, role, former: article % 2 == 0 };
        ((kind, person, Some(3), None, role), support)
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        for date in [None, Some(FactDate::Day(day)), Some(FactDate::Month(2025, 11)), Some(FactDate::Year(-44))] {
            let fact = stated(FactKind::Replaces, 12, Some(2), 9, date);
            let back = decode(&encode(&fact)).unwrap();
            assert_eq!((back.0, back.1.article, back.1.index, back.1.modality, back.1.date, back.1.role, back.1.former), (fact.0, 9, 7, Modality::Hedged, date, Some(2), false));
            assert_eq!(back.1.confidence, 0.625);
        }
    }

    #[test]
    fn runs_on_disk_give_the_order_of_one_sort_in_memory() {
        // Role texts out of their number order, so the order by text differs from the order by number.
        let roles: Vec<String> = ["treasurer", "board member", "chief executive"].map(String::from).to_vec();
        let facts: Vec<Stated> = (0..200u32)
            .map(|i| {
                let kind = KINDS[(i * 7 % 4) as usize];
                let role = [None, Some(0), Some(1), Some(2)][(i * 5 % 4) as usize];
                stated(kind, i * 13 % 6, role, i, None)
            })
            .collect();
        let mut expected = facts.clone();
        expected.sort_by(|a, b| compare(&a.0, &b.0, &roles));
        // One fact a run, three (67 runs, and the 200th in memory), and everything in memory.
        for (budget, runs_expected) in [(0, 200), (3 * BUFFERED_BYTES, 66), (usize::MAX, 0)] {
            let mut runs = FactRuns::new(budget);
            for fact in &facts {
                runs.push(fact.clone(), &roles).unwrap();
            }
            let spilled = runs.runs();
            assert_eq!(spilled, runs_expected);
            let sorted: Vec<(FactKey, u32)> = runs.into_sorted(&roles).unwrap().map(|s| s.map(|(k, s)| (k, s.article)).unwrap()).collect();
            assert_eq!(sorted, expected.iter().map(|(k, s)| (*k, s.article)).collect::<Vec<_>>(), "budget {budget}, {spilled} runs");
        }
    }
}

//! The steps of `AcrossDocuments::resolve` one at a time, for a cluster (`scripts/spark/`): the cluster
//! moves every record of one block to one partition (it partitions lines by their KEY), and a step reads
//! a partition's lines, sorts them as the single process does and works on one block at a time. Run in
//! the order of `resolve`, rounds repeated until a surname round writes no `M` line, the steps give the
//! global entities `resolve` gives, whatever the partitioning.
//!
//! Lines are `TAG\tKEY\tJSON`; KEY is JSON too, so neither holds a tab or a newline:
//! - `mentions` writes `B\t(kind, key)\tmention`, one per entity of a document;
//! - `candidates` (blocks by kind and key) writes routed candidates: `G\tgiven name\tcandidate` (people
//!   with a full name), `S\tsurname\tcandidate` (a surname alone), `E\t\tcandidate` (organisations and
//!   places: resolved);
//! - `by-given-name` (blocks of `G` lines) writes every full name by its surname: `S` lines;
//! - `by-surname` (blocks of `S` lines) writes routed candidates (`G`, `S`), and one `M` line when a
//!   block merged anything: another round is due.
//!
//! The candidates of the last round and the `E` lines are the global entities (`global_entity`).

use super::{blocks, candidates, merge_people, person_block, Candidate, EntityMention};
use super::{into_global, AcrossDocuments, DocumentEntities, GlobalEntity};
use crate::pipeline::SortedRuns;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{self, BufRead, Write};

/// A step's input: `(KEY, record)` pairs of one partition, sorted within `memory` bytes.
fn sorted_input<T: Ord + Serialize + DeserializeOwned>(input: impl BufRead, memory: usize, parse: impl Fn(&str, &str) -> io::Result<T>) -> io::Result<crate::pipeline::Sorted<T>> {
    let mut runs = SortedRuns::new(memory);
    each_line(input, |_, key, json| runs.push(parse(key, json)?))?;
    runs.into_sorted()
}

/// Calls `each(tag, key, json)` for every non-empty line of `input`.
pub fn each_line(input: impl BufRead, mut each: impl FnMut(&str, &str, &str) -> io::Result<()>) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if !line.is_empty() {
            let (tag, key, json) = split_line(&line)?;
            each(tag, key, json)?;
        }
    }
    Ok(())
}

/// `TAG\tKEY\tJSON` into its three fields.
pub fn split_line(line: &str) -> io::Result<(&str, &str, &str)> {
    let mut fields = line.splitn(3, '\t');
    match (fields.next(), fields.next(), fields.next()) {
        (Some(tag), Some(key), Some(json)) => Ok((tag, key, json)),
        _ => Err(invalid(format!("not a TAG<TAB>KEY<TAB>JSON line: {:.80}", line))),
    }
}

pub fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// A record (or KEY) of a line, with the start of the text when it is not one.
pub fn parse<T: DeserializeOwned>(json: &str) -> io::Result<T> {
    serde_json::from_str(json).map_err(|e| invalid(format!("{e}: {:.80}", json)))
}

pub fn write_line(out: &mut impl Write, tag: &str, key: &impl Serialize, record: &impl Serialize) -> io::Result<()> {
    write!(out, "{tag}\t")?;
    serde_json::to_writer(&mut *out, key)?;
    out.write_all(b"\t")?;
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Document `doc`'s entities as `B` lines, blocked by kind and key.
pub fn mentions(doc: u32, entities: &DocumentEntities, out: &mut impl Write) -> io::Result<()> {
    for mention in AcrossDocuments::mentions_of(doc, entities) {
        write_line(out, "B", &(mention.0, &mention.1), &mention)?;
    }
    Ok(())
}

/// Candidates out, as `resolve` routes them.
fn write_routed(candidate: Candidate, out: &mut impl Write) -> io::Result<()> {
    match candidate.kind {
        crate::model::EntityKind::Person => match person_block(&candidate) {
            (true, given_name) => write_line(out, "G", &given_name, &candidate),
            (false, surname) => write_line(out, "S", &surname, &candidate),
        },
        _ => write_line(out, "E", &"", &candidate),
    }
}

/// `B` lines (all of a block in this partition) to routed candidates.
pub fn candidates_step(input: impl BufRead, out: &mut impl Write, memory: usize) -> io::Result<()> {
    let mentions = sorted_input(input, memory, |_, json| parse::<EntityMention>(json))?;
    for candidate in candidates(mentions) {
        write_routed(candidate?, out)?;
    }
    Ok(())
}

/// `G` lines to `S` lines: spelling variants of one given name merged, each full name on to its surname.
pub fn given_name_step(input: impl BufRead, out: &mut impl Write, memory: usize) -> io::Result<()> {
    let sorted = sorted_input(input, memory, |key, json| Ok((parse::<String>(key)?, parse::<Candidate>(json)?)))?;
    for block in blocks(sorted) {
        for candidate in merge_people(block?).0 {
            let surname = candidate.key.last().expect("a full name").clone();
            write_line(out, "S", &surname, &candidate)?;
        }
    }
    Ok(())
}

/// `S` lines to routed candidates: surnames alone joined to their full names; `M` when any merged.
pub fn surname_step(input: impl BufRead, out: &mut impl Write, memory: usize) -> io::Result<()> {
    let sorted = sorted_input(input, memory, |key, json| Ok((parse::<String>(key)?, parse::<Candidate>(json)?)))?;
    let mut merged = false;
    for block in blocks(sorted) {
        let (people, merged_here) = merge_people(block?);
        merged |= merged_here;
        for candidate in people {
            write_routed(candidate, out)?;
        }
    }
    if merged {
        write_line(out, "M", &"", &true)?;
    }
    Ok(())
}

/// The global entity of a candidate of the last round (the JSON of an `E`, `G` or `S` line).
pub fn global_entity(json: &str) -> io::Result<GlobalEntity> {
    Ok(into_global(parse::<Candidate>(json)?))
}

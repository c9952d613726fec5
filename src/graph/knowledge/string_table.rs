//! Strings numbered in the order they are added, kept on disk and read back one by one: the IRIs of the
//! articles and of the global entities, which a run over millions of articles would otherwise hold in
//! memory. Two temporary files: the strings one after the other, and where each ends (8 bytes each).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

pub(super) struct StringTable {
    texts: BufWriter<File>,
    ends: BufWriter<File>,
    written: u64,
    len: u32,
}

impl StringTable {
    pub fn new() -> io::Result<Self> {
        Ok(Self { texts: BufWriter::new(tempfile::tempfile()?), ends: BufWriter::new(tempfile::tempfile()?), written: 0, len: 0 })
    }

    /// Adds `text` as number `len()`.
    pub fn push(&mut self, text: &str) -> io::Result<()> {
        self.texts.write_all(text.as_bytes())?;
        self.written += text.len() as u64;
        self.ends.write_all(&self.written.to_le_bytes())?;
        self.len += 1;
        Ok(())
    }

    pub fn len(&self) -> u32 {
        self.len
    }

    /// The table, read from here on.
    pub fn finish(self) -> io::Result<StringReader> {
        let file = |out: BufWriter<File>| out.into_inner().map_err(|e| e.into_error());
        Ok(StringReader { texts: file(self.texts)?, ends: file(self.ends)?, len: self.len })
    }
}

pub(super) struct StringReader {
    texts: File,
    ends: File,
    len: u32,
}

impl StringReader {
    /// String number `number`.
    pub fn get(&self, number: u32) -> io::Result<String> {
        if number >= self.len {
            return Err(io::Error::other(format!("string {number} of a table of {}", self.len)));
        }
        // The end of the string before and of this one.
        let (start, end) = if number == 0 {
            let mut end = [0u8; 8];
            self.ends.read_exact_at(&mut end, 0)?;
            (0, u64::from_le_bytes(end))
        } else {
            let mut ends = [0u8; 16];
            self.ends.read_exact_at(&mut ends, (u64::from(number) - 1) * 8)?;
            (u64::from_le_bytes(ends[..8].try_into().expect("8 bytes")), u64::from_le_bytes(ends[8..].try_into().expect("8 bytes")))
        };
        let mut text = vec![0u8; (end - start) as usize];
        self.texts.read_exact_at(&mut text, start)?;
        String::from_utf8(text).map_err(io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_by_number() {
        let mut table = StringTable::new().unwrap();
        for text in ["urn:a", "", "urn:é", "urn:last"] {
            table.push(text).unwrap();
        }
        assert_eq!(table.len(), 4);
        let table = table.finish().unwrap();
        let got: Vec<String> = (0..4).map(|i| table.get(i).unwrap()).collect();
        assert_eq!(got, ["urn:a", "", "urn:é", "urn:last"]);
        assert!(table.get(4).is_err());
    }
}

//! Offsets into an article's text. Inside the pipeline every offset is a byte offset into the UTF-8
//! text as given; output converts once to Unicode code points (what W3C Web Annotation selectors count).

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `[start, end)` into an article's text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Panics if the span does not fall on char boundaries of `text`,
    /// which would be a bug in whichever stage produced it.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The same span counted in Unicode code points, for output.
    pub fn to_char_offsets(&self, text: &str) -> (usize, usize) {
        let start = text[..self.start].chars().count();
        let len = text[self.start..self.end].chars().count();
        (start, start + len)
    }
}

/// Converts byte offsets of one text to code-point offsets, cheaply when asked in increasing order
/// (a document's mentions and sentences are), instead of counting from the start every time.
pub struct CharOffsets<'t> {
    text: &'t str,
    last_byte: usize,
    last_char: usize,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        Self { text, last_byte: 0, last_char: 0 }
    }

    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.last_byte {
            self.last_byte = 0;
            self.last_char = 0;
        }
        self.last_char += self.text[self.last_byte..byte].chars().count();
        self.last_byte = byte;
        self.last_char
    }

    pub fn span(&mut self, span: ByteSpan) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points_not_bytes() {
        let text = "Élodie a quitté l’entreprise.";
        let start = text.find("quitté").unwrap();
        let span = ByteSpan::new(start, start + "quitté".len());
        assert_eq!(span.slice(text), "quitté");
        assert_eq!(span.to_char_offsets(text), (9, 15));
        let mut offsets = CharOffsets::new(text);
        assert_eq!(offsets.span(span), (9, 15));
        assert_eq!(offsets.char_offset(2), 1, "going back restarts the count");
    }
}

//! Plain-text articles: one article per file, the file stem as id. The first line is the title when a
//! blank line follows it. The text kept is the whole file, so offsets point into the file as given.

use super::{ReadError, ReadRecord};
use crate::model::{Article, ArticleId, Origin};
use std::io::Read;
use std::path::Path;

pub fn read_text_article(mut reader: impl Read, path: &Path, max_bytes: usize, gzip: bool) -> Result<ReadRecord, ReadError> {
    let mut bytes = Vec::new();
    let read = reader.by_ref().take(max_bytes as u64 + 1).read_to_end(&mut bytes);
    if let Err(err) = read {
        return Err(if gzip { ReadError::Gzip(err) } else { ReadError::Unreadable(err) });
    }
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge { limit: max_bytes });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 { valid_up_to: e.utf8_error().valid_up_to() })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(ReadError::EmptyText);
    }
    let article = Article {
        id: ArticleId::given(file_stem(path)),
        title: title_line(&text).map(str::to_string),
        text,
        url: None,
        date: None,
        declared_lang: None,
        source: None,
    };
    Ok(ReadRecord { article, origin: Origin { file: path.to_path_buf(), line: None }, warnings: Vec::new(), seq: None })
}

/// The file name without `.txt` / `.txt.gz`.
fn file_stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    for suffix in [".txt.gz", ".txt"] {
        if lower.ends_with(suffix) {
            return name[..name.len() - suffix.len()].to_string();
        }
    }
    name
}

/// The first line, when it is followed by a blank line.
fn title_line(text: &str) -> Option<&str> {
    let mut lines = text.lines();
    let first = lines.next()?.trim();
    let second = lines.next()?;
    (!first.is_empty() && second.trim().is_empty()).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_line_only_before_a_blank_line() {
        assert_eq!(title_line("Acme names a new CEO\n\nBody text."), Some("Acme names a new CEO"));
        assert_eq!(title_line("First sentence.\nSecond line."), None);
        assert_eq!(file_stem(Path::new("dir/007_story.TXT.gz")), "007_story");
    }

    #[test]
    fn keeps_the_whole_file_as_text_without_a_bom() {
        let record = read_text_article(&b"\xef\xbb\xbfTitle\n\nBody."[..], Path::new("a.txt"), 100, false).unwrap();
        assert_eq!(record.article.text, "Title\n\nBody.");
        assert_eq!(record.article.title.as_deref(), Some("Title"));
        assert_eq!(record.article.id.as_str(), "a");
    }
}

//! Metadata kept beside plain-text articles: a JSONL file with one `{"id": ..., "date": ..., "url": ...}`
//! line per article, as annotated corpora lay them out (`docs/ID.txt` with `meta.jsonl`). A text file
//! carries no publication date of its own, and the date is what tells an event still to come from one
//! done ("takes over on 1 July 2018" in an article of March 2018).

use super::date::parse_published_date;
use crate::model::{Article, PublishedDate};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Sidecar {
    by_id: HashMap<String, Entry>,
}

#[derive(Debug, Default)]
struct Entry {
    date: Option<PublishedDate>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct Line {
    id: String,
    date: Option<String>,
    url: Option<String>,
}

impl Sidecar {
    /// Reads a metadata file; a line that is not such a record is an error naming the line, a date in
    /// no accepted form is left out.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let file = std::io::BufReader::new(std::fs::File::open(path)?);
        let mut by_id = HashMap::new();
        for (number, line) in file.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Line = serde_json::from_str(&line)
                .map_err(|e| std::io::Error::other(format!("{} line {}: not a metadata record ({e})", path.display(), number + 1)))?;
            let date = record.date.as_deref().and_then(parse_published_date);
            by_id.insert(record.id, Entry { date, url: record.url });
        }
        Ok(Self { by_id })
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Fills in what the article itself does not say.
    pub fn complete(&self, article: &mut Article) {
        if let Some(entry) = self.by_id.get(article.id.as_str()) {
            article.date = article.date.or(entry.date);
            if article.url.is_none() {
                article.url.clone_from(&entry.url);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;

    #[test]
    fn a_text_article_takes_its_date_and_address_from_the_metadata_file() {
        let dir = std::env::temp_dir().join(format!("newsgraph-sidecar-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("meta.jsonl");
        std::fs::write(&path, "{\"id\": \"en-001\", \"date\": \"2018-03-05\", \"url\": \"https://example.org/a\"}\n\n{\"id\": \"en-002\", \"date\": null}\n").unwrap();
        let sidecar = Sidecar::read(&path).unwrap();
        assert_eq!(sidecar.len(), 2);
        let article = |id: &str| Article { id: ArticleId::given(id.to_string()), text: "Text.".into(), title: None, url: None, date: None, declared_lang: None, source: None };
        let mut first = article("en-001");
        sidecar.complete(&mut first);
        assert_eq!(first.date.map(|d| d.to_xsd()).as_deref(), Some("2018-03-05"));
        assert_eq!(first.url.as_deref(), Some("https://example.org/a"));
        let mut second = article("en-002");
        sidecar.complete(&mut second);
        assert_eq!(second.date, None);

        std::fs::write(&path, "{\"date\": \"2018-03-05\"}\n").unwrap();
        let error = Sidecar::read(&path).unwrap_err().to_string();
        assert!(error.contains("line 1: not a metadata record"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! Turns one JSON record into an article: field types checked, dates parsed, a stable id assigned.

use super::date::parse_published_date;
use super::error::{json_type_name, ReadError};
use crate::model::{Article, ArticleId};
use serde_json::{Map, Value};

/// An article and the warnings met while reading it (kept, not fatal: the article is still written).
#[derive(Debug)]
pub struct ParsedRecord {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// The date fields we accept, in order of preference.
const DATE_FIELDS: [&str; 3] = ["date", "published", "datePublished"];

/// What an article record is partly made of before it fails: its id, for the error report.
pub fn id_hint(line: &str) -> Option<String> {
    let value: Value = serde_json::from_str(line).ok()?;
    match value.get("id")? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub fn parse_record(line: &str) -> Result<ParsedRecord, ReadError> {
    let value: Value = serde_json::from_str(line).map_err(ReadError::MalformedJson)?;
    let Value::Object(fields) = value else {
        return Err(ReadError::NotAnObject { found: json_type_name(&value) });
    };
    let text = match fields.get("text") {
        None | Some(Value::Null) => return Err(ReadError::MissingText),
        Some(Value::String(text)) => text.clone(),
        Some(other) => return Err(wrong_type("text", "a string", other)),
    };
    if text.trim().is_empty() {
        return Err(ReadError::EmptyText);
    }
    let url = optional_string(&fields, "url")?;
    let id = match fields.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(ArticleId::given(s.trim())),
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => Some(ArticleId::given(n.to_string())),
        Some(other) => return Err(wrong_type("id", "a string or an integer", other)),
    };
    let id = id.unwrap_or_else(|| match &url {
        Some(url) => ArticleId::from_url(url),
        None => ArticleId::from_text(&text),
    });

    let mut warnings = Vec::new();
    let mut date = None;
    for field in DATE_FIELDS {
        if let Some(raw) = optional_string(&fields, field)? {
            match parse_published_date(&raw) {
                Some(parsed) => date = Some(parsed),
                None => warnings.push(format!("unparseable `{field}` {raw:?}: date left out")),
            }
            break;
        }
    }

    let article = Article {
        id,
        text,
        title: optional_string(&fields, "title")?,
        url,
        date,
        declared_lang: optional_string(&fields, "lang")?,
        source: optional_string(&fields, "source")?,
    };
    Ok(ParsedRecord { article, warnings })
}

/// A string field that may be absent or null; blank strings count as absent.
fn optional_string(fields: &Map<String, Value>, field: &'static str) -> Result<Option<String>, ReadError> {
    match fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(other) => Err(wrong_type(field, "a string", other)),
    }
}

fn wrong_type(field: &'static str, expected: &'static str, found: &Value) -> ReadError {
    ReadError::WrongFieldType { field, expected, found: json_type_name(found) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_known_field_and_ignores_unknown_ones() {
        let line = r#"{"id":"a1","text":"Body.","title":"T","url":"https://n.example/a1",
            "published":"2024-05-02","lang":"fr","source":"Le Moniteur","html":"<p>x</p>"}"#;
        let record = parse_record(&line.replace('\n', "")).unwrap();
        let a = record.article;
        assert_eq!(a.id.as_str(), "a1");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.date.unwrap().to_xsd(), "2024-05-02");
        assert_eq!(a.declared_lang.as_deref(), Some("fr"));
        assert_eq!(a.source.as_deref(), Some("Le Moniteur"));
        assert!(record.warnings.is_empty());
    }

    #[test]
    fn derives_ids_from_url_then_text() {
        let from_url = parse_record(r#"{"text":"Body.","url":"https://n.example/x"}"#).unwrap();
        assert_eq!(from_url.article.id, ArticleId::from_url("https://n.example/x"));
        let from_text = parse_record(r#"{"text":"Body."}"#).unwrap();
        assert_eq!(from_text.article.id, ArticleId::from_text("Body."));
        let numeric = parse_record(r#"{"id":42,"text":"Body."}"#).unwrap();
        assert_eq!(numeric.article.id.as_str(), "42");
    }

    #[test]
    fn an_unparseable_date_is_a_warning_not_a_failure() {
        let record = parse_record(r#"{"text":"Body.","date":"yesterday"}"#).unwrap();
        assert_eq!(record.article.date, None);
        assert_eq!(record.warnings, vec!["unparseable `date` \"yesterday\": date left out".to_string()]);
    }

    #[test]
    fn bad_records_say_why() {
        let reason = |line: &str| parse_record(line).unwrap_err().to_string();
        assert_eq!(reason(r#"{"title":"x"}"#), "record has no `text` field");
        assert_eq!(reason(r#"{"text":"  "}"#), "`text` is empty");
        assert_eq!(reason(r#"{"text":42}"#), "field `text` must be a string, found a number");
        assert_eq!(reason(r#"{"text":"x","title":["a"]}"#), "field `title` must be a string, found an array");
        assert_eq!(reason(r#"[1,2]"#), "record is not a JSON object (found an array)");
        assert!(reason(r#"{"text": "unterminated"#).starts_with("malformed JSON: "));
    }
}

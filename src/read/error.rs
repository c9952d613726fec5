//! Why a record could not be read. Every variant ends up as one line of the run's error report.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read file: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("unsupported input type (expected .jsonl, .jsonl.gz, .txt, .txt.gz, a directory or -)")]
    UnsupportedInput,
    #[error("gzip stream truncated or corrupt: {0}")]
    Gzip(#[source] std::io::Error),
    #[error("malformed JSON: {0}")]
    MalformedJson(#[source] serde_json::Error),
    #[error("record is not a JSON object (found {found})")]
    NotAnObject { found: &'static str },
    #[error("record has no `text` field")]
    MissingText,
    #[error("numbered input: the line does not start with a record number and a tab")]
    UnnumberedLine,
    #[error("`text` is empty")]
    EmptyText,
    #[error("field `{field}` must be {expected}, found {found}")]
    WrongFieldType { field: &'static str, expected: &'static str, found: &'static str },
    #[error("invalid UTF-8 at byte {valid_up_to} of the record")]
    InvalidUtf8 { valid_up_to: usize },
    #[error("record is larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the input holds no record")]
    NoRecords,
    #[error("the directory holds no file of a kind we read (.jsonl, .ndjson, .txt, each optionally .gz)")]
    NoInputFiles,
}

impl ReadError {
    /// An input that gave nothing to read: said on standard error as well as in the error report.
    pub fn is_empty_input(&self) -> bool {
        matches!(self, ReadError::NoRecords | ReadError::NoInputFiles)
    }
}

/// The JSON type name of a value, for error messages.
pub(crate) fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

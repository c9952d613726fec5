//! Facts about people and organisations, extracted from one document, each with its evidence.

use super::ByteSpan;
use serde::{Deserialize, Serialize};

/// What a fact says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactKind {
    /// A person leaves an organisation, or a role at it.
    Left,
    /// A person takes over the role another held.
    Replaces,
    /// A person is appointed, named, hired, promoted or elected, or joins.
    Joins,
    /// A person holds a role at an organisation.
    HoldsRole,
}

impl FactKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FactKind::Left => "left",
            FactKind::Replaces => "replaces",
            FactKind::Joins => "joins",
            FactKind::HoldsRole => "holds_role",
        }
    }
}

/// How the text presents a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Modality {
    /// It happened.
    Asserted,
    /// It is announced, or will happen.
    Future,
    /// It is only reported as considered, rumoured or likely.
    Hedged,
    /// It is denied, or will not happen.
    Negated,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hedged => "hedged",
            Modality::Negated => "negated",
        }
    }
}

/// A role as the text writes it and as an English canonical title ("directeur des revenus" -> "chief
/// revenue officer").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Role {
    pub written: String,
    pub normalized: String,
}

/// When a fact takes effect, as precisely as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactDate {
    Day(chrono::NaiveDate),
    /// Year and month (1-12).
    Month(i32, u32),
    Year(i32),
}

impl FactDate {
    /// Whether the whole of this date lies after `day` ("July 2018" after 30 June 2018, not after 5 July).
    pub fn is_after(&self, day: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        match *self {
            FactDate::Day(date) => date > day,
            FactDate::Month(year, month) => (year, month) > (day.year(), day.month()),
            FactDate::Year(year) => year > day.year(),
        }
    }

    /// The XML Schema lexical form and datatype: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
    pub fn to_xsd(&self) -> (String, &'static str) {
        match self {
            FactDate::Day(day) => (day.format("%Y-%m-%d").to_string(), "xsd:date"),
            FactDate::Month(year, month) => (format!("{year:04}-{month:02}"), "xsd:gYearMonth"),
            FactDate::Year(year) => (format!("{year:04}"), "xsd:gYear"),
        }
    }
}

/// One fact. People and organisations are indices into the document's entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub kind: FactKind,
    /// Who leaves, joins or holds the role; for `Replaces`, the successor.
    pub person: usize,
    /// For `Replaces`: the predecessor.
    pub predecessor: Option<usize>,
    pub organization: Option<usize>,
    pub role: Option<Role>,
    pub modality: Modality,
    /// For `HoldsRole`: the text says the role is a past one ("former chief executive").
    pub former: bool,
    /// When it takes effect, when the sentence says (read against the article's date where relative).
    pub date: Option<FactDate>,
    /// The sentence that states the fact (its span and index).
    pub evidence: ByteSpan,
    pub sentence: usize,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f32,
}

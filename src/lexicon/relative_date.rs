//! A relative date expression of a lexicon ("next month" = `month+1`): its unit and its offset from
//! the article date. The relation stage resolves it against an article's date.

/// A unit of a relative date expression and its offset from the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Days(i64),
    Months(i32),
    Years(i32),
}

impl Relative {
    /// "day+1", "month-1", "year+0".
    pub fn parse(text: &str) -> Option<Self> {
        let at = text.find(['+', '-'])?;
        let (unit, offset) = text.split_at(at);
        let offset: i64 = offset.trim_start_matches('+').parse().ok()?;
        match unit {
            "day" => Some(Relative::Days(offset)),
            "month" => Some(Relative::Months(offset as i32)),
            "year" => Some(Relative::Years(offset as i32)),
            _ => None,
        }
    }
}

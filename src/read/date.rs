//! Publication dates as news dumps write them: ISO 8601 days and instants, and RFC 2822 (RSS).

use crate::model::PublishedDate;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses a date string; `None` when no accepted form fits. An instant without a UTC offset is taken
/// as UTC, since dumps that omit the offset almost always mean it.
pub fn parse_published_date(raw: &str) -> Option<PublishedDate> {
    let raw = raw.trim();
    if let Ok(day) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Some(PublishedDate::Day(day));
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(raw) {
        return Some(PublishedDate::Instant(instant));
    }
    // ISO 8601 with a basic offset (+0100) rather than RFC 3339's +01:00.
    for format in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%z"] {
        if let Ok(instant) = DateTime::parse_from_str(raw, format) {
            return Some(PublishedDate::Instant(instant));
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(PublishedDate::Instant(naive.and_utc().fixed_offset()));
        }
    }
    DateTime::parse_from_rfc2822(raw).ok().map(PublishedDate::Instant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xsd(raw: &str) -> Option<String> {
        parse_published_date(raw).map(|d| d.to_xsd())
    }

    #[test]
    fn accepts_iso_days_instants_and_rfc2822() {
        assert_eq!(xsd("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(xsd("2024-03-05T14:30:00+01:00").as_deref(), Some("2024-03-05T14:30:00+01:00"));
        assert_eq!(xsd("2024-03-05T14:30:00Z").as_deref(), Some("2024-03-05T14:30:00+00:00"));
        assert_eq!(xsd("2024-03-05T14:30:00").as_deref(), Some("2024-03-05T14:30:00+00:00"));
        assert_eq!(xsd("2024-03-05T14:30:00+0200").as_deref(), Some("2024-03-05T14:30:00+02:00"));
        assert_eq!(xsd("Tue, 05 Mar 2024 14:30:00 GMT").as_deref(), Some("2024-03-05T14:30:00+00:00"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(xsd("last Tuesday"), None);
        assert_eq!(xsd("2024-13-45"), None);
    }
}

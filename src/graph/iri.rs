//! IRIs of the things the graph describes. They are derived from content (article ids), never from
//! counters, so the same input gives the same IRIs in every run.

use crate::model::ArticleId;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The namespace of the project's own vocabulary (`ng:`).
pub const VOCABULARY_NAMESPACE: &str = "https://w3id.org/newsgraph/ns#";

/// Everything but RFC 3986 unreserved characters is escaped, so any id makes a valid IRI.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Global entity keys ("person/john-hegeman") keep their slash readable.
const ESCAPED_KEY: &AsciiSet = &ESCAPED.remove(b'/');

/// The IRI of an entity resolved across articles: its resolution key, so it is the same in every run.
pub fn entity_key_iri(key: &str) -> String {
    format!("urn:newsgraph:entity:{}", utf8_percent_encode(key, ESCAPED_KEY))
}

pub fn article_iri(id: &ArticleId) -> String {
    format!("urn:newsgraph:article:{}", utf8_percent_encode(id.as_str(), ESCAPED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_id_becomes_a_valid_iri() {
        assert_eq!(article_iri(&ArticleId::given("000_195f")), "urn:newsgraph:article:000_195f");
        assert_eq!(article_iri(&ArticleId::given("a b/é?")), "urn:newsgraph:article:a%20b%2F%C3%A9%3F");
    }
}

//! Names that read like an organisation's but are none by the annotation guidelines: stock indexes and
//! sports leagues (`data/not_organizations.toml`). Knowledge as data: the list is the file's.

use super::fold;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotOrganizationsFile {
    stock_indexes: Vec<String>,
    leagues: Vec<String>,
}

static NAMES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let file: NotOrganizationsFile =
        toml::from_str(include_str!("data/not_organizations.toml")).expect("src/lexicon/data/not_organizations.toml is valid");
    file.stock_indexes.iter().chain(&file.leagues).map(|name| fold(name)).collect()
});

/// Is `surface` a stock index's or a league's name ("CAC 40", "Serie A")?
pub fn is_index_or_league(surface: &str) -> bool {
    NAMES.contains(&fold(surface.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_and_leagues_are_known_whatever_the_case_and_accents() {
        assert!(is_index_or_league("CAC 40"));
        assert!(is_index_or_league("Serie C"));
        assert!(is_index_or_league("serie a"));
        assert!(!is_index_or_league("Deutsche Börse"));
    }
}

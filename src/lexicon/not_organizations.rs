//! Names that read like an organisation's but are none by the annotation guidelines: stock indexes,
//! sports leagues and cups, common nouns written in capitals ("IA", "IPO") and a press release's heading
//! (`data/not_organizations.toml`).
//! Knowledge as data: the lists are the file's.

use super::fold;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotOrganizationsFile {
    stock_indexes: Vec<String>,
    leagues: Vec<String>,
    common_nouns_in_capitals: Vec<String>,
    press_release_headings: Vec<String>,
}

static NAMES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let file: NotOrganizationsFile =
        toml::from_str(include_str!("data/not_organizations.toml")).expect("src/lexicon/data/not_organizations.toml is valid");
    file.stock_indexes.iter().chain(&file.leagues).chain(&file.common_nouns_in_capitals).chain(&file.press_release_headings).map(|name| fold(name)).collect()
});

/// Is `surface` a stock index's or a league's name ("CAC 40", "Serie A"), or a common noun's
/// abbreviation ("IA")?
pub fn names_no_organization(surface: &str) -> bool {
    NAMES.contains(&fold(surface.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_leagues_and_common_nouns_are_known_whatever_the_case_and_accents() {
        assert!(names_no_organization("CAC 40"));
        assert!(names_no_organization("Serie C"));
        assert!(names_no_organization("serie a"));
        assert!(names_no_organization("IA"));
        assert!(names_no_organization("COMMUNIQUÉ DE PRESSE"));
        assert!(names_no_organization("EBITDA"));
        assert!(!names_no_organization("Deutsche Börse"));
        assert!(!names_no_organization("IAG"));
    }
}

//! Names of news outlets: agencies, broadcasters, and names built on a press word ("Financial Times",
//! "Handelsblatt", "Corriere della Sera") (`data/news_outlets.toml`). An outlet that says something is a
//! cited source; another organisation that says something speaks of its own news. Knowledge as data: the
//! lists are the file's.

use super::fold;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewsOutletsFile {
    agencies: Vec<String>,
    broadcasters: Vec<String>,
    press_words: Vec<String>,
}

/// Each entry as its folded words (lower case, no accents), as the sentence's words are compared.
static OUTLET_WORDS: LazyLock<BTreeSet<Vec<String>>> = LazyLock::new(|| {
    let file: NewsOutletsFile = toml::from_str(include_str!("data/news_outlets.toml")).expect("src/lexicon/data/news_outlets.toml is valid");
    file.agencies.iter().chain(&file.broadcasters).chain(&file.press_words).map(|entry| entry.split_whitespace().map(fold).collect()).collect()
});

/// Is the name, as folded words, a news outlet's: does it hold an agency's, a broadcaster's or a press
/// word ("reuters", "financial times", "el pais")?
pub fn names_news_outlet(folded: &[String]) -> bool {
    OUTLET_WORDS.iter().any(|entry| folded.windows(entry.len()).any(|w| w == entry.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        name.split_whitespace().map(fold).collect()
    }

    #[test]
    fn agencies_broadcasters_and_press_names_are_outlets_and_companies_are_not() {
        assert!(names_news_outlet(&words("Reuters")));
        assert!(names_news_outlet(&words("Financial Times")));
        assert!(names_news_outlet(&words("Europa Press")));
        assert!(names_news_outlet(&words("Corriere della Sera")));
        assert!(names_news_outlet(&words("El País")));
        assert!(!names_news_outlet(&words("Brockley Steel")));
        assert!(!names_news_outlet(&words("Europa")));
    }
}

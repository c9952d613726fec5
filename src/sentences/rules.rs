//! Per-language splitting data (abbreviations, sentence openers, months), read from the TOML files in
//! `data/` once per process. Code here knows no words of any language.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// The languages that ship splitting data, with their files.
const DATA_FILES: [(&str, &str); 7] = [
    ("en", include_str!("data/en.toml")),
    ("fr", include_str!("data/fr.toml")),
    ("de", include_str!("data/de.toml")),
    ("es", include_str!("data/es.toml")),
    ("it", include_str!("data/it.toml")),
    ("pt", include_str!("data/pt.toml")),
    ("nl", include_str!("data/nl.toml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    titles: Vec<String>,
    suffixes: Vec<String>,
    openers: Vec<String>,
    months: Vec<String>,
    ordinal_numbers: bool,
}

/// What the splitter needs to know about one language.
#[derive(Debug, Default)]
pub struct LanguageRules {
    /// A full stop after these never ends a sentence ("Mr.", "Dott.").
    pub titles: HashSet<String>,
    /// A full stop after these ends a sentence only before an opener ("Inc.", "S.A.").
    pub suffixes: HashSet<String>,
    /// Words that usually start a sentence.
    pub openers: HashSet<String>,
    /// Month names, lower-cased: "17. Mai" is a date.
    pub months: HashSet<String>,
    /// Whether "17." is usually an ordinal.
    pub ordinal_numbers: bool,
}

impl LanguageRules {
    fn from_file(file: RulesFile) -> Self {
        Self {
            titles: file.titles.into_iter().collect(),
            suffixes: file.suffixes.into_iter().collect(),
            openers: file.openers.into_iter().collect(),
            months: file.months.into_iter().map(|m| m.to_lowercase()).collect(),
            ordinal_numbers: file.ordinal_numbers,
        }
    }

    /// Everything of every language, for text in a language without data of its own.
    fn union<'a>(all: impl Iterator<Item = &'a LanguageRules>) -> Self {
        let mut union = LanguageRules::default();
        for rules in all {
            union.titles.extend(rules.titles.iter().cloned());
            union.suffixes.extend(rules.suffixes.iter().cloned());
            union.openers.extend(rules.openers.iter().cloned());
            union.months.extend(rules.months.iter().cloned());
        }
        // A title in one language can be a sentence end in another: let those be suffixes.
        let ambiguous: Vec<String> = union.titles.intersection(&union.suffixes).cloned().collect();
        for word in ambiguous {
            union.titles.remove(&word);
        }
        union
    }

    /// The rules for an ISO 639-1 code; languages without data get the union of all.
    pub fn for_language(code: &str) -> &'static LanguageRules {
        RULES.by_language.get(code).unwrap_or(&RULES.fallback)
    }
}

struct AllRules {
    by_language: BTreeMap<&'static str, LanguageRules>,
    fallback: LanguageRules,
}

static RULES: LazyLock<AllRules> = LazyLock::new(|| {
    let by_language: BTreeMap<_, _> = DATA_FILES
        .iter()
        .map(|(code, source)| {
            let file: RulesFile = toml::from_str(source).unwrap_or_else(|e| panic!("sentences/data/{code}.toml: {e}"));
            (*code, LanguageRules::from_file(file))
        })
        .collect();
    let fallback = LanguageRules::union(by_language.values());
    AllRules { by_language, fallback }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_loads() {
        for (code, _) in DATA_FILES {
            let rules = LanguageRules::for_language(code);
            assert!(!rules.titles.is_empty() && !rules.openers.is_empty() && rules.months.len() >= 12, "{code}");
        }
        assert!(LanguageRules::for_language("de").ordinal_numbers);
        assert!(LanguageRules::for_language("sv").titles.contains("Dott"));
    }
}

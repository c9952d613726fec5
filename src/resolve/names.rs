//! Name keys for matching: accents and case folded, honorifics and legal forms dropped, tickers reduced
//! to their symbol. Keys compare names; they are never shown.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameWords {
    honorifics: Vec<String>,
    legal_suffixes: Vec<String>,
    sector_words: Vec<String>,
    generic_leading_words: Vec<String>,
    acronym_skipped_words: Vec<String>,
    unit_words: Vec<String>,
    inflection_endings: Vec<String>,
}

struct Lists {
    honorifics: HashSet<String>,
    legal_suffixes: HashSet<String>,
    sector_words: HashSet<String>,
    generic_leading_words: HashSet<String>,
    acronym_skipped_words: HashSet<String>,
    unit_words: HashSet<String>,
    inflection_endings: Vec<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let words: NameWords = toml::from_str(include_str!("data/names.toml")).expect("src/resolve/data/names.toml is valid");
    Lists {
        honorifics: words.honorifics.into_iter().collect(),
        legal_suffixes: words.legal_suffixes.into_iter().collect(),
        sector_words: words.sector_words.into_iter().collect(),
        generic_leading_words: words.generic_leading_words.into_iter().collect(),
        acronym_skipped_words: words.acronym_skipped_words.into_iter().collect(),
        unit_words: words.unit_words.into_iter().collect(),
        inflection_endings: words.inflection_endings,
    }
});

/// Whether an organisation key's leading words `short` may stand for the whole `full` key: `full` starts
/// with them and goes on with words that only say what the organisation does ("harbourline" +
/// "logistics"), or with one or two words none of which makes it a unit, an arm or a sister body of
/// another ("atkins" + "nutritionals", but not "meta" + "superintelligence labs" nor "chelsea fc" +
/// "women"); and the first of them is not too general ("deutsche" + "bank", "cda" + "ferrari"). On the
/// annotated sets the second way halved the organisations found split in two (corpus/dev 14 -> 9).
pub fn leading_words_name_the_whole(short: &[String], full: &[String]) -> bool {
    !short.is_empty()
        && full.len() > short.len()
        && full.starts_with(short)
        && !LISTS.generic_leading_words.contains(&short[0])
        && {
            let tail = &full[short.len()..];
            tail.iter().all(|w| LISTS.sector_words.contains(w)) || (tail.len() <= MAX_TAIL_WORDS && !tail.iter().any(|w| LISTS.unit_words.contains(w)))
        }
}

/// Two organisation keys that are one name in two grammatical forms: word for word the same, or one
/// word the other with an ending the sentence gave it ("deutschen bank" / "deutsche bank",
/// "landesamts fur statistik" / "landesamt fur statistik"). A word too short to carry an ending is
/// compared whole.
pub fn same_name_inflected(a: &[String], b: &[String]) -> bool {
    let inflected = |long: &str, short: &str| {
        short.chars().count() >= MIN_INFLECTED_STEM && LISTS.inflection_endings.iter().any(|e| long.strip_suffix(e.as_str()) == Some(short))
    };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || inflected(x, y) || inflected(y, x))
}

/// Shorter words than this are compared whole: "ag" and "ags", "sv" and "svs" say nothing.
const MIN_INFLECTED_STEM: usize = 4;

/// How many words after the leading ones may still be the same organisation's longer name ("Atkins
/// Nutritionals", "Postmedia Network Canada" after the suffix-free key).
const MAX_TAIL_WORDS: usize = 2;

/// Lower case, ASCII letters for accented ones ("Zoë" -> "zoe"), a final full stop dropped.
pub fn fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase().trim_end_matches('.').to_string()
}

/// The words of a name, possessive and surrounding punctuation removed.
fn words(name: &str) -> Vec<&str> {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '«' | '»' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words with each hyphenated one as its parts: "Rolls-Royce Holdings" -> "Rolls", "Royce", "Holdings".
fn hyphenated_parts(words: Vec<&str>) -> impl Iterator<Item = &str> {
    words.into_iter().flat_map(|w| w.split('-')).filter(|w| !w.is_empty())
}

/// A person's name as folded words without honorifics: "Mr. John Hegeman's" -> ["john", "hegeman"].
pub fn person_key(name: &str) -> Vec<String> {
    let folded: Vec<String> = words(name).into_iter().map(fold).collect();
    let start = folded.iter().position(|w| !LISTS.honorifics.contains(w)).unwrap_or(folded.len());
    folded[start..].to_vec()
}

/// An organisation's name as folded words without legal forms, a ticker as its symbol:
/// "Meta Platforms Inc." -> ["meta", "platforms"]; "META.O" -> ["meta"]; "The Walt Disney Co." -> ["walt", "disney"].
pub fn organization_key(name: &str) -> Vec<String> {
    let words = words(name);
    if let [single] = words[..] {
        if let Some(symbol) = ticker_symbol(single) {
            return vec![symbol.to_lowercase()];
        }
    }
    // German writes a name inside a compound with hyphens ("Telecom-Italia-Chef" beside "Telecom Italia").
    let folded: Vec<String> = hyphenated_parts(words).map(fold).collect();
    let kept: Vec<String> = folded.iter().filter(|w| !LISTS.legal_suffixes.contains(w.as_str())).cloned().collect();
    if kept.is_empty() { folded } else { kept }
}

/// "META.O", "AAPL.OQ", "SIEGn.DE": an upper-case symbol with an exchange suffix (Reuters instrument codes).
pub fn ticker_symbol(word: &str) -> Option<&str> {
    let (symbol, exchange) = word.split_once('.')?;
    let symbol_ok = (1..=6).contains(&symbol.len()) && symbol.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let exchange_ok = (1..=2).contains(&exchange.len()) && exchange.chars().all(|c| c.is_ascii_uppercase());
    (symbol_ok && exchange_ok).then_some(symbol)
}

/// Is a name written as an acronym: two or more letters, all capitals ("WSJ", "V&B", "CNMV")?
pub fn is_acronym(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !surface.contains(char::is_whitespace)
}

/// The acronyms a name of several words may go by, folded: the initials of all its words, legal forms
/// included ("Geothermal Development Company": "gdc"); without the small words between them ("Comisión
/// Nacional del Mercado de Valores": "cnmv"); with a word written in capitals kept whole ("FC Augsburg":
/// "fca"). Hyphenated words count as several ("Ferrovia Centro-Leste": "fcl").
pub fn acronyms(name: &str) -> Vec<String> {
    let parts: Vec<&str> = hyphenated_parts(words(name)).collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let letter = |w: &str, whole_capitals: bool| {
        if whole_capitals && is_acronym(w) {
            fold(w)
        } else {
            fold(w).chars().next().map(String::from).unwrap_or_default()
        }
    };
    let skipped = |w: &&str| LISTS.acronym_skipped_words.contains(&fold(w));
    let mut found: Vec<String> = Vec::new();
    for whole_capitals in [false, true] {
        for skip in [false, true] {
            let acronym: String = parts.iter().filter(|w| !(skip && skipped(w))).map(|w| letter(w, whole_capitals)).collect();
            if acronym.chars().count() >= 2 && !found.contains(&acronym) {
                found.push(acronym);
            }
        }
    }
    found
}

/// Letters a short form may have and still be spelt from the starts of a longer name's words.
const SPELT_LETTERS: std::ops::RangeInclusive<usize> = 2..=10;

/// Can a one-word short form be spelt, in order, from the starts of a longer name's words ("Segob":
/// "SEcretaría de GOBernación"; "KenTrade": "KENya TRADE Network Agency"; "DTE": "Deutsche TElekom";
/// "BMO": "Bank of MOntreal")? Its first letters come from the first word, at least two words give letters,
/// and words may give none (small words, the tail: "CN" for "Canadian National Railway"). `long` is a
/// folded organisation key; `short` the folded short form.
pub fn spelt_by_word_starts(short: &str, long: &[String]) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).collect();
    if long.len() < 2 || !SPELT_LETTERS.contains(&letters.len()) {
        return false;
    }
    let words: Vec<Vec<char>> = long.iter().map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect()).collect();
    // From letter `at` of the short form and word `word` on: can the rest be spelt, with `givers` words
    // having given letters so far?
    fn spell(letters: &[char], at: usize, words: &[Vec<char>], word: usize, givers: usize) -> bool {
        if at == letters.len() {
            return givers >= 2;
        }
        let Some(w) = words.get(word) else { return false };
        let shared = w.iter().zip(&letters[at..]).take_while(|(a, b)| a == b).count();
        let skip_allowed = word > 0;
        (1..=shared).rev().any(|n| spell(letters, at + n, words, word + 1, givers + 1)) || (skip_allowed && spell(letters, at, words, word + 1, givers))
    }
    spell(&letters, 0, &words, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_spell_a_name_with_or_without_its_small_words_and_legal_forms() {
        assert!(acronyms("Comisión Nacional del Mercado de Valores").contains(&"cnmv".to_string()));
        assert!(acronyms("Geothermal Development Company").contains(&"gdc".to_string()));
        assert!(acronyms("FC Augsburg").contains(&"fca".to_string()));
        assert!(acronyms("Ferrovia Centro-Leste").contains(&"fcl".to_string()));
        assert!(acronyms("Villeroy & Boch").contains(&"v&b".to_string()));
        assert!(acronyms("Meta").is_empty());
        assert!(is_acronym("V&B") && is_acronym("CNMV") && !is_acronym("Meta") && !is_acronym("A"));
    }

    #[test]
    fn a_short_form_is_spelt_from_the_starts_of_a_names_words() {
        let key = |name: &str| organization_key(name);
        assert!(spelt_by_word_starts("segob", &key("Secretaría de Gobernación")));
        assert!(spelt_by_word_starts("kentrade", &key("Kenya Trade Network Agency")));
        assert!(spelt_by_word_starts("dte", &key("Deutsche Telekom")));
        assert!(spelt_by_word_starts("bmo", &key("Bank of Montreal")));
        // One word alone does not spell it, and the first word must start it.
        assert!(!spelt_by_word_starts("meta", &key("Meta Platforms")));
        assert!(!spelt_by_word_starts("tekom", &key("Deutsche Telekom")));
        assert!(!spelt_by_word_starts("dasa", &key("Diagnósticos da América")));
    }

    #[test]
    fn person_keys_drop_honorifics_and_possessives() {
        assert_eq!(person_key("Mr. John Hegeman's"), ["john", "hegeman"]);
        assert_eq!(person_key("M. Lucien Barrault"), ["lucien", "barrault"]);
        assert_eq!(person_key("Zoë Ménard"), ["zoe", "menard"]);
        assert_eq!(person_key("Hegeman"), ["hegeman"]);
    }

    #[test]
    fn organization_keys_drop_legal_forms_and_read_tickers() {
        assert_eq!(organization_key("Meta Platforms Inc."), ["meta", "platforms"]);
        assert_eq!(organization_key("META.O"), ["meta"]);
        assert_eq!(organization_key("The Walt Disney Co."), ["walt", "disney"]);
        assert_eq!(organization_key("Lumetta S.p.A."), ["lumetta"]);
        assert_eq!(organization_key("Meta's"), ["meta"]);
        assert_eq!(organization_key("Telecom-Italia"), ["telecom", "italia"]);
        assert_eq!(organization_key("Rolls-Royce Holdings Plc"), ["rolls", "royce"]);
        assert_eq!(ticker_symbol("U.S."), None);
        assert!(acronyms("The Wall Street Journal").contains(&"wsj".to_string()));
    }
}

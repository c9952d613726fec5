//! Cuts a sentence into the words the model labels, CoNLL style, keeping byte spans. The model was
//! trained on pre-tokenised corpora, so inference must cut words the way those corpora did: punctuation
//! apart, possessives and elisions apart, abbreviations ("U.S.", "Inc.", "J.") whole.

use crate::model::ByteSpan;
use crate::sentences::LanguageRules;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordRules {
    elided_prefixes: Vec<String>,
    clitic_suffixes: Vec<String>,
    name_particles: Vec<String>,
}

/// Lower-case words a person's name may start with ("de Gaulle", "van Dijk"), from `data/words.toml`.
pub fn is_name_particle(word: &str) -> bool {
    RULES.name_particles.iter().any(|p| p == word)
}

static RULES: LazyLock<WordRules> =
    LazyLock::new(|| toml::from_str(include_str!("data/words.toml")).expect("src/lexicon/data/words.toml is valid"));

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–')
}

fn is_leading_punctuation(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡')
}

fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | ',' | ';' | ':' | '!' | '?' | '.' | '…')
}

/// The words of `text`, as byte spans into it, in order.
pub fn split_words(text: &str) -> Vec<ByteSpan> {
    let mut words = Vec::new();
    let mut offset = 0;
    // Dashes are words of their own even without spaces around them ("Chapek—formerly").
    for chunk in text.split_inclusive(|c: char| c.is_whitespace() || is_dash(c)) {
        let (body, dash) = match chunk.char_indices().last() {
            Some((i, c)) if is_dash(c) => (&chunk[..i], Some(i)),
            _ => (chunk.trim_end(), None),
        };
        // A double hyphen is a typewriter's dash, a word of its own: "(Dow Jones)--EADS".
        let mut at = offset;
        for (n, piece) in body.split("--").enumerate() {
            if n > 0 {
                words.push(ByteSpan::new(at, at + 2));
                at += 2;
            }
            split_chunk(piece, at, &mut words);
            at += piece.len();
        }
        if let Some(i) = dash {
            words.push(ByteSpan::new(offset + i, offset + chunk.len()));
        }
        offset += chunk.len();
    }
    words
}

/// One whitespace-free chunk: leading marks, the core (maybe cut at an elision or clitic), trailing marks.
fn split_chunk(chunk: &str, offset: usize, words: &mut Vec<ByteSpan>) {
    let mut start = 0;
    let mut end = chunk.len();
    let mut leading = Vec::new();
    while let Some(c) = chunk[start..end].chars().next().filter(|&c| is_leading_punctuation(c)) {
        leading.push(ByteSpan::new(offset + start, offset + start + c.len_utf8()));
        start += c.len_utf8();
    }
    let mut trailing = Vec::new();
    while let Some(c) = chunk[start..end].chars().next_back().filter(|&c| is_trailing_punctuation(c)) {
        if c == '.' && keeps_its_full_stop(&chunk[start..end - 1]) {
            break;
        }
        if is_clitic_apostrophe(&chunk[start..end], c) {
            break;
        }
        end -= c.len_utf8();
        trailing.push(ByteSpan::new(offset + end, offset + end + c.len_utf8()));
    }
    words.extend(leading);
    if start < end {
        split_core(&chunk[start..end], offset + start, words);
    }
    words.extend(trailing.into_iter().rev());
}

/// Abbreviations keep their final full stop: "U.S.", "J.", and the titles and suffixes the sentence
/// splitter knows in any language ("Inc.", "Mr.", "Dott.").
fn keeps_its_full_stop(before: &str) -> bool {
    if before.is_empty() || !before.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    let known = LanguageRules::for_language("und");
    before.contains('.') || before.chars().count() == 1 || known.titles.contains(before) || known.suffixes.contains(before)
}

/// "Jones'" (a plural possessive) keeps its apostrophe for the clitic rule to split off.
fn is_clitic_apostrophe(core: &str, last: char) -> bool {
    (last == '\'' || last == '’') && core.chars().count() > 2 && core[..core.len() - last.len_utf8()].ends_with('s')
}

/// Splits an elided prefix ("l'", "dell'") off the front or a clitic ("'s") off the end.
fn split_core(core: &str, offset: usize, words: &mut Vec<ByteSpan>) {
    if let Some(apostrophe) = core.find(['\'', '’']) {
        let prefix = &core[..apostrophe];
        let after = apostrophe + core[apostrophe..].chars().next().map_or(1, char::len_utf8);
        let is_elision = after < core.len() && RULES.elided_prefixes.iter().any(|p| p.eq_ignore_ascii_case(prefix));
        if is_elision {
            words.push(ByteSpan::new(offset, offset + after));
            return split_core(&core[after..], offset + after, words);
        }
    }
    let lower = core.to_lowercase();
    for suffix in &RULES.clitic_suffixes {
        if lower.len() == core.len() && lower.ends_with(suffix.as_str()) && core.len() > suffix.len() {
            let cut = core.len() - suffix.len();
            words.push(ByteSpan::new(offset, offset + cut));
            words.push(ByteSpan::new(offset + cut, offset + core.len()));
            return;
        }
    }
    words.push(ByteSpan::new(offset, offset + core.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split_words(text).into_iter().map(|span| span.slice(text)).collect()
    }

    #[test]
    fn punctuation_and_possessives_apart_abbreviations_whole() {
        assert_eq!(
            words("Meta's CRO, John Hegeman (U.S.), left Acme Inc. \"today\"."),
            ["Meta", "'s", "CRO", ",", "John", "Hegeman", "(", "U.S.", ")", ",", "left", "Acme", "Inc.", "\"", "today", "\"", "."]
        );
        assert_eq!(words("the Joneses' firm"), ["the", "Joneses", "'", "firm"]);
        assert_eq!(words("J. K. Ostrow, 3.5%"), ["J.", "K.", "Ostrow", ",", "3.5%"]);
        assert_eq!(words("He joined IBM."), ["He", "joined", "IBM", "."]);
        assert_eq!(words("Chapek—formerly chairman – now CEO"), ["Chapek", "—", "formerly", "chairman", "–", "now", "CEO"]);
        assert_eq!(words("PARIS (Wire)--Halvard SA"), ["PARIS", "(", "Wire", ")", "--", "Halvard", "SA"]);
    }

    #[test]
    fn elisions_apart_names_with_apostrophes_whole() {
        assert_eq!(words("l'entreprise d’Apple"), ["l'", "entreprise", "d’", "Apple"]);
        assert_eq!(words("dell'azienda di O'Brien"), ["dell'", "azienda", "di", "O'Brien"]);
        assert_eq!(words("« Je pars »"), ["«", "Je", "pars", "»"]);
    }
}

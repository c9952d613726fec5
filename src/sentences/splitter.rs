//! The splitting algorithm: candidate ends at terminal punctuation and line breaks, each one accepted
//! or rejected by looking at the word before and the word after it.

use super::rules::LanguageRules;
use crate::model::ByteSpan;

/// Characters that can end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Characters that close a quotation or bracket and belong to the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Characters that may open a sentence before its first letter.
fn is_opener_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '¿' | '¡' | '—' | '–' | '-')
}

/// Splits `text` into sentences: byte spans trimmed of surrounding whitespace, in order, never empty.
pub fn split_sentences(text: &str, rules: &LanguageRules) -> Vec<ByteSpan> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut cursor = 0;
    while let Some(c) = text[cursor..].chars().next() {
        let here = cursor;
        cursor += c.len_utf8();
        if c == '\n' {
            if line_break_ends_sentence(text, start, here, rules) {
                push_trimmed(&mut spans, text, start, here);
                start = cursor;
            }
        } else if is_terminal(c) {
            let end = end_of_punctuation(text, cursor);
            cursor = end;
            let followed_by_space = text[end..].chars().next().is_none_or(char::is_whitespace);
            if followed_by_space && terminal_ends_sentence(text, start, here, c, end, rules) {
                push_trimmed(&mut spans, text, start, end);
                start = end;
            }
        }
    }
    push_trimmed(&mut spans, text, start, text.len());
    spans
}

/// Past runs like "?!", "...", closing quotes and brackets, and the French " »".
fn end_of_punctuation(text: &str, mut end: usize) -> usize {
    let rest = |end: usize| text[end..].chars();
    while let Some(c) = rest(end).next().filter(|&c| is_terminal(c) || is_closer(c)) {
        end += c.len_utf8();
    }
    // « Il part. » — a spaced closing guillemet still belongs to the sentence.
    let mut lookahead = rest(end);
    if let (Some(space), Some('»')) = (lookahead.next(), lookahead.next()) {
        if space == ' ' || space == '\u{a0}' || space == '\u{202f}' {
            end += space.len_utf8() + '»'.len_utf8();
        }
    }
    end
}

/// The word just before the punctuation at `punct`, without opening quotes or brackets, and without an
/// elided article ("l'Ing." is "Ing.").
fn word_before(text: &str, sentence_start: usize, punct: usize) -> &str {
    let before = &text[sentence_start..punct];
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(is_opener_mark);
    word.rsplit(['\'', '’']).next().unwrap_or(word)
}

/// The next word after `from`, skipping whitespace; opening marks are kept as its first characters.
fn word_after(text: &str, from: usize) -> &str {
    let rest = text[from..].trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..end]
}

fn starts_like_a_sentence(word: &str) -> bool {
    match word.chars().next() {
        Some(c) => c.is_uppercase() || c.is_numeric() || is_opener_mark(c),
        None => false,
    }
}

/// Is the next word one that usually opens a sentence? Trailing punctuation is ignored.
fn is_opener(word: &str, rules: &LanguageRules) -> bool {
    let bare = word.trim_start_matches(is_opener_mark).trim_end_matches(|c: char| !c.is_alphanumeric());
    rules.openers.contains(bare)
        || rules.openers.iter().any(|o| o.ends_with(['\'', '’']) && bare.starts_with(o.as_str()))
}

/// "U.S", "S.p.A", "z.B": letters with inner full stops.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| !part.is_empty() && part.chars().count() <= 4 && part.chars().all(char::is_alphabetic))
}

fn terminal_ends_sentence(text: &str, start: usize, punct: usize, mark: char, end: usize, rules: &LanguageRules) -> bool {
    let next = word_after(text, end);
    if next.is_empty() {
        return true;
    }
    if !starts_like_a_sentence(next) {
        return false;
    }
    // Only a single full stop right after a word can mark an abbreviation.
    if mark != '.' || text[punct..end].starts_with("..") {
        return true;
    }
    let before = word_before(text, start, punct);
    let mut chars = before.chars();
    let is_initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if is_initial || rules.titles.contains(before) {
        return false;
    }
    let is_number = !before.is_empty() && before.chars().all(|c| c.is_ascii_digit());
    let next_bare = next.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if is_number && rules.months.contains(&next_bare) {
        return false;
    }
    let may_be_abbreviation =
        rules.suffixes.contains(before) || is_dotted_abbreviation(before) || (is_number && rules.ordinal_numbers);
    if may_be_abbreviation {
        return is_opener(next, rules);
    }
    true
}

/// A line break ends a sentence (a headline, a list item, a paragraph) unless the text runs on: the next
/// line starts in lower case, or the line ends on a title or an initial ("Mr.\nSmith").
fn line_break_ends_sentence(text: &str, start: usize, newline: usize, rules: &LanguageRules) -> bool {
    let line_so_far = text[start..newline].trim_end();
    if line_so_far.is_empty() {
        return false;
    }
    let next = word_after(text, newline + 1);
    if next.is_empty() {
        return true;
    }
    let blank_line_follows = text[newline + 1..].split('\n').next().is_some_and(|l| l.trim().is_empty());
    if blank_line_follows {
        return true;
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if let Some(before) = line_so_far.strip_suffix('.') {
        let word = word_before(before, 0, before.len());
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if is_initial || rules.titles.contains(word) {
            return false;
        }
    }
    true
}

/// Adds `[start, end)` trimmed of whitespace, unless nothing but punctuation and spaces is left.
fn push_trimmed(spans: &mut Vec<ByteSpan>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start < trimmed_end && text[trimmed_start..trimmed_end].chars().any(char::is_alphanumeric) {
        spans.push(ByteSpan::new(trimmed_start, trimmed_end));
    }
}

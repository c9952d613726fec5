//! The modality of a fact from the words around its trigger: denied, only considered or rumoured,
//! announced for the future, or stated as done. Attribution to a named source ("Bloomberg reports",
//! "selon Bloomberg") is not a hedge: the news itself is what the source states.

use crate::lexicon::{longest_match, Lexicon};
use super::sentence::SentenceView;
use crate::model::Modality;
use std::ops::Range;

/// Words before a trigger in which "will" and the like still bear on it, across a comma; within its
/// clause they bear on it from further away ("werde X bei Y das Amt ... übernehmen": German puts the verb
/// last). That, with the clause a trigger after a comma hangs on, read 20 more modalities right on the
/// written train articles and 5 more on the real-news ones, the dev sets unchanged.
const NEAR_WORDS: usize = 4;

/// Words after a trigger in which a time expression ("at the end of the year") still bears on it.
const FOLLOWING_WORDS: usize = 6;

/// The fewest letters of a word read by its future ending ("será" yes, "rá" alone no).
const FUTURE_ENDING_MIN_CHARS: usize = 4;

/// Words before a trigger in which a negation of its clause may stand ("ce n'est certainement pas avec
/// l'idée d'un départ").
const CLAUSE_WORDS: usize = 9;

pub fn modality_of(view: &SentenceView, lexicon: &Lexicon, trigger: &Range<usize>) -> Modality {
    let sentence_so_far = 0..trigger.end;
    let opens = clause_start(view, trigger.start, trigger.start.saturating_sub(CLAUSE_WORDS));
    let clause = opens..trigger.end;
    // A trigger that opens a clause after a comma (", succeeding X", ", en remplacement de X") hangs on
    // the clause before it, whose verb says when.
    let hung_on = if opens == trigger.start && trigger.start > 0 { clause_start(view, trigger.start - 1, 0) } else { opens };
    let near = hung_on.min(trigger.start.saturating_sub(NEAR_WORDS))..trigger.end;
    let negated = view.any_in(&lexicon.negation, clause.clone()) && !view.any_in(&lexicon.not_negation, clause);
    // A denial word before the trigger denies it; the trigger itself does not ("was dismissed", "écarté" oust).
    if negated || denied_at_clause_end(view, lexicon, trigger) || view.any_in(&lexicon.denial, 0..trigger.start) {
        return Modality::Negated;
    }
    // A hedge before the trigger, or after it within its clause: "wordt genoemd als favoriet", "is tipped
    // as a possible successor".
    if view.any_in(&lexicon.hedge, sentence_so_far) || view.any_in(&lexicon.hedge, trigger.end..clause_end(view, trigger.end)) {
        return Modality::Hedged;
    }
    // "will step down with immediate effect", "effective immediately", "is per direct opgestapt": done.
    if view.any_in(&lexicon.immediate, near.start..trigger.end + FOLLOWING_WORDS) {
        return Modality::Asserted;
    }
    let progressive = view.folded[trigger.start].ends_with("ing") && view.any_in(&lexicon.progressive, trigger.start.saturating_sub(2)..trigger.start);
    let time_ahead = view.any_in(&lexicon.future_after, trigger.end..trigger.end + FOLLOWING_WORDS);
    let dated_ahead = near.clone().any(|w| !view.in_mention[w] && longest_match(&lexicon.future_dated, &view.folded, w).is_some_and(|len| date_follows(view, lexicon, w + len)));
    let right_before = (trigger.start.saturating_sub(3)..trigger.start).any(|w| longest_match(&lexicon.future_right_before, &view.folded, w).is_some_and(|len| w + len == trigger.start));
    if progressive || time_ahead || dated_ahead || right_before || view.any_in(&lexicon.future, near.clone()) || has_future_ending(view, lexicon, near) {
        return Modality::Future;
    }
    Modality::Asserted
}

/// A verb of denial that ends the trigger's clause denies it: German and Dutch put the verb last
/// ("Volkswagen hat einen Bericht über den Rückzug Piëchs dementiert", "... spreekt de geruchten over
/// het ontslag tegen"). One that goes on ("resigned after denying the allegations") does not.
fn denied_at_clause_end(view: &SentenceView, lexicon: &Lexicon, trigger: &Range<usize>) -> bool {
    let ends_clause = |w: usize| w == view.folded.len() || matches!(view.folded[w].as_str(), "," | ";" | ":" | "." | "!" | "?" | "-");
    let Some(clause_end) = (trigger.end..=view.folded.len()).find(|&w| ends_clause(w)) else { return false };
    (trigger.end..clause_end).filter(|&w| !view.in_mention[w]).any(|w| longest_match(&lexicon.denial, &view.folded, w).is_some_and(|len| w + len == clause_end))
}

/// Words after a preposition in which its date may start ("ab dem 1. Juli", "dès le 1er mars").
const DATE_AFTER_WORDS: usize = 2;

/// Does a date start within `DATE_AFTER_WORDS` words from `at`: a number ("1.", "2025"), a month or a
/// date relative to the article's ("Jahresende", "next year")?
fn date_follows(view: &SentenceView, lexicon: &Lexicon, at: usize) -> bool {
    (at..(at + DATE_AFTER_WORDS).min(view.folded.len())).any(|w| {
        view.folded[w].chars().any(|c| c.is_ascii_digit())
            || lexicon.months.iter().flatten().any(|month| month.matches_at(&view.folded, w))
            || lexicon.relative_dates.iter().any(|(phrase, _)| phrase.matches_at(&view.folded, w))
    })
}

/// Where the clause that goes on at word `from` ends: at the next comma, semicolon, colon or full stop.
fn clause_end(view: &SentenceView, from: usize) -> usize {
    (from..view.folded.len()).find(|&w| matches!(view.folded[w].as_str(), "," | ";" | ":" | "." | "!" | "?")).unwrap_or(view.folded.len())
}

/// Where the clause that ends at word `end` starts: after the last comma, semicolon or colon before it,
/// but not before word `earliest`.
fn clause_start(view: &SentenceView, end: usize, earliest: usize) -> usize {
    (earliest..end).rev().find(|&w| matches!(view.folded[w].as_str(), "," | ";" | ":")).map_or(earliest, |w| w + 1)
}

/// A verb in the future tense among `words`, by the language's endings ("renunciará", "lascerà").
fn has_future_ending(view: &SentenceView, lexicon: &Lexicon, words: Range<usize>) -> bool {
    words.filter(|&w| !view.in_mention.get(w).unwrap_or(&false)).filter_map(|w| view.lowered.get(w)).any(|word| {
        word.chars().count() >= FUTURE_ENDING_MIN_CHARS && lexicon.future_endings.iter().any(|ending| word.ends_with(ending.as_str()))
    })
}

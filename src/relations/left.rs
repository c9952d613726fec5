//! `left`: a person leaves an organisation or a role ("steps down as CEO", "quitte Meta", "tritt zurück").

use super::context::{nearest_after, nearest_before, Context, REACH, SUBJECT_REACH};
use super::sentence::Slot;
use crate::lexicon::longest_match;
use std::ops::Range;

use crate::model::{Fact, FactKind};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for trigger in cx.view.find(&cx.lexicon.left) {
        // The one leaving is usually the subject before the verb; "the exit of its CFO, Jane Roe" names
        // them after.
        // "the exit of", "un départ anticipé du PDG": a preposition within two words names who leaves.
        let names_after = (trigger.end..trigger.end + 2).any(|w| cx.view.folded.get(w).is_some_and(|w| cx.lexicon.naming_prepositions.contains(w)));
        let after = || nearest_after(&cx.view.people, trigger.end, REACH).filter(|_| names_after);
        let Some(person) = after().or_else(|| nearest_before(&cx.view.people, trigger.start, SUBJECT_REACH)).or_else(|| dismissed(cx, &trigger)) else {
            continue;
        };
        let role = cx.role_for(&trigger, Some(person));
        let organization = cx.organization_for(&trigger, role);
        facts.push(cx.fact(FactKind::Left, person, None, organization, role, Some(&trigger)));
    }
    facts
}

/// The one a dismissal word removes, with nobody before it: the person right after it, or after a title
/// and its article or possessive ("Oi destituiu seu presidente, Francisco Valim"; "a décidé de remercier
/// le CEO Karl Rotthier"). Anything else between ("Meta fires its chief as Zuckerberg ...") names someone else.
fn dismissed<'v>(cx: &'v Context, trigger: &Range<usize>) -> Option<&'v Slot> {
    let view = cx.view;
    let dismissal = trigger.clone().any(|w| longest_match(&cx.lexicon.dismissal, &view.folded, w).is_some());
    if !dismissal {
        return None;
    }
    let person = nearest_after(&view.people, trigger.end, REACH)?;
    let gap = trigger.end..person.words.start;
    let in_title = |w: usize| view.roles.iter().any(|r| r.words.contains(&w));
    // An article or possessive: a short word in lower case ("le", "seu", "its", "den").
    let small = |w: usize| view.folded[w].chars().count() <= SMALL_WORD_CHARS && view.folded[w].chars().all(char::is_lowercase);
    let titled = gap.clone().any(in_title) && gap.clone().all(|w| in_title(w) || small(w) || view.folded[w] == ",");
    (gap.is_empty() || titled).then_some(person)
}

/// The longest article or possessive read between a dismissal word and the title of the one dismissed.
const SMALL_WORD_CHARS: usize = 4;

//! `replaces`: a successor takes over the role a predecessor held ("Bocking replaces Hegeman",
//! "Hegeman will be replaced by Bocking", "Hegeman's successor, Bocking", "successor to Hegeman").

use super::context::{nearest_after, nearest_before, Context, REACH, SUBJECT_REACH};
use super::sentence::Slot;
use crate::model::{Fact, FactKind};
use std::ops::Range;

/// Words after "successor" that turn the order around ("the successor to Hegeman"): the lexicon's
/// `predecessor_next`.
fn names_predecessor_next(cx: &Context, trigger: &Range<usize>) -> bool {
    cx.view.folded.get(trigger.end).is_some_and(|next| cx.lexicon.predecessor_next.iter().any(|w| w == next))
}

/// Every succession trigger of the sentence with its direction (`true`: the successor comes first, "X
/// replaces Y"), longest first where two overlap, so "replaced by" wins over "replace" and the passive
/// "succeeded ... by" (its agent word counted) over the active "succeeded"; in text order.
pub fn triggers(cx: &Context) -> Vec<(Range<usize>, bool)> {
    let directed = cx
        .lexicon
        .replaces_successor_first
        .iter()
        .map(|p| (p, true))
        .chain(cx.lexicon.replaces_predecessor_first.iter().map(|p| (p, false)));
    let folded = &cx.view.folded;
    // (words, successor first, words covered with an agent word further on)
    let mut candidates: Vec<(Range<usize>, bool, usize)> = directed
        .flat_map(|(phrase, successor_first)| {
            cx.view.find(std::slice::from_ref(phrase)).into_iter().map(move |t| {
                let covered = phrase.covered_at(folded, t.start).len();
                (t, successor_first, covered)
            })
        })
        .collect();
    candidates.sort_by_key(|(t, _, covered)| (std::cmp::Reverse(*covered), t.start));
    let mut triggers: Vec<(Range<usize>, bool, usize)> = Vec::new();
    for candidate in candidates {
        let trigger = &candidate.0;
        if !triggers.iter().any(|(t, _, _)| t.start < trigger.end && trigger.start < t.end) {
            triggers.push(candidate);
        }
    }
    triggers.sort_by_key(|(t, _, _)| t.start);
    triggers
        .into_iter()
        .map(|(t, successor_first, covered)| {
            // A succession noun followed by "of" names the predecessor next ("X, successor of Y"). A verb
            // that puts the successor first keeps its direction ("sucede a Y", "releva a Y": Spanish marks
            // a person object with "a"), and a passive's agent word settles who is who ("substituído de
            // forma interina por X": "de" opens an adverbial, not the predecessor).
            let with_agent = covered > t.len();
            let turned = !successor_first && !with_agent && names_predecessor_next(cx, &t);
            (t, successor_first != turned)
        })
        .collect()
}

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for (trigger, successor_first) in triggers(cx) {
        let before = nearest_before(&cx.view.people, trigger.start, SUBJECT_REACH);
        let after = nearest_after(&cx.view.people, trigger.end, REACH);
        let (new, old): (Option<&Slot>, Option<&Slot>) = if successor_first { (before, after) } else { (after, before) };
        // "Bocking will take over the role", "ses responsabilités seront assumées par Bocking": the one
        // replaced is whoever the document last said was leaving.
        let departed = cx.last_departed.filter(|d| new.is_some_and(|n| n.entity != *d)).map(|entity| Slot { entity, words: trigger.clone(), implicit: true });
        let (Some(new), Some(old)) = (new, old.or(departed.as_ref())) else {
            continue;
        };
        if new.entity == old.entity {
            continue;
        }
        let role = cx.role_taken(&trigger, Some(old));
        let organization = cx.organization_for(&trigger, role);
        facts.push(cx.fact(FactKind::Replaces, new, Some(old), organization, role, Some(&trigger)));
    }
    facts
}

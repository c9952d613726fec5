//! `joins`: a person is appointed, named, hired, promoted or elected, or joins ("named CFO", "rejoint
//! Meta", "wird zum Vorstandschef berufen").

use super::context::{nearest_after, nearest_before, Context, REACH};
use crate::model::{Fact, FactKind};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for trigger in cx.view.find(&cx.lexicon.joins) {
        let passive = trigger.start > 0 && cx.lexicon.passive_auxiliaries.contains(&cx.view.folded[trigger.start - 1]);
        let before = nearest_before(&cx.view.people, trigger.start, REACH).or_else(|| cx.apposed_subject(trigger.start - usize::from(passive)).filter(|_| passive));
        // "der Hiesingers Aufgaben übernimmt": whose duties they are, not who takes them ("Hegeman's
        // appointment" still names who is appointed).
        let before = before.filter(|p| cx.view.possessed_by(p).is_none_or(|owned| owned == trigger.start));
        let after = nearest_after(&cx.view.people, trigger.end, 4);
        // "Acme appointed Jane Roe" names the person after; "Jane Roe joined Acme" and "Jane Roe was
        // appointed" before.
        let person = if passive { before.or(after) } else { after.or(before) };
        let Some(person) = person else {
            continue;
        };
        let role = cx.role_taken(&trigger, Some(person));
        let organization = cx.organization_for(&trigger, role);
        facts.push(cx.fact(FactKind::Joins, person, None, organization, role, Some(&trigger)));
    }
    facts
}

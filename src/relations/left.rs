//! `left`: a person leaves an organisation or a role ("steps down as CEO", "quitte Meta", "tritt zurück").

use super::context::{nearest_after, nearest_before, Context, REACH, SUBJECT_REACH};

use crate::model::{Fact, FactKind};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for trigger in cx.view.find(&cx.lexicon.left) {
        // The one leaving is usually the subject before the verb; "the exit of its CFO, Jane Roe" names
        // them after.
        // "the exit of", "un départ anticipé du PDG": a preposition within two words names who leaves.
        let names_after = (trigger.end..trigger.end + 2).any(|w| cx.view.folded.get(w).is_some_and(|w| cx.lexicon.naming_prepositions.contains(w)));
        let after = || nearest_after(&cx.view.people, trigger.end, REACH).filter(|_| names_after);
        let Some(person) = after().or_else(|| nearest_before(&cx.view.people, trigger.start, SUBJECT_REACH)) else {
            continue;
        };
        let role = cx.role_for(&trigger, Some(person));
        let organization = cx.organization_for(&trigger, role);
        facts.push(cx.fact(FactKind::Left, person, None, organization, role, Some(&trigger)));
    }
    facts
}

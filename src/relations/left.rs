//! `left`: a person leaves an organisation or a role ("steps down as CEO", "quitte Meta", "tritt zurück").

use super::context::{nearest_after, nearest_before, Context, REACH};
use crate::model::{Fact, FactKind};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for trigger in cx.view.find(&cx.lexicon.left) {
        // The one leaving is usually the subject before the verb; "the exit of its CFO, Jane Roe" names
        // them after.
        let Some(person) = nearest_before(&cx.view.people, trigger.start, REACH).or_else(|| nearest_after(&cx.view.people, trigger.end, REACH)) else {
            continue;
        };
        let role = cx.role_for(&trigger, Some(person));
        let organization = cx.organization_for(&trigger, role);
        facts.push(cx.fact(FactKind::Left, person, None, organization, role, cx.modality(&trigger)));
    }
    facts
}

//! `holds_role`: a person holds a role at an organisation, read from titles and appositions ("Meta's
//! chief revenue officer John Hegeman", "Priya Natarajan, its finance chief", "le directeur général
//! Mark Zuckerberg").

use super::context::{gap, Context, APPOSITION};
use crate::model::{FactKind, Fact, Modality};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for role in &cx.view.roles {
        let Some(person) = cx.view.people.iter().filter(|p| !p.implicit && gap(&p.words, &role.words) <= APPOSITION).min_by_key(|p| gap(&p.words, &role.words)) else {
            continue;
        };
        // Something other than punctuation, an article or a possessive between them breaks the phrase.
        let between = if role.words.end <= person.words.start { role.words.end..person.words.start } else { person.words.end..role.words.start };
        let joined = cx.view.folded[between].iter().all(|w| matches!(w.as_str(), "," | "the" | "its" | "le" | "la" | "l'" | "son" | "sa" | "der" | "die" | "el" | "il" | "o" | "a" | "de" | "het"));
        if !joined {
            continue;
        }
        let Some(organization) = cx.organization_for(&role.words, Some(role)) else {
            continue;
        };
        facts.push(cx.fact(FactKind::HoldsRole, person, None, Some(organization), Some(role), Modality::Asserted));
    }
    facts
}

//! `holds_role`: a person holds a role at an organisation, read from titles and appositions ("Meta's
//! chief revenue officer John Hegeman", "Priya Natarajan, its finance chief", "le directeur général
//! Mark Zuckerberg").

use super::context::{gap, Context, APPOSITION};
use super::sentence::Slot;
use crate::model::{Fact, FactKind};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for role in &cx.view.roles {
        let close = |p: &&Slot| cx.words_between(&p.words, &role.words).len() <= APPOSITION;
        let Some(person) = cx.view.people.iter().filter(|p| !p.implicit).filter(close).min_by_key(|p| gap(&p.words, &role.words)) else {
            continue;
        };
        // Something other than punctuation, an article, a possessive or "former" between them breaks the
        // phrase.
        let joined = cx.words_between(&person.words, &role.words).into_iter().all(|w| {
            w == "," || cx.lexicon.apposition_words.contains(w)
                || cx.lexicon.former.iter().any(|f| f.matches_at(std::slice::from_ref(w), 0))
        });
        if !joined {
            continue;
        }
        let Some(organization) = cx.organization_of_title(role) else {
            continue;
        };
        facts.push(cx.fact(FactKind::HoldsRole, person, None, Some(organization), Some(role), None));
    }
    facts
}

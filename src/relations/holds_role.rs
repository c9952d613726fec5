//! `holds_role`: a person holds a role at an organisation, read from titles and appositions ("Meta's
//! chief revenue officer John Hegeman", "Priya Natarajan, its finance chief", "le directeur général
//! Mark Zuckerberg").

use super::context::{gap, Context, APPOSITION};
use super::sentence::Slot;
use std::ops::Range;

/// The words between two ranges, leaving out parenthesised asides: "the CISO (top cybersecurity
/// person), Guy Rosen" reads as "the CISO, Guy Rosen".
fn words_between<'a>(cx: &'a Context, a: &Range<usize>, b: &Range<usize>) -> Vec<&'a String> {
    let between = if a.end <= b.start { a.end..b.start } else { b.end..a.start };
    let mut depth = 0usize;
    let mut kept = Vec::new();
    for word in &cx.view.folded[between] {
        match word.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(word),
            _ => {}
        }
    }
    kept
}
use crate::model::{FactKind, Fact, Modality};

pub fn extract(cx: &Context) -> Vec<Fact> {
    let mut facts = Vec::new();
    for role in &cx.view.roles {
        let outside_parentheses = |p: &&Slot| words_between(cx, &p.words, &role.words).len() <= APPOSITION;
        let Some(person) = cx.view.people.iter().filter(|p| !p.implicit).filter(outside_parentheses).min_by_key(|p| gap(&p.words, &role.words)) else {
            continue;
        };
        // Something other than punctuation, an article, a possessive or "former" between them breaks the
        // phrase.
        let joined = words_between(cx, &person.words, &role.words).into_iter().all(|w| {
            matches!(w.as_str(), "," | "the" | "its" | "le" | "la" | "l'" | "son" | "sa" | "der" | "die" | "el" | "il" | "o" | "a" | "de" | "het")
                || cx.lexicon.former.iter().any(|f| f.matches_at(std::slice::from_ref(w), 0))
        });
        if !joined {
            continue;
        }
        let Some(organization) = cx.organization_of_title(role) else {
            continue;
        };
        facts.push(cx.fact(FactKind::HoldsRole, person, None, Some(organization), Some(role), Modality::Asserted));
    }
    facts
}

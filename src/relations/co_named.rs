//! Where a person and an organisation are named together across a document: a round-up of changes at
//! several companies ties each person to their company once ("Gunnar Wiedenfels, ProSiebenSat.1", "Zalando
//! manager Jan Kemper") and then goes on without naming it ("Wiedenfels is leaving the Munich company"), so
//! the organisation a sentence is about is often the one the person was named with elsewhere, not the one
//! the article leads with. The candidates' organisation options read it as features.

use crate::model::{Document, EntityKind};
use std::collections::BTreeMap;

/// At most this many words between a person's and an organisation's names for them to stand together
/// ("X, CEO of Y": 3; "X (Y)": 1).
const CLOSE_WORDS: usize = 3;

/// For each (person, organisation) pair of a document, the sentences naming both, each with whether the
/// two names stand close.
pub struct CoNamed {
    sentences: BTreeMap<(usize, usize), Vec<(usize, bool)>>,
}

impl CoNamed {
    pub fn new(doc: &Document) -> CoNamed {
        let entity_of = doc.entity_of_mentions();
        let named = |kind: EntityKind| -> Vec<(usize, usize)> {
            doc.mentions.iter().enumerate().filter(|(_, m)| m.kind == kind).filter_map(|(i, _)| entity_of[i].map(|e| (i, e))).collect()
        };
        // The organisations named in each sentence, so that each person is paired within their sentence only.
        let mut organizations: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for (o, organization) in named(EntityKind::Organization) {
            organizations.entry(doc.mentions[o].sentence).or_default().push((o, organization));
        }
        let mut sentences: BTreeMap<(usize, usize), Vec<(usize, bool)>> = BTreeMap::new();
        for (p, person) in named(EntityKind::Person) {
            let at = &doc.mentions[p];
            for &(o, organization) in organizations.get(&at.sentence).into_iter().flatten() {
                let there = &doc.mentions[o];
                let (first, second) = if at.span.end <= there.span.start { (&at.span, &there.span) } else { (&there.span, &at.span) };
                let between = doc.article.text.get(first.end..second.start.max(first.end)).unwrap_or("");
                let close = between.split_whitespace().count() <= CLOSE_WORDS;
                let seen = sentences.entry((person, organization)).or_default();
                match seen.iter_mut().find(|(s, _)| *s == at.sentence) {
                    Some((_, was_close)) => *was_close |= close,
                    None => seen.push((at.sentence, close)),
                }
            }
        }
        CoNamed { sentences }
    }

    /// How many sentences other than `sentence` name both, and whether the names stand close in one of them.
    pub fn elsewhere(&self, person: usize, organization: usize, sentence: usize) -> (usize, bool) {
        let others = self.sentences.get(&(person, organization)).into_iter().flatten().filter(|(s, _)| *s != sentence);
        others.fold((0, false), |(n, close), &(_, c)| (n + 1, close || c))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::document;
    use super::CoNamed;
    use crate::model::EntityKind::*;

    #[test]
    fn a_person_and_an_organisation_named_together_elsewhere_are_counted_with_how_close() {
        let text = "CFO moves: Lena Vogt, Kromhaven, goes to Bellmarsh. Lena Vogt had worked for years at the firm Bellmarsh. Vogt leaves in March.";
        let doc = document("en", text, &[("Lena Vogt", Person), ("Vogt", Person), ("Kromhaven", Organization), ("Bellmarsh", Organization)]);
        let entity = |name: &str| doc.entities.iter().position(|e| e.name == name).unwrap();
        let (vogt, kromhaven, bellmarsh) = (entity("Lena Vogt"), entity("Kromhaven"), entity("Bellmarsh"));
        let co_named = CoNamed::new(&doc);
        // Seen from the third sentence, which names no organisation.
        assert_eq!(co_named.elsewhere(vogt, kromhaven, 2), (1, true));
        assert_eq!(co_named.elsewhere(vogt, bellmarsh, 2), (2, false));
        // A sentence does not count itself.
        assert_eq!(co_named.elsewhere(vogt, kromhaven, 0), (0, false));
    }
}

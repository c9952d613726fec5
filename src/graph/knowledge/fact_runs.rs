//! The per-article facts of the knowledge layer as the merge sorts them (`SortedRuns`: in memory up to
//! a budget, in sorted runs on disk past it). A fact's record holds its merged-fact key with the role as
//! its text, so records order themselves: by kind, people, organisation, then role text (no role
//! first), then by article and fact index. That last pair keeps equal keys in the order the facts came
//! in, and makes the order total, so the merged facts and their bytes do not depend on the budget.

use super::Support;
use crate::model::FactKind;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A merged-fact key with its role as text: kind, person, predecessor, organisation (the ranks of their
/// IRIs), the normalised, lower-cased role.
pub(super) type TextKey = (FactKind, u32, Option<u32>, Option<u32>, Option<String>);

/// One stated fact: its key and what it keeps of the article that states it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StatedFact {
    pub key: TextKey,
    pub support: Support,
}

impl StatedFact {
    fn order(&self) -> (&TextKey, u32, u32) {
        (&self.key, self.support.article, self.support.index)
    }
}

impl PartialEq for StatedFact {
    fn eq(&self, other: &Self) -> bool {
        self.order() == other.order()
    }
}

impl Eq for StatedFact {}

impl PartialOrd for StatedFact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for StatedFact {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order().cmp(&other.order())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Modality;
    use crate::pipeline::SortedRuns;

    fn stated(kind: FactKind, person: u32, role: Option<&str>, article: u32) -> StatedFact {
        let support = Support { article, index: 7, modality: Modality::Hedged, confidence: 0.625, date: None, role: None, former: false };
        StatedFact { key: (kind, person, Some(3), None, role.map(String::from)), support }
    }

    #[test]
    fn facts_sort_by_key_with_the_role_by_text_and_equal_keys_in_input_order() {
        let kinds = [FactKind::Left, FactKind::Replaces, FactKind::Joins, FactKind::HoldsRole];
        let roles = [None, Some("treasurer"), Some("board member"), Some("chief executive")];
        let facts: Vec<StatedFact> = (0..200u32).map(|i| stated(kinds[(i * 7 % 4) as usize], i * 13 % 6, roles[(i * 5 % 4) as usize], i)).collect();
        // What one stable sort by key gives.
        let mut expected = facts.clone();
        expected.sort_by(|a, b| a.key.cmp(&b.key));
        for budget in [0, 1000, usize::MAX] {
            let mut runs = SortedRuns::new(budget);
            for fact in &facts {
                runs.push(fact.clone()).unwrap();
            }
            let sorted: Vec<(TextKey, u32)> = runs.into_sorted().unwrap().map(|s| s.map(|s| (s.key, s.support.article)).unwrap()).collect();
            assert_eq!(sorted, expected.iter().map(|s| (s.key.clone(), s.support.article)).collect::<Vec<_>>(), "budget {budget}");
        }
        assert!(expected[0].key.4.is_none() && expected.iter().any(|s| s.key.4.as_deref() == Some("board member")));
    }
}

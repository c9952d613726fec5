//! Features as the learned scorers read them: strings `name=value`, each also conjoined with the fact
//! kind (`left|name=value`), so that one linear model learns what holds for every kind and what holds
//! for one. Unknown features are ignored at inference, so adding one never breaks a shipped model.

use crate::model::FactKind;

pub struct FeatureSet {
    kind: FactKind,
    features: Vec<String>,
}

impl FeatureSet {
    pub fn new(kind: FactKind) -> Self {
        Self { kind, features: vec!["bias".into(), format!("{}|bias", kind.as_str())] }
    }

    pub fn add(&mut self, name: &str, value: impl AsRef<str>) {
        let feature = format!("{name}={}", value.as_ref());
        self.features.push(format!("{}|{feature}", self.kind.as_str()));
        self.features.push(feature);
    }

    /// A feature that is there or not.
    pub fn flag(&mut self, name: &str, on: bool) {
        if on {
            self.add(name, "1");
        }
    }

    /// In the order added, each once.
    pub fn finish(self) -> Vec<String> {
        let mut seen = std::collections::BTreeSet::new();
        self.features.into_iter().filter(|f| seen.insert(f.clone())).collect()
    }
}

/// A count as a coarse range, so that features generalise: `bucket(3, &[0, 1, 2, 4])` is "<=4".
pub fn bucket(n: usize, edges: &[usize]) -> String {
    match edges.iter().find(|&&e| n <= e) {
        Some(e) => format!("<={e}"),
        None => format!(">{}", edges.last().copied().unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_come_plain_and_with_their_kind_once_each() {
        let mut f = FeatureSet::new(FactKind::Left);
        f.add("side", "before");
        f.add("side", "before");
        f.flag("pronoun", false);
        f.flag("possessive", true);
        assert_eq!(f.finish(), ["bias", "left|bias", "left|side=before", "side=before", "left|possessive=1", "possessive=1"]);
    }

    #[test]
    fn counts_fall_in_ranges() {
        assert_eq!(bucket(0, &[0, 1, 2, 4]), "<=0");
        assert_eq!(bucket(3, &[0, 1, 2, 4]), "<=4");
        assert_eq!(bucket(9, &[0, 1, 2, 4]), ">4");
    }
}

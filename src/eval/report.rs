//! Scores and the printed report.

use super::entities::score_entities;
use super::gold::GoldDocument;
use super::matching::{matches, predictions, role_agrees, Predicted};
use crate::model::Document;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

const KINDS: [&str; 4] = ["left", "replaces", "joins", "holds_role"];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Default)]
pub struct EvalReport {
    /// Per relation type.
    pub by_kind: BTreeMap<String, Counts>,
    /// Per (language, relation type).
    pub by_language: BTreeMap<(String, String), Counts>,
    /// Matched facts whose gold has a modality: (right, total).
    pub modality: (usize, usize),
    /// Matched facts whose gold has a role: (right, total).
    pub role: (usize, usize),
    /// Per document kind (`change`, `other`, or `-` when the gold does not say).
    pub by_document_kind: BTreeMap<String, Counts>,
    /// Articles that report no personnel change, and the departures extracted from them.
    pub no_change: (usize, usize),
    /// Documents whose language the pipeline detected as the gold's: (right, total with a gold language).
    pub language: (usize, usize),
    /// Entity names per (language, gold type `PER` / `ORG`); see `entities.rs`.
    pub entities: BTreeMap<(String, String), Counts>,
    /// Gold entities found split over several predicted entities, and gold entities found.
    pub entity_splits: (usize, usize),
    /// Lines about misses, false positives, wrong modalities and wrong roles.
    pub details: Vec<String>,
}

impl EvalReport {
    pub fn add_document(&mut self, gold: &GoldDocument, doc: &Document) {
        let lang = gold.lang.clone().or_else(|| doc.language.as_ref().map(|l| l.code.clone())).unwrap_or_else(|| "und".into());
        let id = doc.article.id.to_string();
        if let Some(gold_lang) = &gold.lang {
            let detected = doc.language.as_ref().map_or("und", |l| l.detected.as_str());
            self.language.1 += 1;
            if detected == gold_lang {
                self.language.0 += 1;
            } else {
                self.details.push(format!("[{lang} {id}] LANGUAGE detected {detected}"));
            }
        }
        if !gold.entities.is_empty() {
            let scores = score_entities(gold, doc);
            for (kind, c) in scores.counts {
                self.entities.entry((lang.clone(), kind.to_string())).or_default().add(c);
            }
            self.entity_splits.0 += scores.split;
            self.entity_splits.1 += scores.found;
            self.details.extend(scores.details.into_iter().map(|line| format!("[{lang} {id}] ENTITY {line}")));
        }
        let document_kind = gold.kind.clone().unwrap_or_else(|| "-".into());
        let predicted = predictions(doc);
        let mut used = vec![false; predicted.len()];
        let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
        for relation in &gold.relations {
            let found = (0..predicted.len())
                .filter(|&i| !used[i] && matches(gold, relation, &predicted[i]))
                .max_by_key(|&i| (role_agrees(relation, &predicted[i]) == Some(true), std::cmp::Reverse(i)));
            let kind = KINDS.iter().find(|k| **k == relation.kind).copied().unwrap_or("other");
            match found {
                Some(i) => {
                    used[i] = true;
                    if relation.background {
                        continue;
                    }
                    counts.entry(kind).or_default().true_positives += 1;
                    let p = &predicted[i];
                    if let Some(modality) = relation.modality.as_deref().filter(|_| relation.kind != "holds_role") {
                        self.modality.1 += 1;
                        if modality == p.modality {
                            self.modality.0 += 1;
                        } else {
                            self.details.push(format!("[{lang} {id}] MODALITY {}: gold {modality}, got {} | {}", describe(p), p.modality, p.evidence));
                        }
                    }
                    if let Some(agrees) = role_agrees(relation, p) {
                        self.role.1 += 1;
                        self.role.0 += usize::from(agrees);
                        if !agrees {
                            let gold_role = [&relation.role, &relation.role_norm].into_iter().flatten().cloned().collect::<Vec<_>>().join(" / ");
                            let got = p.role.as_ref().map_or("-".to_string(), |(written, normalized)| format!("{written} / {normalized}"));
                            self.details.push(format!("[{lang} {id}] ROLE {}: gold {gold_role}, got {got} | {}", describe(p), p.evidence));
                        }
                    }
                }
                None if relation.background => {}
                None => {
                    counts.entry(kind).or_default().false_negatives += 1;
                    let people = [&relation.person, &relation.new, &relation.old].into_iter().flatten().cloned().collect::<Vec<_>>().join(" <- ");
                    self.details.push(format!(
                        "[{lang} {id}] MISS {} {people} @{} {} {}",
                        relation.kind,
                        relation.org.as_deref().unwrap_or("-"),
                        relation.role_norm.as_deref().or(relation.role.as_deref()).unwrap_or("-"),
                        relation.modality.as_deref().unwrap_or("-")
                    ));
                }
            }
        }
        for (p, _) in predicted.iter().zip(&used).filter(|(_, used)| !**used) {
            counts.entry(p.kind).or_default().false_positives += 1;
            self.details.push(format!("[{lang} {id}] FALSE {} {} | {}", describe(p), p.modality, p.evidence));
        }
        if document_kind == "other" {
            self.no_change.0 += 1;
            self.no_change.1 += predicted.iter().filter(|p| p.kind == "left").count();
        }
        for (kind, c) in counts {
            self.by_document_kind.entry(document_kind.clone()).or_default().add(c);
            self.by_kind.entry(kind.to_string()).or_default().add(c);
            self.by_language.entry((lang.clone(), kind.to_string())).or_default().add(c);
        }
    }
}

fn describe(p: &Predicted) -> String {
    let people = match &p.names.1 {
        Some(old) => format!("{} <- {old}", p.names.0),
        None => p.names.0.clone(),
    };
    let role = p.role.as_ref().map_or("-".to_string(), |r| r.1.clone());
    format!("{} {people} @{} {role}", p.kind, p.names.2.as_deref().unwrap_or("-"))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let row = |out: &mut String, label: &str, c: &Counts| {
            let _ = writeln!(
                out,
                "{label:<22} {:>4} {:>4} {:>4}   {:>5.3} {:>5.3} {:>5.3}",
                c.true_positives,
                c.false_positives,
                c.false_negatives,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        let _ = writeln!(out, "{:<22} {:>4} {:>4} {:>4}   {:>5} {:>5} {:>5}", "relation", "tp", "fp", "fn", "P", "R", "F1");
        let mut total = Counts::default();
        for kind in KINDS {
            let c = self.by_kind.get(kind).copied().unwrap_or_default();
            total.add(c);
            row(&mut out, kind, &c);
        }
        row(&mut out, "all", &total);
        let _ = writeln!(out, "\nper language");
        let mut language_total: BTreeMap<&str, Counts> = BTreeMap::new();
        for ((lang, kind), c) in &self.by_language {
            row(&mut out, &format!("{lang} {kind}"), c);
            language_total.entry(lang).or_default().add(*c);
        }
        for (lang, c) in &language_total {
            row(&mut out, &format!("{lang} all"), c);
        }
        let _ = writeln!(out, "\nper document kind");
        for (kind, c) in &self.by_document_kind {
            row(&mut out, &format!("{kind} all"), c);
        }
        let _ = writeln!(out, "departures extracted from {} articles with no personnel change: {}", self.no_change.0, self.no_change.1);
        let _ = writeln!(out, "\nmodality accuracy on matched facts: {:.3} ({}/{})", ratio(self.modality.0, self.modality.1), self.modality.0, self.modality.1);
        let _ = writeln!(out, "role accuracy on matched facts:     {:.3} ({}/{})", ratio(self.role.0, self.role.1), self.role.0, self.role.1);
        let _ = writeln!(out, "language detection accuracy:        {:.3} ({}/{})", ratio(self.language.0, self.language.1), self.language.0, self.language.1);
        let _ = writeln!(out, "\n{:<22} {:>4} {:>4} {:>4}   {:>5} {:>5} {:>5}", "entity names", "tp", "fp", "fn", "P", "R", "F1");
        let mut by_type: BTreeMap<&str, Counts> = BTreeMap::new();
        let mut by_language: BTreeMap<&str, Counts> = BTreeMap::new();
        for ((lang, kind), c) in &self.entities {
            by_type.entry(kind).or_default().add(*c);
            by_language.entry(lang).or_default().add(*c);
        }
        let mut all = Counts::default();
        for (kind, c) in &by_type {
            row(&mut out, kind, c);
            all.add(*c);
        }
        row(&mut out, "all", &all);
        for (lang, c) in &by_language {
            row(&mut out, &format!("{lang} all"), c);
        }
        let (split, found) = self.entity_splits;
        let _ = writeln!(out, "gold entities found split over several entities: {split} of {found}");
        let _ = writeln!(out, "\nmisses, false positives, wrong modalities and wrong roles:");
        for line in &self.details {
            let _ = writeln!(out, "  {line}");
        }
        f.write_str(&out)
    }
}

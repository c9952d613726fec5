//! Candidate facts for the learned extractor: every person of a sentence, for a departure, an
//! appointment and a role held (a pronoun too, where the sentence has a trigger word of the kind), and
//! every ordered pair of people for a succession (the predecessor also from the two sentences before,
//! where the sentence has a succession trigger, and anyone said to be leaving in the ten sentences before,
//! where it has a succession or appointment trigger), each with the organisations it could be at. Each
//! candidate carries the features the trained scorers read (`learned.rs`); which candidates are facts, at
//! which organisation and with which modality is theirs to decide. Generation aims at recall: the scorers
//! bring the precision.

use super::co_named::CoNamed;
use super::context::{gap, Context};
use super::dates::{date_for, find_dates};
use super::features::{bucket, FeatureSet};
use crate::lexicon::Lexicon;
use super::sentence::{RoleAt, Salience, SentenceView, Slot};
use super::{extract_facts, focus_organization, replaces};
use crate::model::{ByteSpan, Document, Fact, FactDate, FactKind, Modality, Role};
use std::ops::Range;

/// How many sentences back a predecessor named before the succession sentence may be.
const PREDECESSOR_SENTENCES_BACK: usize = 2;

/// How many sentences back someone the document said was leaving may be, for an appointment to take over
/// from them ("X was dismissed. [...] In the meantime the board named Y interim CEO").
const DEPARTED_SENTENCES_BACK: usize = 10;
/// Words after the name read for the modality of a candidate without a trigger word. 8 read 2 more
/// modalities right on the own dev articles and 3 on the real-news train ones, corpus/dev unchanged; 16
/// read 2 fewer on corpus/dev (twenty-seventh session).
const UNTRIGGERED_READ_WORDS: usize = 8;

/// How many words may stand between two names of a list (commas, joining words, the second's title).
const COORDINATION_GAP: usize = 6;

/// How many words apart a role title and a person may be and still be a `holds_role` candidate.
const TITLE_REACH: usize = 8;

/// How many words of the gap between a person and a trigger become features (those nearest the trigger).
const BETWEEN_WORDS: usize = 8;

/// How many words of the gap between an organisation and a title, trigger or person become features,
/// from each end.
const LINK_WORDS: usize = 3;

/// Words around a trigger that the modality scorer reads.
const MODALITY_BEFORE: usize = 10;
const MODALITY_AFTER: usize = 6;

/// An organisation a candidate fact could be at (`None`: at no named organisation).
#[derive(Debug, Clone)]
pub struct OrganizationOption {
    pub entity: Option<usize>,
    pub features: Vec<String>,
}

/// One candidate fact with what the scorers read and what a fact made of it needs.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub kind: FactKind,
    pub sentence: usize,
    pub evidence: ByteSpan,
    pub person: usize,
    pub predecessor: Option<usize>,
    pub role: Option<Role>,
    /// Titles joined to the role ("presidente y consejero delegado"): the same fact holds for each.
    pub coordinated_roles: Vec<Role>,
    /// A role held that the sentence says is kept while another is left ("but remains executive
    /// chairman"; `Context::kept_seat`): held whatever the scorer reads of the sentence, which tells a
    /// departure.
    pub seat_kept: bool,
    /// For a departure, the people the sentence lists with this one ("Pieter van der Stoel en Roland
    /// Plomp", "topman X, financieel directeur Y en directielid Z"), each with the title the list gives them.
    pub coordinated_people: Vec<(usize, Option<Role>)>,
    /// The role is a past one ("former chief executive").
    pub former: bool,
    /// For a role held, the organisation its title names ("VW-Chef", "CEO of X", "Meta's CRO").
    pub title_organization: Option<usize>,
    /// For a role held, the organisations listed after the one its title names ("presidente no
    /// ejecutivo de Prisa y Openbank"): the role is held at each.
    pub listed_organizations: Vec<usize>,
    /// For a seat taken or held now, the organisations the person's past titles name in this sentence or
    /// an earlier one: not where the fact is (`Context::past_organizations`).
    pub past_organizations: Vec<usize>,
    /// The organisations of other people's titles in the sentence (`Context::others_title_organizations`).
    pub others_organizations: Vec<usize>,
    /// The date the sentence gives, read as past-or-present and as coming.
    pub date: Option<FactDate>,
    pub date_ahead: Option<FactDate>,
    /// What the rule-based modality reading says (a feature, and the fallback).
    pub rule_modality: Modality,
    /// A trigger word of its kind is in the sentence: only then is there a verb whose modality to read.
    pub triggered: bool,
    pub features: Vec<String>,
    pub modality_features: Vec<String>,
    pub organizations: Vec<OrganizationOption>,
}

/// The candidates of a document, in text order.
pub fn candidates(doc: &Document, lexicon: &Lexicon, language: &str) -> Vec<Candidate> {
    let focus = focus_organization(doc, lexicon);
    let rule_facts = extract_facts(doc, lexicon);
    let article_date = doc.article.date.map(|d| d.day());
    let mention_counts = mention_counts(doc);
    let focus_lead = focus.map_or(0, |f| focus_lead(doc, &mention_counts, f));
    let co_named = CoNamed::new(doc);
    let mut salience = Salience::new();
    let mut recent_people: Vec<Vec<usize>> = Vec::new();
    // The organisations each sentence names, with the paragraph it is in.
    let mut recent_organizations: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut paragraph_index = 0;
    // (sentence, person) for every person standing in a sentence with a departure trigger.
    let mut departures: Vec<(usize, usize)> = Vec::new();
    // The organisations named so far in the current paragraph (a line break starts one), in order.
    let mut paragraph: Vec<usize> = Vec::new();
    let mut past_organizations: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    for index in 0..doc.sentences.len() {
        if index > 0 && doc.text()[doc.sentences[index - 1].span.end..doc.sentences[index].span.start].contains('\n') {
            paragraph.clear();
            paragraph_index += 1;
        }
        let view = SentenceView::new(doc, index, lexicon, focus, &mut salience);
        let named_here: Vec<usize> = view.organizations.iter().filter(|o| !o.implicit).map(|o| o.entity).collect();
        let cx = Context { view: &view, lexicon, focus, last_departed: None, article_date };
        // Once per person of the sentence, not per candidate: every ordered pair of people is a candidate.
        let mut others_organizations: Vec<(usize, Vec<usize>)> = Vec::new();
        for person in &view.people {
            if !others_organizations.iter().any(|(p, _)| *p == person.entity) {
                others_organizations.push((person.entity, cx.others_title_organizations(person.entity)));
            }
        }
        let sentence = SentenceCandidates {
            cx: &cx,
            others_organizations,
            language,
            rule_facts: &rule_facts,
            mention_counts: &mention_counts,
            focus_lead,
            co_named: &co_named,
            earlier_past_organizations: &past_organizations,
            earlier_people: recent_people.iter().rev().take(PREDECESSOR_SENTENCES_BACK).flatten().copied().collect(),
            // A paragraph that names a company of its own is about it: a round-up's earlier paragraphs are
            // about others ("At Calder Steel, ... . Ostrava Foods appointed ..."). A sentence that names one
            // is about it, or about the title's or the focus: the companies of the sentences before are
            // options only for a sentence that names none ("Foi o caso da Totvs, em que X ficou como
            // presidente", after a recruiter's quote).
            earlier_organizations: recent_organizations
                .iter()
                .rev()
                .take(PREDECESSOR_SENTENCES_BACK)
                .filter(|(p, _)| named_here.is_empty() && (*p == paragraph_index || paragraph.is_empty()))
                .flat_map(|(_, named)| named.iter().copied())
                .collect(),
            dates: find_dates(&view, lexicon, article_date, false),
            dates_ahead: find_dates(&view, lexicon, article_date, true),
            departed_before: departed_before(&departures, index),
            paragraph_last: paragraph.last().copied(),
            focus_in_paragraph: focus.is_some_and(|f| paragraph.contains(&f) || named_here.contains(&f)),
        };
        // A line of names alone states nothing ("Ana sayfa / News", a byline, a caption's credit).
        let says_something = view.folded.iter().zip(&view.in_mention).any(|(w, &named)| !named && w.chars().any(char::is_alphabetic));
        if says_something {
            found.extend(sentence.all());
        }
        if !view.find(&lexicon.left).is_empty() {
            departures.extend(view.people.iter().map(|p| (index, p.entity)));
        }
        for person in view.people.iter().filter(|p| !p.implicit) {
            for organization in cx.past_organizations(person) {
                if !past_organizations.contains(&(person.entity, organization)) {
                    past_organizations.push((person.entity, organization));
                }
            }
        }
        recent_people.push(view.people.iter().filter(|p| !p.implicit).map(|p| p.entity).collect());
        paragraph.extend(&named_here);
        recent_organizations.push((paragraph_index, named_here));
    }
    found
}

/// The people said to be leaving in the sentences before `index` (within `DEPARTED_SENTENCES_BACK`), each
/// once, with how many sentences back they were last said to be, nearest first.
fn departed_before(departures: &[(usize, usize)], index: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(sentence, entity) in departures.iter().rev() {
        let back = index - sentence;
        if back > DEPARTED_SENTENCES_BACK {
            break;
        }
        if !out.iter().any(|&(e, _)| e == entity) {
            out.push((entity, back));
        }
    }
    out
}

fn focus_lead(doc: &Document, mention_counts: &[usize], focus: usize) -> usize {
    let organizations = doc.entities.iter().enumerate().filter(|(_, e)| e.kind == crate::model::EntityKind::Organization);
    let next = organizations.filter(|&(e, _)| e != focus).map(|(e, _)| mention_counts[e]).max().unwrap_or(0);
    mention_counts[focus].saturating_sub(next)
}

fn mention_counts(doc: &Document) -> Vec<usize> {
    doc.entities.iter().map(|e| e.mentions.len()).collect()
}

struct SentenceCandidates<'a> {
    cx: &'a Context<'a>,
    language: &'a str,
    rule_facts: &'a [Fact],
    mention_counts: &'a [usize],
    /// How many more mentions the organisation in focus has than the next organisation: none in a
    /// round-up of companies named once each, where the focus is only the first named.
    focus_lead: usize,
    co_named: &'a CoNamed,
    earlier_people: Vec<usize>,
    earlier_organizations: Vec<usize>,
    /// (person, organisation) of the past titles the sentences before this one give people
    /// ("die frühere Siemens-Managerin Eva Brandt").
    earlier_past_organizations: &'a [(usize, usize)],
    /// The sentence's dates, read as past-or-present and as coming.
    dates: Vec<(Range<usize>, FactDate)>,
    dates_ahead: Vec<(Range<usize>, FactDate)>,
    /// (person, sentences back) of the people said to be leaving before this sentence.
    departed_before: Vec<(usize, usize)>,
    /// The organisation named last in the sentences of this paragraph before this one: in a round-up,
    /// the company a paragraph is about ("Beim Chemiekonzern Velmar tritt ... zurück. Sein Nachfolger wird ...").
    paragraph_last: Option<usize>,
    /// Is the organisation in focus named in this paragraph, up to this sentence?
    focus_in_paragraph: bool,
    /// (person, the organisations of the titles the sentence gives other people) for each person of the
    /// sentence (`Context::others_title_organizations`).
    others_organizations: Vec<(usize, Vec<usize>)>,
}

/// The trigger of `kind` nearest to `words`, if the sentence has one. A relative clause opened right after
/// the name is about that person, so its comma and pronoun do not count ("Meta lost its chief scientist,
/// X, who is also leaving": X's own verb is "leaving", not "lost").
fn nearest_trigger<'t>(view: &SentenceView, lexicon: &Lexicon, triggers: &'t [Trigger], kind: FactKind, words: &Range<usize>) -> Option<&'t Trigger> {
    let opens_relative_clause = view.folded.get(words.end).is_some_and(|w| w == ",")
        && view.folded.get(words.end + 1).is_some_and(|w| lexicon.relative_pronouns.contains(w));
    let reach = |t: &Trigger| {
        let in_clause = opens_relative_clause && t.words.start >= words.end + 2 && !view.folded[words.end + 2..t.words.start].iter().any(|w| matches!(w.as_str(), "," | ";"));
        if in_clause { gap(&t.words, words) - 2 } else { gap(&t.words, words) }
    };
    triggers.iter().filter(|t| t.kind == kind).min_by_key(|t| reach(t))
}

/// A trigger of the sentence: which kind of event, where, and (for a succession) its direction.
struct Trigger {
    kind: FactKind,
    words: Range<usize>,
    successor_first: bool,
}

impl SentenceCandidates<'_> {
    fn all(&self) -> Vec<Candidate> {
        let view = self.cx.view;
        let lexicon = self.cx.lexicon;
        let mut triggers: Vec<Trigger> = Vec::new();
        triggers.extend(view.find(&lexicon.left).into_iter().map(|words| Trigger { kind: FactKind::Left, words, successor_first: false }));
        triggers.extend(view.find(&lexicon.joins).into_iter().map(|words| Trigger { kind: FactKind::Joins, words, successor_first: false }));
        triggers.extend(replaces::triggers(self.cx).into_iter().map(|(words, successor_first)| Trigger { kind: FactKind::Replaces, words, successor_first }));
        // Running a seat for the time being ("dirige le groupe par intérim") is taking it over, and being
        // named a candidate ("gilt als Favorit") a rumoured appointment, where no other word tells one: a
        // word of its own reads the modality ("sera nommé") better.
        if !triggers.iter().any(|t| matches!(t.kind, FactKind::Joins | FactKind::Replaces)) {
            let standing_in = view.find(&lexicon.interim).into_iter().chain(view.find(&lexicon.candidacy));
            triggers.extend(standing_in.map(|words| Trigger { kind: FactKind::Joins, words, successor_first: false }));
        }
        triggers.sort_by_key(|t| (t.words.start, t.kind));
        let kinds_here: Vec<FactKind> = triggers.iter().map(|t| t.kind).collect();
        let named: Vec<&Slot> = self.people().into_iter().filter(|p| !p.implicit).collect();

        let mut found = Vec::new();
        for kind in [FactKind::Left, FactKind::Joins] {
            let triggered = kinds_here.contains(&kind);
            // A pronoun stands for someone only next to a trigger: "She will step down".
            let people: Vec<&Slot> = if triggered { self.people() } else { named.clone() };
            // Without a word of change, a sentence saying the person keeps a seat tells neither a departure
            // nor an appointment ("Reeve will stay on the board as a director").
            let keeps_a_seat = |p: &Slot| kinds_here.is_empty() && self.cx.kept_seat(p.entity).is_some();
            for person in people.into_iter().filter(|p| !keeps_a_seat(p)) {
                let trigger = nearest_trigger(view, lexicon, &triggers, kind, &person.words);
                found.push(self.event(kind, trigger, person, None, &kinds_here));
            }
        }
        let successions = kinds_here.contains(&FactKind::Replaces);
        let people: Vec<&Slot> = if successions { self.people() } else { named.clone() };
        for new in &people {
            let trigger = nearest_trigger(view, lexicon, &triggers, FactKind::Replaces, &new.words);
            for old in people.iter().filter(|o| o.entity != new.entity) {
                found.push(self.event(FactKind::Replaces, trigger, new, Some(old), &kinds_here));
            }
            // "... will retire in May. The board named X to succeed him": the predecessor was named before.
            if let Some(trigger) = trigger {
                for &entity in self.earlier_people.iter().filter(|&&e| e != new.entity && !people.iter().any(|p| p.entity == e)) {
                    if !found.iter().any(|c: &Candidate| c.kind == FactKind::Replaces && c.person == new.entity && c.predecessor == Some(entity)) {
                        let earlier = Slot { entity, words: trigger.words.clone(), implicit: true };
                        found.push(self.event(FactKind::Replaces, Some(trigger), new, Some(&earlier), &kinds_here));
                    }
                }
            }
        }
        // An appointment or succession sentence may take over from someone the document said was leaving,
        // further back than the sentences before ("... a décidé de remercier le CEO X. Dans cette attente,
        // le conseil a nommé Y au poste de directrice générale par intérim").
        let appointing: Vec<&Trigger> = triggers.iter().filter(|t| matches!(t.kind, FactKind::Joins | FactKind::Replaces)).collect();
        for new in &named {
            let Some(trigger) = appointing.iter().min_by_key(|t| gap(&t.words, &new.words)) else {
                break;
            };
            for &(entity, _) in &self.departed_before {
                let here = people.iter().any(|p| p.entity == entity);
                let known = found.iter().any(|c: &Candidate| c.kind == FactKind::Replaces && c.person == new.entity && c.predecessor == Some(entity));
                if entity != new.entity && !here && !known {
                    let earlier = Slot { entity, words: trigger.words.clone(), implicit: true };
                    found.push(self.event(FactKind::Replaces, Some(trigger), new, Some(&earlier), &kinds_here));
                }
            }
        }
        for person in &named {
            // A title written with another name is that person's ("Aufsichtsratschef Dieter Hausmann dankte
            // Kolb", "Santini e o presidente da Caixa, Pedro Guimarães"), however near this one.
            let titles_another = |r: &RoleAt| self.cx.title_holder(r).is_some_and(|holder| holder != person.entity);
            let role = view
                .roles
                .iter()
                .filter(|r| self.cx.words_between(&person.words, &r.words).len() <= TITLE_REACH && !titles_another(r))
                .min_by_key(|r| self.cx.words_between(&person.words, &r.words).len());
            // A seat kept while another is left is held, beside the one the nearest title names.
            let kept = self.cx.kept_seat(person.entity);
            let mut holding = self.holding(role.or(kept), person, &kinds_here);
            if let Some(kept) = kept {
                holding.seat_kept = true;
                let known = |r: &Role| r.normalized == kept.role.normalized;
                if !holding.role.as_ref().is_some_and(known) && !holding.coordinated_roles.iter().any(known) {
                    holding.coordinated_roles.push(kept.role.clone());
                }
            }
            // Another title the sentence writes with this person, naming another organisation than the
            // nearest one's, is a second role held ("its chairman Max Kley, a former chief financial officer
            // of BASF"): the nearest title alone made a candidate, so the other seat went unread (corpus/train
            // and the own train articles 2 and 3 more true roles; the dev sets unchanged).
            if let Some(nearest) = role {
                let nearest_at = self.cx.chain_organization(nearest).map(|o| o.entity);
                for other in view.roles.iter().filter(|r| !std::ptr::eq(*r, nearest) && self.cx.title_holder(r) == Some(person.entity)) {
                    let at = self.cx.chain_organization(other).map(|o| o.entity);
                    if at.is_some() && at != nearest_at {
                        found.push(self.holding(Some(other), person, &kinds_here));
                    }
                }
            }
            found.push(holding);
        }
        found
    }

    fn others_organizations(&self, person: usize) -> Vec<usize> {
        self.others_organizations.iter().find(|(p, _)| *p == person).map(|(_, organizations)| organizations.clone()).unwrap_or_default()
    }

    /// One slot per person of the sentence (where it first stands), named or through a pronoun.
    fn people(&self) -> Vec<&Slot> {
        let mut first: Vec<&Slot> = Vec::new();
        for slot in &self.cx.view.people {
            if !first.iter().any(|s| s.entity == slot.entity) {
                first.push(slot);
            }
        }
        first
    }

    fn event(&self, kind: FactKind, trigger: Option<&Trigger>, person: &Slot, predecessor: Option<&Slot>, kinds_here: &[FactKind]) -> Candidate {
        let cx = self.cx;
        let view = cx.view;
        let mut f = FeatureSet::new(kind);
        f.add("lang", self.language);
        // Without a trigger of its kind the candidate is read around the person.
        let anchor = trigger.map_or_else(|| person.words.clone(), |t| t.words.clone());
        match trigger {
            Some(trigger) => f.add("trigger", view.folded[trigger.words.clone()].join("_")),
            None => f.flag("no_trigger", true),
        }
        self.position_features(&mut f, "p", person, &anchor);
        // Which side of its trigger the person stands on says most in conjunction with the trigger itself
        // ("X resigned" / "resigned ... X"; "X replaces Y" / "replaced by X").
        let side = |slot: &Slot| if slot.words.end <= anchor.start { "before" } else { "after" };
        if let Some(trigger) = trigger {
            f.add("trigger_p_side", format!("{}_{}", view.folded[trigger.words.clone()].join("_"), side(person)));
            if let Some(old) = predecessor.filter(|o| !o.implicit) {
                f.add("trigger_o_side", format!("{}_{}", view.folded[trigger.words.clone()].join("_"), side(old)));
            }
        }
        if let Some(old) = predecessor {
            self.position_features(&mut f, "o", old, &anchor);
            let successor_first = trigger.is_some_and(|t| t.successor_first);
            f.add("successor_first", successor_first.to_string());
            let new_first = person.words.start < old.words.start;
            f.add("order_matches_trigger", (new_first == successor_first || old.implicit).to_string());
            f.flag("o_earlier_sentence", old.implicit && !view.people.iter().any(|p| p.entity == old.entity));
            if !old.implicit && !person.implicit {
                // What joins the two names says who takes over from whom when no trigger word does
                // ("X, qui prend la suite de Y", "Y makes way for X").
                let (first, second) = if new_first { (person, old) } else { (old, person) };
                let between = first.words.end..second.words.start.max(first.words.end);
                let order = if new_first { "new_old" } else { "old_new" };
                f.add("pair_order", order);
                f.add("pair_distance", format!("{order}_{}", bucket(between.len(), &[0, 2, 4, 7, 12, 20])));
                for w in between.clone().take(BETWEEN_WORDS).chain(between.clone().rev().take(BETWEEN_WORDS)) {
                    f.add("pair_between", format!("{order}_{}", view.folded[w]));
                }
            }
            let departed = self.departed_before.iter().find(|&&(e, _)| e == old.entity);
            f.flag("o_departed_before", departed.is_some());
            if let Some(&(_, back)) = departed {
                f.add("o_departed_back", bucket(back, &[1, 2, 4, 7]));
            }
            f.add("new_trigger_kind", trigger.map_or("none", |t| t.kind.as_str()));
            f.flag("o_left_by_rules", self.rule_facts.iter().any(|r| r.kind == FactKind::Left && r.person == old.entity && r.sentence <= view.index));
        }
        if anchor.start > 0 && view.folded[anchor.start - 1].chars().all(char::is_alphabetic) {
            f.add("before_anchor", &view.folded[anchor.start - 1]);
        }
        for other in kinds_here.iter().filter(|k| **k != kind) {
            f.add("also", other.as_str());
        }
        self.sentence_words(&mut f);
        let rule_same = |r: &Fact| r.kind == kind && r.person == person.entity && (predecessor.is_none() || r.predecessor == predecessor.map(|p| p.entity));
        f.flag("rule_sentence", self.rule_facts.iter().any(|r| rule_same(r) && r.sentence == view.index));
        f.flag("rule_document", self.rule_facts.iter().any(rule_same));
        f.add("sentence", bucket(view.index, &[0, 1, 2, 4]));

        let role = match kind {
            FactKind::Left => cx.role_for(&anchor, Some(person)),
            _ => cx.role_taken(&anchor, Some(predecessor.unwrap_or(person))),
        };
        f.flag("has_role", role.is_some());
        if let Some(role) = role {
            f.add("role", &role.role.normalized);
        }
        let organizations = self.organization_options(kind, &anchor, person, role.map(|r| &r.words));
        Candidate {
            kind,
            sentence: view.index,
            evidence: view.span,
            person: person.entity,
            predecessor: predecessor.map(|p| p.entity),
            role: role.map(|r| r.role.clone()),
            coordinated_roles: role.map(|r| cx.coordinated_roles(r)).unwrap_or_default(),
            seat_kept: false,
            // Only departures take their list along (`learned.rs`).
            coordinated_people: if kind == FactKind::Left { self.coordinated_people(person, predecessor) } else { Vec::new() },
            former: false,
            title_organization: None,
            listed_organizations: Vec::new(),
            past_organizations: if kind == FactKind::Left { Vec::new() } else { self.past_organizations(person) },
            others_organizations: self.others_organizations(person.entity),
            date: date_for(cx.view, &self.dates, &anchor),
            date_ahead: date_for(cx.view, &self.dates_ahead, &anchor),
            // Without a trigger, the verb that says when is after the name ("X, lui, restera conseiller",
            // "Non, X n'est pas sur un siège éjectable"): the name and the words after it are read.
            rule_modality: match trigger {
                Some(_) => cx.modality(&anchor),
                None => cx.modality(&(anchor.start..(anchor.end + UNTRIGGERED_READ_WORDS).min(view.folded.len()))),
            },
            triggered: trigger.is_some(),
            features: f.finish(),
            modality_features: self.modality_features(kind, &anchor, trigger.is_some()),
            organizations,
        }
    }

    /// The people named in a list with `person` in this sentence (not the predecessor): "A and B", "A, B
    /// and C", names one after another with commas and a joining word of the lexicon before the last
    /// ("y", "en", "e"), each perhaps with its title or in brackets, and nothing else between them.
    fn coordinated_people(&self, person: &Slot, predecessor: Option<&Slot>) -> Vec<(usize, Option<Role>)> {
        let view = self.cx.view;
        if person.implicit {
            return Vec::new();
        }
        let named: Vec<&Slot> = view.people.iter().filter(|p| !p.implicit).collect();
        let in_title = |w: usize| view.roles.iter().any(|r| r.words.contains(&w));
        let joiner = |w: usize| view.joins_list(self.cx.lexicon, w);
        let gap = |a: &Slot, b: &Slot| a.words.end..b.words.start.max(a.words.end);
        let joined = |a: &Slot, b: &Slot| {
            let gap = gap(a, b);
            gap.len() <= COORDINATION_GAP
                && gap.clone().any(|w| view.folded[w] == "," || joiner(w))
                && gap.clone().all(|w| matches!(view.folded[w].as_str(), "," | "(" | ")") || joiner(w) || in_title(w))
        };
        let Some(at) = named.iter().position(|p| p.words == person.words) else { return Vec::new() };
        let mut first = at;
        while first > 0 && joined(named[first - 1], named[first]) {
            first -= 1;
        }
        let mut last = at;
        while last + 1 < named.len() && joined(named[last], named[last + 1]) {
            last += 1;
        }
        // A list ends with its joining word; names only separated by commas are clauses or appositions.
        while last > first && !gap(named[last - 1], named[last]).any(joiner) {
            last -= 1;
        }
        if last == first || at > last {
            return Vec::new();
        }
        let title_before = |p: &Slot| view.roles.iter().find(|r| r.words.end <= p.words.start && p.words.start - r.words.end <= 1).map(|r| r.role.clone());
        named[first..=last]
            .iter()
            .filter(|p| p.entity != person.entity && predecessor.is_none_or(|o| o.entity != p.entity))
            .map(|p| (p.entity, title_before(p)))
            .collect()
    }

    /// The organisations of the person's past titles, in this sentence and the ones before.
    fn past_organizations(&self, person: &Slot) -> Vec<usize> {
        let mut past = self.cx.past_organizations(person);
        for &(_, organization) in self.earlier_past_organizations.iter().filter(|(p, _)| *p == person.entity) {
            if !past.contains(&organization) {
                past.push(organization);
            }
        }
        past
    }

    fn holding(&self, role: Option<&RoleAt>, person: &Slot, kinds_here: &[FactKind]) -> Candidate {
        let cx = self.cx;
        let view = cx.view;
        let mut f = FeatureSet::new(FactKind::HoldsRole);
        f.add("lang", self.language);
        let anchor = role.map_or_else(|| person.words.clone(), |r| r.words.clone());
        let titled_at = role.and_then(|r| cx.chain_organization(r));
        match role {
            Some(role) => {
                f.add("role", &role.role.normalized);
                f.flag("former", role.former);
                let others_closer = view.people.iter().filter(|o| o.entity != person.entity && !o.implicit && gap(&o.words, &role.words) < gap(&person.words, &role.words)).count();
                f.add("others_closer", bucket(others_closer, &[0, 1]));
            }
            None => f.flag("no_role", true),
        }
        self.position_features(&mut f, "p", person, &anchor);
        for kind in kinds_here {
            f.add("also", kind.as_str());
        }
        self.sentence_words(&mut f);
        let rule_same = |r: &Fact| r.kind == FactKind::HoldsRole && r.person == person.entity;
        f.flag("rule_sentence", self.rule_facts.iter().any(|r| rule_same(r) && r.sentence == view.index));
        f.flag("rule_document", self.rule_facts.iter().any(rule_same));
        f.flag("leaves_by_rules", self.rule_facts.iter().any(|r| r.kind == FactKind::Left && r.person == person.entity));
        f.add("sentence", bucket(view.index, &[0, 1, 2, 4]));
        Candidate {
            kind: FactKind::HoldsRole,
            sentence: view.index,
            evidence: view.span,
            person: person.entity,
            predecessor: None,
            role: role.map(|r| r.role.clone()),
            coordinated_roles: role.map(|r| cx.coordinated_roles(r)).unwrap_or_default(),
            seat_kept: false,
            coordinated_people: Vec::new(),
            former: role.is_some_and(|r| r.former),
            title_organization: titled_at.map(|o| o.entity),
            listed_organizations: titled_at.map(|o| cx.listed_after(o)).unwrap_or_default(),
            past_organizations: if role.is_some_and(|r| r.former) { Vec::new() } else { self.past_organizations(person) },
            others_organizations: self.others_organizations(person.entity),
            date: None,
            date_ahead: None,
            rule_modality: Modality::Asserted,
            triggered: false,
            features: f.finish(),
            modality_features: Vec::new(),
            organizations: self.organization_options(FactKind::HoldsRole, &anchor, person, role.map(|r| &r.words)),
        }
    }

    /// The sentence's own words outside names (what a missing trigger word leaves to learn from).
    fn sentence_words(&self, f: &mut FeatureSet) {
        let view = self.cx.view;
        for (w, word) in view.folded.iter().enumerate() {
            if !view.in_mention[w] && word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
                f.add("sentence_word", word);
            }
        }
    }

    /// Where a person stands from a trigger or title, what lies between, and what the document says of them.
    fn position_features(&self, f: &mut FeatureSet, name: &str, person: &Slot, anchor: &Range<usize>) {
        let view = self.cx.view;
        let before = person.words.end <= anchor.start;
        let side = if before { "before" } else { "after" };
        let distance = gap(&person.words, anchor);
        f.add(&format!("{name}_side"), side);
        f.add(&format!("{name}_distance"), &format!("{side}_{}", bucket(distance, &[0, 1, 2, 4, 7, 12, 20])));
        f.flag(&format!("{name}_pronoun"), person.implicit);
        f.flag(&format!("{name}_possessive"), view.possessed_by(person).is_some());
        if person.implicit {
            return;
        }
        let between = if before { person.words.end..anchor.start } else { anchor.end..person.words.start };
        let people_between = view.people.iter().filter(|o| o.entity != person.entity && between.start <= o.words.start && o.words.end <= between.end).count();
        f.add(&format!("{name}_people_between"), bucket(people_between, &[0, 1]));
        // Someone else nearer the trigger is more likely the one it is about ("Iger has stepped down as
        // CEO, with Chapek replacing him": Iger leaves, not Chapek), on whichever side they stand.
        let others_nearer = view.people.iter().filter(|o| o.entity != person.entity && !o.implicit && gap(&o.words, anchor) < distance).count();
        f.add(&format!("{name}_others_nearer"), format!("{side}_{}", bucket(others_nearer, &[0, 1])));
        let nearest_words: Vec<usize> = if before { between.clone().rev().take(BETWEEN_WORDS).collect() } else { between.clone().take(BETWEEN_WORDS).collect() };
        for w in nearest_words {
            f.add(&format!("{name}_between"), &view.folded[w]);
        }
        if person.words.start > 0 {
            let before = &view.folded[person.words.start - 1];
            f.add(&format!("{name}_word_before"), before);
            // The end of a compound title ("Finanzchef", "Vodafone-Chef"): what unseen compounds share.
            let chars: Vec<char> = before.chars().collect();
            if chars.len() > 5 {
                f.add(&format!("{name}_word_before_ending"), chars[chars.len() - 4..].iter().collect::<String>());
            }
        }
        if let Some(next) = view.folded.get(person.words.end) {
            f.add(&format!("{name}_word_after"), next);
        }
        let mentions = self.mention_counts.get(person.entity).copied().unwrap_or(0);
        f.add(&format!("{name}_mentions"), bucket(mentions, &[1, 2, 4]));
    }

    /// The organisations a candidate could be at: those named in the sentence, the one its title is
    /// attached to, those of the sentences just before, the one in focus, and none.
    /// The words between two spans (those nearest each end), as features named `name`.
    fn between_features(&self, f: &mut FeatureSet, name: &str, a: &Range<usize>, b: &Range<usize>) {
        let (start, end) = if a.end <= b.start { (a.end, b.start) } else { (b.end, a.start.max(b.end)) };
        let between = start..end.max(start);
        f.add(&format!("{name}_count"), bucket(between.len(), &[0, 1, 2, 4, 8]));
        for w in between.clone().take(LINK_WORDS).chain(between.rev().take(LINK_WORDS)) {
            f.add(name, &self.cx.view.folded[w]);
        }
    }

    fn organization_options(&self, kind: FactKind, anchor: &Range<usize>, person: &Slot, role: Option<&Range<usize>>) -> Vec<OrganizationOption> {
        let cx = self.cx;
        let view = cx.view;
        let attached = role.and_then(|r| view.roles.iter().find(|x| &x.words == r)).and_then(|r| cx.attached_organization(r)).map(|s| s.entity);
        let rule_org = self.rule_facts.iter().find(|r| r.kind == kind && r.person == person.entity && r.sentence == view.index).and_then(|r| r.organization);
        let mut entities: Vec<Option<usize>> = Vec::new();
        let mut add = |e: Option<usize>| {
            if !entities.contains(&e) {
                entities.push(e);
            }
        };
        view.organizations.iter().for_each(|o| add(Some(o.entity)));
        add(attached);
        self.earlier_organizations.iter().for_each(|&o| add(Some(o)));
        // The paragraph's last company, like the earlier sentences', only for a sentence that names none.
        if view.organizations.iter().all(|o| o.implicit) {
            add(self.paragraph_last);
        }
        add(cx.focus);
        add(None);
        let nearest_here = view.organizations.iter().filter(|o| !o.implicit).min_by_key(|o| gap(&o.words, anchor)).map(|o| o.entity);
        let elsewhere = |entity: usize| self.co_named.elsewhere(person.entity, entity, view.index);
        let most_elsewhere = entities.iter().flatten().map(|&e| elsewhere(e).0).max().unwrap_or(0);
        entities
            .into_iter()
            .map(|entity| {
                let mut f = FeatureSet::new(kind);
                f.add("lang", self.language);
                match entity {
                    None => f.flag("none", true),
                    Some(entity) => {
                        let slots: Vec<&Slot> = view.organizations.iter().filter(|o| o.entity == entity).collect();
                        let nearest = slots.iter().min_by_key(|o| gap(&o.words, anchor));
                        match nearest {
                            Some(slot) => {
                                let side = if slot.words.end <= anchor.start { "before" } else { "after" };
                                f.add("distance", &format!("{side}_{}", bucket(gap(&slot.words, anchor), &[0, 1, 2, 4, 7, 12, 20])));
                                f.flag("pronoun", slot.implicit);
                                f.flag("near_person", gap(&slot.words, &person.words) <= 2);
                                if slot.words.start > 0 {
                                    f.add("word_before", &view.folded[slot.words.start - 1]);
                                }
                                if let Some(next) = view.folded.get(slot.words.end) {
                                    f.add("word_after", next);
                                }
                                if slot.words.start > 1 {
                                    f.add("words_before", format!("{}_{}", view.folded[slot.words.start - 2], view.folded[slot.words.start - 1]));
                                }
                                // What links the organisation to the title or trigger, and to the person, says
                                // whose organisation it is ("CEO of X", "told X", "laut X", "ex-X").
                                self.between_features(&mut f, "between", &slot.words, anchor);
                                if anchor != &person.words {
                                    self.between_features(&mut f, "person_between", &slot.words, &person.words);
                                }
                                f.add("person_distance", bucket(gap(&slot.words, &person.words), &[0, 1, 2, 4, 7, 12, 20]));
                                if !slot.implicit {
                                    // The name's last word: "Zeitung", "Newswires", "Bank", "Group".
                                    f.add("last_word", &view.folded[slot.words.end - 1]);
                                }
                            }
                            None => f.flag("earlier_sentence", self.earlier_organizations.contains(&entity)),
                        }
                        f.flag("nearest_here", nearest_here == Some(entity));
                        // A round-up names several companies: the one in focus is then not the default for a
                        // sentence that names another.
                        let named_here = view.organizations.iter().any(|o| o.entity == entity && !o.implicit);
                        let others_named_here = view.organizations.iter().any(|o| o.entity != entity && !o.implicit);
                        f.add("here", format!("{}_{}", if named_here { "named" } else { "not_named" }, if others_named_here { "others_named" } else { "alone" }));
                        // A round-up gives each company a paragraph: the one named last in this paragraph, read
                        // with whether the paragraph names the focus at all, and the focus read the same way.
                        if self.paragraph_last == Some(entity) {
                            f.add("paragraph_last", format!("{}_{}", cx.focus == Some(entity), self.focus_in_paragraph));
                        }
                        if cx.focus == Some(entity) {
                            f.add("focus_paragraph", format!("{}_{named_here}_{others_named_here}", self.focus_in_paragraph));
                            f.add("focus_here", format!("{named_here}_{others_named_here}"));
                            f.add("focus_lead", format!("{}_{named_here}_{others_named_here}", bucket(self.focus_lead, &[0, 1, 3])));
                        }
                        if attached == Some(entity) {
                            f.add("attached_here", named_here.to_string());
                        }
                        f.flag("attached_to_title", attached == Some(entity));
                        f.flag("focus", cx.focus == Some(entity));
                        f.flag("rules", rule_org == Some(entity));
                        // Named with the person in other sentences of the article (a round-up ties each person
                        // to their company once).
                        let (together, close) = elsewhere(entity);
                        f.add("elsewhere", bucket(together, &[0, 1, 2, 4]));
                        f.flag("elsewhere_close", close);
                        f.flag("elsewhere_most", together > 0 && together == most_elsewhere);
                        f.add("mentions", bucket(self.mention_counts.get(entity).copied().unwrap_or(0), &[1, 2, 4, 8]));
                    }
                }
                OrganizationOption { entity, features: f.finish() }
            })
            .collect()
    }

    /// The words around a trigger and the modality cues of the lexicon among them.
    fn modality_features(&self, kind: FactKind, trigger: &Range<usize>, triggered: bool) -> Vec<String> {
        let view = self.cx.view;
        let mut f = FeatureSet::new(kind);
        f.add("lang", self.language);
        match triggered {
            true => f.add("trigger", view.folded[trigger.clone()].join("_")),
            false => f.flag("no_trigger", true),
        }
        f.add("rules", self.cx.modality(trigger).as_str());
        f.add("sentence", bucket(view.index, &[0, 1, 2]));
        for w in trigger.start.saturating_sub(MODALITY_BEFORE)..trigger.start {
            let near = trigger.start - w <= 3;
            f.add(if near { "near_before" } else { "before" }, &view.folded[w]);
        }
        for w in trigger.end..(trigger.end + MODALITY_AFTER).min(view.folded.len()) {
            f.add("after", &view.folded[w]);
        }
        let lexicon = self.cx.lexicon;
        let so_far = 0..trigger.end;
        let cues = [
            ("negation", &lexicon.negation),
            ("denial", &lexicon.denial),
            ("hedge", &lexicon.hedge),
            ("future", &lexicon.future),
            ("progressive", &lexicon.progressive),
            ("attribution", &lexicon.attribution_before),
        ];
        for (name, phrases) in cues {
            f.flag(&format!("cue_{name}"), view.any_in(phrases, so_far.clone()));
            f.flag(&format!("cue_{name}_after"), view.any_in(phrases, trigger.end..view.folded.len()));
        }
        f.flag("cue_future_after", view.any_in(&lexicon.future_after, trigger.end..trigger.end + MODALITY_AFTER));
        f.finish()
    }
}

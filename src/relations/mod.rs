//! Stage 4: relation extraction. From a document's sentences, mentions and entities, facts of four
//! kinds: `left`, `replaces`, `joins` and `holds_role`, each with its organisation, role (as written
//! and normalised), modality, evidence sentence and confidence. One file per kind; the words each
//! language uses (roles, triggers, modality cues, pronouns) are data files under `data/`.

mod candidates;
mod co_named;
mod context;
mod credits;
mod dates;
mod features;
mod holds_role;
mod joins;
mod learned;
mod left;
mod modality;
mod replaces;
mod sentence;

pub use candidates::{candidates, Candidate, OrganizationOption};
pub use learned::{default_relation_model_dir, RelationModel};

use crate::lexicon::Lexicon;
use crate::model::{Document, EntityKind, Fact, FactDate, FactKind, Modality, Role};
use crate::model::{DocumentStage, StageError};
use context::Context;
use std::collections::BTreeSet;
use std::sync::Arc;
use sentence::{Salience, SentenceView};

/// Extracts facts from each document whose language has a lexicon: with the trained model when the
/// stage has one, else with the hand-written rules alone.
#[derive(Clone, Default)]
pub struct RelationStage {
    model: Option<Arc<RelationModel>>,
}

impl RelationStage {
    /// The hand-written rules alone (what the model reads as one of its features).
    pub fn rules() -> Self {
        Self { model: None }
    }

    pub fn learned(model: RelationModel) -> Self {
        Self { model: Some(Arc::new(model)) }
    }

    /// The model's version, or `rules`.
    pub fn describe(&self) -> String {
        self.model.as_ref().map_or_else(|| "rules".to_string(), |m| m.version().to_string())
    }
}

impl DocumentStage for RelationStage {
    fn name(&self) -> &'static str {
        "relations"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let code = doc.language.as_ref().map_or("und", |l| l.code.as_str()).to_string();
        let Some(lexicon) = Lexicon::for_language(&code) else {
            doc.facts = Vec::new();
            return Ok(());
        };
        let facts = match &self.model {
            Some(model) => {
                let facts = model.extract(doc, lexicon, &code).map_err(StageError::new)?;
                let rumoured = facts.iter().any(|f| f.modality == Modality::Hedged);
                let denied = if rumoured { people_named_in_denials(doc, lexicon) } else { BTreeSet::new() };
                completed(facts, &denied)
            }
            None => extract_facts(doc, lexicon),
        };
        let credited = if facts.is_empty() { Default::default() } else { credits::credited_people(doc, lexicon) };
        doc.facts = facts.into_iter().filter(|f| !credited.contains(&f.person) && f.predecessor.is_none_or(|p| !credited.contains(&p))).collect();
        Ok(())
    }
}

/// The model's facts with what they imply: a succession names the role the predecessor held and says
/// that one left and the other joined. Where the model states that departure or appointment at that
/// organisation itself, with a role, it is one fact with the succession's role ("Nachfolger wird
/// Finanzvorstand X": X joins as chief executive, not as finance chief); a second fact beside it gave 5
/// false facts and no true one on corpus/dev (F1 0.581 -> 0.586). A stated one without a role yields to
/// the implied one. A stated departure with a role keeps it: the succession's role may be the one its
/// successors take ("named A and B as co-chief executives"; role accuracy corpus/train 391 -> 395 of 544,
/// eval-dev 59 -> 60 of 63, corpus/dev 128 -> 127 of 193).
///
/// Roles held are the model's own `holds_role` facts, and the seat an asserted appointment gives
/// (`appointees_hold_their_roles`). Deriving one also from every departure not yet done (as the rules do)
/// added false roles on every annotated set (fifth session: corpus/dev F1 0.580 -> 0.581 without it,
/// eval-dev 0.785 -> 0.829).
///
/// First, a rumour the article denies is denied (`denied_rumours`), a succession read both ways keeps
/// its surer way (`one_direction_per_pair`), and a succession waits for a departure still to come
/// (`successions_wait_for_their_departures`). Then: a successor keeps one
/// predecessor (the departures of the others stay), an appointment takes its succession's modality, a
/// role held without a title takes the one the article gives elsewhere, nobody is appointed to the seat
/// they leave, an appointee holds the seat, and a role just vacated goes.
fn completed(mut facts: Vec<Fact>, named_in_denials: &BTreeSet<usize>) -> Vec<Fact> {
    denied_rumours(&mut facts, named_in_denials);
    let mut facts = one_direction_per_pair(facts);
    inherit_succession_roles(&mut facts);
    successions_wait_for_their_departures(&mut facts);
    let successions: Vec<Fact> = facts.iter().filter(|f| f.kind == FactKind::Replaces).cloned().collect();
    // Only the succession a successor keeps (`one_predecessor_per_successor`) gives their appointment its
    // role; a weaker one, to someone who left another company of a round-up, would give another seat. The
    // departure a weaker one implies stands, unless the article has that person leave another organisation.
    let kept = |f: &Fact| strongest_succession(&successions, f.person, f.organization).is_some_and(|s| std::ptr::eq(s, f));
    let leaves_elsewhere = |i: &Fact| facts.iter().any(|g| g.kind == FactKind::Left && g.person == i.person && g.organization != i.organization);
    let implied_facts = successions.iter().flat_map(|f| implied_by_succession(f).into_iter().filter(move |i| kept(f) || (i.kind == FactKind::Left && !leaves_elsewhere(i))));
    for implied in implied_facts.collect::<Vec<_>>() {
        let same_event = |f: &&mut Fact| (f.kind, f.person, f.organization) == (implied.kind, implied.person, implied.organization) && f.role.is_some();
        match facts.iter_mut().find(same_event) {
            // A departure read at its own trigger word keeps the seat it names: a succession's role may be
            // the one its successors take ("as co-chief executives", "als Interimschef").
            Some(stated) if implied.kind == FactKind::Left && stated.role.is_some() => {}
            Some(stated) => stated.role = implied.role.clone().or(stated.role.take()),
            None => facts.push(implied),
        }
    }
    let mut facts = one_predecessor_per_successor(facts);
    appointments_take_their_successions_modality(&mut facts);
    roles_held_named_elsewhere(&mut facts);
    let facts = appointees_hold_their_roles(leavers_do_not_join(facts));
    deduplicate(without_vacated_roles(facts))
}

/// The people an article names in a sentence with a word of denial ("Hale denied he would step down",
/// "Fortuna Sittard spreekt de geruchten over het ontslag van trainer X tegen").
fn people_named_in_denials(doc: &Document, lexicon: &Lexicon) -> BTreeSet<usize> {
    let focus = focus_organization(doc, lexicon);
    let mut salience = Salience::new();
    let mut named = BTreeSet::new();
    for index in 0..doc.sentences.len() {
        let view = SentenceView::new(doc, index, lexicon, focus, &mut salience);
        if view.any_in(&lexicon.denial, 0..view.folded.len()) {
            named.extend(view.people.iter().map(|p| p.entity));
        }
    }
    named
}

/// A rumour the article goes on to deny is a denied event, not a reported one: the annotation
/// guidelines make a rumour followed by a denial one `negated` relation, and the successor who exists
/// only inside the rumour is denied with it. A sentence reads a rumour as hedged ("according to the
/// magazine, X will replace Y"), so a hedged departure, appointment or succession of someone a denial
/// names (the person, or the predecessor of a succession) is negated; the departure and appointment a
/// succession implies follow it (`newsgraph eval` modality on matched facts: own dev articles 66 -> 70
/// of 116, corpus/train 157 -> 158 of 257, corpus/dev, eval-dev and seeds unchanged). The organisation
/// alone is not enough: a company that denies one thing may be rumoured about another (negating the
/// rumours about any organisation a denial names: corpus/train 156 of 257).
fn denied_rumours(facts: &mut [Fact], named_in_denials: &BTreeSet<usize>) {
    let denied = |f: &Fact| named_in_denials.contains(&f.person) || f.predecessor.is_some_and(|p| named_in_denials.contains(&p));
    for fact in facts.iter_mut().filter(|f| f.kind != FactKind::HoldsRole && f.modality == Modality::Hedged) {
        if denied(fact) {
            fact.modality = Modality::Negated;
        }
    }
}

/// Nobody takes the seat they leave: an appointment at an organisation the person leaves, to the same
/// seat or with either untitled, is a reading of the departure story ("Der Aufsichtsrat dankte Albers
/// für zwölf Jahre an der Spitze", "Priya leaves a stronger company behind"), unless the model is surer
/// of the appointment than of the departure (a departure read at the wrong organisation or seat). Stepping
/// down as chief executive to become chairman keeps both: the seats differ. A predecessor is never
/// appointed in the sentence of their own succession (corpus/train one false appointment fewer; the
/// other sets unchanged).
fn leavers_do_not_join(facts: Vec<Fact>) -> Vec<Fact> {
    let leaves_seat = |joins: &Fact| {
        facts.iter().any(|left| {
            left.kind == FactKind::Left
                && (left.person, left.organization) == (joins.person, joins.organization)
                && may_be_same_seat(&left.role, &joins.role)
                && left.confidence >= joins.confidence
        })
    };
    // Nor is anyone appointed in the sentence that says they are replaced ("ha nombrado consejero
    // delegado a X ... en sustitución de Y": Y stands after the appointment word too).
    let replaced_here = |joins: &Fact| {
        facts.iter().any(|r| r.kind == FactKind::Replaces && r.predecessor == Some(joins.person) && r.organization == joins.organization && r.sentence == joins.sentence)
    };
    let keep: Vec<bool> = facts.iter().map(|f| !(f.kind == FactKind::Joins && (leaves_seat(f) || replaced_here(f)))).collect();
    facts.into_iter().zip(keep).filter_map(|(f, keep)| keep.then_some(f)).collect()
}

/// Two people do not take over from each other at one organisation: of a succession read both ways
/// ("X has resigned as CFO and Y will serve as interim CFO" gives a candidate each way), the more
/// confident way stands, and the other's departure and appointment are not implied.
fn one_direction_per_pair(facts: Vec<Fact>) -> Vec<Fact> {
    let reversed_is_surer = |f: &Fact| {
        f.kind == FactKind::Replaces
            && facts.iter().any(|g| {
                g.kind == FactKind::Replaces
                    && g.organization == f.organization
                    && Some(g.person) == f.predecessor
                    && g.predecessor == Some(f.person)
                    && g.confidence > f.confidence
            })
    };
    let keep: Vec<bool> = facts.iter().map(|f| !reversed_is_surer(f)).collect();
    facts.into_iter().zip(keep).filter_map(|(f, keep)| keep.then_some(f)).collect()
}

/// The most confident succession of a successor at an organisation, the first in text order on ties.
fn strongest_succession(successions: &[Fact], person: usize, organization: Option<usize>) -> Option<&Fact> {
    successions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FactKind::Replaces && (f.person, f.organization) == (person, organization))
        .max_by(|(i, a), (j, b)| a.confidence.total_cmp(&b.confidence).then(j.cmp(i)))
        .map(|(_, f)| f)
}

/// A successor takes over from one person: of the successions the model finds for one successor at one
/// organisation, the most confident stands (the first in text order on ties). In the gold of the train
/// articles one successor of 99 has two predecessors (an interim head, then the one before), while the
/// candidates that reach back over earlier departures can pair a new appointee with everyone who left
/// ("nominato il consigliere X vicepresidente" after five resignations).
fn one_predecessor_per_successor(facts: Vec<Fact>) -> Vec<Fact> {
    let strongest = |f: &Fact| strongest_succession(&facts, f.person, f.organization).is_some_and(|s| std::ptr::eq(s, f));
    let keep: Vec<bool> = facts.iter().map(|f| f.kind != FactKind::Replaces || strongest(f)).collect();
    facts.into_iter().zip(keep).filter_map(|(f, keep)| keep.then_some(f)).collect()
}

/// A successor's appointment and the succession are one event with one modality: in the gold of the
/// train articles they agree in 548 of 557 cases. The succession's reading wins, since a succession
/// sentence says both who and whether ("X soll Nachfolger von Y werden"); an appointment may be read in a
/// sentence about something else. corpus/dev modality 56 -> 57 of 70, eval-dev 31 -> 32 of 34, own dev
/// articles 47 -> 48 of 80, seeds unchanged; taking the appointment's reading instead lost on every set.
fn appointments_take_their_successions_modality(facts: &mut [Fact]) {
    let successions: Vec<(usize, Option<usize>, Modality)> =
        facts.iter().filter(|f| f.kind == FactKind::Replaces).map(|f| (f.person, f.organization, f.modality)).collect();
    for appointment in facts.iter_mut().filter(|f| f.kind == FactKind::Joins) {
        if let Some(&(_, _, modality)) = successions.iter().find(|&&(person, organization, _)| (person, organization) == (appointment.person, appointment.organization)) {
            appointment.modality = modality;
        }
    }
}

/// A successor takes over when the predecessor goes: a succession read as done whose predecessor's
/// departure at that organisation is still to come is still to come ("X will retire in May. The board
/// named Y to succeed him"). In the gold of the real-news train articles 22 of 23 successions whose
/// departure is to come are to come themselves (all 143 of the own train articles). The appointment
/// follows its succession (`appointments_take_their_successions_modality`).
fn successions_wait_for_their_departures(facts: &mut [Fact]) {
    let departures_to_come: Vec<(usize, Option<usize>, Option<FactDate>)> =
        facts.iter().filter(|f| f.kind == FactKind::Left && f.modality == Modality::Future).map(|f| (f.person, f.organization, f.date)).collect();
    for succession in facts.iter_mut().filter(|f| f.kind == FactKind::Replaces && f.modality == Modality::Asserted) {
        let Some(predecessor) = succession.predecessor else { continue };
        if let Some(&(_, _, date)) = departures_to_come.iter().find(|&&(person, organization, _)| (person, organization) == (predecessor, succession.organization)) {
            succession.modality = Modality::Future;
            succession.date = date.or(succession.date);
        }
    }
}

/// A role held that its sentence does not name ("Hoeneß selbst hat ... empfohlen") is the one the
/// article gives the person at that organisation in another fact (a departure, an appointment).
fn roles_held_named_elsewhere(facts: &mut [Fact]) {
    for i in 0..facts.len() {
        if facts[i].kind != FactKind::HoldsRole || facts[i].role.is_some() || facts[i].organization.is_none() {
            continue;
        }
        let (person, organization) = (facts[i].person, facts[i].organization);
        let named = facts.iter().filter(|f| f.person == person && f.organization == organization && f.kind != FactKind::Replaces).find_map(|f| f.role.clone());
        if named.is_some() {
            facts[i].role = named;
        }
    }
}

/// Someone appointed holds the role once the appointment is done: the guidelines give a new appointee a
/// `holds_role` once it is in effect, and in the gold of the real-news train articles 39 of 48 asserted
/// appointments have one at that organisation (all 41 of the own dev articles'). The model reads a role
/// held where a title stands next to the name, which an appointment sentence often lacks ("le conseil a
/// nommé Y au poste de directrice générale"), so an asserted appointment at a named organisation adds the
/// role held when no fact holds that seat there yet (the guidelines give each role its own relation).
fn appointees_hold_their_roles(mut facts: Vec<Fact>) -> Vec<Fact> {
    let held = |facts: &[Fact], joins: &Fact| {
        facts.iter().any(|f| f.kind == FactKind::HoldsRole && (f.person, f.organization) == (joins.person, joins.organization) && may_be_same_seat(&f.role, &joins.role))
    };
    let implied: Vec<Fact> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Joins && f.modality == Modality::Asserted && f.organization.is_some() && !held(&facts, f))
        .map(|f| Fact { kind: FactKind::HoldsRole, former: false, date: None, ..f.clone() })
        .collect();
    facts.extend(implied);
    facts
}

/// A role just vacated is not one held: the annotation guidelines repeat no `holds_role` for a
/// completed departure, and in the gold of the train articles 4 of 94 people who have left an
/// organisation still hold a role there (another one: "steps down as CEO and stays chairman"). So a
/// role at an organisation a person has left goes, unless it is another seat than the one left; written
/// as a past one too ("le dimissioni dell'ex amministratore delegato X"), since it is the departure's
/// role, not a second fact (corpus/train 2 false roles fewer, corpus/dev 1).
fn without_vacated_roles(facts: Vec<Fact>) -> Vec<Fact> {
    let vacated = |held: &Fact| {
        facts.iter().any(|left| {
            left.kind == FactKind::Left
                && left.modality == Modality::Asserted
                && (left.person, left.organization) == (held.person, held.organization)
                && may_be_same_seat(&left.role, &held.role)
        })
    };
    let keep: Vec<bool> = facts
        .iter()
        .map(|f| !(f.kind == FactKind::HoldsRole && f.organization.is_some() && vacated(f)))
        .collect();
    facts.into_iter().zip(keep).filter_map(|(f, keep)| keep.then_some(f)).collect()
}

/// What naming an organisation in the headline (or, when the headline names none, in the lead) counts
/// for, in mentions: news names its subject there first.
const HEADLINE_WEIGHT: usize = 2;

/// The sentences that make the headline and the lead.
const LEAD_SENTENCES: usize = 2;

/// The organisation the document is most about: the most mentioned (not counting mentions as a cited
/// news source), the headline's counting extra, the first on ties; none where every organisation is named
/// only as a source (a story "o site X afirmou" is not about the outlet).
pub fn focus_organization(doc: &Document, lexicon: &Lexicon) -> Option<usize> {
    // Mentions of a cited news source ("telling Reuters") say nothing of what the article is about.
    let counted: Vec<bool> = (0..doc.mentions.len())
        .map(|m| doc.mentions[m].kind == EntityKind::Organization && !sentence::mention_is_cited_source(doc, m, lexicon))
        .collect();
    // The headline, or the lead when the headline names no organisation.
    let first_naming = (0..doc.mentions.len()).filter(|&m| counted[m]).map(|m| doc.mentions[m].sentence).min().filter(|&s| s < LEAD_SENTENCES);
    let weight = |e: &crate::model::LocalEntity| {
        let in_headline = e.mentions.iter().any(|&m| counted[m] && Some(doc.mentions[m].sentence) == first_naming);
        e.mentions.iter().filter(|&&m| counted[m]).count() + if in_headline { HEADLINE_WEIGHT } else { 0 }
    };
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Organization)
        .map(|(i, e)| (i, weight(e)))
        .filter(|&(_, w)| w > 0)
        .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
        .map(|(i, _)| i)
}

pub fn extract_facts(doc: &Document, lexicon: &Lexicon) -> Vec<Fact> {
    let focus = focus_organization(doc, lexicon);
    let article_date = doc.article.date.map(|d| d.day());
    let mut salience = Salience::new();
    let mut facts: Vec<Fact> = Vec::new();
    for index in 0..doc.sentences.len() {
        let view = SentenceView::new(doc, index, lexicon, focus, &mut salience);
        let last_departed = facts.iter().rev().find(|f| f.kind == FactKind::Left).map(|f| f.person);
        let mut cx = Context { view: &view, lexicon, focus, last_departed, article_date };
        let departures = left::extract(&cx);
        cx.last_departed = departures.last().map(|f| f.person).or(last_departed);
        facts.extend(replaces::extract(&cx));
        facts.extend(departures);
        facts.extend(joins::extract(&cx));
        facts.extend(holds_role::extract(&cx));
    }
    inherit_succession_roles(&mut facts);
    let successions: Vec<Fact> = facts.iter().filter(|f| f.kind == FactKind::Replaces).cloned().collect();
    facts.extend(successions.iter().flat_map(implied_by_succession));
    facts.extend(successions_from_role_changes(&facts));
    facts.extend(implied_role_holdings(&facts));
    deduplicate(headline_yields_to_lead(facts, lead_sentence(doc)))
}

/// The lead: the first sentence that ends like one, after the headline and any heading lines under it
/// (which end without a full stop).
fn lead_sentence(doc: &Document) -> Option<usize> {
    (1..doc.sentences.len()).find(|&i| doc.sentences[i].ends_like_a_sentence(doc.text()))
}

/// A succession sentence often names no role ("She will be replaced by Tomasz Wielgus"): the role is the
/// one the document gives the predecessor's departure, else a role it says they hold, else the one it
/// gives the successor, at the same organisation.
fn inherit_succession_roles(facts: &mut [Fact]) {
    let role_of = |facts: &[Fact], person: usize, kinds: &[FactKind], organization: Option<usize>| {
        facts
            .iter()
            .find(|f| f.person == person && kinds.contains(&f.kind) && f.role.is_some() && (organization.is_none() || f.organization == organization))
            .and_then(|f| f.role.clone())
    };
    for i in 0..facts.len() {
        let fact = &facts[i];
        if fact.kind != FactKind::Replaces || fact.role.is_some() {
            continue;
        }
        let Some(old) = fact.predecessor else { continue };
        // The seat the predecessor's departure names first: a role held may be read from another sentence's news.
        let role = role_of(facts, old, &[FactKind::Left], fact.organization)
            .or_else(|| role_of(facts, old, &[FactKind::HoldsRole], fact.organization))
            .or_else(|| role_of(facts, fact.person, &[FactKind::Joins], fact.organization));
        if role.is_some() {
            facts[i].role = role;
        }
    }
}

/// A succession says the predecessor leaves and the successor takes the role.
fn implied_by_succession(fact: &Fact) -> Vec<Fact> {
    let Some(old) = fact.predecessor else { return Vec::new() };
    let lower = fact.confidence * 0.9;
    vec![
        Fact { kind: FactKind::Left, person: old, predecessor: None, confidence: lower, ..fact.clone() },
        Fact { kind: FactKind::Joins, predecessor: None, confidence: lower, ..fact.clone() },
    ]
}

/// Words of a normalised title that do not change which seat it is: an interim or executive chairman
/// sits in the chairman's seat.
const SEAT_QUALIFIERS: [&str; 3] = ["interim", "acting", "executive"];

/// The seats a normalised title names: "chairman and CEO" two, "interim CEO" the CEO's.
fn seats(title: &str) -> std::collections::BTreeSet<String> {
    title
        .to_lowercase()
        .split(" and ")
        .map(|seat| seat.split_whitespace().filter(|w| !SEAT_QUALIFIERS.contains(w)).collect::<Vec<_>>().join(" "))
        .filter(|seat| !seat.is_empty())
        .collect()
}

/// Do two normalised titles share a seat ("CEO" and "chairman and CEO"; not "vice chairman" and "chairman")?
fn same_seat(a: &str, b: &str) -> bool {
    !seats(a).is_disjoint(&seats(b))
}

/// Two facts' roles may name one seat: the same seat, or either untitled.
fn may_be_same_seat(a: &Option<Role>, b: &Option<Role>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_seat(&a.normalized, &b.normalized),
        _ => true,
    }
}

/// An article that says one person leaves a role and another is appointed to the same role at the same
/// organisation tells a succession, even when no sentence says "replaces" ("la destitución de Dimas
/// Gimeno como presidente y ... el nombramiento de Jesús Nuño de la Rosa como presidente ejecutivo").
/// The succession takes the appointment's role, modality and evidence; the nearest departure is the one
/// replaced. Rumoured or denied moves are not paired.
fn successions_from_role_changes(facts: &[Fact]) -> Vec<Fact> {
    let definite = |f: &Fact| matches!(f.modality, Modality::Asserted | Modality::Future) && f.organization.is_some();
    let mut found = Vec::new();
    for appointment in facts.iter().filter(|f| f.kind == FactKind::Joins && definite(f)) {
        let Some(role) = &appointment.role else { continue };
        let told = facts.iter().any(|f| f.kind == FactKind::Replaces && f.person == appointment.person && f.organization == appointment.organization);
        if told {
            continue;
        }
        let departure = facts
            .iter()
            .filter(|f| f.kind == FactKind::Left && definite(f) && f.person != appointment.person && f.organization == appointment.organization)
            .filter(|f| f.role.as_ref().is_some_and(|r| same_seat(&r.normalized, &role.normalized)))
            .min_by_key(|f| f.sentence.abs_diff(appointment.sentence));
        if let Some(departure) = departure {
            let confidence = appointment.confidence.min(departure.confidence) * 0.7;
            found.push(Fact { kind: FactKind::Replaces, predecessor: Some(departure.person), confidence, ..appointment.clone() });
        }
    }
    found
}

/// Leaving a role says one held it (still holds it, unless the departure has happened); being appointed
/// to a role (done) says one holds it.
fn implied_role_holdings(facts: &[Fact]) -> Vec<Fact> {
    facts
        .iter()
        .filter(|f| f.role.is_some() && f.organization.is_some())
        .filter_map(|f| match (f.kind, f.modality) {
            (FactKind::Left, Modality::Asserted) => Some(Fact { former: true, ..f.clone() }),
            (FactKind::Left, _) | (FactKind::Joins, Modality::Asserted) => Some(Fact { former: false, ..f.clone() }),
            _ => None,
        })
        .map(|f| Fact { kind: FactKind::HoldsRole, modality: Modality::Asserted, date: None, confidence: f.confidence * 0.8, ..f })
        .collect()
}

/// A headline's present tense ("Hegeman quitte Meta") is how news announces what the lead, which
/// restates it, may say is coming, only reported or denied ("il allait quitter"): when the lead states
/// the same fact with such a modality, the lead's fact stands (taking the headline's role if it names
/// none) and the headline's goes.
fn headline_yields_to_lead(mut facts: Vec<Fact>, lead: Option<usize>) -> Vec<Fact> {
    let Some(lead) = lead else { return facts };
    let same = |a: &Fact, b: &Fact| a.kind == b.kind && a.person == b.person && a.predecessor == b.predecessor && a.organization == b.organization;
    let mut yielded = vec![false; facts.len()];
    for i in 0..facts.len() {
        let headline = &facts[i];
        if headline.sentence >= lead || headline.modality != Modality::Asserted || headline.kind == FactKind::HoldsRole {
            continue;
        }
        let role = headline.role.clone();
        let body = facts.iter().position(|f| {
            f.sentence == lead && f.modality != Modality::Asserted && same(f, headline) && f.role.as_ref().is_none_or(|r| role.as_ref().is_some_and(|h| h.normalized == r.normalized))
        });
        if let Some(j) = body {
            if facts[j].role.is_none() {
                facts[j].role = role;
            }
            yielded[i] = true;
        }
    }
    facts.into_iter().zip(yielded).filter(|(_, gone)| !gone).map(|(fact, _)| fact).collect()
}

/// One fact per (kind, people, organisation, role, modality), the most confident, in text order (one per
/// sentence whatever the modality: two triggers of one sentence state one fact); a fact without a role
/// is dropped when the same fact with a role exists.
fn deduplicate(mut facts: Vec<Fact>) -> Vec<Fact> {
    facts.sort_by(|a, b| a.sentence.cmp(&b.sentence).then(b.confidence.total_cmp(&a.confidence)));
    let same = |a: &Fact, b: &Fact| a.kind == b.kind && a.person == b.person && a.predecessor == b.predecessor && a.organization == b.organization;
    let mut kept: Vec<Fact> = Vec::new();
    for fact in facts {
        let duplicate = kept.iter().any(|k| {
            same(k, &fact)
                && (k.role.as_ref().map(|r| &r.normalized) == fact.role.as_ref().map(|r| &r.normalized) || fact.role.is_none())
                && (k.modality == fact.modality || k.sentence == fact.sentence || fact.kind == FactKind::HoldsRole)
        });
        if !duplicate {
            kept.push(fact);
        }
    }
    let with_role: Vec<(FactKind, usize, Option<usize>, Option<usize>)> =
        kept.iter().filter(|f| f.role.is_some()).map(|f| (f.kind, f.person, f.predecessor, f.organization)).collect();
    kept.retain(|f| f.role.is_some() || !with_role.contains(&(f.kind, f.person, f.predecessor, f.organization)));
    kept
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod learned_tests;

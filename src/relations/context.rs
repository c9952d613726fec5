//! What the per-kind extractors share: the sentence, the lexicon, the organisation in focus, and
//! helpers that pick the person, organisation or role nearest to a trigger.

use crate::lexicon::Lexicon;
use super::modality::modality_of;
use super::sentence::{RoleAt, SentenceView, Slot};
use crate::model::{Fact, FactKind, Modality, Role};
use super::dates::{date_for, find_dates};
use chrono::NaiveDate;
use std::ops::Range;

/// How far (in words) a person or organisation may sit from its trigger or role and still belong to it.
pub const REACH: usize = 12;

/// How far back a trigger's subject may be: appositions ("Yann LeCun, Meta's chief scientist who
/// joined in 2013, is leaving") put it far before the verb.
pub const SUBJECT_REACH: usize = 20;

/// Words between a role and a name for the two to read as one phrase ("CEO Mark Zuckerberg",
/// "Priya Natarajan, its chief financial officer").
pub const APPOSITION: usize = 3;
/// How many words a chain of prepositional phrases may put between a title and its organisation.
const CHAINED_ATTACHMENT: usize = 6;

/// The most words between two organisations of one list: a comma or a joining word, and a preposition
/// with its article ("y del", "et d'").
const LIST_GAP: usize = 4;

/// How many words before a title a word saying it is held now (lexicon `held_now`) may stand ("il suo
/// attuale ruolo di").
const HELD_NOW_REACH: usize = 3;

/// How many words a relative clause may run from the name to the title it gives.
const RELATIVE_CLAUSE_REACH: usize = 10;

/// How many words may stand between a phrase saying a seat is kept and its title ("bleibt aber ein
/// weiteres Jahr als Lead Independent Director").
const KEPT_SEAT_REACH: usize = 6;

/// How many words an apposition may hold between a subject and its verb (`Context::apposed_subject`).
const APPOSED_SUBJECT_REACH: usize = 30;

pub struct Context<'a> {
    pub view: &'a SentenceView,
    pub lexicon: &'a Lexicon,
    /// The organisation the document is about, for "the company" and for facts that name none.
    pub focus: Option<usize>,
    /// The person who last left a role in the document: the one replaced in "Bocking will take over
    /// the role".
    pub last_departed: Option<usize>,
    /// The article's publication day, for "on Tuesday", "next year".
    pub article_date: Option<NaiveDate>,
}

pub fn nearest_before(slots: &[Slot], position: usize, reach: usize) -> Option<&Slot> {
    slots.iter().filter(|s| s.words.end <= position && position - s.words.end <= reach).max_by_key(|s| s.words.end)
}

pub fn nearest_after(slots: &[Slot], position: usize, reach: usize) -> Option<&Slot> {
    slots.iter().filter(|s| s.words.start >= position && s.words.start - position <= reach).min_by_key(|s| s.words.start)
}

/// Distance in words between two ranges (0 when they touch or overlap).
pub fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else if b.end <= a.start {
        a.start - b.end
    } else {
        0
    }
}

impl Context<'_> {
    /// The words between two ranges that can separate a title from its name, leaving out parenthesised
    /// asides, words saying the title is held now, and the organisation the title is of, named or not: "the CISO (top cybersecurity person),
    /// Guy Rosen", "La consejera delegada de Grupo Almena, Lucía Ibarra" and "le directeur général du
    /// groupe, Tim Cook" read as "the CISO, Guy Rosen", "La consejera delegada de, Lucía Ibarra" and "le
    /// directeur général du, Tim Cook".
    pub fn words_between(&self, a: &Range<usize>, b: &Range<usize>) -> Vec<&String> {
        let between = if a.end <= b.start { a.end..b.start } else { b.end..a.start };
        let in_organization = |w: usize| self.view.organizations.iter().any(|o| o.words.contains(&w));
        let mut depth = 0usize;
        let mut kept = Vec::new();
        for w in between {
            match self.view.folded[w].as_str() {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                // "Jan Bennink, momenteel voorzitter": a word saying the title is held now keeps it next to the name.
                word if self.lexicon.held_now.iter().any(|h| h == word) => {}
                _ if depth == 0 && !in_organization(w) => kept.push(&self.view.folded[w]),
                _ => {}
            }
        }
        kept
    }

    /// The other titles held side by side with `role`: each joined to one of the chain by a single
    /// joining word or a comma ("presidente y consejero delegado", "consigliere, amministratore delegato e
    /// direttore generale"), in text order. The guidelines make two roles vacated or taken two relations.
    /// With the comma: corpus/train 4 more true departures, no false one; the other sets unchanged.
    pub fn coordinated_roles(&self, role: &RoleAt) -> Vec<Role> {
        let joined = |a: &Range<usize>, b: &Range<usize>| {
            let between = if a.end <= b.start { a.end..b.start } else { b.end..a.start };
            between.len() == 1 && (self.lexicon.title_joiners.contains(&self.view.folded[between.start]) || self.view.folded[between.start] == ",")
        };
        let mut chain: Vec<(Range<usize>, &Role)> = vec![(role.words.clone(), &role.role)];
        while let Some(next) = self.view.roles.iter().find(|r| !r.former && !chain.iter().any(|c| c.0 == r.words) && chain.iter().any(|c| joined(&c.0, &r.words))) {
            chain.push((next.words.clone(), &next.role));
        }
        chain.remove(0);
        chain.sort_by_key(|(words, _)| words.start);
        chain.into_iter().map(|(_, role)| role.clone()).collect()
    }

    /// The title a person keeps while leaving another ("stepped down as chief executive but remains
    /// executive chairman", "ficou como presidente e passou o comando do conselho"): the first title in
    /// the clause after a phrase of lexicon `kept_seat` whose nearest person before it is this one.
    pub fn kept_seat(&self, person: usize) -> Option<&RoleAt> {
        let view = self.view;
        view.find(&self.lexicon.kept_seat).into_iter().find_map(|phrase| {
            let subject = view.people.iter().filter(|p| p.words.end <= phrase.start).max_by_key(|p| p.words.end)?;
            let title = view.roles.iter().filter(|r| r.words.start >= phrase.end && !r.former).min_by_key(|r| r.words.start)?;
            let between = &view.folded[phrase.end..title.words.start];
            let in_clause = between.len() <= KEPT_SEAT_REACH && !between.iter().any(|w| matches!(w.as_str(), "," | ";" | ":" | "."));
            let no_one_between = !view.people.iter().any(|p| p.words.start >= phrase.end && p.words.end <= title.words.start);
            // "Reeve remains confident that chairman Anna Berg ...": a title written with another name is theirs.
            let nobody_elses = self.title_holder(title).is_none_or(|holder| holder == person);
            (subject.entity == person && in_clause && no_one_between && nobody_elses).then_some(title)
        })
    }

    /// The person a title is written with, when the sentence says: the name right after it
    /// ("Aufsichtsratschef Dieter Hausmann"), else the name it follows past a comma or a preposition ("Fabio
    /// Rinaldi, direttore generale della Regione, Carla Neri e ...", "Bernardini a capo del Bilancio"), else
    /// the name after it past its organisation and a comma ("Santini e o presidente da Caixa, Pedro
    /// Guimarães"). A parenthesis between is a list's aside ("Ramiro Sequeira, como COO (que foi ...),
    /// Alexandra Reis"), and a joining word a list's next item ("Santini e o presidente").
    pub fn title_holder(&self, role: &RoleAt) -> Option<usize> {
        let named = || self.view.people.iter().filter(|p| !p.implicit);
        let aside = |range: Range<usize>| self.view.folded[range].iter().any(|w| w == "(");
        // The words between a title and a name after it, less the articles and prepositions that attach
        // the title's organisation.
        let after = |p: &Slot| {
            let linking = |w: &&String| self.lexicon.articles.contains(*w) || self.lexicon.attaching_prepositions.contains(*w);
            (p.words.start >= role.words.end && !aside(role.words.end..p.words.start))
                .then(|| self.words_between(&role.words, &p.words).into_iter().filter(|w| !linking(w)).collect::<Vec<_>>())
        };
        let follows = |p: &Slot| {
            let rest: Vec<&String> = self.words_between(&p.words, &role.words).into_iter().filter(|w| !self.lexicon.articles.contains(*w)).collect();
            // A past title keeps its cue word before it ("X, a former chief financial officer of BASF"); a
            // semicolon ends a list's item ("el presidente ejecutivo, X; el presidente de la FTC, Y").
            p.words.end <= role.words.start
                && !aside(p.words.end..role.words.start)
                && rest.len() <= 1 + usize::from(role.former)
                && !rest.iter().any(|w| *w == ";")
                && !rest.iter().any(|w| self.lexicon.title_joiners.contains(*w))
        };
        let right_before = named().find(|p| after(p).is_some_and(|rest| rest.is_empty()));
        let followed = || named().filter(|p| follows(p)).max_by_key(|p| p.words.end);
        let before_comma = || named().find(|p| after(p).is_some_and(|rest| rest.len() == 1 && rest[0] == ","));
        right_before.or_else(followed).or_else(before_comma).map(|p| p.entity)
    }

    /// The role that belongs with a trigger and its person: "as CEO" after the trigger, a title next to
    /// the name, or the closest title in the sentence. A past role ("Alexandr Wang, ancien directeur
    /// général de Scale AI") is not the one an event is about.
    pub fn role_for(&self, trigger: &Range<usize>, person: Option<&Slot>) -> Option<&RoleAt> {
        self.role_among(trigger, person, |_| true)
    }

    /// The role a person takes (an appointment, a succession): as `role_for`, but not one the text says
    /// is held now ("manterrà il suo attuale ruolo di Presidente", "Jan Bennink, momenteel voorzitter").
    pub fn role_taken(&self, trigger: &Range<usize>, person: Option<&Slot>) -> Option<&RoleAt> {
        self.role_among(trigger, person, |r| !self.held_now(r))
    }

    /// Does a word saying "now" sit just before the title ("his current role as chairman", "attuale ad")?
    fn held_now(&self, role: &RoleAt) -> bool {
        let folded = &self.view.folded;
        (role.words.start.saturating_sub(HELD_NOW_REACH)..role.words.start).any(|w| self.lexicon.held_now.contains(&folded[w]))
    }

    fn role_among(&self, trigger: &Range<usize>, person: Option<&Slot>, eligible: impl Fn(&RoleAt) -> bool) -> Option<&RoleAt> {
        let apposition = |r: &RoleAt, p: &Slot| self.words_between(&r.words, &p.words).len();
        // Next to a name, past a comma and an article: "Dr. Elena Varga, the head of the cloud unit".
        let next_to = |r: &RoleAt, o: &Slot| self.words_between(&r.words, &o.words).iter().filter(|w| !self.lexicon.articles.contains(**w)).count() <= 1;
        // A title right next to another person's name is theirs ("..., bank spokesman Tim Deighton said"),
        // and so is one in a relative clause about them ("succeeded by Grayson Hall, who was promoted to
        // company president"). A person found through a pronoun or the trigger has no name for a title to
        // sit next to.
        // People joined by "and" before a title share it ("named Ann Lee and Bo Chan as co-chief executives").
        let shares_with = |p: &Slot, o: &Slot, r: &RoleAt| {
            !p.implicit && p.words.end <= o.words.start && o.words.end <= r.words.start && {
                let between = &self.view.folded[p.words.end..o.words.start];
                !between.is_empty() && between.iter().all(|w| w == "," || self.lexicon.title_joiners.contains(w))
            }
        };
        let someone_elses = |r: &RoleAt| {
            person.is_some_and(|p| {
                self.view.people.iter().any(|o| {
                    o.entity != p.entity
                        && !o.implicit
                        && ((next_to(r, o) && (p.implicit || apposition(r, o) < apposition(r, p)) && !shares_with(p, o, r)) || self.in_relative_clause_of(r, o))
                })
            })
        };
        let roles: Vec<&RoleAt> = self.view.roles.iter().filter(|r| !r.former && !someone_elses(r) && eligible(r)).collect();
        let after_trigger = roles.iter().copied().find(|r| r.words.start >= trigger.end && r.words.start - trigger.end <= 4);
        let next_to_person = person.and_then(|p| roles.iter().copied().filter(|r| apposition(r, p) <= APPOSITION).min_by_key(|r| apposition(r, p)));
        let closest = roles.iter().copied().filter(|r| gap(&r.words, trigger) <= REACH).min_by_key(|r| gap(&r.words, trigger));
        after_trigger.or(next_to_person).or(closest)
    }

    /// The organisations of the titles this sentence gives other people ("Così Sara Conti, vicepresidente
    /// di Confartigianato, commenta le dimissioni di Luca Neri da Banca Orobica"): theirs, not this person's,
    /// when the sentence names another.
    pub fn others_title_organizations(&self, person: usize) -> Vec<usize> {
        let mut others: Vec<usize> = Vec::new();
        for role in self.view.roles.iter().filter(|r| self.title_holder(r).is_some_and(|holder| holder != person)) {
            if let Some(slot) = self.chain_organization(role).filter(|o| !others.contains(&o.entity)) {
                others.push(slot.entity);
            }
        }
        others
    }

    /// The organisations the person's past titles in this sentence name ("el exconsejero delegado de
    /// Banco Levante, Luis Soto, ficha por Seguros Atlas"): where they were, not a seat they take.
    pub fn past_organizations(&self, person: &Slot) -> Vec<usize> {
        if person.implicit {
            return Vec::new();
        }
        let mut past: Vec<usize> = Vec::new();
        for role in self.view.roles.iter().filter(|r| r.former && self.words_between(&r.words, &person.words).len() <= APPOSITION) {
            if let Some(slot) = self.chain_organization(role).filter(|o| !past.contains(&o.entity)) {
                past.push(slot.entity);
            }
        }
        past
    }

    /// The subject of a verb group starting at `position` when an apposition between commas parts it from
    /// the verb: "Thierry Bolloré (55 ans), directeur du groupe qui assure déjà ... par intérim, sera
    /// nommé". Too far for `SUBJECT_REACH`, but nothing else can be the subject: the words between open
    /// with a comma after the name (or after its parenthesised aside), close with one, and name nobody.
    pub fn apposed_subject(&self, position: usize) -> Option<&Slot> {
        let folded = &self.view.folded;
        if position == 0 || folded[position - 1] != "," {
            return None;
        }
        let person = self.view.people.iter().filter(|p| !p.implicit && p.words.end < position).max_by_key(|p| p.words.end)?;
        let mut start = person.words.end;
        if folded.get(start).is_some_and(|w| w == "(") {
            start += folded[start..position].iter().position(|w| w == ")")? + 1;
        }
        let apposition = start..position;
        let plain = !folded[apposition.clone()].iter().any(|w| matches!(w.as_str(), ";" | ":" | "." | "\"" | "«" | "»"));
        (folded.get(start).is_some_and(|w| w == ",") && apposition.len() <= APPOSED_SUBJECT_REACH && plain).then_some(person)
    }

    /// Is the title in a relative clause right after the person's name ("Grayson Hall, who was promoted
    /// to company president", "Thierry Bolloré, qui assure la direction générale")?
    fn in_relative_clause_of(&self, role: &RoleAt, person: &Slot) -> bool {
        let folded = &self.view.folded;
        let (start, end) = (person.words.end, role.words.start);
        start + 2 <= end
            && end - start <= RELATIVE_CLAUSE_REACH
            && folded[start] == ","
            && self.lexicon.relative_pronouns.contains(&folded[start + 1])
            && !folded[start + 2..end].iter().any(|w| w == "," || w == ";")
    }

    /// The organisation of a fact: the one its role is attached to ("Meta's CRO", "CEO of Disney"),
    /// else one named before the trigger (the sentence's subject: "Die Bank Hanseatica dementiert, dass
    /// ..."), else the organisation the document is about (names after the trigger are often where
    /// someone comes from: "replaced by Walgreens executive Ken Murphy"), else the closest one.
    /// `bool`: named in this sentence.
    pub fn organization_for(&self, trigger: &Range<usize>, role: Option<&RoleAt>) -> Option<(usize, bool)> {
        if let Some(attached) = role.and_then(|r| self.attached_organization(r)) {
            return Some((attached.entity, !attached.implicit));
        }
        // An organisation named with someone's past role ("X, ancien directeur général de Kalibre, ...")
        // is not the subject.
        // Nor is one in another title that describes a person ("Jean-Dominique Senard, Pdg actuel de
        // Michelin, occupera la fonction de président du conseil"): that is where they come from.
        let describes_someone = |r: &RoleAt| {
            role.is_none_or(|own| own.words != r.words) && self.view.people.iter().any(|p| !p.implicit && self.words_between(&r.words, &p.words).len() <= APPOSITION)
        };
        let of_other_title = |o: &Slot| {
            self.view.roles.iter().any(|r| (r.former || describes_someone(r)) && self.attached_organization(r).is_some_and(|a| a.words == o.words))
        };
        let subjects: Vec<Slot> = self.view.organizations.iter().filter(|o| !of_other_title(o)).cloned().collect();
        if let Some(subject) = nearest_before(&subjects, trigger.start, SUBJECT_REACH) {
            return Some((subject.entity, !subject.implicit));
        }
        if let Some(focus) = self.focus {
            let named_here = self.view.organizations.iter().any(|o| o.entity == focus && !o.implicit);
            return Some((focus, named_here));
        }
        self.view
            .organizations
            .iter()
            .filter(|o| gap(&o.words, trigger) <= REACH)
            .min_by_key(|o| gap(&o.words, trigger))
            .map(|o| (o.entity, !o.implicit))
    }

    /// The organisation a title is attached to: "Meta's CEO", "Tesco CEO", "CEO of Disney", "directeur
    /// général de la startup Scale AI"; else the one in focus.
    pub fn organization_of_title(&self, role: &RoleAt) -> Option<(usize, bool)> {
        match self.attached_organization(role) {
            Some(slot) => Some((slot.entity, !slot.implicit)),
            None => self.focus.map(|f| (f, false)),
        }
    }

    /// The organisations a list names after `first`, one after another, joined by commas and the
    /// lexicon's joining word before the last, each perhaps with its own preposition and article ("de
    /// Prisa y Openbank", "du Canadien, du Centre Bell et d'evenko"): a title attached to the first is
    /// held at each. A list ends with its joining word, as lists of people do.
    pub fn listed_after(&self, first: &Slot) -> Vec<usize> {
        let view = self.view;
        let joiner = |w: usize| view.joins_list(self.lexicon, w);
        let linking = |w: usize| {
            let word = &view.folded[w];
            word == "," || joiner(w) || self.lexicon.attaching_prepositions.contains(word) || self.lexicon.articles.contains(word)
        };
        let mut organizations: Vec<&Slot> = view.organizations.iter().filter(|o| !o.implicit && o.words.start >= first.words.end).collect();
        organizations.sort_by_key(|o| o.words.start);
        let mut listed = Vec::new();
        let mut previous = first;
        for next in organizations {
            let gap = previous.words.end..next.words.start;
            if gap.is_empty() || gap.len() > LIST_GAP || !gap.clone().any(|w| view.folded[w] == "," || joiner(w)) || !gap.clone().all(linking) {
                break;
            }
            listed.push((next.entity, gap.clone().any(joiner)));
            previous = next;
        }
        // Names only separated by commas are clauses or appositions: the list ends at its joining word.
        while listed.last().is_some_and(|(_, joined)| !joined) {
            listed.pop();
        }
        listed.into_iter().map(|(entity, _)| entity).filter(|&e| e != first.entity).collect()
    }

    /// The organisation a title names, or else the one the last of the titles joined after it names:
    /// "presidente y director financiero de Veltran" names Veltran for both.
    pub fn chain_organization(&self, role: &RoleAt) -> Option<&Slot> {
        self.attached_organization(role).or_else(|| {
            let joins_next = |r: &RoleAt| self.view.joins_list(self.lexicon, r.words.end);
            let mut last = role;
            while let Some(next) = self.view.roles.iter().find(|r| joins_next(last) && r.words.start == last.words.end + 1) {
                last = next;
            }
            (last.words != role.words).then(|| self.attached_organization(last)).flatten()
        })
    }

    pub fn attached_organization(&self, role: &RoleAt) -> Option<&Slot> {
        let folded = &self.view.folded;
        if let Some(named) = role.organization {
            return self.view.organizations.iter().find(|o| o.entity == named);
        }
        self.view.organizations.iter().find(|o| {
            if o.words.end <= role.words.start {
                // "Meta's CRO", "the Meta CRO", and a word or two of description after a possessive:
                // "Anheuser-Busch InBev's long-time chief executive". The possessive is the clitic the word
                // splitter cuts off (`data/words.toml`); an article of the language may stand there too.
                let between = &folded[o.words.end..role.words.start];
                let possessive = between.first().is_some_and(|w| matches!(w.as_str(), "'s" | "'"));
                let described = possessive && between.len() <= 3 && between[1..].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
                described || between.iter().all(|w| matches!(w.as_str(), "'s" | "'") || self.lexicon.articles.contains(w))
            } else if o.words.start >= role.words.end {
                // "Wethouder Petra Lubbers van de gemeente Hengeloord", "spokesman Tim Deighton of Acme": a
                // title right before a name reaches past the name to its organisation.
                let named = self.view.people.iter().find(|p| !p.implicit && p.words.start == role.words.end && p.words.end <= o.words.start);
                let start = named.map_or(role.words.end, |p| p.words.end);
                let mut between = &folded[start..o.words.start];
                // "Pdg actuel de Michelin", "current CEO of Disney".
                if between.first().is_some_and(|w| self.lexicon.held_now.contains(w)) {
                    between = &between[1..];
                }
                let preposition = |w: &String| self.lexicon.attaching_prepositions.contains(w);
                // "du groupe": an organisation pronoun that carries its own preposition.
                let own_preposition = between.is_empty() && o.implicit && folded.get(o.words.start).is_some_and(preposition);
                // "director of operations of the Europe division of Grupo X": a chain of phrases, each
                // opened by a preposition, with no punctuation and nobody named between.
                let nobody = !self.view.people.iter().any(|p| p.words.start >= start && p.words.end <= o.words.start);
                let chained = between.len() <= CHAINED_ATTACHMENT && nobody && between.iter().all(|w| w.chars().any(char::is_alphanumeric));
                // An adjective may follow the title before its preposition: "président national de X".
                let opens = between.first().is_some_and(preposition)
                    || (between.len() >= 2 && preposition(&between[1]) && between[0].chars().all(char::is_lowercase));
                own_preposition || ((between.len() <= APPOSITION || chained) && opens)
            } else {
                false
            }
        })
    }

    /// The modality read from the words around the trigger; an event the sentence dates after the
    /// article's publication is still to come, whatever the tense ("Sels neemt de fakkel over op 1
    /// augustus" in an article of May). The date is read as the text gives it, a month without a year as
    /// the nearest such month (`dates.rs`).
    pub fn modality(&self, trigger: &Range<usize>) -> Modality {
        let read = modality_of(self.view, self.lexicon, trigger);
        let dated_ahead = || {
            self.article_date.is_some_and(|article| {
                date_for(self.view, &find_dates(self.view, self.lexicon, Some(article), false), trigger).is_some_and(|date| date.is_after(article))
            })
        };
        if read == Modality::Asserted && dated_ahead() {
            Modality::Future
        } else {
            read
        }
    }

    /// A fact with its evidence, its modality and date (read around its trigger; a fact without one,
    /// a role holding, is asserted and undated) and a confidence that drops for each part taken from
    /// context rather than read in the sentence.
    pub fn fact(&self, kind: FactKind, person: &Slot, predecessor: Option<&Slot>, organization: Option<(usize, bool)>, role: Option<&RoleAt>, trigger: Option<&Range<usize>>) -> Fact {
        let modality = trigger.map_or(Modality::Asserted, |t| self.modality(t));
        let date = trigger.and_then(|t| {
            let ahead = modality == Modality::Future;
            date_for(self.view, &find_dates(self.view, self.lexicon, self.article_date, ahead), t)
        });
        let mut confidence: f32 = 0.9;
        if person.implicit || predecessor.is_some_and(|p| p.implicit) {
            confidence -= 0.15;
        }
        match organization {
            Some((_, true)) => {}
            Some((_, false)) => confidence -= 0.15,
            None => confidence -= 0.3,
        }
        if role.is_none() {
            confidence -= 0.1;
        }
        Fact {
            kind,
            person: person.entity,
            predecessor: predecessor.map(|p| p.entity),
            organization: organization.map(|(o, _)| o),
            role: role.map(|r| Role { written: r.role.written.clone(), normalized: r.role.normalized.clone() }),
            modality,
            former: role.is_some_and(|r| r.former),
            date,
            evidence: self.view.span,
            sentence: self.view.index,
            confidence: confidence.clamp(0.05, 1.0),
        }
    }
}

//! Stage 5: entity resolution. Within a document (a document stage): mentions grouped into entities by
//! name keys, short forms and fuzzy surnames. Across documents (a corpus stage): entities merged into
//! global entities with stable keys.

mod across_documents;
mod names;
mod registry;
mod within_document;

pub use across_documents::steps as resolution_steps;
pub use across_documents::{resolve_across, AcrossDocuments, DocumentEntities, EntityRef, GlobalEntity};
pub use names::{organization_key, person_key, ticker_symbol};
pub use registry::{Assigner, Assignment, Registry, RegistryEntry, REGISTRY_FORMAT};
pub use within_document::group_mentions;

use crate::lexicon::{fold, split_words, Lexicon};
use crate::model::{ByteSpan, Document, DocumentStage, EntityKind, Mention, StageError};

/// Groups each document's mentions into entities.
#[derive(Debug, Clone, Copy, Default)]
pub struct WithinDocumentStage;

impl DocumentStage for WithinDocumentStage {
    fn name(&self) -> &'static str {
        "resolve"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        without_honorifics_alone(&doc.article.text, &mut doc.mentions);
        if let Some(lexicon) = doc.language.as_ref().and_then(|l| Lexicon::for_language(&l.code)) {
            municipalities_are_organisations(&doc.article.text, lexicon, &mut doc.mentions);
        }
        let headline = doc.sentences.first().is_some_and(|s| !s.ends_like_a_sentence(&doc.article.text));
        retype_by_the_body(&doc.article.text, &mut doc.mentions, headline);
        retype_surnames(&doc.article.text, &mut doc.mentions);
        retype_organization_names(&doc.article.text, &mut doc.mentions);
        retype_given_names(&doc.article.text, &mut doc.mentions);
        doc.entities = group_mentions(&doc.article.text, &doc.mentions);
        Ok(())
    }
}

/// A "person" that is an honorific and nothing else ("Mr", "Mme", "Dr.") names no one: the model took in
/// the honorific of a name it tagged apart, or of none. Left in, it becomes a person of its own and
/// takes facts ("Mr" holding a role at the company).
fn without_honorifics_alone(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| m.kind != EntityKind::Person || !person_key(m.span.slice(text)).is_empty());
}

/// A place named after a word for its municipality is the municipality ("de gemeente Ameland", "il comune
/// di Lucera"): an organisation, with the word, where mayors and aldermen hold office. The model tags the
/// place alone.
fn municipalities_are_organisations(text: &str, lexicon: &Lexicon, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut().filter(|m| m.kind == EntityKind::Location) {
        let before = &text[..mention.span.start];
        let words = split_words(before);
        let recent = &words[words.len().saturating_sub(MUNICIPALITY_WORDS)..];
        let folded: Vec<String> = recent.iter().map(|w| fold(w.slice(before))).collect();
        let phrase = lexicon.municipalities.iter().filter(|p| p.len() <= folded.len() && p.matches_at(&folded, folded.len() - p.len())).map(|p| p.len()).max();
        if let Some(length) = phrase {
            mention.span = ByteSpan::new(recent[recent.len() - length].start, mention.span.end);
            mention.kind = EntityKind::Organization;
        }
    }
}

/// The most words a municipality phrase has ("câmara municipal de").
const MUNICIPALITY_WORDS: usize = 4;

/// A name tagged as two kinds in one article (person, organisation, place) takes, everywhere, the kind
/// most of its mentions outside the headline have: a headline's capitals and missing context mislead the
/// model ("Grayson Hall will replace Regions' Dowd Ritter" tags Grayson Hall an organisation; the text,
/// a person; "Québec" an organisation once, a place elsewhere). Ties change nothing. A first line that
/// ends like a sentence is no headline but the lead, and votes ("Le directeur général d'Elior, ...").
fn retype_by_the_body(text: &str, mentions: &mut [Mention], headline: bool) {
    use std::collections::BTreeMap;
    // Per surface: the kinds it is tagged with anywhere, and each kind's mentions outside the headline.
    let mut tagged: BTreeMap<&str, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for m in mentions.iter() {
        *tagged.entry(m.span.slice(text)).or_default().entry(m.kind).or_default() += usize::from(m.sentence > 0 || !headline);
    }
    let verdict: BTreeMap<&str, EntityKind> = tagged
        .into_iter()
        .filter(|(_, votes)| votes.len() > 1)
        .filter_map(|(surface, votes)| {
            let most = votes.values().copied().max()?;
            let mut winners = votes.iter().filter(|(_, &n)| n == most);
            match (winners.next(), winners.next()) {
                (Some((&kind, _)), None) if most > 0 => Some((surface, kind)),
                _ => None,
            }
        })
        .collect();
    for m in mentions.iter_mut() {
        if let Some(&kind) = verdict.get(m.span.slice(text)) {
            m.kind = kind;
        }
    }
}

/// The name keys of the article's person mentions.
fn person_keys<'a>(text: &'a str, mentions: &'a [Mention]) -> impl Iterator<Item = Vec<String>> + 'a {
    mentions.iter().filter(|m| m.kind == EntityKind::Person).map(move |m| person_key(m.span.slice(text)))
}

/// Below this NER score, an organisation that is the surname of a person the article names in full is
/// that person ("Hegeman's exit" tagged ORG once, in an article about John Hegeman). A confident
/// organisation keeps its type ("Bloomberg" next to Michael Bloomberg), unless the article also calls
/// the person by that surname alone elsewhere ("Hegeman said ... Hegeman's new company").
const SURNAME_RETYPE_SCORE: f32 = 0.8;

fn retype_surnames(text: &str, mentions: &mut [Mention]) {
    // A surname is what ends a full name: its last word, or its last words ("De Croo" of Alexander De Croo,
    // "Gómez Besteiro" of José Ramón Gómez Besteiro).
    let surnames: std::collections::BTreeSet<Vec<String>> =
        person_keys(text, mentions).filter(|key| key.len() >= 2).flat_map(|key| (1..key.len()).map(move |start| key[start..].to_vec())).collect();
    let surnames_alone: std::collections::BTreeSet<Vec<String>> = person_keys(text, mentions).filter(|key| surnames.contains(key)).collect();
    for mention in mentions.iter_mut() {
        if mention.kind == EntityKind::Organization {
            let key = person_key(mention.span.slice(text));
            let unsure = mention.score < SURNAME_RETYPE_SCORE || surnames_alone.contains(&key);
            if unsure && surnames.contains(&key) {
                mention.kind = EntityKind::Person;
            }
        }
    }
}

/// A one-word "person" spelt exactly like an organisation the article names, or its leading word where
/// that stands for the whole name ("Corvane's" beside "Corvane Systems"), and no part of any person's
/// full name there, is that organisation ("Marcopolo" tagged PER in a headline, ORG in the text). A surname or given name stays a person ("Ford" beside Henry Ford).
/// So is a longer "person" each of whose words the article names alone as an organisation, and whose
/// first word no other person's name shares: the name of a merger ("Ahold Delhaize" tagged PER
/// throughout, "bij Ahold" and "het Belgische Delhaize" ORG). A given name the model once took for a
/// company ("Priya") does not make its bearer one.
fn retype_organization_names(text: &str, mentions: &mut [Mention]) {
    let full_names: std::collections::BTreeSet<Vec<String>> = person_keys(text, mentions).filter(|key| key.len() >= 2).collect();
    let name_parts: std::collections::BTreeSet<String> = full_names.iter().flatten().cloned().collect();
    let organizations: std::collections::BTreeSet<&str> =
        mentions.iter().filter(|m| m.kind == EntityKind::Organization).map(|m| m.span.slice(text)).collect();
    let organization_keys: Vec<Vec<String>> = organizations.iter().map(|surface| organization_key(surface)).collect();
    let one_word_organizations: std::collections::BTreeSet<&str> = organization_keys.iter().filter(|k| k.len() == 1).map(|k| k[0].as_str()).collect();
    let named_by_others = |key: &Vec<String>, word: &str| full_names.iter().any(|other| other != key && other.iter().any(|w| w == word));
    let retyped: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Person)
        .filter(|(_, m)| {
            let surface = m.span.slice(text);
            let key = person_key(surface);
            if key.len() >= 2 {
                return key.iter().all(|w| one_word_organizations.contains(w.as_str())) && !named_by_others(&key, &key[0]);
            }
            let short_form = organization_keys.iter().any(|full| names::leading_words_name_the_whole(&key, full));
            // The organisation's key drops legal forms: "Montavel" is "Montavel SA".
            key.len() == 1 && (organizations.contains(surface) || one_word_organizations.contains(key[0].as_str()) || short_form) && !name_parts.contains(&key[0])
        })
        .map(|(i, _)| i)
        .collect();
    for i in retyped {
        mentions[i].kind = EntityKind::Organization;
    }
}

/// A one-word "organisation" that is the given name of a person the article names in full is that
/// person ("Priya leaves a stronger company behind", in an article about Priya Natarajan), unless one of
/// the article's organisations has a longer name that starts with it ("Mercedes" beside "Mercedes-Benz AG").
fn retype_given_names(text: &str, mentions: &mut [Mention]) {
    let given_names: std::collections::BTreeSet<String> = person_keys(text, mentions).filter(|key| key.len() >= 2).map(|key| key[0].clone()).collect();
    let organization_keys: Vec<Vec<String>> =
        mentions.iter().filter(|m| m.kind == EntityKind::Organization).map(|m| organization_key(m.span.slice(text))).collect();
    // Organisation keys split hyphenated words: "Mercedes-Benz AG" is ["mercedes", "benz"].
    let starts_a_longer_organization = |word: &String| organization_keys.iter().any(|k| k.len() >= 2 && &k[0] == word);
    for mention in mentions.iter_mut().filter(|m| m.kind == EntityKind::Organization) {
        let key = person_key(mention.span.slice(text));
        if let [word] = &key[..] {
            if given_names.contains(word) && !starts_a_longer_organization(word) {
                mention.kind = EntityKind::Person;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, surface: &str, kind: EntityKind, score: f32) -> Mention {
        let start = text.find(surface).unwrap();
        Mention { span: ByteSpan::new(start, start + surface.len()), kind, sentence: 0, score }
    }

    #[test]
    fn a_surname_of_several_words_tagged_as_an_organisation_is_the_person() {
        let text = "Premier Alexander De Lint spoke. Telenet fears De Lint's plan. As De Lint said, Van Ruys Bank waits. Piet van Ruys left.";
        let mut mentions = vec![
            mention(text, "Alexander De Lint", EntityKind::Person, 0.99),
            mention(text, "Telenet", EntityKind::Organization, 0.95),
            mention(text, "De Lint's", EntityKind::Organization, 0.9),
            mention(text, "As De Lint", EntityKind::Person, 0.9),
            mention(text, "Van Ruys Bank", EntityKind::Organization, 0.9),
            mention(text, "Piet van Ruys", EntityKind::Person, 0.99),
        ];
        mentions[2].span.end -= "'s".len();
        mentions[3].span.start += "As ".len();
        retype_surnames(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        // "De Lint" is the surname Alexander De Lint goes by alone in the article; "Van Ruys Bank" is more
        // than a surname and stays a company.
        assert_eq!(kinds, [Person, Organization, Person, Person, Organization, Person]);
    }

    #[test]
    fn an_unsure_organisation_named_like_a_persons_surname_is_that_person() {
        let text = "Tobias Brennecke leaves Kestrel. Brennecke said so. Bloomberg reported it, Michael Bloomberg said. Brennecke quits.";
        let mut mentions = vec![
            mention(text, "Tobias Brennecke", EntityKind::Person, 0.99),
            mention(text, "Kestrel", EntityKind::Organization, 0.7),
            mention(text, "Brennecke said", EntityKind::Organization, 0.6),
            mention(text, "Bloomberg reported", EntityKind::Organization, 0.95),
            mention(text, "Michael Bloomberg", EntityKind::Person, 0.99),
        ];
        mentions[2].span.end = mentions[2].span.start + "Brennecke".len();
        mentions[3].span.end = mentions[3].span.start + "Bloomberg".len();
        retype_surnames(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [EntityKind::Person, EntityKind::Organization, EntityKind::Person, EntityKind::Organization, EntityKind::Person]);

        // A confident organisation that the article also uses alone as the person's surname is the person.
        let quits = text.rfind("Brennecke quits").unwrap();
        mentions[2].kind = EntityKind::Person;
        mentions.push(Mention { span: ByteSpan::new(quits, quits + "Brennecke".len()), kind: EntityKind::Organization, sentence: 0, score: 0.95 });
        retype_surnames(text, &mut mentions);
        assert_eq!(mentions[5].kind, EntityKind::Person);
        assert_eq!(mentions[3].kind, EntityKind::Organization, "Bloomberg is never a surname alone here");
    }

    #[test]
    fn a_name_typed_two_ways_takes_the_type_the_body_gives_it_most() {
        let text = "Omar Lindqvist will replace Orland's Dana Pryce\n\nOrland said Omar Lindqvist, 52, takes over. Keel Partners backs Keel Partners, Keel Partners said.";
        let at = |surface: &str, nth: usize| text.match_indices(surface).nth(nth).unwrap().0;
        let m = |surface: &str, nth: usize, kind: EntityKind, sentence: usize| {
            let start = at(surface, nth);
            Mention { span: ByteSpan::new(start, start + surface.len()), kind, sentence, score: 0.9 }
        };
        use EntityKind::*;
        let mut mentions = vec![
            m("Omar Lindqvist", 0, Organization, 0),
            m("Omar Lindqvist", 1, Person, 1),
            m("Keel Partners", 0, Organization, 1),
            m("Keel Partners", 1, Person, 1),
            m("Keel Partners", 2, Organization, 1),
        ];
        retype_by_the_body(text, &mut mentions, true);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Person, Person, Organization, Organization, Organization]);

        // A place the model once took for an organisation; a tie between two kinds changes nothing.
        let text = "Plant news\n\nQuébec backs the plant. The plant in Québec opens. Québec jobs grow. Orlen and Orlen.";
        let m = |surface: &str, nth: usize, kind: EntityKind, sentence: usize| {
            let start = text.match_indices(surface).nth(nth).unwrap().0;
            Mention { span: ByteSpan::new(start, start + surface.len()), kind, sentence, score: 0.9 }
        };
        let mut mentions = vec![m("Québec", 0, Organization, 1), m("Québec", 1, Location, 1), m("Québec", 2, Location, 2), m("Orlen", 0, Organization, 3), m("Orlen", 1, Location, 3)];
        retype_by_the_body(text, &mut mentions, true);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Location, Location, Location, Organization, Location]);
    }

    #[test]
    fn a_first_line_that_ends_like_a_sentence_is_the_lead_and_votes() {
        let text = "The chief executive of Vellor, Ana Dias, left Vellor on Monday.\n\nA statement from Vellor said so.";
        let m = |nth: usize, kind: EntityKind, sentence: usize| {
            let start = text.match_indices("Vellor").nth(nth).unwrap().0;
            Mention { span: ByteSpan::new(start, start + "Vellor".len()), kind, sentence, score: 0.9 }
        };
        use EntityKind::*;
        let tagged = vec![m(0, Organization, 0), m(1, Organization, 0), m(2, Person, 1)];
        let mut mentions = tagged.clone();
        retype_by_the_body(text, &mut mentions, false);
        assert!(mentions.iter().all(|m| m.kind == Organization));
        // Were the first line a headline, the body's one mention would decide.
        let mut mentions = tagged;
        retype_by_the_body(text, &mut mentions, true);
        assert!(mentions.iter().all(|m| m.kind == Person));
        let sentence = |text: &str| crate::model::Sentence { span: ByteSpan::new(0, text.len()) }.ends_like_a_sentence(text);
        assert!(sentence("The chief executive of Vellor, Ana Dias, left Vellor on Monday. "));
        assert!(!sentence("Vellor chief Ana Dias steps down"));
    }

    #[test]
    fn an_honorific_alone_is_no_person() {
        let text = "Dr O'Reilly and Mr Johnson launched the plan. Mme Ardent agreed.";
        let mut doc = Document::new(
            crate::model::Article { id: crate::model::ArticleId::given("t"), text: text.into(), title: None, url: None, date: None, declared_lang: Some("en".into()), source: None },
            crate::model::Origin { file: "t".into(), line: None },
        );
        doc.sentences = vec![crate::model::Sentence { span: ByteSpan::new(0, 45) }, crate::model::Sentence { span: ByteSpan::new(46, text.len()) }];
        doc.mentions = vec![
            mention(text, "Dr O'Reilly", EntityKind::Person, 0.99),
            mention(text, "Mr", EntityKind::Person, 0.6),
            mention(text, "Johnson", EntityKind::Person, 0.9),
            mention(text, "Mme Ardent", EntityKind::Person, 0.99),
        ];
        WithinDocumentStage.process(&mut doc).unwrap();
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["O'Reilly", "Johnson", "Ardent"]);
        assert_eq!(doc.mentions.len(), 3);
    }

    #[test]
    fn a_one_word_person_named_like_an_organisation_but_for_its_legal_form_is_that_organisation() {
        let text = "Montavel cuts jobs. The board of Montavel SA met on Monday.";
        let mut mentions = vec![mention(text, "Montavel", EntityKind::Person, 0.8), mention(text, "Montavel SA", EntityKind::Organization, 0.98)];
        retype_organization_names(text, &mut mentions);
        assert_eq!(mentions[0].kind, EntityKind::Organization);
    }

    #[test]
    fn a_one_word_person_spelt_like_an_organisation_of_the_article_is_that_organisation() {
        let text = "Verdanne loses its chief. Verdanne said Claire Morel leaves. Ford met Henry Ford at Ford.";
        let mut mentions = vec![
            mention(text, "Verdanne", EntityKind::Person, 0.9),
            mention(text, "Verdanne said", EntityKind::Organization, 0.9),
            mention(text, "Claire Morel", EntityKind::Person, 0.99),
            mention(text, "Ford met", EntityKind::Person, 0.9),
            mention(text, "Henry Ford", EntityKind::Person, 0.99),
            mention(text, "Ford.", EntityKind::Organization, 0.9),
        ];
        mentions[1].span = ByteSpan::new(text.find("Verdanne said").unwrap(), text.find("Verdanne said").unwrap() + "Verdanne".len());
        mentions[3].span.end = mentions[3].span.start + "Ford".len();
        mentions[5].span.end = mentions[5].span.start + "Ford".len();
        retype_organization_names(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        assert_eq!(kinds, [Organization, Organization, Person, Person, Person, Organization]);
    }

    #[test]
    fn a_person_named_after_two_organisations_of_the_article_is_a_merged_company() {
        let text = "Brakel Ostrander names a chief. Brakel merged with the Danish Ostrander. Brakel Ostrander said so. Priya Natarajan left Priya.";
        let mut mentions = vec![
            mention(text, "Brakel Ostrander", EntityKind::Person, 0.99),
            mention(text, "Brakel merged", EntityKind::Organization, 0.9),
            mention(text, "Ostrander.", EntityKind::Organization, 0.9),
            mention(text, "Brakel Ostrander said", EntityKind::Person, 0.99),
            mention(text, "Priya Natarajan", EntityKind::Person, 0.99),
            mention(text, "Priya.", EntityKind::Organization, 0.6),
        ];
        mentions[1].span.end = mentions[1].span.start + "Brakel".len();
        mentions[2].span.end = mentions[2].span.start + "Ostrander".len();
        mentions[3].span.end = mentions[3].span.start + "Brakel Ostrander".len();
        mentions[5].span.end = mentions[5].span.start + "Priya".len();
        retype_organization_names(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        // Priya Natarajan's surname is no organisation of the article: she stays a person.
        assert_eq!(kinds, [Organization, Organization, Organization, Organization, Person, Organization]);
    }

    #[test]
    fn a_one_word_organisation_that_is_a_persons_given_name_is_that_person() {
        let text = "Priya Natarajan leaves Harbourline. Priya built it, said Okoro. Mercedes Ruiz joins Mercedes-Benz AG; Mercedes grows.";
        let mut mentions = vec![
            mention(text, "Priya Natarajan", EntityKind::Person, 0.99),
            mention(text, "Harbourline", EntityKind::Organization, 0.95),
            mention(text, "Priya built", EntityKind::Organization, 0.9),
            mention(text, "Mercedes Ruiz", EntityKind::Person, 0.99),
            mention(text, "Mercedes-Benz AG", EntityKind::Organization, 0.99),
            mention(text, "Mercedes grows", EntityKind::Organization, 0.9),
        ];
        mentions[2].span.end = mentions[2].span.start + "Priya".len();
        mentions[5].span.end = mentions[5].span.start + "Mercedes".len();
        retype_given_names(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        assert_eq!(kinds, [Person, Organization, Person, Person, Organization, Organization]);
    }

    #[test]
    fn a_one_word_person_that_is_an_organisations_short_form_is_that_organisation() {
        let text = "Corvane Systems chief Marcus Hale stays. The head of Corvane's cloud unit agreed.";
        let mut mentions = vec![
            mention(text, "Corvane Systems", EntityKind::Organization, 0.99),
            mention(text, "Marcus Hale", EntityKind::Person, 0.99),
            mention(text, "Corvane's", EntityKind::Person, 0.7),
        ];
        retype_organization_names(text, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        assert_eq!(kinds, [Organization, Person, Organization]);
    }

    #[test]
    fn a_place_after_a_word_for_its_municipality_is_the_municipality() {
        let lexicon = |code: &str| Lexicon::for_language(code).unwrap();
        let surfaces = |text: &str, mentions: &[Mention]| -> Vec<(String, EntityKind)> {
            mentions.iter().map(|m| (m.span.slice(text).to_string(), m.kind)).collect()
        };
        let text = "De gemeente Texelmond krijgt een nieuwe burgemeester. Op Vlieland is men blij.";
        let mut mentions = vec![mention(text, "Texelmond", EntityKind::Location, 0.9), mention(text, "Vlieland", EntityKind::Location, 0.9)];
        municipalities_are_organisations(text, lexicon("nl"), &mut mentions);
        // A place named without the word stays a place.
        assert_eq!(surfaces(text, &mentions), [("gemeente Texelmond".to_string(), EntityKind::Organization), ("Vlieland".to_string(), EntityKind::Location)]);
        let text = "Il sindaco del comune di Borgoverde si è dimesso.";
        let mut mentions = vec![mention(text, "Borgoverde", EntityKind::Location, 0.9)];
        municipalities_are_organisations(text, lexicon("it"), &mut mentions);
        assert_eq!(surfaces(text, &mentions), [("comune di Borgoverde".to_string(), EntityKind::Organization)]);
    }
}

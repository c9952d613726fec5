//! Grouping cases written for this project.

use super::*;
use crate::model::ByteSpan;

/// Mentions of every occurrence of each (surface, type) in `text`, in text order, skipping occurrences
/// inside a longer listed name.
fn mentions(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
    let mut found = Vec::new();
    for &(name, kind) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let inside_longer = names.iter().any(|&(other, _)| {
                other.len() > name.len() && text.match_indices(other).any(|(s, _)| s <= start && end <= s + other.len())
            });
            if !inside_longer {
                found.push(Mention { span: ByteSpan::new(start, end), kind, sentence: 0, score: 1.0 });
            }
        }
    }
    found.sort_by_key(|m| m.span.start);
    found
}

fn groups(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, Vec<String>)> {
    let mentions = mentions(text, names);
    group_mentions(text, &mentions)
        .into_iter()
        .map(|e| (e.name, e.mentions.iter().map(|&m| mentions[m].span.slice(text).to_string()).collect()))
        .collect()
}

use EntityKind::*;

#[test]
fn surnames_titles_and_misspellings_join_the_full_name() {
    let text = "Priya Natarajan left Harbourline. Ms. Natarajan said the move was planned; Natarjan will start a firm.";
    assert_eq!(
        groups(text, &[("Priya Natarajan", Person), ("Ms. Natarajan", Person), ("Natarjan", Person), ("Harbourline", Organization)]),
        vec![
            ("Priya Natarajan".to_string(), vec!["Priya Natarajan".into(), "Ms. Natarajan".into(), "Natarjan".into()]),
            ("Harbourline".to_string(), vec!["Harbourline".into()]),
        ]
    );
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let text = "Anna Kowalski replaces Marek Kowalski. Kowalski, the new chief, starts Monday.";
    let got = groups(text, &[("Anna Kowalski", Person), ("Marek Kowalski", Person), ("Kowalski", Person)]);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "Anna Kowalski");
    assert_eq!(got[1], ("Marek Kowalski".to_string(), vec!["Marek Kowalski".to_string(), "Kowalski".to_string()]));
}

#[test]
fn short_forms_acronyms_and_tickers_join_organisations() {
    let text = "The Wall Street Journal reported it; the Journal and WSJ readers saw Meta Platforms Inc. and META.O.";
    let got = groups(
        text,
        &[("Wall Street Journal", Organization), ("Journal", Organization), ("WSJ", Organization), ("Meta Platforms Inc.", Organization), ("META.O", Organization)],
    );
    assert_eq!(got[0].1, ["Wall Street Journal", "Journal", "WSJ"]);
    // The ticker's symbol is the leading word of the company's name.
    assert_eq!(got[1].1, ["Meta Platforms Inc.", "META.O"]);
    assert_eq!(got.len(), 2);
}

#[test]
fn a_parent_is_not_its_lab_nor_its_old_name() {
    let text = "Meta moved staff to Meta Superintelligence Labs. Facebook was Meta's old name. META.O fell.";
    let got = groups(text, &[("Meta Superintelligence Labs", Organization), ("Meta", Organization), ("Facebook", Organization), ("META.O", Organization)]);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Meta", "Meta Superintelligence Labs", "Facebook"]);
    assert_eq!(got[0].1, ["Meta", "Meta", "META.O"]);
}

#[test]
fn a_short_form_before_the_full_name_joins_it() {
    let text = "Brightwater CEO steps down. The Kestrel Brightwater Company said on Monday that KBN and the Kongsberg Bank Norge board agreed.";
    let got = groups(text, &[("Brightwater", Organization), ("Kestrel Brightwater Company", Organization), ("KBN", Organization), ("Kongsberg Bank Norge", Organization)]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], ("Kestrel Brightwater Company".to_string(), vec!["Brightwater".to_string(), "Kestrel Brightwater Company".to_string()]));
    assert_eq!(got[1], ("Kongsberg Bank Norge".to_string(), vec!["KBN".to_string(), "Kongsberg Bank Norge".to_string()]));
    // A first word alone is not a short form: "Meta" stays apart from "Meta Superintelligence Labs".
    let text = "Meta said Meta Superintelligence Labs will grow.";
    assert_eq!(groups(text, &[("Meta", Organization), ("Meta Superintelligence Labs", Organization)]).len(), 2);
}

#[test]
fn a_name_after_a_preposition_is_not_a_short_form() {
    // A heading the model took for an organisation keeps its hands off the company it mentions.
    let text = "Verdanne hired a CFO. Departures at Verdanne. Verdanne said more.";
    let got = groups(text, &[("Verdanne", Organization), ("Departures at Verdanne", Organization)]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], ("Departures at Verdanne".to_string(), vec!["Departures at Verdanne".to_string()]));
    // Nor does "America" name the "Bank of America", in either order.
    let text = "Bank of America lent to America.";
    assert_eq!(groups(text, &[("Bank of America", Organization), ("America", Organization)]).len(), 2);
}

#[test]
fn leading_words_join_the_full_name_unless_it_names_a_unit() {
    // The short form first (a headline), then the full name; a legal form does not count.
    let text = "Harbourline cuts jobs. Harbourline Logistics Ltd said on Monday it will cut 200 jobs. Shares of Harbourline fell.";
    let got = groups(text, &[("Harbourline Logistics Ltd", Organization), ("Harbourline", Organization)]);
    assert_eq!(got, vec![("Harbourline Logistics Ltd".to_string(), vec!["Harbourline".to_string(), "Harbourline Logistics Ltd".to_string(), "Harbourline".to_string()])]);

    // One or two words after the leading ones that say nothing of a unit: the same organisation.
    let text = "Atkins Nutritionals filed for bankruptcy. Atkins said its diet books still sell.";
    assert_eq!(groups(text, &[("Atkins Nutritionals", Organization), ("Atkins", Organization)]).len(), 1);

    // Too general a leading word, a tail that names a unit or a sister body, or two names that start
    // alike: apart.
    let text = "Deutsche Bank said Deutsche will grow.";
    assert_eq!(groups(text, &[("Deutsche Bank", Organization), ("Deutsche", Organization)]).len(), 2);
    let text = "The Ostrava Lighthouse Foundation said Ostrava would sell.";
    assert_eq!(groups(text, &[("Ostrava Lighthouse Foundation", Organization), ("Ostrava", Organization)]).len(), 2);
    let text = "Nordlicht Energie and Nordlicht Bank merge; Nordlicht said so.";
    assert_eq!(groups(text, &[("Nordlicht Energie", Organization), ("Nordlicht Bank", Organization), ("Nordlicht", Organization)]).len(), 3);
}

#[test]
fn a_surname_of_several_words_or_one_of_two_surnames_joins_the_full_name() {
    let text = "Van der Berg will not comment. Sources say Anouk van der Berg was dismissed; Bram de Wit stays. De Wit said so. \
                Lucía Ibarra Soler takes over; Lucía Ibarra starts in May, and Ibarra will report to the board.";
    let names = [("Van der Berg", Person), ("Anouk van der Berg", Person), ("Bram de Wit", Person), ("De Wit", Person), ("Lucía Ibarra Soler", Person), ("Lucía Ibarra", Person), ("Ibarra", Person)];
    let got = groups(text, &names);
    assert_eq!(
        got,
        vec![
            ("Anouk van der Berg".to_string(), vec!["Van der Berg".into(), "Anouk van der Berg".into()]),
            ("Bram de Wit".to_string(), vec!["Bram de Wit".into(), "De Wit".into()]),
            ("Lucía Ibarra Soler".to_string(), vec!["Lucía Ibarra Soler".into(), "Lucía Ibarra".into(), "Ibarra".into()]),
        ]
    );
}

#[test]
fn a_name_hyphenated_inside_a_compound_is_the_name_written_apart() {
    let text = "Der Telecom-Italia-Chef Marco Lodi sprach in Rom. Telecom Italia bestätigte die Zahlen.";
    let got = groups(text, &[("Telecom-Italia", Organization), ("Telecom Italia", Organization), ("Marco Lodi", Person)]);
    assert_eq!(
        got,
        vec![
            ("Telecom Italia".to_string(), vec!["Telecom-Italia".to_string(), "Telecom Italia".to_string()]),
            ("Marco Lodi".to_string(), vec!["Marco Lodi".to_string()]),
        ]
    );
}

#[test]
fn a_short_form_spelt_from_the_starts_of_the_full_names_words_joins_it() {
    // Before and after the full name; two names it could spell leave it alone.
    let text = "Velmora named a new chief. The Compañía de Aguas del Velmar (Codavel) said Codavel had no comment.";
    let got = groups(text, &[("Velmora", Organization), ("Compañía de Aguas del Velmar", Organization), ("Codavel", Organization)]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], ("Compañía de Aguas del Velmar".to_string(), vec!["Compañía de Aguas del Velmar".to_string(), "Codavel".to_string(), "Codavel".to_string()]));
    let text = "NorTel warned. Nordic Telecom and Norbert Telemetry both fell.";
    let got = groups(text, &[("NorTel", Organization), ("Nordic Telecom", Organization), ("Norbert Telemetry", Organization)]);
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn a_name_inflected_by_its_sentence_is_the_same_organisation() {
    let text = "Die Westfälische Kreditbank wächst. Der Chef der Westfälischen Kreditbank, Uwe Lamm, und ein Sprecher \
                des Landesamts für Statistik bestätigten das; das Landesamt für Statistik schweigt. Die Kreditbanken Nord \
                sind eine andere Bank.";
    let got = groups(
        text,
        &[
            ("Westfälische Kreditbank", Organization),
            ("Westfälischen Kreditbank", Organization),
            ("Uwe Lamm", Person),
            ("Landesamts für Statistik", Organization),
            ("Landesamt für Statistik", Organization),
            ("Kreditbanken Nord", Organization),
        ],
    );
    assert_eq!(got[0], ("Westfälische Kreditbank".to_string(), vec!["Westfälische Kreditbank".to_string(), "Westfälischen Kreditbank".to_string()]));
    assert_eq!(got[2].1, ["Landesamts für Statistik", "Landesamt für Statistik"]);
    // A name of other words is another organisation, whatever its endings.
    assert_eq!(got[3].1, ["Kreditbanken Nord"]);
    assert_eq!(got.len(), 4);
}

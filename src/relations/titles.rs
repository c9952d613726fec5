//! Words the model takes for an organisation's name that are not one: a role title inside the name
//! ("Pdg de Renault", "CEO of Verdanne": the title is a role, the connector a preposition, the
//! organisation what follows), and a common noun that German writes with a capital ("Stahlkonzerns").

use super::lexicon::{fold, Lexicon};
use crate::ner::split_words;

/// Where the organisation's own name starts in `surface`, when `surface` opens with a role title of
/// `lang` and a lower-case connector ("Pdg de Renault" -> the offset of "Renault"); `None` otherwise.
pub fn name_after_leading_title(lang: &str, surface: &str) -> Option<usize> {
    let lexicon = Lexicon::for_language(lang)?;
    let words = split_words(surface);
    let folded: Vec<String> = words.iter().map(|w| fold(w.slice(surface))).collect();
    let title = lexicon.roles.iter().filter(|(phrase, _)| phrase.matches_at(&folded, 0)).map(|(phrase, _)| phrase.len()).max()?;
    let connector = words.get(title)?.slice(surface);
    let lowercase = connector.chars().next().is_some_and(char::is_lowercase) && connector.chars().all(char::is_alphabetic);
    let name = words.get(title + 1)?;
    lowercase.then_some(name.start)
}

/// Is `surface` one word that describes an organisation rather than names it ("Stahlkonzerns",
/// "Dax-Konzern" in German)? Only for languages whose lexicon lists such nouns.
pub fn is_organization_noun(lang: &str, surface: &str) -> bool {
    let Some(lexicon) = Lexicon::for_language(lang) else { return false };
    let word = fold(surface.trim());
    !word.is_empty() && !word.contains(char::is_whitespace) && lexicon.organization_nouns.iter().any(|noun| word.ends_with(noun.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(lang: &str, surface: &str) -> Option<&'static str> {
        let surface: &'static str = Box::leak(surface.to_string().into_boxed_str());
        name_after_leading_title(lang, surface).map(|start| &surface[start..])
    }

    #[test]
    fn a_title_and_its_preposition_are_cut_off_an_organisation() {
        assert_eq!(name("fr", "Pdg de Verdanne"), Some("Verdanne"));
        assert_eq!(name("en", "CEO of Orland Shipping"), Some("Orland Shipping"));
        assert_eq!(name("es", "consejero delegado de Almena"), Some("Almena"));
    }

    #[test]
    fn a_german_common_noun_is_no_organisation_name() {
        assert!(is_organization_noun("de", "Stahlkonzerns"));
        assert!(is_organization_noun("de", "Dax-Konzern"));
        assert!(!is_organization_noun("de", "Thyssenkrupp"));
        assert!(!is_organization_noun("de", "Schwarz Gruppe"), "two words: a name");
        assert!(!is_organization_noun("en", "Stahlkonzerns"), "only where the lexicon lists the nouns");
    }

    #[test]
    fn names_without_a_leading_title_stay_whole() {
        assert_eq!(name("en", "Bank of America"), None);
        assert_eq!(name("en", "Chief Executive"), None, "a bare title is left to the relation stage");
        assert_eq!(name("fr", "Verdanne"), None);
        assert_eq!(name("xx", "CEO of Verdanne"), None, "no lexicon, no change");
    }
}

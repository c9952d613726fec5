//! NER's mention clean-up: what the model tags that is no name, or more than one. The words come from
//! the language's lexicon (`src/lexicon/data/LANG.toml`, `[mentions]`, `[roles]`, `organization_nouns`)
//! and from `src/lexicon/data/words.toml` (name particles); the mechanisms here work for every language.
//! - a person that is a description ("directeur des revenus de Meta") or a lone article: no name;
//! - an organisation or place loses the lower-case words the model took in before it ("de Meta"); an
//!   organisation that is lower-case all through ("d'administration" of "conseil d'administration") is none;
//! - a role title or a body of the organisation before its name ("Pdg de Renault", "Conselho de
//!   Administração da HCB") is cut off; the title or body alone ("CEO", "Consejo") is no organisation;
//! - a common noun German writes with a capital ("Stahlkonzerns") is no organisation;
//! - a department after a title's preposition ("director de Operaciones de la división Europa") is no
//!   organisation, unless it goes on to one ("director de Finanzas de Aceros del Golfo");
//! - an organisation or place loses the quotation marks, dashes and connectors the model took in at its
//!   edges ("« National Post", "Reuters -", "Estado da"); a word for a kind of institution used alone
//!   ("Estado", "Université") is no organisation;
//! - a person loses a role title before the name and punctuation or a connector after it ("Ceo Marco
//!   Velani", "Neymar del"); a title alone is no one;
//! - the headline tagged whole, with lower-case common words in it, is no organisation ("Les
//!   nominations de la semaine"), nor is a stock index, a league or a common noun in capitals ("IA")
//!   (`data/not_organizations.toml`).

use crate::lexicon::{fold, is_name_particle, names_no_organization, split_words, Lexicon, Phrase};
use crate::model::{ByteSpan, EntityKind};

/// The span of the name in what the model tagged (`span`, in `text`), or `None` when it names nothing.
pub fn clean_mention(lang: &str, text: &str, span: ByteSpan, kind: EntityKind) -> Option<ByteSpan> {
    let lexicon = Lexicon::for_language(lang);
    let surface = span.slice(text);
    // A name has a letter: "2011" or "12%" tagged as a place or an organisation is none.
    if !surface.chars().any(char::is_alphabetic) {
        return None;
    }
    if kind == EntityKind::Person {
        let lone_article = lexicon.is_some_and(|l| l.articles.contains(&fold(surface.trim())));
        if starts_like_a_description(surface) || lone_article {
            return None;
        }
        let name = without_trailing_connectors(lexicon, text, without_sentence_full_stop(text, without_edge_punctuation(text, span)));
        return match lexicon {
            Some(lexicon) => name_after_a_title(lexicon, text, name),
            None => (!name.is_empty()).then_some(name),
        };
    }
    let unquoted = without_edge_punctuation(text, span);
    let named = without_leading_lowercase_words(text, unquoted);
    let trimmed = without_trailing_connectors(lexicon, text, named);
    let trimmed_surface = trimmed.slice(text);
    if trimmed.is_empty() || kind != EntityKind::Organization {
        return (!trimmed.is_empty()).then_some(trimmed);
    }
    if named != unquoted && trimmed_surface.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    if is_a_whole_headline(lexicon, text, span) || names_no_organization(trimmed_surface) {
        return None;
    }
    if is_a_lone_function_word(lexicon, trimmed_surface) || lexicon.is_some_and(|l| names_only_a_title_or_body(l, trimmed_surface)) {
        return None;
    }
    let (trimmed, trimmed_surface) = match lexicon.and_then(|l| after_a_department(l, text, trimmed)) {
        Some(Department::Description) => return None,
        Some(Department::Named(name)) => (name, name.slice(text)),
        None => (trimmed, trimmed_surface),
    };
    let name = match name_after_leading_title(lang, trimmed_surface) {
        // What follows the body is a description in lower case ("Conselho de Administração da fabricante
        // de ônibus"): the organisation is named elsewhere, if at all.
        Some(start) if describes(&trimmed_surface[start..]) => return None,
        Some(start) => ByteSpan::new(trimmed.start + start, trimmed.end),
        None => trimmed,
    };
    (!is_organization_noun(lang, name.slice(text))).then_some(name)
}

/// What a mention that opens with a company's department is.
enum Department {
    /// The department and a description of it ("Operaciones de la división Europa"): no organisation.
    Description,
    /// The organisation the department is of ("Finanzas de Aceros del Golfo" -> "Aceros del Golfo").
    Named(ByteSpan),
}

/// A title's object may be a department the model tags as an organisation: after the title's
/// preposition ("director de Operaciones ...", "a capo del Bilancio e ..."), a mention that opens with a
/// department of the lexicon and goes on. A department named alone stays (a ministry in brackets,
/// "Paulo Guedes (Economia)", is one). `None`: no such mention.
fn after_a_department(lexicon: &Lexicon, text: &str, span: ByteSpan) -> Option<Department> {
    let preposition = |w: &str| {
        let w = fold(w);
        lexicon.attaching_prepositions.contains(&w) || lexicon.connectors.contains(&w)
    };
    if !text[..span.start].split_whitespace().next_back().is_some_and(preposition) {
        return None;
    }
    let surface = span.slice(text);
    let words = split_words(surface);
    let folded: Vec<String> = words.iter().map(|w| fold(w.slice(surface))).collect();
    let department = lexicon.departments.iter().filter(|d| d.matches_at(&folded, 0)).map(Phrase::len).max()?;
    if department >= words.len() {
        return None;
    }
    let attaches = lexicon.attaching_prepositions.contains(&folded[department]);
    Some(match words.get(department + 1) {
        Some(name) if attaches && name.slice(surface).chars().next().is_some_and(char::is_uppercase) => {
            Department::Named(ByteSpan::new(span.start + name.start, span.end))
        }
        _ => Department::Description,
    })
}

/// Several words opening with a lower-case one or a number: a description or a date ("fabricante de
/// ônibus", "Assemblée générale du 14 juin"), not a name. One lower-case word may be a name ("bpost").
fn describes(surface: &str) -> bool {
    surface.chars().next().is_some_and(|c| c.is_lowercase() || c.is_numeric()) && surface.trim().contains(char::is_whitespace)
}

/// An organisation's or place's name does not start with a lower-case word: "de Meta", "the Journal"
/// lose the article or preposition the model took in. A name's last word always stays ("bpost"), as do
/// words with a capital inside ("eBay").
fn without_leading_lowercase_words(text: &str, span: ByteSpan) -> ByteSpan {
    let surface = span.slice(text);
    let words: Vec<&str> = surface.split_inclusive(char::is_whitespace).collect();
    let lowercase = |w: &str| w.trim_end().chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase);
    let dropped: usize = words.iter().take(words.len().saturating_sub(1)).take_while(|w| lowercase(w)).map(|w| w.len()).sum();
    ByteSpan::new(span.start + dropped, span.end)
}

/// Quotation marks and dashes the model may take in before a name ("« National Post", "— Verdanne").
const LEADING_PUNCTUATION: &[char] = &['«', '»', '"', '“', '”', '„', '‘', '’', '-', '–', '—'];
/// ... and after it ("Weir Minerals’", "Reuters -", "Reuters/"); a closing bracket stays with its
/// opening one ("Syndicat des communications (SCA)").
const TRAILING_PUNCTUATION: &[char] = &['«', '»', '"', '“', '”', '„', '‘', '’', '\'', '-', '–', '—', '/', ',', ';', ':', '(', '['];
/// A full stop after a word this long or longer ends a sentence, not an abbreviation ("Reuters." but
/// "Corp.", "Inc.", "Bros.").
const LONGEST_ABBREVIATION: usize = 4;

/// The span without the quotation marks, dashes and spaces at its edges.
fn without_edge_punctuation(text: &str, span: ByteSpan) -> ByteSpan {
    let surface = span.slice(text);
    let start = surface.len() - surface.trim_start_matches(|c: char| c.is_whitespace() || LEADING_PUNCTUATION.contains(&c)).len();
    let mut kept = surface[start..].trim_end_matches(|c: char| c.is_whitespace() || TRAILING_PUNCTUATION.contains(&c));
    if let Some(word) = kept.strip_suffix('.') {
        let last = word.rsplit(char::is_whitespace).next().unwrap_or_default();
        if last.chars().count() > LONGEST_ABBREVIATION && last.chars().all(char::is_alphabetic) {
            kept = word;
        }
    }
    ByteSpan::new(span.start + start, span.start + start + kept.len())
}

/// A person's name without the full stop the model took in after a short surname ("... übernimmt
/// Geschäftsführer Thomas Eder."): no abbreviation ends a person's name but an initial ("John F.") or a
/// two-letter suffix ("Jr."), so only those keep theirs.
fn without_sentence_full_stop(text: &str, span: ByteSpan) -> ByteSpan {
    let surface = span.slice(text);
    let Some(name) = surface.strip_suffix('.') else { return span };
    let last = name.rsplit(char::is_whitespace).next().unwrap_or_default();
    if last.chars().count() > 2 && last.chars().all(char::is_alphabetic) && last.chars().any(char::is_lowercase) {
        ByteSpan::new(span.start, span.start + name.len())
    } else {
        span
    }
}

/// The headline (the text's first line) tagged whole, several words with lower-case common words among
/// them ("Les nominations de la semaine", "Cambios en la cúpula"), is no organisation's name: the model
/// reads a headline's capitals as a name's. A name with one such word stays ("Syndicat des veilleurs").
fn is_a_whole_headline(lexicon: Option<&Lexicon>, text: &str, span: ByteSpan) -> bool {
    let first_line = text[..span.start].trim().is_empty();
    let rest_of_line = text[span.end..].trim_start_matches([' ', '\t']);
    let line_end = rest_of_line.is_empty() || rest_of_line.starts_with(['\n', '\r']);
    let words: Vec<&str> = span.slice(text).split_whitespace().collect();
    let joins_names = |word: &str| is_name_particle(word) || lexicon.is_some_and(|l| l.articles.contains(&fold(word)) || l.connectors.contains(&fold(word)));
    let common_words = words.iter().filter(|w| w.chars().all(|c| !c.is_uppercase()) && w.chars().any(char::is_alphabetic) && !joins_names(w)).count();
    first_line && line_end && words.len() >= 3 && common_words >= 2
}

/// A name does not end with a lower-case connector or article the model took in after it ("Estado da",
/// "Comissão Executiva da" before the company's name on the next line).
fn without_trailing_connectors(lexicon: Option<&Lexicon>, text: &str, span: ByteSpan) -> ByteSpan {
    let surface = span.slice(text);
    let connector = |word: &str| {
        word.chars().next().is_some_and(char::is_lowercase)
            && (is_name_particle(word) || lexicon.is_some_and(|l| l.articles.contains(&fold(word)) || l.connectors.contains(&fold(word))))
    };
    let mut end = surface.len();
    loop {
        let kept = surface[..end].trim_end();
        match kept.rfind(char::is_whitespace) {
            Some(space) if connector(&kept[space + 1..]) => end = space,
            _ => {
                end = kept.len();
                break;
            }
        }
    }
    ByteSpan::new(span.start, span.start + end)
}

/// A person's name without the role title or the word for a national the model took in before it ("Ceo
/// Marco Velani" -> "Marco Velani", "Ier Mike Stone" -> "Mike Stone"); a title alone ("Ceo") names no one.
fn name_after_a_title(lexicon: &Lexicon, text: &str, span: ByteSpan) -> Option<ByteSpan> {
    let surface = span.slice(text);
    let words = split_words(surface);
    let folded: Vec<String> = words.iter().map(|w| fold(w.slice(surface))).collect();
    let role = lexicon.roles.iter().map(|(phrase, _)| phrase).filter(|p| p.matches_at(&folded, 0)).map(|p| p.len()).max().unwrap_or(0);
    let national = usize::from(folded.first().is_some_and(|w| lexicon.nationals.contains(w)));
    let title = role.max(national);
    if title == 0 {
        return (!span.is_empty()).then_some(span);
    }
    // A title with only connectors and words for an institution after it names an office, not its holder
    // ("Ministro de Estado").
    let institution = |w: &String| {
        lexicon.connectors.contains(w) || lexicon.generic_names.iter().chain(&lexicon.generic_bodies).any(|p| p.len() == 1 && p.matches_at(std::slice::from_ref(w), 0))
    };
    if folded[title..].iter().all(institution) {
        return None;
    }
    match words.get(title) {
        None => None,
        Some(rest) if rest.slice(surface).chars().next().is_some_and(char::is_uppercase) => Some(ByteSpan::new(span.start + rest.start, span.end)),
        Some(_) => Some(span),
    }
}

/// A "person" whose first word is a lower-case word other than a particle is a description the model
/// took for a name ("directeur des revenus de Meta"): no name at all.
fn starts_like_a_description(surface: &str) -> bool {
    let first = surface.split_whitespace().next().unwrap_or_default();
    first.chars().next().is_some_and(char::is_lowercase) && !is_name_particle(first)
}

/// One lower-case article or particle and nothing else ("de", "des").
fn is_a_lone_function_word(lexicon: Option<&Lexicon>, surface: &str) -> bool {
    let word = surface.trim();
    !word.contains(char::is_whitespace)
        && word.chars().next().is_some_and(char::is_lowercase)
        && (is_name_particle(word) || lexicon.is_some_and(|l| l.articles.contains(&fold(word))))
}

/// The whole surface is a role title ("CEO", "Pdg"), a body of an organisation ("Consejo",
/// "Consiglio di Amministrazione"), a word for a kind of institution ("Estado") or for a national
/// ("Zweed" in "de Zweed Mats Jansson").
fn names_only_a_title_or_body(lexicon: &Lexicon, surface: &str) -> bool {
    let folded = folded_words(surface);
    let whole = |phrase: &Phrase| phrase.len() == folded.len() && phrase.matches_at(&folded, 0);
    let national = matches!(&folded[..], [word] if lexicon.nationals.contains(word));
    !folded.is_empty()
        && (national || lexicon.roles.iter().any(|(phrase, _)| whole(phrase)) || lexicon.generic_bodies.iter().any(whole) || lexicon.generic_names.iter().any(whole))
}

fn folded_words(surface: &str) -> Vec<String> {
    split_words(surface).iter().map(|w| fold(w.slice(surface))).collect()
}

/// Where the organisation's own name starts in `surface`, when `surface` opens with a role title of
/// `lang` or a body of an organisation of more than one word, then a lower-case connector ("Pdg de
/// Renault" -> the offset of "Renault"); `None` otherwise. A one-word body does not cut: "Consejo de
/// Ministros" is a name.
pub fn name_after_leading_title(lang: &str, surface: &str) -> Option<usize> {
    let lexicon = Lexicon::for_language(lang)?;
    let words = split_words(surface);
    let folded: Vec<String> = words.iter().map(|w| fold(w.slice(surface))).collect();
    let titles = lexicon.roles.iter().map(|(phrase, _)| phrase).chain(lexicon.generic_bodies.iter().filter(|p| p.len() >= 2));
    let title = titles.filter(|phrase| phrase.matches_at(&folded, 0)).map(|phrase| phrase.len()).max()?;
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
    fn a_mention_without_a_letter_is_no_entity() {
        let text = "Elle a pris la tête de Corvane en 2011, avec 3M.";
        let at = |word: &str| ByteSpan::new(text.find(word).unwrap(), text.find(word).unwrap() + word.len());
        assert_eq!(clean_mention("fr", text, at("2011"), EntityKind::Location), None);
        assert_eq!(clean_mention("fr", text, at("3M"), EntityKind::Organization), Some(at("3M")));
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

    /// What is left of `surface`, tagged as `kind` in a `lang` article, after clean-up.
    fn cleaned(lang: &str, surface: &str, kind: EntityKind) -> Option<String> {
        clean_mention(lang, surface, ByteSpan::new(0, surface.len()), kind).map(|span| span.slice(surface).to_string())
    }

    #[test]
    fn a_person_starting_with_a_lowercase_word_is_a_description_unless_a_particle() {
        assert_eq!(cleaned("fr", "directeur des revenus de Verdanne", EntityKind::Person), None);
        assert_eq!(cleaned("en", "van Dijk", EntityKind::Person).as_deref(), Some("van Dijk"));
        assert_eq!(cleaned("fr", "Le", EntityKind::Person), None, "a lone article");
        assert_eq!(cleaned("fr", "Le Maire", EntityKind::Person).as_deref(), Some("Le Maire"));
    }

    #[test]
    fn a_person_loses_the_full_stop_after_a_short_surname_but_not_after_an_initial() {
        assert_eq!(cleaned("de", "Thomas Eder.", EntityKind::Person).as_deref(), Some("Thomas Eder"));
        assert_eq!(cleaned("en", "Vivian Ng.", EntityKind::Person).as_deref(), Some("Vivian Ng."), "two letters may be a suffix");
        assert_eq!(cleaned("en", "John F.", EntityKind::Person).as_deref(), Some("John F."));
        assert_eq!(cleaned("en", "Harold Smith Jr.", EntityKind::Person).as_deref(), Some("Harold Smith Jr."));
        assert_eq!(cleaned("en", "Calder Corp.", EntityKind::Organization).as_deref(), Some("Calder Corp."));
    }

    #[test]
    fn organisations_and_places_lose_leading_lowercase_words() {
        assert_eq!(cleaned("fr", "de Verdanne", EntityKind::Organization).as_deref(), Some("Verdanne"));
        assert_eq!(cleaned("en", "the Harbourline Gazette", EntityKind::Organization).as_deref(), Some("Harbourline Gazette"));
        assert_eq!(cleaned("fr", "à la Défense", EntityKind::Location).as_deref(), Some("Défense"));
        assert_eq!(cleaned("en", "eBay", EntityKind::Organization).as_deref(), Some("eBay"));
        assert_eq!(cleaned("fr", "bpost", EntityKind::Organization).as_deref(), Some("bpost"));
    }

    #[test]
    fn an_organisation_lowercase_all_through_or_a_lone_function_word_is_none() {
        assert_eq!(cleaned("fr", "conseil d'administration", EntityKind::Organization), None);
        assert_eq!(cleaned("fr", "de la banque", EntityKind::Organization), None);
        assert_eq!(cleaned("fr", "des", EntityKind::Organization), None);
        assert_eq!(cleaned("pt", "de", EntityKind::Organization), None);
    }

    #[test]
    fn a_title_or_a_body_alone_is_no_organisation_and_before_a_name_is_cut_off() {
        assert_eq!(cleaned("en", "CEO", EntityKind::Organization), None);
        assert_eq!(cleaned("es", "Consejo", EntityKind::Organization), None);
        assert_eq!(cleaned("it", "Consiglio di Amministrazione", EntityKind::Organization), None);
        assert_eq!(cleaned("pt", "Conselho de Administração da Vianorte", EntityKind::Organization).as_deref(), Some("Vianorte"));
        assert_eq!(cleaned("nl", "Raad van Commissarissen van Polderkracht", EntityKind::Organization).as_deref(), Some("Polderkracht"));
        // A one-word body before a name is part of the name.
        assert_eq!(cleaned("es", "Consejo de Ministros", EntityKind::Organization).as_deref(), Some("Consejo de Ministros"));
        // After the body, a description names no organisation.
        let in_sentence = |lang: &str, text: &str, name: &str| {
            let start = text.find(name).unwrap();
            clean_mention(lang, text, ByteSpan::new(start, start + name.len()), EntityKind::Organization).map(|s| s.slice(text).to_string())
        };
        let text = "Ana Reis, presidente do Conselho de Administração da fabricante de tintas, falou.";
        assert_eq!(in_sentence("pt", text, "Conselho de Administração da fabricante de tintas"), None);
        let text = "Le conseil proposera à l'Assemblée générale du 12 mai la nomination de Mme Roux.";
        assert_eq!(in_sentence("fr", text, "Assemblée générale du 12 mai"), None, "a shareholders' meeting and its date");
        assert_eq!(cleaned("it", "Assemblea degli Azionisti", EntityKind::Organization), None);
        let text = "Rosa Gil, directora de Operaciones de la división Europa de Grupo Lagos, y su director de Finanzas de Aceros del Norte.";
        assert_eq!(in_sentence("es", text, "Operaciones de la división Europa"), None, "a department and its description");
        assert_eq!(in_sentence("es", text, "Finanzas de Aceros del Norte").as_deref(), Some("Aceros del Norte"), "a department of a company");
        let text = "Los ministros Luis Paz (Economía) y Ana Mar (Defensa) viajan.";
        assert_eq!(in_sentence("es", text, "Economía").as_deref(), Some("Economía"), "a department named alone stays");
        let text = "Ana Reis, presidente do Conselho de Administração da Vianorte Tintas, falou.";
        assert_eq!(in_sentence("pt", text, "Conselho de Administração da Vianorte Tintas").as_deref(), Some("Vianorte Tintas"));
    }

    #[test]
    fn an_organisation_loses_the_quotes_dashes_and_connectors_at_its_edges() {
        assert_eq!(cleaned("fr", "« Harbourline Gazette", EntityKind::Organization).as_deref(), Some("Harbourline Gazette"));
        assert_eq!(cleaned("en", "Weir Tallow’", EntityKind::Organization).as_deref(), Some("Weir Tallow"));
        assert_eq!(cleaned("en", "Newswire.-", EntityKind::Organization).as_deref(), Some("Newswire"));
        assert_eq!(cleaned("en", "Orland Corp.", EntityKind::Organization).as_deref(), Some("Orland Corp."), "an abbreviation keeps its stop");
        assert_eq!(cleaned("fr", "Syndicat des veilleurs (SDV)", EntityKind::Organization).as_deref(), Some("Syndicat des veilleurs (SDV)"));
        assert_eq!(cleaned("pt", "Vianorte da", EntityKind::Organization).as_deref(), Some("Vianorte"));
        assert_eq!(cleaned("pt", "Comissão Executiva da", EntityKind::Organization), None, "a body once its connector goes");
        assert_eq!(cleaned("fr", "« bpost", EntityKind::Organization).as_deref(), Some("bpost"), "a quote is no lower-case word");
        assert_eq!(cleaned("pt", "Banco do Vale", EntityKind::Organization).as_deref(), Some("Banco do Vale"));
    }

    #[test]
    fn a_headline_is_no_organisation() {
        let text = "Les nominations de la semaine\n\nChez Lumetta, le conseil a nommé Clara Ventura.";
        let at = |name: &str| ByteSpan::new(text.find(name).unwrap(), text.find(name).unwrap() + name.len());
        assert_eq!(clean_mention("fr", text, at("Les nominations de la semaine"), EntityKind::Organization), None);
        let text = "Cambios en la cúpula de Ondina\n\nLa aseguradora Ondina ...";
        let whole = ByteSpan::new(0, "Cambios en la cúpula de Ondina".len());
        assert_eq!(clean_mention("es", text, whole, EntityKind::Organization), None);
        let text = "Banco de Portugal\n\nO Banco de Portugal nomeou ...";
        let whole = ByteSpan::new(0, "Banco de Portugal".len());
        assert_eq!(clean_mention("pt", text, whole, EntityKind::Organization), Some(whole), "a name as the headline stays");
        let text = "Boardroom moves\n\nThe Syndicat des veilleurs de nuit\nelected ...";
        let line = ByteSpan::new(text.find("Syndicat").unwrap(), text.find("\nelected").unwrap());
        assert_eq!(clean_mention("fr", text, line, EntityKind::Organization), Some(line), "only the headline");
    }

    #[test]
    fn a_word_for_a_kind_of_institution_alone_is_no_organisation() {
        assert_eq!(cleaned("pt", "Estado", EntityKind::Organization), None);
        assert_eq!(cleaned("fr", "Université", EntityKind::Organization), None);
        assert_eq!(cleaned("fr", "Université de Verdanne", EntityKind::Organization).as_deref(), Some("Université de Verdanne"));
    }

    #[test]
    fn a_person_loses_a_title_before_the_name_and_punctuation_and_connectors_after_it() {
        assert_eq!(cleaned("it", "Ceo Marco Velani", EntityKind::Person).as_deref(), Some("Marco Velani"));
        assert_eq!(cleaned("it", "Ceo", EntityKind::Person), None);
        assert_eq!(cleaned("en", "Michael [", EntityKind::Person).as_deref(), Some("Michael"));
        assert_eq!(cleaned("es", "Neymar del", EntityKind::Person).as_deref(), Some("Neymar"));
        assert_eq!(cleaned("nl", "Rinze Kramer van Wierden", EntityKind::Person).as_deref(), Some("Rinze Kramer van Wierden"));
        assert_eq!(cleaned("en", "President Obara", EntityKind::Person).as_deref(), Some("Obara"));
    }

    #[test]
    fn a_title_of_an_institution_names_an_office_not_a_person() {
        assert_eq!(cleaned("pt", "Ministro de Estado", EntityKind::Person), None);
        assert_eq!(cleaned("es", "Presidente del Gobierno", EntityKind::Person), None);
        assert_eq!(cleaned("pt", "Ministro Santos Cruz", EntityKind::Person).as_deref(), Some("Santos Cruz"));
    }

    #[test]
    fn a_word_for_a_national_is_no_part_of_a_name_and_no_name_alone() {
        assert_eq!(cleaned("nl", "Ier Joris Vaandrager", EntityKind::Person).as_deref(), Some("Joris Vaandrager"));
        assert_eq!(cleaned("nl", "Zweed", EntityKind::Organization), None);
        assert_eq!(cleaned("de", "Österreicherin Lena Gratzl", EntityKind::Person).as_deref(), Some("Lena Gratzl"));
        assert_eq!(cleaned("en", "Briton", EntityKind::Person), None);
        assert_eq!(cleaned("fr", "Suisse Re", EntityKind::Organization).as_deref(), Some("Suisse Re"), "a name that starts with one stays");
    }
}

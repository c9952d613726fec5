//! Per-language lexicons (roles, triggers, modality cues, mention clean-up words, language-detection
//! relatives) read from `data/*.toml`, and the phrase matcher that finds them in a sentence's folded
//! words. Knowledge of a language below every stage: NER's mention clean-up, the relation stage and
//! language detection's supported set read it; it imports no stage.

mod news_outlets;
mod not_organizations;
mod relative_date;
mod words;

pub use relative_date::Relative;
pub use news_outlets::names_news_outlet;
pub use not_organizations::names_no_organization;
pub use words::{is_name_particle, split_words};

use crate::language::{SupportedLanguage, UnmodelledRelative};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

const DATA_FILES: [(&str, &str); 7] = [
    ("en", include_str!("data/en.toml")),
    ("fr", include_str!("data/fr.toml")),
    ("de", include_str!("data/de.toml")),
    ("es", include_str!("data/es.toml")),
    ("it", include_str!("data/it.toml")),
    ("pt", include_str!("data/pt.toml")),
    ("nl", include_str!("data/nl.toml")),
];

/// A phrase: folded words, each an exact word, (ending in `*`) a prefix, or (starting with `*`) a number
/// written with the ending ("*-year-old": "61-year-old", "*enne": "55enne"). A phrase with a gap, "lost
/// ... ab", is a separable verb: the words after the gap (the particle) close the same clause within
/// `PARTICLE_REACH` words ("Moosbrugger löst Bernd Ruckdeschel ab"); the match is the verb alone, so
/// the people around it stand before or after it as they would around a verb written whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    words: Vec<PhraseWord>,
    particle: Vec<PhraseWord>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PhraseWord {
    Exact(String),
    Prefix(String),
    AfterNumber(String),
}

/// How far after a separable verb its particle may stand.
const PARTICLE_REACH: usize = 10;

/// Words that end a clause: a separable verb's particle is not looked for past them.
fn ends_clause(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "-" | "–" | "—")
}

impl PhraseWord {
    fn parse_all(text: &str) -> Vec<Self> {
        split_words(text)
            .into_iter()
            .map(|span| {
                let word = fold(span.slice(text));
                match (word.strip_suffix('*'), word.strip_prefix('*')) {
                    (Some(prefix), _) => Self::Prefix(prefix.to_string()),
                    (None, Some(ending)) if !ending.is_empty() => Self::AfterNumber(ending.to_string()),
                    _ => Self::Exact(word),
                }
            })
            .filter(|w| !matches!(w, Self::Prefix(p) if p.is_empty()))
            .collect()
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Self::Exact(e) => e == word,
            Self::Prefix(prefix) => word.starts_with(prefix.as_str()),
            Self::AfterNumber(ending) => {
                word.strip_suffix(ending.as_str()).is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
            }
        }
    }
}

impl Phrase {
    pub fn parse(text: &str) -> Self {
        let (verb, particle) = text.split_once(" ... ").unwrap_or((text, ""));
        Self { words: PhraseWord::parse_all(verb), particle: PhraseWord::parse_all(particle) }
    }

    /// How many words a match covers (a separable verb's particle not counted).
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Does the phrase match the folded words starting at `start`?
    pub fn matches_at(&self, words: &[String], start: usize) -> bool {
        let end = start + self.words.len();
        end <= words.len() && self.words.iter().zip(&words[start..]).all(|(p, w)| p.matches(w)) && (self.particle.is_empty() || self.particle_at(words, end).is_some())
    }

    /// Where the particle stands, at or after `from`, within reach and in the same clause.
    fn particle_at(&self, words: &[String], from: usize) -> Option<usize> {
        let clause = words[from..].iter().take(PARTICLE_REACH + 1).take_while(|w| !ends_clause(w)).count();
        (from..from + clause).find(|&at| at + self.particle.len() <= words.len() && self.particle.iter().zip(&words[at..]).all(|(p, w)| p.matches(w)))
    }

    /// The words a match at `start` covers, a separable verb's particle included ("wies ... zurück": both).
    pub fn covered_at(&self, words: &[String], start: usize) -> Vec<usize> {
        let end = start + self.words.len();
        let particle = if self.particle.is_empty() { None } else { self.particle_at(words, end) };
        (start..end).chain(particle.into_iter().flat_map(|at| at..at + self.particle.len())).collect()
    }
}

/// Lower case without accents: the form lexicons and sentences are compared in.
pub fn fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase().replace('’', "'")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// Words that change a title they are hyphenated to ("vice-", "co-"), each with what it adds to the
    /// normalised title ("co-" + "CEO" = "co-CEO", "vice" + "president" = "vice president"): such a
    /// compound is not the bare title, nor does its first part name an organisation.
    #[serde(default)]
    title_modifiers: BTreeMap<String, String>,
    /// Last parts of the closed compounds a language makes titles with ("Athletiktrainer",
    /// "Unternehmenssprecher", "risicodirecteur"), each with the title such a compound is: a word ending
    /// in one, after at least `COMPOUND_PREFIX_CHARS` letters, is that title.
    #[serde(default)]
    compound_title_heads: BTreeMap<String, String>,
    /// Prefixes the language closes onto a title to make it a past one ("expresidente",
    /// "exconsejero delegado").
    #[serde(default)]
    closed_former_prefixes: Vec<String>,
    /// Words that join two titles one person holds ("chairman and chief executive").
    #[serde(default)]
    title_joiners: Vec<String>,
    /// Endings a title's first word takes by case or number ("des Finanzvorstands", "den
    /// Vorsitzenden"): each title and compound head is read with them too.
    #[serde(default)]
    title_inflections: Vec<String>,
    roles: BTreeMap<String, String>,
    role_heads: BTreeMap<String, String>,
    triggers: TriggerFile,
    modality: ModalityFile,
    attribution: AttributionFile,
    pronouns: PronounFile,
    #[serde(default)]
    grammar: GrammarFile,
    dates: DateFile,
    #[serde(default)]
    language: LanguageFile,
    #[serde(default)]
    mentions: MentionFile,
}

/// Function words the extractors read structure by.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    /// Auxiliaries right before an appointment word that make it passive ("was", "wurde").
    #[serde(default)]
    passive_auxiliaries: Vec<String>,
    /// Prepositions after a departure noun that introduce who leaves ("the exit of its CFO").
    #[serde(default)]
    naming_prepositions: Vec<String>,
    /// Prepositions that attach an organisation to a title before it ("CEO of Disney").
    #[serde(default)]
    attaching_prepositions: Vec<String>,
    /// Words saying a title is held now ("current", "attuale").
    #[serde(default)]
    held_now: Vec<String>,
    /// Words before a title the person keeps while leaving another ("but remains chairman", "bleibt aber
    /// Aufsichtsratschef", "ficou como presidente").
    #[serde(default)]
    kept_seat: Vec<String>,
    /// Words that open a relative clause after a name ("who", "qui", "der").
    #[serde(default)]
    relative_pronouns: Vec<String>,
    /// Words that may stand between a name and its title in one phrase ("the", "its", "de").
    #[serde(default)]
    apposition_words: Vec<String>,
    /// Words that end the words a title head takes after it ("at", "and", "who").
    #[serde(default)]
    title_continuation_ends: Vec<String>,
    /// Words such a title does not end on ("of", "the").
    #[serde(default)]
    title_function_words: Vec<String>,
}

/// What NER's mention clean-up needs to know of the language.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MentionFile {
    /// Articles the model may take into a name at the start of a line ("Le directeur ...").
    #[serde(default)]
    articles: Vec<String>,
    /// Bodies of an organisation that are no organisation's name ("conseil d'administration", "the
    /// board"); generic bodies are not entities.
    #[serde(default)]
    generic_bodies: Vec<String>,
    /// Words for a kind of institution that a text uses alone for one ("the State", "l'Université",
    /// "la Bolsa"): no name of their own, so no entity.
    #[serde(default)]
    generic_names: Vec<String>,
    /// Lower-case words that join the words of a name ("of", "do", "e"): a name does not end with one.
    #[serde(default)]
    connectors: Vec<String>,
    /// Capitalised words for a national ("de Zweed Mats Jansson", "the Briton"): written before a name,
    /// they are not part of it, and alone they name no one.
    #[serde(default)]
    nationals: Vec<String>,
    /// Words that, written before a place's name, make it the name of its municipality ("de gemeente
    /// Ameland", "il comune di Lucera"): an organisation, where a mayor or an alderman holds office.
    #[serde(default)]
    municipalities: Vec<String>,
    /// A company's departments and functions, which news capitalises after a title ("director de
    /// Operaciones de la división Europa", "head of Finance"): no organisation's name.
    #[serde(default)]
    departments: Vec<String>,
}

/// What language detection needs to know of the language.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    /// ISO 639-1 codes of languages close enough for detection to rank them first on a text in this one.
    #[serde(default)]
    close_relatives: Vec<String>,
    /// Close languages whatlang has no model for and reads as this one, by ISO 639-1 code.
    #[serde(default)]
    unmodelled_relatives: BTreeMap<String, SpellingsFile>,
}

/// Words this language and a close relative spell each their own way ("-ção" is an ending).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellingsFile {
    host: Vec<String>,
    relative: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateFile {
    /// Twelve lists of forms, January first.
    months: Vec<Vec<String>>,
    /// Seven lists of forms, Monday first.
    weekdays: Vec<Vec<String>>,
    /// Words after which a month alone is a date ("in May").
    before_month: Vec<String>,
    /// Words after which a date is the day a change takes effect ("ab 1. Jänner", "with effect from"):
    /// read ahead from the article's date, whatever the tense.
    #[serde(default)]
    effective_from: Vec<String>,
    /// Phrase -> offset from the article date: "day+1", "month-1", "year+0".
    relative: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionFile {
    before: Vec<String>,
    after: Vec<String>,
    statement_after: Vec<String>,
    credits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerFile {
    left: Vec<String>,
    replaces_successor_first: Vec<String>,
    replaces_predecessor_first: Vec<String>,
    joins: Vec<String>,
    /// Words saying someone runs a seat for the time being ("par intérim", "ad interim"): an appointment
    /// cue only where the sentence has no other.
    #[serde(default)]
    interim: Vec<String>,
    /// Words naming someone a candidate for a seat ("favourite", "tient la corde"): the same.
    #[serde(default)]
    candidacy: Vec<String>,
    /// Fixed expressions whose words are no trigger ("à partir de": from, not leaving).
    #[serde(default)]
    not_triggers: Vec<String>,
    /// Words right after a predecessor-first succession noun that turn it around: "the successor to X"
    /// names the predecessor next, "X's successor" does not.
    #[serde(default)]
    predecessor_next: Vec<String>,
    /// Departure words whose object is the one leaving, in the active voice ("fired", "destituiu",
    /// "remercier"): with nobody before them, the person after them leaves.
    #[serde(default)]
    dismissal: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModalityFile {
    negation: Vec<String>,
    not_negation: Vec<String>,
    denial: Vec<String>,
    hedge: Vec<String>,
    future: Vec<String>,
    future_after: Vec<String>,
    /// Words saying a change takes effect at once ("with immediate effect", "per direct"): what is so
    /// worded has happened, even with "will" or "effective" before it.
    #[serde(default)]
    immediate: Vec<String>,
    /// Prepositions that put a change ahead only before a date ("zum 1. Juli", "from 1 March"): "zum
    /// Vorstandschef ernannt" is done.
    #[serde(default)]
    future_dated: Vec<String>,
    /// Words that put a change ahead only right before its trigger: the headline infinitive ("Xerox CEO
    /// to step down"), not "promoted to chief executive".
    #[serde(default)]
    future_right_before: Vec<String>,
    progressive: Vec<String>,
    former: Vec<String>,
    /// Endings of the future tense, written with their accents ("-rá" in "dimitirá"): a verb so ending
    /// near a trigger puts it ahead. Languages that form the future with a helper word list that word.
    #[serde(default)]
    future_endings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PronounFile {
    organization: Vec<String>,
    /// Possessives that stand for an organisation ("its", "sa", "seine").
    #[serde(default)]
    organization_possessive: Vec<String>,
    person: Vec<String>,
    /// Descriptions that stand for the person last named ("the 61-year-old", "la ejecutiva").
    #[serde(default)]
    person_descriptions: Vec<String>,
    /// Common nouns for an organisation that the language writes with a capital, alone or ending a
    /// compound ("Stahlkonzerns"): the model may take them for a name.
    #[serde(default)]
    organization_nouns: Vec<String>,
}

/// Everything the extractors know about one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// (phrase, normalised title), longest phrases first.
    pub roles: Vec<(Phrase, String)>,
    /// (folded modifier, what it adds to the normalised title).
    pub title_modifiers: Vec<(String, String)>,
    /// (folded last part of a closed compound, normalised title), longest first.
    pub compound_title_heads: Vec<(String, String)>,
    /// Folded prefixes that make a title closed onto them a past one ("ex" of "expresidente").
    pub closed_former_prefixes: Vec<String>,
    /// Folded words that join two titles one person holds ("and", "y").
    pub title_joiners: Vec<String>,
    /// Folded function words (`[grammar]`): passive auxiliaries, the prepositions that name who leaves
    /// and that attach an organisation to a title, words saying a title is held now, relative pronouns,
    /// the words an apposition may hold, and the words that end a title head's continuation or that it
    /// does not end on.
    pub passive_auxiliaries: Vec<String>,
    pub naming_prepositions: Vec<String>,
    pub attaching_prepositions: Vec<String>,
    pub held_now: Vec<String>,
    /// Phrases before a title the person keeps (`GrammarFile::kept_seat`).
    pub kept_seat: Vec<Phrase>,
    pub relative_pronouns: Vec<String>,
    pub apposition_words: Vec<String>,
    pub title_continuation_ends: Vec<String>,
    pub title_function_words: Vec<String>,
    pub role_heads: Vec<(Phrase, String)>,
    pub left: Vec<Phrase>,
    pub replaces_successor_first: Vec<Phrase>,
    pub replaces_predecessor_first: Vec<Phrase>,
    pub joins: Vec<Phrase>,
    /// Stand-in words (`TriggerFile::interim`).
    pub interim: Vec<Phrase>,
    /// Candidacy words (`TriggerFile::candidacy`).
    pub candidacy: Vec<Phrase>,
    /// Departure words whose object is the one leaving (`TriggerFile::dismissal`).
    pub dismissal: Vec<Phrase>,
    pub not_triggers: Vec<Phrase>,
    /// Folded words after a succession noun that name the predecessor next ("successor to").
    pub predecessor_next: Vec<String>,
    pub negation: Vec<Phrase>,
    pub not_negation: Vec<Phrase>,
    pub denial: Vec<Phrase>,
    pub hedge: Vec<Phrase>,
    pub future: Vec<Phrase>,
    pub future_after: Vec<Phrase>,
    pub immediate: Vec<Phrase>,
    pub future_dated: Vec<Phrase>,
    pub future_right_before: Vec<Phrase>,
    pub progressive: Vec<Phrase>,
    pub former: Vec<Phrase>,
    pub future_endings: Vec<String>,
    pub attribution_before: Vec<Phrase>,
    pub attribution_after: Vec<Phrase>,
    /// Statement verbs ("said", "sagte"): after a news outlet's name they cite it as the source.
    pub attribution_statement: Vec<Phrase>,
    /// Words that credit the journalists of a story ("reporting by", "édité par").
    pub credits: Vec<Phrase>,
    pub organization_pronouns: Vec<Phrase>,
    pub organization_possessives: Vec<Phrase>,
    pub person_pronouns: Vec<Phrase>,
    pub person_descriptions: Vec<Phrase>,
    /// Folded endings of one-word descriptions of an organisation ("konzerns").
    pub organization_nouns: Vec<String>,
    /// Folded articles ("le", "the"), and generic bodies ("conseil d'administration"), longest first.
    pub articles: Vec<String>,
    pub generic_bodies: Vec<Phrase>,
    /// Generic names of institutions ("estado"), folded phrases, longest first.
    pub generic_names: Vec<Phrase>,
    /// Folded connectors of a name's words ("of", "do").
    pub connectors: Vec<String>,
    /// Folded words for a national ("zweed", "briton").
    pub nationals: Vec<String>,
    /// Folded phrases that make the place named after them its municipality ("gemeente", "comune di").
    pub municipalities: Vec<Phrase>,
    /// Folded phrases naming a department or function ("operaciones", "recursos humanos").
    pub departments: Vec<Phrase>,
    /// Month names, January first; weekday names, Monday first.
    pub months: Vec<Vec<Phrase>>,
    pub weekdays: Vec<Vec<Phrase>>,
    pub before_month: Vec<Phrase>,
    pub effective_from: Vec<Phrase>,
    /// Relative date expressions, longest first.
    pub relative_dates: Vec<(Phrase, Relative)>,
    /// Languages detection may rank first on a text in this one (ISO 639-1).
    pub close_relatives: Vec<String>,
    /// Close languages whatlang reads as this one, with the spellings that tell them apart.
    pub unmodelled_relatives: Vec<UnmodelledRelative>,
}

/// The words of a list, folded as sentences are (lower case, no accents).
fn folded(list: &[String]) -> Vec<String> {
    list.iter().map(|w| fold(w)).collect()
}

fn phrases(list: &[String]) -> Vec<Phrase> {
    let mut phrases: Vec<Phrase> = list.iter().map(|p| Phrase::parse(p)).filter(|p| !p.is_empty()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
}

fn longest_first(map: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut heads: Vec<(String, String)> = map.iter().map(|(h, n)| (fold(h), n.clone())).collect();
    heads.sort_by_key(|(h, _)| std::cmp::Reverse(h.chars().count()));
    heads
}

fn titled(map: &BTreeMap<String, String>) -> Vec<(Phrase, String)> {
    let mut roles: Vec<(Phrase, String)> = map.iter().map(|(p, n)| (Phrase::parse(p), n.clone())).collect();
    roles.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    roles
}

/// The titles of `map` and each again with its first word inflected by `endings`, where that spelling is
/// not a title of its own; wildcard entries are left as written.
fn inflected(map: &BTreeMap<String, String>, endings: &[String]) -> BTreeMap<String, String> {
    let mut all = map.clone();
    for (title, normalized) in map.iter().filter(|(t, _)| !t.contains('*')) {
        let (first, rest) = title.split_once(' ').map_or((title.as_str(), None), |(f, r)| (f, Some(r)));
        for ending in endings {
            let spelled = match rest {
                Some(rest) => format!("{first}{ending} {rest}"),
                None => format!("{first}{ending}"),
            };
            all.entry(spelled).or_insert_with(|| normalized.clone());
        }
    }
    all
}

impl Lexicon {
    fn from_file(file: LexiconFile) -> Result<Self, String> {
        if file.dates.months.len() != 12 || file.dates.weekdays.len() != 7 {
            return Err("[dates] needs 12 months and 7 weekdays".into());
        }
        let mut relative_dates = Vec::new();
        for (phrase, offset) in &file.dates.relative {
            let offset = Relative::parse(offset).ok_or_else(|| format!("[dates.relative] \"{phrase}\": `{offset}` is not like day+1, month-1, year+0"))?;
            relative_dates.push((Phrase::parse(phrase), offset));
        }
        relative_dates.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Ok(Self {
            roles: titled(&inflected(&file.roles, &file.title_inflections)),
            title_modifiers: file.title_modifiers.iter().map(|(m, n)| (fold(m), n.clone())).collect(),
            compound_title_heads: longest_first(&inflected(&file.compound_title_heads, &file.title_inflections)),
            closed_former_prefixes: folded(&file.closed_former_prefixes),
            title_joiners: folded(&file.title_joiners),
            passive_auxiliaries: folded(&file.grammar.passive_auxiliaries),
            naming_prepositions: folded(&file.grammar.naming_prepositions),
            attaching_prepositions: folded(&file.grammar.attaching_prepositions),
            held_now: folded(&file.grammar.held_now),
            kept_seat: phrases(&file.grammar.kept_seat),
            relative_pronouns: folded(&file.grammar.relative_pronouns),
            apposition_words: folded(&file.grammar.apposition_words),
            title_continuation_ends: folded(&file.grammar.title_continuation_ends),
            title_function_words: folded(&file.grammar.title_function_words),
            role_heads: titled(&file.role_heads),
            left: phrases(&file.triggers.left),
            not_triggers: phrases(&file.triggers.not_triggers),
            predecessor_next: file.triggers.predecessor_next.clone(),
            replaces_successor_first: phrases(&file.triggers.replaces_successor_first),
            replaces_predecessor_first: phrases(&file.triggers.replaces_predecessor_first),
            joins: phrases(&file.triggers.joins),
            interim: phrases(&file.triggers.interim),
            candidacy: phrases(&file.triggers.candidacy),
            dismissal: phrases(&file.triggers.dismissal),
            negation: phrases(&file.modality.negation),
            not_negation: phrases(&file.modality.not_negation),
            denial: phrases(&file.modality.denial),
            hedge: phrases(&file.modality.hedge),
            future: phrases(&file.modality.future),
            future_after: phrases(&file.modality.future_after),
            immediate: phrases(&file.modality.immediate),
            future_dated: phrases(&file.modality.future_dated),
            future_right_before: phrases(&file.modality.future_right_before),
            progressive: phrases(&file.modality.progressive),
            former: phrases(&file.modality.former),
            future_endings: file.modality.future_endings.clone(),
            attribution_before: phrases(&file.attribution.before),
            attribution_after: phrases(&file.attribution.after),
            attribution_statement: phrases(&file.attribution.statement_after),
            credits: phrases(&file.attribution.credits),
            organization_pronouns: phrases(&file.pronouns.organization),
            organization_possessives: phrases(&file.pronouns.organization_possessive),
            person_pronouns: phrases(&file.pronouns.person),
            person_descriptions: phrases(&file.pronouns.person_descriptions),
            organization_nouns: folded(&file.pronouns.organization_nouns),
            articles: folded(&file.mentions.articles),
            generic_bodies: phrases(&file.mentions.generic_bodies),
            generic_names: phrases(&file.mentions.generic_names),
            connectors: folded(&file.mentions.connectors),
            nationals: folded(&file.mentions.nationals),
            municipalities: phrases(&file.mentions.municipalities),
            departments: phrases(&file.mentions.departments),
            months: file.dates.months.iter().map(|forms| phrases(forms)).collect(),
            weekdays: file.dates.weekdays.iter().map(|forms| phrases(forms)).collect(),
            before_month: phrases(&file.dates.before_month),
            effective_from: phrases(&file.dates.effective_from),
            relative_dates,
            close_relatives: file.language.close_relatives,
            unmodelled_relatives: file
                .language
                .unmodelled_relatives
                .into_iter()
                .map(|(code, spellings)| UnmodelledRelative {
                    code,
                    host_spellings: spellings.host.iter().map(|w| w.to_lowercase()).collect(),
                    relative_spellings: spellings.relative.iter().map(|w| w.to_lowercase()).collect(),
                })
                .collect(),
        })
    }

    /// The languages with a lexicon (what the pipeline extracts facts from), each with its close
    /// relatives: language detection decides among them when it is unsure.
    pub fn supported_languages() -> Vec<SupportedLanguage> {
        LEXICONS
            .iter()
            .map(|(code, lexicon)| SupportedLanguage {
                code: code.to_string(),
                close_relatives: lexicon.close_relatives.clone(),
                unmodelled_relatives: lexicon.unmodelled_relatives.clone(),
            })
            .collect()
    }

    /// The lexicon of a language, or `None` when the project has none for it.
    pub fn for_language(code: &str) -> Option<&'static Lexicon> {
        LEXICONS.get(code)
    }
}

/// Titles every language's news writes in English (`data/shared_titles.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SharedTitles {
    roles: BTreeMap<String, String>,
}

static LEXICONS: LazyLock<BTreeMap<&'static str, Lexicon>> = LazyLock::new(|| {
    let shared: SharedTitles = toml::from_str(include_str!("data/shared_titles.toml")).unwrap_or_else(|e| panic!("lexicon/data/shared_titles.toml: {e}"));
    DATA_FILES
        .iter()
        .map(|(code, source)| {
            let mut file: LexiconFile = toml::from_str(source).unwrap_or_else(|e| panic!("lexicon/data/{code}.toml: {e}"));
            for (title, normalized) in &shared.roles {
                file.roles.entry(title.clone()).or_insert_with(|| normalized.clone());
            }
            (*code, Lexicon::from_file(file).unwrap_or_else(|e| panic!("lexicon/data/{code}.toml: {e}")))
        })
        .collect()
});

/// The longest phrase of `phrases` matching at `start`, as its length in words.
pub fn longest_match(phrases: &[Phrase], words: &[String], start: usize) -> Option<usize> {
    phrases.iter().find(|p| p.matches_at(words, start)).map(Phrase::len)
}

/// Does one of `phrases` end right before word `end` ("hasta ahora" before "vicepresidente")?
pub fn ends_before(phrases: &[Phrase], words: &[String], end: usize) -> bool {
    phrases.iter().any(|p| p.len() <= end && p.matches_at(words, end - p.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        split_words(text).into_iter().map(|s| fold(s.slice(text))).collect()
    }

    #[test]
    fn phrases_match_exact_words_and_prefixes() {
        let words = folded("He resigned and will step down as CEO");
        assert!(Phrase::parse("resign*").matches_at(&words, 1));
        assert!(Phrase::parse("step down").matches_at(&words, 4));
        assert!(!Phrase::parse("step down").matches_at(&words, 5));
    }

    #[test]
    fn an_elided_word_in_a_phrase_is_written_as_in_text() {
        // Text cuts "l'éponge" into "l'" and "éponge"; a phrase is cut the same way, so "jette l'eponge"
        // matches and "jette l' eponge" (cut into "l", "'", "eponge") never would.
        assert!(Phrase::parse("jette l'eponge").matches_at(&folded("Il jette l’éponge"), 1));
        assert!(!Phrase::parse("jette l' eponge").matches_at(&folded("Il jette l'éponge"), 1));
        for (language, data) in DATA_FILES {
            let spaced = data.lines().filter(|line| !line.trim_start().starts_with('#')).find(|line| line.contains("' "));
            assert_eq!(spaced, None, "{language}: a phrase with a space after an apostrophe never matches");
        }
    }

    #[test]
    fn a_number_may_carry_the_ending_a_phrase_starts_with() {
        let words = folded("the 61-year-old and the year-old and the x-year-old");
        let phrase = Phrase::parse("the *-year-old");
        assert_eq!((phrase.len(), phrase.matches_at(&words, 0)), (2, true));
        assert!(!phrase.matches_at(&words, 3));
        assert!(!phrase.matches_at(&words, 6));
    }

    #[test]
    fn a_separable_verb_matches_when_its_particle_closes_the_clause() {
        let phrase = Phrase::parse("lost ... ab");
        assert_eq!(phrase.len(), 1, "the match is the verb alone");
        assert!(phrase.matches_at(&folded("Moosbrugger löst Bernd Ruckdeschel ab, der ging"), 1));
        assert!(phrase.matches_at(&folded("Sie löst ab"), 1));
        assert!(!phrase.matches_at(&folded("Moosbrugger löst das Problem, ab Montag"), 1), "the particle is in the next clause");
        assert!(!phrase.matches_at(&folded("Sie löst eins zwei drei vier fünf sechs sieben acht neun zehn elf ab"), 1), "out of reach");
    }

    #[test]
    fn every_lexicon_loads_with_longest_roles_first() {
        for (code, _) in DATA_FILES {
            let lexicon = Lexicon::for_language(code).unwrap();
            assert!(!lexicon.roles.is_empty() && !lexicon.left.is_empty(), "{code}");
            assert!(lexicon.roles.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        }
        let en = Lexicon::for_language("en").unwrap();
        let words = folded("chief executive officer");
        assert_eq!(en.roles.iter().find(|(p, _)| p.matches_at(&words, 0)).map(|(_, n)| n.as_str()), Some("CEO"));
    }

    #[test]
    fn every_language_takes_the_english_titles_and_keeps_its_own_reading() {
        let title = |code: &str, text: &str| {
            let words = folded(text);
            Lexicon::for_language(code).unwrap().roles.iter().find(|(p, _)| p.len() == words.len() && p.matches_at(&words, 0)).map(|(_, n)| n.clone())
        };
        for (code, _) in DATA_FILES {
            assert_eq!(title(code, "Chief Financial Officer").as_deref(), Some("CFO"), "{code}");
            assert_eq!(title(code, "CTO").as_deref(), Some("CTO"), "{code}");
        }
        // English keeps its own "CRO" (revenue); the shared list reads only "chief risk officer" so.
        assert_eq!(title("en", "CRO").as_deref(), Some("chief revenue officer"));
        assert_eq!(title("de", "Risikovorstand").as_deref(), Some("CRO"));
        // A title's case endings (`title_inflections`), in one word and as a phrase's first word.
        assert_eq!(title("de", "Finanzvorstands").as_deref(), Some("CFO"));
        assert_eq!(title("de", "Vorsitzenden des Vorstands").as_deref(), Some("CEO"));
        assert_eq!(title("en", "CFOs"), None);
    }
}

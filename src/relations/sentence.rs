//! One sentence as the extractors see it: folded words with byte spans, and where people,
//! organisations, roles and trigger phrases sit among those words.

use crate::lexicon::{ends_before, fold, longest_match, names_news_outlet, Lexicon, Phrase};
use crate::model::{ByteSpan, Document, EntityKind, Role};
use crate::lexicon::split_words;
use std::ops::Range;

/// A person or organisation at a place in the sentence: named there, or stood for by a pronoun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Index into the document's entities.
    pub entity: usize,
    pub words: Range<usize>,
    /// Found through a pronoun or a phrase like "the company", not a name.
    pub implicit: bool,
}

/// A role title in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleAt {
    pub words: Range<usize>,
    pub role: Role,
    /// "former chief executive".
    pub former: bool,
    /// The organisation a compound title names before its hyphen ("VW-Chef", "KLM-topman"), when the
    /// document names it elsewhere.
    pub organization: Option<usize>,
}

pub struct SentenceView {
    pub index: usize,
    pub span: ByteSpan,
    pub folded: Vec<String>,
    /// The words in lower case with their accents (what a verb's ending says: "dimitirá", "dimitira");
    /// empty for a language whose lexicon lists no `future_endings`.
    pub lowered: Vec<String>,
    pub people: Vec<Slot>,
    pub organizations: Vec<Slot>,
    pub roles: Vec<RoleAt>,
    /// Words that belong to an entity mention.
    pub in_mention: Vec<bool>,
    /// Words of a fixed expression that holds no trigger ("à partir de").
    in_fixed_expression: Vec<bool>,
    /// Names in the possessive ("Hegeman's", German "Hiesingers Aufgaben"): where each starts, and the
    /// word that follows the possessive, what is theirs.
    possessive: Vec<(usize, usize)>,
}

/// Which person entity a pronoun stands for: the one mentioned last before it.
pub struct Salience {
    last_person: Option<usize>,
}

impl Salience {
    pub fn new() -> Self {
        Self { last_person: None }
    }
}

impl SentenceView {
    pub fn new(doc: &Document, index: usize, lexicon: &Lexicon, focus: Option<usize>, salience: &mut Salience) -> Self {
        let span = doc.sentences[index].span;
        let (words, folded) = sentence_words(doc, index);

        let entity_of_mention = doc.entity_of_mentions();
        let mut in_mention = vec![false; words.len()];
        let mut named: Vec<(Slot, EntityKind)> = Vec::new();
        let mut possessive = Vec::new();
        for (m, mention) in doc.mentions.iter().enumerate().filter(|(_, m)| m.sentence == index) {
            let (Some(covered), Some(entity)) = (covered_words(&words, mention.span), entity_of_mention[m]) else {
                continue;
            };
            covered.clone().for_each(|w| in_mention[w] = true);
            if mention.kind == EntityKind::Person {
                if let Some(owned) = possessed_word(&folded, &covered, &doc.entities[entity].name) {
                    possessive.push((covered.start, owned));
                }
            }
            named.push((Slot { entity, words: covered, implicit: false }, mention.kind));
        }

        // The model sometimes tags a bare title ("CRO", "CISO") as an organisation, or a piece of one
        // ("Chief AI Scientist") as a person: a name that a title covers whole is a role.
        named.retain(|(slot, kind)| {
            let covers = |(p, _): &(Phrase, String)| {
                (slot.words.end.saturating_sub(p.len())..=slot.words.start).any(|start| start + p.len() >= slot.words.end && p.matches_at(&folded, start))
            };
            let is_title = *kind != EntityKind::Location && lexicon.roles.iter().any(covers);
            if is_title {
                slot.words.clone().for_each(|w| in_mention[w] = false);
            }
            !is_title
        });
        // "according to Bloomberg", "Bloomberg reports": the source of the news, not a party to it.
        named.retain(|(slot, kind)| *kind != EntityKind::Organization || !is_source(&folded, &slot.words, lexicon));

        let mut people = Vec::new();
        let mut organizations = Vec::new();
        let mut position = 0;
        while position < words.len() {
            if let Some((slot, kind)) = named.iter().find(|(s, _)| s.words.start == position) {
                match kind {
                    EntityKind::Person => {
                        salience.last_person = Some(slot.entity);
                        people.push(slot.clone());
                    }
                    EntityKind::Organization => organizations.push(slot.clone()),
                    EntityKind::Location => {}
                }
                position = slot.words.end;
                continue;
            }
            if let Some(len) = longest_match(&lexicon.person_pronouns, &folded, position) {
                if let Some(entity) = salience.last_person {
                    people.push(Slot { entity, words: position..position + len, implicit: true });
                }
                position += len;
                continue;
            }
            // "Der 43-Jährige ist bereits kommissarischer Vertriebschef": a description stands for the person
            // named last, unless a name follows it, maybe behind a capitalised noun ("the 61-year-old Jane
            // Roe", "die 49-jährige Tirolerin Katharina Moosbrugger" introduce them).
            if let Some(len) = longest_match(&lexicon.person_descriptions, &folded, position) {
                let end = position + len;
                let capitalised = |w: usize| words.get(w).is_some_and(|span| span.slice(doc.text()).starts_with(char::is_uppercase));
                let introduces = named.iter().any(|(s, kind)| *kind == EntityKind::Person && (s.words.start == end || (s.words.start == end + 1 && capitalised(end))));
                if let (Some(entity), false) = (salience.last_person, introduces) {
                    people.push(Slot { entity, words: position..position + len, implicit: true });
                }
                position += len;
                continue;
            }
            // "Ostler Foods said its chairman ...": a possessive stands for the organisation named just before
            // in the sentence, else (like "the company") for the one the document is about.
            if let Some(len) = longest_match(&lexicon.organization_possessives, &folded, position) {
                if let Some(entity) = organizations.iter().rev().find(|o: &&Slot| !o.implicit).map(|o| o.entity).or(focus) {
                    organizations.push(Slot { entity, words: position..position + len, implicit: true });
                }
                position += len;
                continue;
            }
            if let Some(len) = longest_match(&lexicon.organization_pronouns, &folded, position) {
                // A word for a company right before a company's name describes that name ("ancien directeur
                // financier du groupe Varenne"): the name is the organisation, not the one in focus.
                let describes_a_name = named.iter().any(|(s, kind)| *kind == EntityKind::Organization && s.words.start == position + len);
                if let (Some(entity), false) = (focus, describes_a_name) {
                    organizations.push(Slot { entity, words: position..position + len, implicit: true });
                }
                position += len;
                continue;
            }
            position += 1;
        }
        let mut in_person = vec![false; folded.len()];
        people.iter().filter(|p| !p.implicit).for_each(|p| p.words.clone().for_each(|w| in_person[w] = true));
        let mut roles = find_roles(&folded, &words, doc.text(), &in_mention, &in_person, lexicon);
        // "VW-Chef Martin Winterkorn": the compound names the organisation, which is then in the sentence.
        let mut names: Option<Vec<(Vec<String>, usize)>> = None;
        for role in roles.iter_mut() {
            let Some((prefix, _)) = compound_parts(&folded[role.words.start]).filter(|(prefix, _)| title_modifier(lexicon, prefix).is_none()) else { continue };
            let names = names.get_or_insert_with(|| organization_names(doc));
            role.organization = organization_named(names, &folded[..role.words.start], prefix);
            if let Some(entity) = role.organization.filter(|e| !organizations.iter().any(|o: &Slot| o.entity == *e && !o.implicit)) {
                let at = organizations.partition_point(|o| o.words.start <= role.words.start);
                organizations.insert(at, Slot { entity, words: role.words.start..role.words.start + 1, implicit: false });
            }
        }
        let mut in_fixed_expression = vec![false; folded.len()];
        for start in 0..folded.len() {
            // A separable verb's particle is part of it: "wies den Bericht zurück" rejects, no one steps back.
            if let Some(expression) = lexicon.not_triggers.iter().find(|p| p.matches_at(&folded, start)) {
                expression.covered_at(&folded, start).into_iter().for_each(|w| in_fixed_expression[w] = true);
            }
        }
        // Only languages that read a verb's ending need the words with their accents.
        let lowered = match lexicon.future_endings.is_empty() {
            true => Vec::new(),
            false => words.iter().map(|w| w.slice(doc.text()).to_lowercase()).collect(),
        };
        Self { index, span, folded, lowered, people, organizations, roles, in_mention, in_fixed_expression, possessive }
    }

    /// The word a name in the possessive says is theirs ("duties" in "Hegeman's duties").
    pub fn possessed_by(&self, slot: &Slot) -> Option<usize> {
        (!slot.implicit).then(|| self.possessive.iter().find(|(start, _)| *start == slot.words.start).map(|&(_, owned)| owned)).flatten()
    }

    /// Where the phrases of `phrases` occur, outside entity names, role titles and fixed expressions.
    pub fn find(&self, phrases: &[Phrase]) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut position = 0;
        while position < self.folded.len() {
            let blocked = self.in_mention[position] || self.in_fixed_expression[position] || self.roles.iter().any(|r| r.words.contains(&position));
            match (!blocked).then(|| longest_match(phrases, &self.folded, position)).flatten() {
                Some(len) => {
                    found.push(position..position + len);
                    position += len;
                }
                None => position += 1,
            }
        }
        found
    }

    /// Does a phrase of `phrases` start at a word of `window`? Not in a name: the Italian future "sarà"
    /// folds to the name "Sara", the English "will" is the name "Will".
    pub fn any_in(&self, phrases: &[Phrase], window: Range<usize>) -> bool {
        window.filter(|&w| w < self.folded.len() && !self.in_mention[w]).any(|w| longest_match(phrases, &self.folded, w).is_some())
    }

    /// Is word `w` the lexicon's word joining titles and lists ("and", "y")? Read with its accents
    /// where the view keeps them: folding makes Portuguese "é" (is) the joiner "e".
    pub fn joins_list(&self, lexicon: &Lexicon, w: usize) -> bool {
        self.folded.get(w).is_some_and(|folded| lexicon.title_joiners.contains(self.lowered.get(w).unwrap_or(folded)))
    }
}

/// Is mention `m` of `doc` introduced as the source of the news ("telling Reuters", "according to
/// Bloomberg", "o site Antagonista afirmou")? Such an organisation is not what the article is about. Of
/// the cues after the name only a statement by a news outlet counts: "said" alone is what any company in
/// the news does ("Tesco said Wednesday"), and so is "reported".
pub fn mention_is_cited_source(doc: &Document, m: usize, lexicon: &Lexicon) -> bool {
    let mention = &doc.mentions[m];
    let (words, folded) = sentence_words(doc, mention.sentence);
    covered_words(&words, mention.span)
        .is_some_and(|covered| cited_before(&folded, &covered, lexicon) || is_dateline_agency(&folded, &covered) || outlet_says(&folded, &covered, lexicon))
}

/// How far into its sentence a dateline's agency may stand ("Wolfsburg (dpa) -", "London, Jun 20 (IANS):").
const DATELINE_WORDS: usize = 8;

/// Is the name at `words` the agency of a dateline: in brackets near the start of its sentence, then a dash
/// or a colon? Wire copy credits its agency so in every language; the agency is the source, not a party.
fn is_dateline_agency(folded: &[String], words: &Range<usize>) -> bool {
    let opened = words.start >= 1 && words.start <= DATELINE_WORDS && folded[words.start - 1] == "(";
    let closed = folded.get(words.end).is_some_and(|w| w == ")");
    let then = folded.get(words.end + 1).is_some_and(|w| w == ":" || (!w.is_empty() && w.chars().all(|c| c == '-')));
    opened && closed && then
}

/// The words of sentence `index` (byte spans in the document) and their folded forms.
fn sentence_words(doc: &Document, index: usize) -> (Vec<ByteSpan>, Vec<String>) {
    let span = doc.sentences[index].span;
    let words: Vec<ByteSpan> =
        split_words(span.slice(doc.text())).into_iter().map(|w| ByteSpan::new(span.start + w.start, span.start + w.end)).collect();
    let folded = words.iter().map(|w| fold(w.slice(doc.text()))).collect();
    (words, folded)
}

/// The words a mention overlaps, if any.
fn covered_words(words: &[ByteSpan], mention: ByteSpan) -> Option<Range<usize>> {
    let first = words.iter().position(|w| w.start < mention.end && mention.start < w.end)?;
    let last = words.iter().rposition(|w| w.start < mention.end && mention.start < w.end)?;
    Some(first..last + 1)
}

/// Words a citing cue may stand before the name it cites ("in een interview met het Duitstalige X": two),
/// and before the name it may start (a cue of four words and those two).
const WORDS_AFTER_CITING_CUE: usize = 2;
const CITING_CUE_WORDS: usize = 6;

/// Is the name at `words` introduced by a citing cue ("according to X", "telling X"), at most two words
/// before it ("in een interview met het Duitstalige X")?
fn cited_before(folded: &[String], words: &Range<usize>, lexicon: &Lexicon) -> bool {
    (words.start.saturating_sub(CITING_CUE_WORDS)..words.start).any(|w| longest_match(&lexicon.attribution_before, folded, w).is_some_and(|len| w + len + WORDS_AFTER_CITING_CUE >= words.start))
}

/// Is the organisation at `words` cited as a source ("according to X", "X reported", "Bloomberg says")?
fn is_source(folded: &[String], words: &Range<usize>, lexicon: &Lexicon) -> bool {
    cue_after(folded, words, &lexicon.attribution_after) || outlet_says(folded, words, lexicon) || cited_before(folded, words, lexicon) || is_dateline_agency(folded, words)
}

/// Words after a name in which a cue still bears on it.
const CUE_AFTER_WORDS: usize = 4;

/// Does one of `cues` follow the name at `words` in its own clause? In "X, managing director of Delmar
/// Foods, said" the person speaks and the company is theirs.
fn cue_after(folded: &[String], words: &Range<usize>, cues: &[Phrase]) -> bool {
    (words.end..words.end + CUE_AFTER_WORDS)
        .take_while(|&w| folded.get(w).is_some_and(|x| !matches!(x.as_str(), "," | ";" | ":" | "." | "(" | ")")))
        .any(|w| longest_match(cues, folded, w).is_some())
}

/// Is the name at `words` a news outlet's that says something? A company that says something speaks of its
/// own news ("Brockley Steel said its chairman would retire"); an outlet that does is a source.
fn outlet_says(folded: &[String], words: &Range<usize>, lexicon: &Lexicon) -> bool {
    cue_after(folded, words, &lexicon.attribution_statement) && names_news_outlet(&folded[words.clone()])
}

/// Punctuation or a word of the lexicon's `title_continuation_ends` ends a role's continuation ("head of
/// business AI, who ...").
fn ends_role(lexicon: &Lexicon, word: &str) -> bool {
    matches!(word, "," | "." | ";" | ":" | "(" | ")" | "\"") || lexicon.title_continuation_ends.iter().any(|w| w == word)
}

fn find_roles(folded: &[String], words: &[ByteSpan], text: &str, in_mention: &[bool], in_person: &[bool], lexicon: &Lexicon) -> Vec<RoleAt> {
    let mut roles = Vec::new();
    let mut position = 0;
    while position < folded.len() {
        if in_mention[position] {
            // The model may tag the organisation inside a compound title ("VW" of "VW-Chef").
            let hyphenated = compound_parts(&folded[position]).is_some();
            let former = ends_before(&lexicon.former, folded, position);
            if let Some(role) = compound_title(folded, words, text, lexicon, position, former).filter(|_| hyphenated) {
                roles.push(role);
            }
            position += 1;
            continue;
        }
        // A cue of several words ends right before the title ("hasta ahora", "jusqu'à présent"), or before
        // the name of the organisation the title is of ("former Unilever executive").
        let named_before = (0..position).rev().take_while(|&w| in_mention[w] && !in_person[w]).last().unwrap_or(position);
        let former = ends_before(&lexicon.former, folded, position) || (named_before < position && ends_before(&lexicon.former, folded, named_before));
        let written = |range: Range<usize>| text[words[range.start].start..words[range.end - 1].end].to_string();
        let title = lexicon.roles.iter().find(|(p, _)| p.matches_at(folded, position));
        let head = lexicon.role_heads.iter().find(|(p, _)| p.matches_at(folded, position));
        // "directeur des recettes" is a title; "directeur de la recherche" a head and what it heads.
        let head = head.filter(|(h, _)| title.is_none_or(|(t, _)| h.len() > t.len()));
        if let Some((phrase, head)) = head {
            let mut start = position + phrase.len();
            // "head of Corvane's cloud unit": after a name in the possessive, what follows is what is headed.
            if in_mention.get(start) == Some(&true) {
                let after = (start..folded.len()).find(|&w| !in_mention[w]).unwrap_or(folded.len());
                if folded.get(after).is_some_and(|w| matches!(w.as_str(), "'s" | "'")) {
                    start = after + 1;
                }
            }
            // What is headed ends before a person's name ("head of retail Tom Ellery").
            let mut end = (start..folded.len().min(start + 4)).find(|&w| ends_role(lexicon, &folded[w]) || in_person[w]).unwrap_or(folded.len().min(start + 4));
            while end > start && lexicon.title_function_words.contains(&folded[end - 1]) {
                end -= 1;
            }
            if end > start {
                let object = written(start..end);
                let role = crate::model::Role { written: written(position..end), normalized: format!("{head} {object}") };
                roles.push(RoleAt { words: position..end, role, former, organization: None });
                position = end;
                continue;
            }
        }
        if let Some((phrase, normalized)) = title {
            let end = position + phrase.len();
            let role = crate::model::Role { written: written(position..end), normalized: normalized.clone() };
            roles.push(RoleAt { words: position..end, role, former, organization: None });
            position = end;
            continue;
        }
        if let Some(role) = compound_title(folded, words, text, lexicon, position, former) {
            roles.push(role);
        }
        position += 1;
    }
    // A past title's cue bears on the titles joined after it: "hasta ahora vicepresidente y consejero
    // delegado", "former chairman and chief executive".
    for i in 1..roles.len() {
        let joined = roles[i - 1].words.end + 1 == roles[i].words.start && lexicon.title_joiners.contains(&folded[roles[i - 1].words.end]);
        if joined && roles[i - 1].former {
            roles[i].former = true;
        }
    }
    roles
}

/// How many letters a closed compound's first part needs for the compound to be read as a title
/// ("Athletiktrainer"): a shorter first part makes a word of its own.
const COMPOUND_PREFIX_CHARS: usize = 3;

/// A title written as one word with another part: hyphenated ("VW-Chef", "Ex-CEO", "KLM-topman"), with a
/// modifier ("Co-CEO", "co-chief executive", "Vize-Präsident"), closed as the language's compounds are
/// ("Athletiktrainer", "Interimstrainer", "risicodirecteur"), or closed onto a prefix that makes it past
/// ("expresidente").
fn compound_title(folded: &[String], words: &[ByteSpan], text: &str, lexicon: &Lexicon, position: usize, former: bool) -> Option<RoleAt> {
    let role_over = |len: usize, normalized: String, former: bool| {
        let end = position + len;
        let role = crate::model::Role { written: text[words[position].start..words[end - 1].end].to_string(), normalized };
        RoleAt { words: position..end, role, former, organization: None }
    };
    let after = &folded[position + 1..];
    let Some((prefix, last)) = compound_parts(&folded[position]) else {
        // "expresidente", "exconsejero delegado": a past title closed onto a prefix.
        let past = lexicon.closed_former_prefixes.iter().find_map(|p| folded[position].strip_prefix(p.as_str())).filter(|rest| rest.chars().count() >= COMPOUND_PREFIX_CHARS);
        if let Some((len, normalized)) = past.and_then(|rest| title_starting_with(lexicon, rest, after)) {
            return Some(role_over(len, normalized, true));
        }
        return closed_compound_title(lexicon, &folded[position]).map(|normalized| role_over(1, normalized, former));
    };
    if let Some(modifier) = title_modifier(lexicon, prefix) {
        // The modified title may go on after the compound: "co-chief executive".
        let (len, normalized) = title_starting_with(lexicon, last, after).or_else(|| closed_compound_title(lexicon, last).map(|n| (1, n)))?;
        return Some(role_over(len, modified_title(modifier, &normalized), former));
    }
    let last = [last.to_string()];
    // After the hyphen a compound's head stands alone as a title: "Zalando-Manager", "Henkel-Managerin".
    // Not a member: "Dax-Mitglied", "EU-lid" are a company in an index, a country in a union.
    let head_alone = || lexicon.compound_title_heads.iter().find(|(head, n)| *head == last[0] && n != "member").map(|(_, n)| n.clone());
    let normalized = lexicon.roles.iter().find(|(p, _)| p.len() == 1 && p.matches_at(&last, 0)).map(|(_, n)| n.clone()).or_else(|| closed_compound_title(lexicon, &last[0])).or_else(head_alone)?;
    let former = former || longest_match(&lexicon.former, &[prefix.to_string()], 0).is_some();
    Some(role_over(1, normalized, former))
}

/// A title of the lexicon that starts with `first` (the rest of a word) and may go on over the words
/// `after` it: how many words it covers, the one `first` ends counted, and its normalised form.
fn title_starting_with(lexicon: &Lexicon, first: &str, after: &[String]) -> Option<(usize, String)> {
    let words: Vec<String> = std::iter::once(first.to_string()).chain(after.iter().cloned()).collect();
    lexicon.roles.iter().find(|(p, _)| p.matches_at(&words, 0)).map(|(p, n)| (p.len(), n.clone()))
}

/// The title a closed compound is: its last part one of the lexicon's `compound_title_heads`, its first a
/// modifier ("interimstrainer": interim coach) or a word of `COMPOUND_PREFIX_CHARS` letters or more
/// ("athletiktrainer": coach).
fn closed_compound_title(lexicon: &Lexicon, word: &str) -> Option<String> {
    lexicon.compound_title_heads.iter().find_map(|(head, normalized)| {
        let prefix = word.strip_suffix(head.as_str())?;
        if let Some(modifier) = title_modifier(lexicon, prefix) {
            return Some(modified_title(modifier, normalized));
        }
        (prefix.chars().count() >= COMPOUND_PREFIX_CHARS && prefix.chars().all(char::is_alphabetic)).then(|| normalized.clone())
    })
}

/// What a modifier of the lexicon adds to a title, if `word` is one.
fn title_modifier<'l>(lexicon: &'l Lexicon, word: &str) -> Option<&'l str> {
    lexicon.title_modifiers.iter().find(|(m, _)| m == word).map(|(_, added)| added.as_str())
}

/// A normalised title with its modifier: "co-" and "CEO" make "co-CEO", "vice" and "president" make
/// "vice president".
fn modified_title(modifier: &str, title: &str) -> String {
    if modifier.ends_with('-') {
        format!("{modifier}{title}")
    } else {
        format!("{modifier} {title}")
    }
}

/// A hyphenated word's parts before and after its last hyphen, both non-empty.
fn compound_parts(word: &str) -> Option<(&str, &str)> {
    word.rsplit_once('-').filter(|(prefix, last)| !prefix.is_empty() && !last.is_empty())
}

/// Each organisation of the document by every name it goes by, as folded words.
fn organization_names(doc: &Document) -> Vec<(Vec<String>, usize)> {
    let mut names = Vec::new();
    for (entity, local) in doc.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Organization) {
        let surfaces = local.mentions.iter().map(|&m| doc.mentions[m].span.slice(doc.text())).chain([local.name.as_str()]);
        for surface in surfaces {
            // As written, and without its legal form ("Mannesmann AG" is "Mannesmann" in "Mannesmann-Chef").
            let written: Vec<String> = split_words(surface).iter().map(|w| fold(w.slice(surface))).collect();
            for words in [written, crate::resolve::organization_key(surface)] {
                if !words.is_empty() && !names.iter().any(|(n, e)| *e == entity && *n == words) {
                    names.push((words, entity));
                }
            }
        }
    }
    names
}

/// The organisation a compound's first part names, with the words before it for a name of several
/// ("Deutsche Bank-Chef"): the longest name that ends there; on a tie, the first organisation.
fn organization_named(names: &[(Vec<String>, usize)], before: &[String], prefix: &str) -> Option<usize> {
    names
        .iter()
        .filter(|(words, _)| {
            let (last, rest) = words.split_last().expect("names are not empty");
            last == prefix && rest.len() <= before.len() && before[before.len() - rest.len()..] == *rest
        })
        .max_by_key(|(words, entity)| (words.len(), std::cmp::Reverse(*entity)))
        .map(|&(_, entity)| entity)
}

/// When a person's name at `words` is in the possessive, the word after it: the name is followed by
/// "'s", or, as German writes the genitive, ends in an "s" that the person's name does not have
/// ("Hiesingers" for Heinrich Hiesinger).
fn possessed_word(folded: &[String], words: &Range<usize>, name: &str) -> Option<usize> {
    if folded.get(words.end).is_some_and(|w| matches!(w.as_str(), "'s" | "'")) {
        return Some(words.end + 1);
    }
    let last = folded[words.end - 1].as_str();
    let name_last = name.split_whitespace().last().map(fold).unwrap_or_default();
    (!name_last.ends_with('s') && last.strip_suffix('s') == Some(name_last.as_str())).then_some(words.end)
}

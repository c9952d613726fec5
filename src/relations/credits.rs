//! The journalists a story credits ("Gwénaëlle Barzic, édité par Marc Angrand"; "(Reporting by Jane Doe;
//! Editing by John Smith)"): people who wrote the news, not people in it, so no fact is about them. The
//! credit words are the lexicon's (`[attribution] credits`).

use crate::lexicon::{fold, longest_match, split_words, Lexicon};
use crate::model::{Document, EntityKind};
use std::collections::BTreeSet;

/// Words of a credit line that are neither names nor credit words nor punctuation ("in London").
const OTHER_WORDS_IN_A_CREDIT_LINE: usize = 2;

/// The people (entity indices) named only in credit lines: sentences made of names and credit words.
pub fn credited_people(doc: &Document, lexicon: &Lexicon) -> BTreeSet<usize> {
    if lexicon.credits.is_empty() {
        return BTreeSet::new();
    }
    let text = doc.text();
    // The mentions of each sentence, in one pass (a credit line names people, so only those sentences count).
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (m, mention) in doc.mentions.iter().enumerate() {
        if let Some(here) = by_sentence.get_mut(mention.sentence) {
            here.push(m);
        }
    }
    let mut in_credit_line = vec![false; doc.mentions.len()];
    for (sentence, here) in doc.sentences.iter().zip(&by_sentence) {
        if !here.iter().any(|&m| doc.mentions[m].kind == EntityKind::Person) {
            continue;
        }
        let words = split_words(sentence.span.slice(text));
        let folded: Vec<String> = words.iter().map(|w| fold(w.slice(sentence.span.slice(text)))).collect();
        let mut covered = vec![false; words.len()];
        let mut credits = false;
        for start in 0..words.len() {
            if let Some(len) = longest_match(&lexicon.credits, &folded, start) {
                covered[start..start + len].iter_mut().for_each(|c| *c = true);
                credits = true;
            }
        }
        if !credits {
            continue;
        }
        for (w, word) in words.iter().enumerate() {
            let (start, end) = (sentence.span.start + word.start, sentence.span.start + word.end);
            let named = here.iter().any(|&m| doc.mentions[m].span.start <= start && end <= doc.mentions[m].span.end);
            covered[w] |= named || !folded[w].chars().any(char::is_alphanumeric);
        }
        if covered.iter().filter(|&&c| !c).count() <= OTHER_WORDS_IN_A_CREDIT_LINE {
            here.iter().for_each(|&m| in_credit_line[m] = true);
        }
    }
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person && !e.mentions.is_empty() && e.mentions.iter().all(|&m| in_credit_line[m]))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind::*;

    fn credited(lang: &str, text: &str, names: &[(&str, EntityKind)]) -> Vec<String> {
        let doc = super::super::tests::document(lang, text, names);
        let lexicon = Lexicon::for_language(lang).unwrap();
        credited_people(&doc, lexicon).into_iter().map(|e| doc.entities[e].name.clone()).collect()
    }

    #[test]
    fn the_journalists_of_a_credit_line_are_credited_and_the_people_of_the_news_are_not() {
        let text = "Verdanne a nommé Julien Ferrand directeur financier. Claire Dubois, édité par Marc Olivier";
        let names = [("Verdanne", Organization), ("Julien Ferrand", Person), ("Claire Dubois", Person), ("Marc Olivier", Person)];
        assert_eq!(credited("fr", text, &names), ["Claire Dubois", "Marc Olivier"]);
        let text = "Kestrel Foods named Tom Ashby chief executive. (Reporting by Jane Doe in London; Editing by Tom Ashby)";
        let names = [("Kestrel Foods", Organization), ("Tom Ashby", Person), ("Jane Doe", Person), ("London", Location)];
        // Tom Ashby is also in the news, so only Jane Doe is a journalist alone.
        assert_eq!(credited("en", text, &names), ["Jane Doe"]);
    }

    #[test]
    fn a_sentence_of_the_news_with_a_credit_word_credits_no_one() {
        let text = "The report, edited by Jane Doe, says Kestrel Foods will replace its chief executive Tom Ashby.";
        let names = [("Kestrel Foods", Organization), ("Tom Ashby", Person), ("Jane Doe", Person)];
        assert!(credited("en", text, &names).is_empty());
    }
}

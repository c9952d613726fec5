//! Splitting cases per language, written for this project. Every expected sentence is compared with the
//! slice of the original text that its span points at, so offsets are checked too.

use super::*;

fn split(lang: &str, text: &str) -> Vec<String> {
    split_sentences(text, LanguageRules::for_language(lang))
        .into_iter()
        .map(|span| {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            span.slice(text).to_string()
        })
        .collect()
}

#[test]
fn english_titles_initials_and_corporate_suffixes() {
    let text = "Mr. Alden Pryce left Harbor Freight Lines Inc. on Friday. Dr. J. K. Ostrow, who joined Velta Corp. \
                in 2019, replaces him. He will report to the U.S. board. The move was expected.";
    assert_eq!(
        split("en", text),
        [
            "Mr. Alden Pryce left Harbor Freight Lines Inc. on Friday.",
            "Dr. J. K. Ostrow, who joined Velta Corp. in 2019, replaces him.",
            "He will report to the U.S. board.",
            "The move was expected."
        ]
    );
}

#[test]
fn english_suffix_ends_a_sentence_before_an_opener() {
    let text = "She moved to Corvane Ltd. The company confirmed it. Shares rose 3.5 percent.";
    assert_eq!(split("en", text), ["She moved to Corvane Ltd.", "The company confirmed it.", "Shares rose 3.5 percent."]);
}

#[test]
fn quotes_and_headlines_without_full_stop() {
    let text = "Brightwell Names New Finance Chief\n\n\u{201c}It was time to go,\u{201d} Ms. Okafor said. \u{201c}I am proud.\u{201d} Her successor starts in May.";
    assert_eq!(
        split("en", text),
        [
            "Brightwell Names New Finance Chief",
            "\u{201c}It was time to go,\u{201d} Ms. Okafor said.",
            "\u{201c}I am proud.\u{201d}",
            "Her successor starts in May."
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined_but_line_breaks_between_sentences_split() {
    let text = "The chief executive of Orland\nsaid on Monday he would retire\nLater that day the board met";
    assert_eq!(split("en", text), ["The chief executive of Orland\nsaid on Monday he would retire", "Later that day the board met"]);
}

#[test]
fn french_titles_and_guillemets() {
    let text = "M. Lucien Barrault quitte la société Vernel S.A. après dix ans. Mme Roux le remplace. « Je pars. » Il l'a confirmé.";
    assert_eq!(
        split("fr", text),
        [
            "M. Lucien Barrault quitte la société Vernel S.A. après dix ans.",
            "Mme Roux le remplace.",
            "« Je pars. »",
            "Il l'a confirmé."
        ]
    );
}

#[test]
fn german_ordinals_and_abbreviations() {
    let text = "Am 17. Mai tritt Hr. Bergmann zurück. Er war z.B. Chef der Nordlicht AG. Der 3. Platz ging an Prof. Lenz. Die Firma bestätigte das.";
    assert_eq!(
        split("de", text),
        [
            "Am 17. Mai tritt Hr. Bergmann zurück.",
            "Er war z.B. Chef der Nordlicht AG.",
            "Der 3. Platz ging an Prof. Lenz.",
            "Die Firma bestätigte das."
        ]
    );
}

#[test]
fn spanish_titles_and_inverted_marks() {
    let text = "La Sra. Ibarra dimite como consejera delegada de Grupo Almena S.A. tras cinco años. ¿Quién la sustituye? El Sr. Ocaña, según la empresa.";
    assert_eq!(
        split("es", text),
        [
            "La Sra. Ibarra dimite como consejera delegada de Grupo Almena S.A. tras cinco años.",
            "¿Quién la sustituye?",
            "El Sr. Ocaña, según la empresa."
        ]
    );
}

#[test]
fn italian_titles_and_company_forms() {
    let text = "Il Dott. Ferrante lascia la Lumetta S.p.A. dopo otto anni. Lo sostituisce l'Ing. Sala. La società ha confermato.";
    assert_eq!(
        split("it", text),
        [
            "Il Dott. Ferrante lascia la Lumetta S.p.A. dopo otto anni.",
            "Lo sostituisce l'Ing. Sala.",
            "La società ha confermato."
        ]
    );
}

#[test]
fn portuguese_titles() {
    let text = "O Sr. Tavares deixa a presidência da Ondina Ltda. em junho. A Dra. Neves vai substituí-lo. Ela começa já.";
    assert_eq!(
        split("pt", text),
        ["O Sr. Tavares deixa a presidência da Ondina Ltda. em junho.", "A Dra. Neves vai substituí-lo.", "Ela começa já."]
    );
}

#[test]
fn dutch_titles_and_company_forms() {
    let text = "Dhr. Verhoef treedt af als topman van Polderkracht N.V. per 1 maart. Mevr. De Wit volgt hem op. Zij komt van Kustlijn B.V. De raad is tevreden.";
    assert_eq!(
        split("nl", text),
        [
            "Dhr. Verhoef treedt af als topman van Polderkracht N.V. per 1 maart.",
            "Mevr. De Wit volgt hem op.",
            "Zij komt van Kustlijn B.V.",
            "De raad is tevreden."
        ]
    );
}

#[test]
fn numbers_urls_and_ellipses_do_not_split() {
    let text = "Revenue grew 4.2% to $1.5 billion, see orland.example/results... Then it fell.";
    assert_eq!(split("en", text), ["Revenue grew 4.2% to $1.5 billion, see orland.example/results...", "Then it fell."]);
}

#[test]
fn empty_and_punctuation_only_text_has_no_sentences() {
    assert!(split("en", "").is_empty());
    assert!(split("en", " \n . ! \n").is_empty());
}

//! Detection on our own sample sentences in the seven languages, and the cases it must not guess.

use super::*;

#[test]
fn detects_the_seven_languages() {
    let samples = [
        ("en", "The board of the shipping company announced on Monday that its chief executive will retire at the end of the year."),
        ("fr", "Le conseil d'administration de la société a annoncé lundi que son directeur général quittera ses fonctions à la fin de l'année."),
        ("de", "Der Aufsichtsrat des Unternehmens hat am Montag mitgeteilt, dass der Vorstandschef zum Jahresende zurücktreten wird."),
        ("es", "El consejo de administración de la empresa anunció el lunes que su consejero delegado dejará el cargo a final de año."),
        ("it", "Il consiglio di amministrazione della società ha annunciato lunedì che l'amministratore delegato lascerà l'incarico a fine anno."),
        ("pt", "O conselho de administração da empresa anunciou na segunda-feira que o seu presidente executivo vai deixar o cargo no fim do ano."),
        ("nl", "De raad van bestuur van het bedrijf heeft maandag bekendgemaakt dat de topman aan het einde van het jaar met pensioen gaat."),
    ];
    for (expected, text) in samples {
        let detection = detect(text);
        assert_eq!(detection.code, expected, "{text}");
        assert!(detection.unreliable_reason.is_none());
        assert!(detection.confidence > 0.5, "{expected}: {}", detection.confidence);
    }
}

#[test]
fn unreliable_detection_is_und_with_a_reason() {
    let short = detect("Ok");
    assert_eq!(short.code, "und");
    assert!(short.unreliable_reason.unwrap().starts_with("detection unreliable: best guess"));

    let numbers = detect("2024 - 3.5 % / 17");
    assert_eq!(numbers.code, "und");
    assert_eq!(numbers.unreliable_reason.as_deref(), Some("no language detected: no letters in the text"));
}

#[test]
fn normalises_language_codes() {
    assert_eq!(normalise_code("EN").as_deref(), Some("en"));
    assert_eq!(normalise_code("pt-BR").as_deref(), Some("pt"));
    assert_eq!(normalise_code("deu").as_deref(), Some("de"));
    assert_eq!(normalise_code("xx"), None);
    assert_eq!(LanguageStage::new().with_forced_language("klingon").unwrap_err(), UnknownLanguageCode("klingon".into()));
}

fn document(text: &str, declared: Option<&str>) -> Document {
    let article = crate::model::Article {
        id: crate::model::ArticleId::given("t"),
        text: text.into(),
        title: None,
        url: None,
        date: None,
        declared_lang: declared.map(str::to_string),
        source: None,
    };
    Document::new(article, crate::model::Origin { file: "t.jsonl".into(), line: Some(1) })
}

const GERMAN: &str = "Der Aufsichtsrat hat am Montag mitgeteilt, dass der Vorstandschef zum Jahresende zurücktreten wird.";

#[test]
fn declared_language_wins_over_detection_and_the_command_line_over_both() {
    let mut doc = document(GERMAN, Some("nl-NL"));
    LanguageStage::new().process(&mut doc).unwrap();
    let language = doc.language.unwrap();
    assert_eq!((language.code.as_str(), language.source, language.detected.as_str()), ("nl", LanguageSource::Record, "de"));

    let mut doc = document(GERMAN, Some("nl"));
    LanguageStage::new().with_forced_language("fr").unwrap().process(&mut doc).unwrap();
    let language = doc.language.unwrap();
    assert_eq!((language.code.as_str(), language.source), ("fr", LanguageSource::CommandLine));

    let mut doc = document(GERMAN, Some("not-a-language"));
    LanguageStage::new().process(&mut doc).unwrap();
    let language = doc.language.unwrap();
    assert_eq!((language.code.as_str(), language.source), ("de", LanguageSource::Detected));
}

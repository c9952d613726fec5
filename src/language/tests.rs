//! Detection on our own sample sentences in the seven languages, and the cases it must not guess.

use super::*;

/// What the pipeline supports (the relation lexicons' languages, with Dutch's and Spanish's close
/// relatives), written out here so that this stage's tests do not reach into a later stage.
fn supported() -> SupportedLanguages {
    let relatives = |code: &str| match code {
        "nl" => vec!["af".to_string()],
        "es" => vec!["ca".to_string()],
        _ => Vec::new(),
    };
    SupportedLanguages::new(["en", "fr", "de", "es", "it", "pt", "nl"].map(|c| SupportedLanguage {
        code: c.to_string(),
        close_relatives: relatives(c),
        unmodelled_relatives: if c == "pt" { vec![galician()] } else { Vec::new() },
    }))
}

/// A few of the spellings the Portuguese data lists, enough for these tests' sentences.
fn galician() -> UnmodelledRelative {
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
    UnmodelledRelative {
        code: "gl".into(),
        host_spellings: words(&["não", "também", "uma", "com", "depois", "já", "mês", "mais", "-ção"]),
        relative_spellings: words(&["non", "tamén", "unha", "co", "coa", "despois", "xa", "mes", "máis", "-ión"]),
    }
}

fn unrestricted() -> SupportedLanguages {
    SupportedLanguages::default()
}

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
        let detection = detect(text, &unrestricted());
        assert_eq!(detection.code, expected, "{text}");
        assert!(detection.unreliable_reason.is_none());
        assert!(detection.confidence > 0.5, "{expected}: {}", detection.confidence);
    }
}

#[test]
fn unreliable_detection_is_und_with_a_reason() {
    let short = detect("Ok", &supported());
    assert_eq!(short.code, "und");
    assert!(short.unreliable_reason.unwrap().starts_with("detection unreliable: best guess"));

    let numbers = detect("2024 - 3.5 % / 17", &supported());
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

#[test]
fn two_sentence_briefs_in_the_seven_languages() {
    let briefs = [
        ("en", "Ferrow Bank named a new finance chief on Monday. She starts in March."),
        ("fr", "La banque Ferrow a nommé lundi une nouvelle directrice financière. Elle prendra ses fonctions en mars."),
        ("de", "Die Ferrow Bank hat am Montag eine neue Finanzchefin berufen. Sie beginnt im März."),
        ("es", "El banco Ferrow nombró el lunes a una nueva directora financiera. Empezará en marzo."),
        ("it", "La banca Ferrow ha nominato lunedì una nuova direttrice finanziaria. Inizierà a marzo."),
        ("pt", "O banco Ferrow nomeou na segunda-feira uma nova diretora financeira. Ela começa em março."),
        ("nl", "De Ferrow Bank heeft maandag een nieuwe financieel directeur benoemd. Zij begint in maart."),
    ];
    for (expected, text) in briefs {
        assert_eq!(detect(text, &supported()).code, expected, "{text}");
    }
}

#[test]
fn close_relatives_are_each_detected_as_themselves() {
    let pairs = [
        ("nl", "Het waterschap heeft een nieuwe dijkgraaf gekozen. Zij begint volgende maand en volgt haar voorganger op, die na twaalf jaar afscheid neemt."),
        ("af", "Die maatskappy het Maandag aangekondig dat sy hoof uitvoerende beampte aan die einde van die jaar gaan aftree. Die raad soek nou na 'n opvolger."),
        ("es", "La cooperativa ha elegido a una nueva presidenta. Asumirá el cargo el próximo mes y sustituye a su antecesor, que se jubila tras doce años."),
        ("ca", "La cooperativa ha escollit una nova presidenta. Assumirà el càrrec el mes vinent i substitueix el seu predecessor, que es jubila després de dotze anys."),
        ("pt", "A cooperativa escolheu uma nova presidente. Ela assume o cargo no próximo mês e substitui o seu antecessor, que se reforma após doze anos."),
        ("gl", "A cooperativa elixiu unha nova presidenta. Asumirá o cargo o próximo mes e substitúe ao seu predecesor, que se xubila despois de doce anos."),
        ("sv", "Kooperativet har valt en ny ordförande. Hon tillträder nästa månad och efterträder sin företrädare, som går i pension efter tolv år."),
        ("zh", "这家合作社选出了一位新的主席。她将于下个月上任，接替任职十二年后退休的前任。"),
    ];
    for (expected, text) in pairs {
        let detection = detect(text, &supported());
        assert_eq!(detection.code, expected, "{text}");
        if expected == "gl" {
            assert_eq!(detection.method, DetectionMethod::RelativeSpellings);
        } else {
            assert!(detection.note.is_none(), "{expected}: {:?}", detection.note);
        }
    }
}

#[test]
fn a_relative_whatlang_has_no_model_for_is_told_by_its_spellings() {
    // whatlang reads Galician as Portuguese; its own spellings (unha, tamén, xa, non, máis, -ión) decide.
    let text = "A Xunta nomeou onte unha nova directora de Innovación. Tamén cambia o xefe do gabinete, que xa deixara o posto e non quixo facer máis comentarios.";
    assert_eq!(detect(text, &unrestricted()).code, "pt");
    let told = detect(text, &supported());
    assert_eq!((told.code.as_str(), told.confidence, told.method), ("gl", 1.0, DetectionMethod::RelativeSpellings));
    assert_eq!(
        told.note.as_deref(),
        Some("whatlang, which has no model for gl, read pt at 0.865; gl's own spellings outnumber pt's, 6 words to 0")
    );

    // Portuguese that quotes a Galician word or two stays Portuguese.
    let portuguese = "O novo diretor da Xunta, que já trabalhou com a equipa, disse que não vai mudar nada: «non» foi a palavra do mês.";
    assert_eq!(detect(portuguese, &supported()).code, "pt");
}


#[test]
fn an_unsure_guess_is_decided_among_the_supported_languages() {
    // Dutch with words Afrikaans shares ("die"): unrestricted, whatlang ranks Afrikaans first, unsure.
    let text = "Die nieuwe topman van die bank begint op maandag.";
    assert_eq!(detect(text, &unrestricted()).code, "und");
    let decided = detect(text, &supported());
    assert_eq!((decided.code.as_str(), decided.confidence, decided.unreliable_reason.as_deref()), ("nl", 1.0, None));
    assert_eq!(decided.note.as_deref(), Some("decided among the supported languages: nl at 1; unrestricted, whatlang's best guess was af at 0.443"));
}

#[test]
fn an_unsure_guess_stays_und_when_the_supported_languages_are_unsure_too() {
    let text = "Die man is de nieuwe baas van de bank in Gent.";
    let detection = detect(text, &supported());
    assert_eq!(detection.code, "und");
    assert_eq!(detection.unreliable_reason.as_deref(), Some("detection unreliable: best guess af with confidence 0.336"));
    assert!(detection.note.is_none());
}


/// whatlang names Mandarin `cmn` and Iranian Persian `pes`: individual languages whose macrolanguage has
/// the ISO 639-1 code (`zh`, `fa`). Every language whatlang detects gets a code.
#[test]
fn every_language_whatlang_knows_has_an_iso_639_1_code() {
    let missing: Vec<&str> = whatlang::Lang::all().iter().filter(|lang| iso_639_1(**lang).is_none()).map(|lang| lang.code()).collect();
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(iso_639_1(whatlang::Lang::Cmn).as_deref(), Some("zh"));
    assert_eq!(iso_639_1(whatlang::Lang::Pes).as_deref(), Some("fa"));
}

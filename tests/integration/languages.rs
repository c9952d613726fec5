//! Every annotated real-news text of `../shared` (corpus train and dev, eval-dev; skipped when `../shared`
//! is not beside the checkout) and every article written for the project is detected as the language its
//! `meta.jsonl` gives, with the languages the pipeline supports as the pipeline uses them; Galician, which
//! whatlang has no model for, is told from Portuguese and Spanish.

use crate::util::shared_dir;
use newsgraph::language::{detect, SupportedLanguages};
use newsgraph::lexicon::Lexicon;
use serde_json::Value;
use std::path::{Path, PathBuf};

#[test]
fn every_annotated_real_news_text_is_detected_as_its_annotated_language() {
    let splits = ["corpus/train", "corpus/dev", "eval-dev"].map(|s| shared_dir().join(s));
    if !splits.iter().all(|s| s.join("meta.jsonl").exists()) {
        eprintln!("skipped: ../shared with corpus/ and eval-dev/ is not beside the checkout");
        return;
    }
    let (texts, wrong) = misdetected(&splits);
    assert!(texts > 200, "{texts}");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The same for the articles written for the project (`data/written`), which are always there.
#[test]
fn every_written_article_is_detected_as_its_annotated_language() {
    let written = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/written");
    let languages = std::fs::read_dir(&written).unwrap().map(|entry| entry.unwrap().path()).filter(|path| path.is_dir());
    let mut splits: Vec<PathBuf> = languages.flat_map(|lang| ["train", "dev"].map(|split| lang.join(split))).collect();
    splits.sort();
    let (texts, wrong) = misdetected(&splits);
    assert!(texts > 400, "{texts}");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// (texts read, those detected as another language than their `meta.jsonl` gives).
fn misdetected(splits: &[PathBuf]) -> (usize, Vec<String>) {
    let supported = SupportedLanguages::new(Lexicon::supported_languages());
    let mut wrong = Vec::new();
    let mut texts = 0;
    for split in splits {
        for line in std::fs::read_to_string(split.join("meta.jsonl")).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let meta: Value = serde_json::from_str(line).unwrap();
            let id = meta["id"].as_str().unwrap();
            let text = std::fs::read_to_string(split.join("docs").join(format!("{id}.txt"))).unwrap();
            let detection = detect(&text, &supported);
            texts += 1;
            if detection.code != meta["lang"].as_str().unwrap() {
                wrong.push(format!("{}/{id}: {} ({:?} {:?})", split.display(), detection.code, detection.unreliable_reason, detection.note));
            }
        }
    }
    (texts, wrong)
}

/// Galician, which whatlang has no model for and reads as Portuguese, told from Portuguese by the spellings
/// the Portuguese lexicon lists; Portuguese about Galicia stays Portuguese. Sentences written for the project.
#[test]
fn galician_and_portuguese_are_each_detected_as_themselves() {
    let supported = SupportedLanguages::new(Lexicon::supported_languages());
    let texts = [
        ("gl", "O Concello de Vigo nomeou a Marta Piñeiro nova xerente da empresa municipal de augas. Substitúe a Xosé Lema, que deixa o cargo despois de oito anos por motivos persoais."),
        ("gl", "A cooperativa láctea Terras do Miño anunciou este luns a saída do seu director xeral, Anxo Souto, que se xubilará en xuño. O consello reitor xa busca un substituto e non descarta unha solución interna. A compañía pechou o exercicio cun beneficio de tres millóns de euros, un dez por cento máis que no ano anterior, e prevé abrir unha nova planta en Lugo antes de que remate o ano. Tamén cambia a presidencia da fundación da empresa."),
        ("gl", "A Confederación de Empresarios elixiu por unanimidade a súa nova presidenta. A organización, que agrupa a máis de cen asociacións, celebrou a votación na súa sede da Coruña."),
        ("pt", "A cooperativa galega Terras do Minho anunciou nesta segunda-feira a saída do seu diretor-geral, Anxo Souto, que se vai reformar em junho. O conselho já procura um substituto e não exclui uma solução interna."),
        ("pt", "O presidente da Xunta da Galiza esteve em Braga para assinar um acordo de cooperação com a câmara municipal. A visita incluiu uma reunião com empresários dos dois lados da fronteira."),
    ];
    for (expected, text) in texts {
        let detection = detect(text, &supported);
        assert_eq!(detection.code, expected, "{text}: {:?} {:?}", detection.note, detection.unreliable_reason);
    }
}

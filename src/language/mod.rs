//! Stage 2: language identification with whatlang. A language given on the command line or in the
//! record wins over detection; detection still runs so its opinion is on record. An unreliable detection
//! is reported as `und` with the reason, never guessed silently. When the unrestricted guess is not
//! reliable, a second detection restricted to the languages the pipeline supports (given by the caller:
//! those with a relation lexicon) decides, if it is confident and the first guess agrees with it or is a
//! close relative of it ("nl" runner-up "af"); the document then says so in its language note.

use crate::model::{Document, LanguageInfo, LanguageSource};
use crate::pipeline::{DocumentStage, StageError};
use thiserror::Error;

/// Detection looks at this many bytes of title and text at most: plenty for trigram statistics, and it
/// keeps the cost per article flat however long the article is.
const DETECTION_SAMPLE_BYTES: usize = 4096;

/// Below this confidence a detection is not trusted. whatlang's own `is_reliable` (0.9) rejects most
/// two-sentence news briefs in close languages (a Dutch sample of ours scores 0.83), so we draw the line
/// lower; its confidence measures the gap to the runner-up language, and 0.5 is a clear gap.
const MIN_CONFIDENCE: f64 = 0.5;

/// Fewer letters than this give trigram statistics too thin to trust, whatever the confidence.
const MIN_LETTERS: usize = 12;

#[derive(Debug, Error, PartialEq, Eq)]
#[error("`{0}` is not an ISO 639-1 language code")]
pub struct UnknownLanguageCode(pub String);

/// The languages the pipeline processes, each with the close relatives detection confuses it with.
#[derive(Debug, Clone, Default)]
pub struct SupportedLanguages {
    /// (ISO 639-1 code, close relatives' ISO 639-1 codes), and whatlang's detector restricted to them.
    languages: Vec<(String, Vec<String>)>,
    detector: Option<whatlang::Detector>,
}

impl SupportedLanguages {
    /// From (code, close relatives) pairs; codes whatlang does not know are left out.
    pub fn new(languages: impl IntoIterator<Item = (String, Vec<String>)>) -> Self {
        let languages: Vec<(String, Vec<String>)> = languages.into_iter().collect();
        let allowed: Vec<whatlang::Lang> = languages.iter().filter_map(|(code, _)| whatlang_lang(code)).collect();
        let detector = (!allowed.is_empty()).then(|| whatlang::Detector::with_allowlist(allowed));
        Self { languages, detector }
    }

    fn relatives(&self, code: &str) -> &[String] {
        self.languages.iter().find(|(c, _)| c == code).map_or(&[], |(_, r)| r.as_slice())
    }
}

/// Decides each document's language.
#[derive(Debug, Clone, Default)]
pub struct LanguageStage {
    forced: Option<String>,
    supported: SupportedLanguages,
}

impl LanguageStage {
    pub fn new() -> Self {
        Self::default()
    }

    /// When detection is unsure, decide among these languages (see the module comment).
    pub fn with_supported(mut self, supported: SupportedLanguages) -> Self {
        self.supported = supported;
        self
    }

    /// Every article is processed as this language (`--lang`); the code is checked here.
    pub fn with_forced_language(mut self, code: &str) -> Result<Self, UnknownLanguageCode> {
        self.forced = Some(normalise_code(code).ok_or_else(|| UnknownLanguageCode(code.to_string()))?);
        Ok(self)
    }
}

/// Detection's verdict on a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code, or `und`.
    pub code: String,
    pub confidence: f64,
    pub unreliable_reason: Option<String>,
    /// How the language was decided when the unrestricted guess alone did not decide it.
    pub note: Option<String>,
}

/// Detects the language of a text with whatlang; when that is unsure, among the supported languages.
pub fn detect(text: &str, supported: &SupportedLanguages) -> Detection {
    let open = detect_unrestricted(text);
    if open.unreliable_reason.is_none() {
        return open;
    }
    let sample = &text[..floor_char_boundary(text, DETECTION_SAMPLE_BYTES)];
    let letters = sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count();
    let (Some(detector), Some(guess)) = (&supported.detector, whatlang::detect(sample)) else { return open };
    let Some(info) = detector.detect(sample).filter(|_| letters >= MIN_LETTERS) else { return open };
    let confidence = round3(info.confidence());
    let (Some(code), Some(guessed)) = (iso_639_1(info.lang()), iso_639_1(guess.lang())) else { return open };
    let agrees = guessed == code || supported.relatives(&code).contains(&guessed);
    if confidence < MIN_CONFIDENCE || !agrees {
        return open;
    }
    let note = format!(
        "decided among the supported languages: {code} at {confidence}; unrestricted, whatlang's best guess was {guessed} at {}",
        round3(guess.confidence())
    );
    Detection { code, confidence, unreliable_reason: None, note: Some(note) }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// whatlang over all the languages it knows.
fn detect_unrestricted(text: &str) -> Detection {
    let sample = &text[..floor_char_boundary(text, DETECTION_SAMPLE_BYTES)];
    let Some(info) = whatlang::detect(sample) else {
        return Detection { code: "und".into(), confidence: 0.0, unreliable_reason: Some("no language detected: no letters in the text".into()), note: None };
    };
    let confidence = round3(info.confidence());
    let Some(code) = iso_639_1(info.lang()) else {
        let reason = format!("detected {} has no ISO 639-1 code", info.lang().code());
        return Detection { code: "und".into(), confidence, unreliable_reason: Some(reason), note: None };
    };
    let letters = sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count();
    if confidence < MIN_CONFIDENCE || letters < MIN_LETTERS {
        let reason = format!("detection unreliable: best guess {code} with confidence {confidence}");
        return Detection { code: "und".into(), confidence, unreliable_reason: Some(reason), note: None };
    }
    Detection { code, confidence, unreliable_reason: None, note: None }
}

impl DocumentStage for LanguageStage {
    fn name(&self) -> &'static str {
        "language"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let article = &doc.article;
        let detection = match &article.title {
            // A text file's title is already its first line.
            Some(title) if !article.text.starts_with(title.as_str()) => detect(&format!("{title}\n{}", article.text), &self.supported),
            _ => detect(&article.text, &self.supported),
        };
        let declared = article.declared_lang.as_deref().and_then(normalise_code);
        let (code, source) = match (&self.forced, declared) {
            (Some(forced), _) => (forced.clone(), LanguageSource::CommandLine),
            (None, Some(declared)) => (declared, LanguageSource::Record),
            (None, None) => (detection.code.clone(), LanguageSource::Detected),
        };
        doc.language = Some(LanguageInfo {
            code,
            source,
            detected: detection.code,
            confidence: detection.confidence,
            unreliable_reason: detection.unreliable_reason,
            note: detection.note,
        });
        Ok(())
    }
}

/// `en`, `EN`, `en-GB`, `eng` all become `en`; anything unknown is `None`.
pub fn normalise_code(code: &str) -> Option<String> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let language = match primary.len() {
        2 => isolang::Language::from_639_1(&primary)?,
        3 => isolang::Language::from_639_3(&primary)?,
        _ => return None,
    };
    language.to_639_1().map(str::to_string)
}

/// whatlang names some languages by an individual code whose macrolanguage has the ISO 639-1 code
/// (Mandarin `cmn` is Chinese `zh`).
const MACROLANGUAGES: [(&str, &str); 1] = [("cmn", "zh")];

fn iso_639_1(lang: whatlang::Lang) -> Option<String> {
    if let Some((_, macro_code)) = MACROLANGUAGES.iter().find(|(individual, _)| *individual == lang.code()) {
        return Some(macro_code.to_string());
    }
    isolang::Language::from_639_3(lang.code())?.to_639_1().map(str::to_string)
}

fn whatlang_lang(code: &str) -> Option<whatlang::Lang> {
    let three = isolang::Language::from_639_1(code)?.to_639_3();
    whatlang::Lang::from_code(three).or_else(|| MACROLANGUAGES.iter().find(|(_, m)| *m == code).and_then(|(i, _)| whatlang::Lang::from_code(*i)))
}

/// The largest char boundary at or below `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    (0..=index).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests;

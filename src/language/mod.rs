//! Stage 2: language identification with whatlang. A language given on the command line or in the
//! record wins over detection; detection still runs so its opinion is on record. An unreliable detection
//! is reported as `und` with the reason, never guessed silently. When the unrestricted guess is not
//! reliable, a second detection restricted to the languages the pipeline supports (given by the caller:
//! those with a relation lexicon) decides, if it is confident and the first guess agrees with it or is a
//! close relative of it ("nl" runner-up "af"); the document then says so in its language note.
//!
//! whatlang has no model for some close relatives of the supported languages and reads their texts as
//! the supported one (Galician as Portuguese). The supported language's data lists words the two spell
//! each their own way; a text where the relative's spellings clearly outnumber the host's is the relative's.

use crate::model::{DetectionMethod, Document, LanguageInfo, LanguageSource};
use crate::model::{DocumentStage, StageError};
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

/// A text needs at least this many of a relative's own spellings to be the relative's ...
const MIN_RELATIVE_SPELLINGS: usize = 3;
/// ... and this many times as many as of the host language's.
const RELATIVE_SPELLINGS_RATIO: usize = 2;

/// A language the pipeline processes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupportedLanguage {
    /// ISO 639-1 code.
    pub code: String,
    /// Languages detection may rank first on a text in this one (ISO 639-1).
    pub close_relatives: Vec<String>,
    /// Close languages whatlang has no model for, which it reads as this one.
    pub unmodelled_relatives: Vec<UnmodelledRelative>,
}

/// A close language whatlang has no model for, told apart from its host (the supported language whatlang
/// reads it as) by words each spells its own way. An entry with a leading hyphen is a word ending ("-ção"),
/// one with a trailing hyphen a beginning ("xe-").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnmodelledRelative {
    /// ISO 639-1 code.
    pub code: String,
    /// The host's spellings ("não", "-ção").
    pub host_spellings: Vec<String>,
    /// The relative's spellings of the same words ("non", "-ción").
    pub relative_spellings: Vec<String>,
}

/// The languages the pipeline processes, each with the close relatives detection confuses it with.
#[derive(Debug, Clone, Default)]
pub struct SupportedLanguages {
    languages: Vec<SupportedLanguage>,
    /// whatlang's detector restricted to the supported languages.
    detector: Option<whatlang::Detector>,
}

impl SupportedLanguages {
    /// Codes whatlang does not know are left out of the restricted detector.
    pub fn new(languages: impl IntoIterator<Item = SupportedLanguage>) -> Self {
        let languages: Vec<SupportedLanguage> = languages.into_iter().collect();
        let allowed: Vec<whatlang::Lang> = languages.iter().filter_map(|l| whatlang_lang(&l.code)).collect();
        let detector = (!allowed.is_empty()).then(|| whatlang::Detector::with_allowlist(allowed));
        Self { languages, detector }
    }

    fn language(&self, code: &str) -> Option<&SupportedLanguage> {
        self.languages.iter().find(|l| l.code == code)
    }

    fn relatives(&self, code: &str) -> &[String] {
        self.language(code).map_or(&[], |l| l.close_relatives.as_slice())
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
    pub method: DetectionMethod,
}

/// Detects the language of a text with whatlang; when that is unsure, among the supported languages;
/// then tells a supported language from a close relative whatlang has no model for.
pub fn detect(text: &str, supported: &SupportedLanguages) -> Detection {
    let detection = detect_with_whatlang(text, supported);
    let sample = &text[..floor_char_boundary(text, DETECTION_SAMPLE_BYTES)];
    // The host is what whatlang read, trusted or not: a text in a relative may well leave it unsure.
    let host = match detection.unreliable_reason {
        None => Some((detection.code.clone(), detection.confidence)),
        Some(_) => whatlang::detect(sample).and_then(|info| Some((iso_639_1(info.lang())?, round3(info.confidence())))),
    };
    let Some((host, host_confidence)) = host else { return detection };
    let relatives = supported.language(&host).map_or(&[][..], |l| l.unmodelled_relatives.as_slice());
    relatives.iter().find_map(|relative| told_from_host(sample, &host, host_confidence, relative)).unwrap_or(detection)
}

/// The relative, when the sample spells more words its way than the host's (see the constants).
fn told_from_host(sample: &str, host: &str, host_confidence: f64, relative: &UnmodelledRelative) -> Option<Detection> {
    let (mut host_count, mut relative_count) = (0, 0);
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        host_count += usize::from(spelled_as(&word, &relative.host_spellings));
        relative_count += usize::from(spelled_as(&word, &relative.relative_spellings));
    }
    if relative_count < MIN_RELATIVE_SPELLINGS || relative_count < RELATIVE_SPELLINGS_RATIO * host_count.max(1) {
        return None;
    }
    let share = round3(relative_count as f64 / (relative_count + host_count) as f64);
    let note = format!(
        "whatlang, which has no model for {relative}, read {host} at {confidence}; {relative}'s own spellings outnumber {host}'s, {relative_count} words to {host_count}",
        relative = relative.code,
        confidence = host_confidence,
    );
    Some(Detection { code: relative.code.clone(), confidence: share, unreliable_reason: None, note: Some(note), method: DetectionMethod::RelativeSpellings })
}

/// Whether a lower-case word is one of the spellings, or has one of their endings ("-ção") or
/// beginnings ("xe-").
fn spelled_as(word: &str, spellings: &[String]) -> bool {
    spellings.iter().any(|s| match (s.strip_prefix('-'), s.strip_suffix('-')) {
        (Some(ending), _) => word.len() > ending.len() && word.ends_with(ending),
        (None, Some(beginning)) => word.len() > beginning.len() && word.starts_with(beginning),
        (None, None) => word == s,
    })
}

/// whatlang; when it is unsure, whatlang restricted to the supported languages (see the module comment).
fn detect_with_whatlang(text: &str, supported: &SupportedLanguages) -> Detection {
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
    Detection { code, confidence, unreliable_reason: None, note: Some(note), method: DetectionMethod::AmongSupported }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// whatlang over all the languages it knows.
fn detect_unrestricted(text: &str) -> Detection {
    let sample = &text[..floor_char_boundary(text, DETECTION_SAMPLE_BYTES)];
    let Some(info) = whatlang::detect(sample) else {
        return Detection { code: "und".into(), confidence: 0.0, unreliable_reason: Some("no language detected: no letters in the text".into()), note: None, method: DetectionMethod::Unrestricted };
    };
    let confidence = round3(info.confidence());
    let Some(code) = iso_639_1(info.lang()) else {
        let reason = format!("detected {} has no ISO 639-1 code", info.lang().code());
        return Detection { code: "und".into(), confidence, unreliable_reason: Some(reason), note: None, method: DetectionMethod::Unrestricted };
    };
    let letters = sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count();
    if confidence < MIN_CONFIDENCE || letters < MIN_LETTERS {
        let reason = format!("detection unreliable: best guess {code} with confidence {confidence}");
        return Detection { code: "und".into(), confidence, unreliable_reason: Some(reason), note: None, method: DetectionMethod::Unrestricted };
    }
    Detection { code, confidence, unreliable_reason: None, note: None, method: DetectionMethod::Unrestricted }
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
            method: detection.method,
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
/// (Mandarin `cmn` is Chinese `zh`, Iranian Persian `pes` is Persian `fa`).
const MACROLANGUAGES: [(&str, &str); 2] = [("cmn", "zh"), ("pes", "fa")];

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

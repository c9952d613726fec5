//! The transformer recogniser, as named steps: sentences -> words -> encodings -> windows -> tensors
//! -> logits -> the best valid tags -> entities with byte spans. Only the logits step belongs to a backend.

use super::backend::{Backend, Batch, Logits};
use super::decode::{best_valid_tags, decode_entities, log_softmax, LabelLogProbs, Tag};
use super::model_files::ModelFiles;
use super::windows::{owner_window, plan_windows};
use crate::lexicon::split_words;
use super::{NerError, Recognizer, SentenceEntity};
use crate::model::ByteSpan;
use rayon::prelude::*;
use std::ops::Range;
use tokenizers::Tokenizer;

/// Ids of the special tokens (XLM-R convention, shared by our tokenizer).
const BOS_ID: u32 = 0;
const PAD_ID: u32 = 1;
const EOS_ID: u32 = 2;
const UNK_ID: u32 = 3;

/// A word never feeds more sub-tokens than this to the model: only its first sub-token is labelled, and a
/// 300-character URL should not eat a window.
const MAX_TOKENS_PER_WORD: usize = 16;

/// Sub-tokens shared by consecutive windows of a long sentence.
const WINDOW_OVERLAP_TOKENS: usize = 32;

/// How the recogniser batches its work.
#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Windows per forward pass.
    pub batch_size: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self { batch_size: 32 }
    }
}

pub struct TransformerRecognizer<B: Backend> {
    tokenizer: Tokenizer,
    files: ModelFiles,
    backend: B,
    options: BatchOptions,
}

/// One sentence on its way through the steps.
struct EncodedSentence {
    words: Vec<ByteSpan>,
    /// Sub-token ids of each word.
    word_tokens: Vec<Vec<u32>>,
    windows: Vec<Range<usize>>,
}

/// One window ready for the model: which sentence, which words, the ids and each word's first position.
struct WindowInput {
    sentence: usize,
    window: usize,
    ids: Vec<u32>,
    first_positions: Vec<usize>,
}

impl<B: Backend> TransformerRecognizer<B> {
    pub fn new(files: ModelFiles, backend: B) -> Result<Self, NerError> {
        let mut tokenizer = Tokenizer::from_file(files.tokenizer_path())
            .map_err(|e| NerError::Model(format!("cannot load {}: {e}", files.tokenizer_path().display())))?;
        tokenizer.with_truncation(None).map_err(|e| NerError::Model(e.to_string()))?;
        tokenizer.with_padding(None);
        Ok(Self { tokenizer, files, backend, options: BatchOptions::default() })
    }

    pub fn with_batch_options(mut self, options: BatchOptions) -> Self {
        self.options = options;
        self
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The token ids the model sees for a sentence, one row per window: for checking the tokenisation
    /// against the training side, and for debugging.
    pub fn model_inputs(&self, sentence: &str) -> Result<Vec<Vec<u32>>, NerError> {
        let encoded = self.encode(sentence)?;
        Ok((0..encoded.windows.len()).map(|w| Self::window_input(0, w, &encoded).ids).collect())
    }

    /// Step: words -> sub-token ids per word, and the windows that fit the model.
    fn encode(&self, text: &str) -> Result<EncodedSentence, NerError> {
        let words = split_words(text);
        let word_texts: Vec<&str> = words.iter().map(|w| w.slice(text)).collect();
        let mut word_tokens = vec![Vec::new(); words.len()];
        if !word_texts.is_empty() {
            let encoding = self.tokenizer.encode(word_texts.as_slice(), false).map_err(|e| NerError::Inference(format!("tokenizer: {e}")))?;
            for (&id, word) in encoding.get_ids().iter().zip(encoding.get_word_ids()) {
                if let Some(tokens) = word.and_then(|w| word_tokens.get_mut(w as usize)) {
                    if tokens.len() < MAX_TOKENS_PER_WORD {
                        tokens.push(id);
                    }
                }
            }
        }
        for tokens in &mut word_tokens {
            if tokens.is_empty() {
                tokens.push(UNK_ID); // a word the normaliser erased still needs a position
            }
        }
        let counts: Vec<usize> = word_tokens.iter().map(Vec::len).collect();
        let windows = plan_windows(&counts, self.files.max_length - 2, WINDOW_OVERLAP_TOKENS);
        Ok(EncodedSentence { words, word_tokens, windows })
    }

    /// Step: the model input of one window, `<s> ... </s>`.
    fn window_input(sentence: usize, window: usize, encoded: &EncodedSentence) -> WindowInput {
        let range = encoded.windows[window].clone();
        let mut ids = vec![BOS_ID];
        let mut first_positions = Vec::with_capacity(range.len());
        for tokens in &encoded.word_tokens[range] {
            first_positions.push(ids.len());
            ids.extend_from_slice(tokens);
        }
        ids.push(EOS_ID);
        WindowInput { sentence, window, ids, first_positions }
    }

    /// A word the model gave no label (none should be left): outside, for certain.
    fn certainly_outside(&self) -> LabelLogProbs {
        self.files.tags.iter().map(|&t| if t == Tag::Outside { 0.0 } else { f32::NEG_INFINITY }).collect()
    }
}

/// Consecutive runs of `inputs` (sorted by length) with the same length, cut at `batch_size` windows.
/// Why never pad: padding changes the shapes the engine computes with, and so the last bits of every
/// row; equal shapes make a sentence's labels independent of the articles batched next to it, which
/// is what lets shards of a run merge into exactly the graph of one run. Length groups are many when
/// batches span many articles, so batches still fill up.
fn equal_length_batches(inputs: &[WindowInput], batch_size: usize) -> impl Iterator<Item = &[WindowInput]> {
    inputs.chunk_by(|a, b| a.ids.len() == b.ids.len()).flat_map(move |group| group.chunks(batch_size.max(1)))
}

impl<B: Backend> Recognizer for TransformerRecognizer<B> {
    fn describe(&self) -> String {
        format!("{} ({})", self.files.version, self.backend.describe())
    }

    fn recognize(&self, sentences: &[&str]) -> Result<Vec<Vec<SentenceEntity>>, NerError> {
        let encoded: Vec<EncodedSentence> = sentences.par_iter().map(|s| self.encode(s)).collect::<Result<_, _>>()?;
        let mut inputs: Vec<WindowInput> = encoded
            .iter()
            .enumerate()
            .flat_map(|(s, e)| (0..e.windows.len()).map(move |w| (s, w)))
            .map(|(s, w)| Self::window_input(s, w, &encoded[s]))
            .collect();
        // Sorted by length (a stable sort: deterministic), then batched only with windows of the same
        // length: nothing is padded, so a window's logits are the same bits whatever else is in its
        // batch (with the per-token quantised model; see `equal_length_batches`).
        inputs.sort_by_key(|input| input.ids.len());

        let mut scores: Vec<Vec<Option<LabelLogProbs>>> = encoded.iter().map(|e| vec![None; e.words.len()]).collect();
        // Batches run side by side on the worker threads (the backend keeps a session per worker);
        // their logits come back in batch order.
        let batches: Vec<&[WindowInput]> = equal_length_batches(&inputs, self.options.batch_size).collect();
        let all_logits: Vec<Logits> = batches
            .par_iter()
            .map(|batch_inputs| {
                let rows: Vec<&[u32]> = batch_inputs.iter().map(|i| i.ids.as_slice()).collect();
                self.backend.logits(&Batch::padded(&rows, PAD_ID))
            })
            .collect::<Result<_, _>>()?;
        for (batch_inputs, logits) in batches.into_iter().zip(all_logits) {
            if logits.labels != self.files.tags.len() {
                let (got, want) = (logits.labels, self.files.tags.len());
                return Err(NerError::Model(format!("the model gives {got} labels, labels.json has {want}")));
            }
            for (row, input) in batch_inputs.iter().enumerate() {
                let sentence = &encoded[input.sentence];
                let range = sentence.windows[input.window].clone();
                for (offset, &position) in input.first_positions.iter().enumerate() {
                    let word = range.start + offset;
                    if owner_window(word, &sentence.windows) == input.window {
                        scores[input.sentence][word] = Some(log_softmax(logits.at(row, position)));
                    }
                }
            }
        }

        Ok(encoded
            .iter()
            .zip(scores)
            .map(|(sentence, scores)| {
                let scores: Vec<LabelLogProbs> = scores.into_iter().map(|s| s.unwrap_or_else(|| self.certainly_outside())).collect();
                decode_entities(&best_valid_tags(&scores, &self.files.tags))
                    .into_iter()
                    .map(|entity| SentenceEntity {
                        span: ByteSpan::new(sentence.words[entity.words.start].start, sentence.words[entity.words.end - 1].end),
                        kind: entity.kind,
                        score: entity.score,
                    })
                    .collect()
            })
            .collect())
    }
}

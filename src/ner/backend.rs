//! The one step that differs between inference engines: padded token ids in, logits out.

use super::NerError;

/// A padded batch of token-id rows, row-major `[rows, len]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub input_ids: Vec<i64>,
    pub attention_mask: Vec<i64>,
    pub rows: usize,
    pub len: usize,
}

impl Batch {
    /// Pads `rows` of ids to the longest with `pad_id`.
    pub fn padded(rows: &[&[u32]], pad_id: u32) -> Self {
        let len = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut input_ids = Vec::with_capacity(rows.len() * len);
        let mut attention_mask = Vec::with_capacity(rows.len() * len);
        for row in rows {
            input_ids.extend(row.iter().map(|&id| i64::from(id)));
            input_ids.extend(std::iter::repeat_n(i64::from(pad_id), len - row.len()));
            attention_mask.extend(std::iter::repeat_n(1, row.len()));
            attention_mask.extend(std::iter::repeat_n(0, len - row.len()));
        }
        Self { input_ids, attention_mask, rows: rows.len(), len }
    }
}

/// Logits `[rows, len, labels]`, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Logits {
    pub values: Vec<f32>,
    pub rows: usize,
    pub len: usize,
    pub labels: usize,
}

impl Logits {
    /// The label scores of one token.
    pub fn at(&self, row: usize, position: usize) -> &[f32] {
        let start = (row * self.len + position) * self.labels;
        &self.values[start..start + self.labels]
    }
}

/// An inference engine running a token-classification model.
pub trait Backend: Send + Sync {
    /// What runs the model, for provenance ("onnxruntime 1.20.1 int8", ...).
    fn describe(&self) -> String;

    fn logits(&self, batch: &Batch) -> Result<Logits, NerError>;
}

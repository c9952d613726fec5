//! An optional backend (`--features rust-bert`): the same BERT token classifier run by libtorch through
//! rust-bert, from `model.safetensors` and the Hugging Face `config.json` in the model directory. It needs
//! libtorch 2.4.0 at build and run time (`scripts/setup-libtorch.sh`); the ONNX backend stays the default.

use super::backend::{Backend, Batch, Logits};
use super::NerError;
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;
use tch::nn::VarStore;
use tch::{Device, Kind, Tensor};

/// The libtorch version tch 0.17 (rust-bert 0.23) is built against; its build script accepts no other.
pub const LIBTORCH_VERSION: &str = "2.4.0";

/// The model and the variable store that owns its weights: dropping the store would free them.
struct Model {
    _weights: VarStore,
    classifier: BertForTokenClassification,
}

pub struct RustBertBackend {
    /// tch tensors are `Send` but not `Sync`, so the model sits behind a mutex; batches run one at a
    /// time, each using libtorch's intra-op threads.
    model: Mutex<Model>,
    labels: usize,
}

impl RustBertBackend {
    /// Loads `config.json` and `model.safetensors` from `model_dir`. The tensor names are Hugging Face's
    /// (`bert.embeddings...`, `classifier...`), which are the names rust-bert gives its variables, so
    /// they load without renaming. `threads` sets libtorch's intra-op thread pool, which is per process.
    pub fn open(model_dir: &Path, threads: usize) -> Result<Self, NerError> {
        let config_path = model_dir.join("config.json");
        let weights_path = model_dir.join("model.safetensors");
        let config =
            std::fs::read_to_string(&config_path).map_err(|e| NerError::Model(format!("cannot read {}: {e}", config_path.display())))?;
        // rust-bert's own `Config::from_file` panics on a bad file; parsing here gives an error instead.
        let config: BertConfig = serde_json::from_str(&config).map_err(|e| NerError::Model(format!("{}: {e}", config_path.display())))?;
        let labels = config.id2label.as_ref().map_or(0, |labels| labels.len());

        tch::set_num_threads(i32::try_from(threads.max(1)).unwrap_or(i32::MAX));
        let mut weights = VarStore::new(Device::Cpu);
        let classifier = BertForTokenClassification::new(weights.root(), &config)
            .map_err(|e| NerError::Model(format!("{}: {e}", config_path.display())))?;
        weights.load(&weights_path).map_err(|e| NerError::Model(format!("cannot load {}: {e}", weights_path.display())))?;
        // Inference only: no gradients are kept for the weights.
        weights.freeze();
        Ok(Self { model: Mutex::new(Model { _weights: weights, classifier }), labels })
    }
}

impl Backend for RustBertBackend {
    fn describe(&self) -> String {
        format!("libtorch {LIBTORCH_VERSION} (rust-bert)")
    }

    fn logits(&self, batch: &Batch) -> Result<Logits, NerError> {
        let (rows, len) = (batch.rows, batch.len);
        if batch.input_ids.len() != rows * len || batch.attention_mask.len() != rows * len {
            return Err(NerError::Inference(format!("a batch of {rows}×{len} tokens has {} ids", batch.input_ids.len())));
        }
        if rows == 0 || len == 0 {
            return Ok(Logits { values: Vec::new(), rows, len, labels: self.labels });
        }
        let shape = [rows as i64, len as i64];
        let model = self.model.lock().map_err(|_| NerError::Inference("a previous inference panicked".into()))?;
        // rust-bert calls the panicking tch functions, so a libtorch error arrives as a panic; it is
        // caught here (with the lock still held, so the mutex is not poisoned) and becomes an error.
        let run = catch_unwind(AssertUnwindSafe(|| {
            tch::no_grad(|| -> Result<Vec<f32>, tch::TchError> {
                let input_ids = Tensor::f_from_slice(&batch.input_ids)?.f_view(shape)?;
                let attention_mask = Tensor::f_from_slice(&batch.attention_mask)?.f_view(shape)?;
                // One segment per window: every token type is 0, as in training.
                let token_type_ids = Tensor::f_zeros(shape, (Kind::Int64, Device::Cpu))?;
                let output = model.classifier.forward_t(Some(&input_ids), Some(&attention_mask), Some(&token_type_ids), None, None, false);
                let logits = output.logits.f_to_kind(Kind::Float)?.f_contiguous()?;
                let dims = logits.size();
                if dims != [shape[0], shape[1], self.labels as i64] {
                    return Err(tch::TchError::Shape(format!("logits have shape {dims:?}, expected [{rows}, {len}, {}]", self.labels)));
                }
                let mut values = vec![0f32; rows * len * self.labels];
                logits.f_copy_data(&mut values, rows * len * self.labels)?;
                Ok(values)
            })
        }));
        let values = match run {
            Ok(Ok(values)) => values,
            Ok(Err(error)) => return Err(NerError::Inference(error.to_string())),
            Err(panic) => {
                let message = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied());
                return Err(NerError::Inference(format!("libtorch: {}", message.unwrap_or("panicked"))));
            }
        };
        Ok(Logits { values, rows, len, labels: self.labels })
    }
}

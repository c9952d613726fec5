//! The default backend: ONNX Runtime through the `ort` crate, the shared library loaded at run time.

use super::backend::{Backend, Batch, Logits};
use super::runtime::ONNX_RUNTIME_VERSION;
use super::NerError;
use ort::environment::Environment;
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::Tensor;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// ONNX Runtime is loaded once per process; sessions need its environment alive.
static ENVIRONMENT: OnceLock<Result<Environment, String>> = OnceLock::new();

/// The process's ONNX Runtime environment, loaded from `library` on first use; every model's sessions
/// (NER, relations) live in it.
pub fn environment(library: &Path) -> Result<&'static Environment, NerError> {
    let loaded = ENVIRONMENT.get_or_init(|| {
        let builder = ort::init_from(library).map_err(|e| format!("cannot load ONNX Runtime from {}: {e}", library.display()))?;
        builder.with_name("newsgraph").build().map_err(|e| e.to_string())
    });
    loaded.as_ref().map_err(|e| NerError::Runtime(e.clone()))
}

/// How ONNX Runtime runs a model.
#[derive(Debug, Clone, Copy)]
pub struct OnnxOptions {
    /// Sessions that run batches side by side, one per worker thread.
    pub sessions: usize,
    /// Threads inside one forward pass of one session.
    pub intra_threads: usize,
}

impl OnnxOptions {
    /// `threads` cores: one single-threaded session per core. Measured on 2 cores (`extract --timings`,
    /// the README's speed section): two sessions side by side beat one session with two intra-op threads,
    /// whose threads wait on each other at every operator of a small batch.
    pub fn for_threads(threads: usize) -> Self {
        Self { sessions: threads.max(1), intra_threads: 1 }
    }
}

pub struct OnnxBackend {
    /// `Session::run` needs `&mut`: each session runs one batch at a time, and a worker thread always
    /// uses the same session (its rayon index), so workers do not wait on each other.
    sessions: Vec<Mutex<Session>>,
    description: String,
}

impl OnnxBackend {
    pub fn open(model: &Path, library: &Path, options: OnnxOptions) -> Result<Self, NerError> {
        let environment = environment(library)?;
        let open_session = || {
            Session::builder(environment)
                .and_then(|b| b.with_optimization_level(GraphOptimizationLevel::All).map_err(Into::into))
                .and_then(|b| b.with_intra_threads(options.intra_threads.max(1)).map_err(Into::into))
                // Memory patterns are planned per input shape, and batches come in many lengths (never
                // padded): without them, 2 sessions peak 20 MB lower at the same speed (measured).
                .and_then(|b| b.with_memory_pattern(false).map_err(Into::into))
                .and_then(|b| with_gpu(b).map_err(Into::into))
                .and_then(|mut b| b.commit_from_file(model))
                .map(Mutex::new)
                .map_err(|e| NerError::Model(format!("cannot load {}: {e}", model.display())))
        };
        let sessions = (0..options.sessions.max(1)).map(|_| open_session()).collect::<Result<Vec<_>, _>>()?;
        let description = format!("onnxruntime {ONNX_RUNTIME_VERSION}, {}", model.file_name().unwrap_or_default().to_string_lossy());
        Ok(Self { sessions, description })
    }
}

impl Backend for OnnxBackend {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn logits(&self, batch: &Batch) -> Result<Logits, NerError> {
        let inference = |e: ort::Error| NerError::Inference(e.to_string());
        let shape = [batch.rows, batch.len];
        let input_ids = Tensor::from_array((shape, batch.input_ids.clone())).map_err(inference)?;
        let attention_mask = Tensor::from_array((shape, batch.attention_mask.clone())).map_err(inference)?;
        // Every session holds the same model with the same settings: which one runs a batch does not
        // change a bit of its logits.
        let slot = rayon::current_thread_index().unwrap_or(0) % self.sessions.len();
        let mut session = self.sessions[slot].lock().map_err(|_| NerError::Inference("a previous inference panicked".into()))?;
        let outputs = session.run(ort::inputs!["input_ids" => input_ids, "attention_mask" => attention_mask]).map_err(inference)?;
        let (dims, values) = outputs["logits"].try_extract_tensor::<f32>().map_err(inference)?;
        let [rows, len, labels] = dims[..] else {
            return Err(NerError::Model(format!("logits have shape {:?}, expected [batch, tokens, labels]", &dims[..])));
        };
        Ok(Logits { values: values.to_vec(), rows: rows as usize, len: len as usize, labels: labels as usize })
    }
}

/// With the `cuda` feature: ONNX Runtime's CUDA execution provider, when the library has it and a GPU is
/// present; ONNX Runtime falls back to the CPU otherwise (and says so in its log). The GPU's logits
/// differ in the last bits from the CPU's, so a graph is byte-identical across runs on the same device
/// kind, not across devices.
#[cfg(feature = "cuda")]
fn with_gpu(builder: ort::session::builder::SessionBuilder) -> ort::Result<ort::session::builder::SessionBuilder> {
    builder.with_execution_providers([ort::ep::CUDA::default().build()]).map_err(Into::into)
}

#[cfg(not(feature = "cuda"))]
fn with_gpu(builder: ort::session::builder::SessionBuilder) -> ort::Result<ort::session::builder::SessionBuilder> {
    Ok(builder)
}

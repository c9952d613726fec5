//! Finding the ONNX Runtime shared library. `ort` loads it at run time (`load-dynamic`) and refuses one
//! older than the API it was built for, so the set-up script fetches exactly this version.

use std::path::PathBuf;

/// The ONNX Runtime release the set-up script installs and the `ort` crate is built against (api-20).
pub const ONNX_RUNTIME_VERSION: &str = "1.20.1";

/// Where `scripts/setup.sh` puts the library.
pub fn installed_library_path() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    Some(PathBuf::from(home).join(format!(".cache/newsgraph/onnxruntime-{ONNX_RUNTIME_VERSION}/libonnxruntime.so")))
}

/// The library to load: `ORT_DYLIB_PATH` when set (ort's own convention), else the installed one.
pub fn library_path() -> Option<PathBuf> {
    std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from).or_else(installed_library_path)
}

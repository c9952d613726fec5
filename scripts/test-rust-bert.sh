#!/usr/bin/env bash
# Runs the NER integration tests with the optional libtorch backend (`--features rust-bert`): sets up
# libtorch 2.4.0 (scripts/setup-libtorch.sh, about 810 MB from PyPI the first time), then builds and
# tests with LIBTORCH, LIBTORCH_CXX11_ABI=0 and LD_LIBRARY_PATH set. The tests compare the backend with
# the ONNX one, so ONNX Runtime from scripts/setup.sh is needed too; it is set up here when missing.
# A separate build from the default one (other features): the first run compiles tch's C++ wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f "$HOME/.cache/newsgraph/onnxruntime-1.20.1/libonnxruntime.so" ]; then
  scripts/setup.sh
fi
source scripts/setup-libtorch.sh
cargo test --release --locked --features rust-bert --test integration ner

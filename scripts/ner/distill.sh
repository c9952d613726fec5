#!/usr/bin/env bash
# Distils the shipped NER model (issue 16: a smaller, faster encoder) and carries on where an earlier run
# stopped. Everything intermediate lives in ~/.cache/newsgraph/:
#   1. the training venv (setup_env.sh);
#   2. the teacher: the shipped int8 model rebuilt as an HF model (onnx_to_hf.py -> teacher-hf/);
#   3. the student: the teacher's encoder layers 0,2,4,7,9,11 (LAYERS), trained on the NER mix with the
#      teacher's soft labels and the gold tags (train.py --teacher --layers; resumable: ner-distill/ckpt.pt);
#      STEPS steps of batch 32 in all (default 9,000: about 80 minutes on 2 cores at 1.9 steps/s).
# Exits 75 while the schedule is not done: run it again to resume. Exporting, scoring and shipping the
# student are build_model.sh's later steps, pointed at ner-distill/final.
#
#   scripts/ner/distill.sh [--max-minutes 50]      # arguments go to train.py
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="$HOME/.cache/newsgraph"
PY="$CACHE/venv-train/bin/python"
LAYERS="${LAYERS:-0,2,4,7,9,11}"
STEPS="${STEPS:-9000}"
cd "$HERE"
"$HERE/setup_env.sh"
[ -f "$CACHE/teacher-hf/model.safetensors" ] || "$PY" onnx_to_hf.py --out "$CACHE/teacher-hf"
mkdir -p "$CACHE/ner-distill"
if [ ! -f "$CACHE/ner-distill/final/model.safetensors" ]; then
  "$PY" train.py --base "$CACHE/teacher-hf" --teacher "$CACHE/teacher-hf" --layers "$LAYERS" \
    --out "$CACHE/ner-distill" --total-steps "$STEPS" --lr 1e-4 --head-lr 1e-4 --ckpt-minutes 10 "$@"
  if [ ! -f "$CACHE/ner-distill/final/model.safetensors" ]; then
    echo "distill: training stopped before its schedule ended; run this script again to resume" >&2
    exit 75
  fi
fi
echo "distill: student in $CACHE/ner-distill/final" >&2

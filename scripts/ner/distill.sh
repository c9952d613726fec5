#!/usr/bin/env bash
# Distils the shipped NER model (issue 16: a smaller, faster encoder) and carries on where an earlier run
# stopped. Everything intermediate lives in ~/.cache/newsgraph/:
#   1. the training venv (setup_env.sh);
#   2. the teacher: the shipped int8 model rebuilt as an HF model (onnx_to_hf.py -> teacher-hf/);
#   3. the student: the teacher's encoder layers 0,2,4,7,9,11 (LAYERS), trained on the NER mix with the
#      teacher's soft labels and the gold tags (train.py --teacher --layers; resumable: ner-distill/ckpt.pt);
#      STEPS steps of batch 32 in all (default 9,000: about 80-120 minutes on 2 cores);
#   4. stage 2: STAGE2_STEPS more (default 6,000) with the news articles' tags in the mix (ner-distill-s2/).
# Exits 75 while the schedule is not done: run it again to resume. Exporting, scoring and shipping the
# student are build_model.sh --distilled (the last stage done).
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
# Stage 2: the student goes on learning from the teacher with the news articles' projected gold tags
# (news_tags.py) NEWS_WEIGHT times in the mix, at a lower learning rate (the first student lost 1-4 F1
# points on the test splits and 0.05 entity-name F1 on news against its teacher).
NEWS_WEIGHT="${NEWS_WEIGHT:-3}"
STAGE2_STEPS="${STAGE2_STEPS:-6000}"
mkdir -p "$CACHE/ner-distill-s2"
if [ ! -f "$CACHE/ner-distill-s2/final/model.safetensors" ]; then
  "$PY" train.py --base "$CACHE/ner-distill/final" --teacher "$CACHE/teacher-hf" --out "$CACHE/ner-distill-s2" \
    --news-weight "$NEWS_WEIGHT" --total-steps "$STAGE2_STEPS" --lr 5e-5 --head-lr 5e-5 --warmup 0.03 --seed 14 --ckpt-minutes 10 "$@"
  if [ ! -f "$CACHE/ner-distill-s2/final/model.safetensors" ]; then
    echo "distill: stage 2 stopped before its schedule ended; run this script again to resume" >&2
    exit 75
  fi
fi
echo "distill: student in $CACHE/ner-distill-s2/final" >&2

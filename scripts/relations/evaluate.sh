#!/usr/bin/env bash
# The relation figures of the README and the model card, from one command: `newsgraph eval` of the shipped
# model (and of the hand-written rules, for comparison) on every annotated set that was not trained on.
# ../shared/corpus/dev chose the thresholds; the others were neither trained nor chosen on.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${NEWSGRAPH_SHARED:-../shared}"
[ -x target/release/newsgraph ] || cargo build --release --locked --quiet
summary() {  # LABEL GOLD DOCS [ARGS]
  local label=$1 gold=$2 docs=$3; shift 3
  echo "== $label $*"
  target/release/newsgraph eval --gold "$gold" --docs "$docs" "$@" 2>/dev/null | sed -n '/^relation/,/^modality/p; /^role accuracy/p' | grep -v '^$'
}
for extractor in "" "--rules"; do
  summary "corpus/dev (real news, chose thresholds)" "$SHARED/corpus/dev/gold.jsonl" "$SHARED/corpus/dev/docs" $extractor
  summary "eval-dev (real news, held out)" "$SHARED/eval-dev/gold.jsonl" "$SHARED/eval-dev/docs" $extractor
  summary "seeds" "$SHARED/seeds/expected.json" "$SHARED/seeds" $extractor
  for dir in data/written/*/dev; do
    [ -f "$dir/gold.jsonl" ] && summary "written dev $(basename "$(dirname "$dir")") (own articles, held out)" "$dir/gold.jsonl" "$dir/docs" $extractor
  done
done

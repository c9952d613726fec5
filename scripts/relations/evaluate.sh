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
  target/release/newsgraph eval --gold "$gold" --docs "$docs" "$@" 2>/dev/null | sed -n '/^relation/,/^language detection/p' | grep -v '^$\|^per \|^[a-z][a-z] \(left\|replaces\|joins\|holds_role\) '
}
# The project's own dev articles, all languages in one split (per-language rows are in the table).
written=$(mktemp -d); trap 'rm -rf "$written"' EXIT
mkdir -p "$written/docs"
for dir in data/written/*/dev; do
  cat "$dir/gold.jsonl" >> "$written/gold.jsonl"; cat "$dir/meta.jsonl" >> "$written/meta.jsonl"; cp "$dir"/docs/*.txt "$written/docs/"
done
for extractor in "" "--rules"; do
  summary "corpus/dev (real news, chose thresholds)" "$SHARED/corpus/dev/gold.jsonl" "$SHARED/corpus/dev/docs" $extractor
  summary "eval-dev (real news, held out)" "$SHARED/eval-dev/gold.jsonl" "$SHARED/eval-dev/docs" $extractor
  summary "seeds" "$SHARED/seeds/expected.json" "$SHARED/seeds" $extractor
  summary "data/written/*/dev (own articles, held out)" "$written/gold.jsonl" "$written/docs" $extractor
done

#!/usr/bin/env bash
# The Spark recipe, for real, in Spark local mode: the seed and sample articles (read in place) as one
# JSONL dump with a malformed line and a repeated id in it, split into 3 partitions, mapped with
# RDD.pipe through `newsgraph extract --per-doc --numbered`, the knowledge layer merged on the cluster
# (`newsgraph merge-step`s between shuffles), the graph written by `newsgraph merge --knowledge`; the
# graph must equal, byte for byte, the one a single `newsgraph extract` over the same dump writes, and
# the error report must hold the same records at the same lines. Then the merge alone again from the
# records, in 5 partitions with no memory for the steps' sorts (every sort on disk): the same graph.
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(scripts/setup-spark.sh)
[ -x target/release/newsgraph ] || scripts/setup.sh
work=$(mktemp -d)
trap "rm -rf \"$work\"" EXIT
"$python" - "$work/dump.jsonl" ../shared/seeds examples <<'PY'
import json, os, sys
out, seeds, examples = sys.argv[1:]
with open(out, "w") as dump:
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name)) as f:
                dump.write(json.dumps({"id": name[:-4], "text": f.read()}, ensure_ascii=False) + "\n")
    dump.write('{"id": "broken", "text": \n')
    with open(os.path.join(examples, "articles.jsonl")) as f:
        dump.write(f.read())
    dump.write(json.dumps({"id": "sample-en-1", "text": "A record repeating an earlier id."}) + "\n")
PY
target/release/newsgraph extract "$work/dump.jsonl" -o "$work/single.jsonld" --quiet || [ $? -eq 3 ]
if ! "$python" scripts/spark/newsgraph_spark.py "$work/dump.jsonl" "$work/spark" --master "local[2]" --partitions 3 >"$work/spark.log" 2>&1; then
  cat "$work/spark.log" >&2
  echo "test-spark: FAILED: the Spark job failed" >&2
  exit 1
fi
parts=$(ls "$work/spark/records" | grep -c '^part-')
[ "$parts" -ge 3 ] || { echo "test-spark: expected at least 3 partitions, got $parts" >&2; exit 1; }
if ! cmp -s "$work/single.jsonld" "$work/spark/graph.jsonld"; then
  echo "test-spark: FAILED: the Spark graph differs from the single-process graph" >&2
  diff <(tr ',' '\n' < "$work/single.jsonld") <(tr ',' '\n' < "$work/spark/graph.jsonld") | head -20 >&2
  exit 1
fi
if ! "$python" scripts/spark/newsgraph_spark.py "$work/spark/records" "$work/again" --from-records --master "local[2]" --partitions 5 --merge-memory 0 >"$work/again.log" 2>&1; then
  cat "$work/again.log" >&2
  echo "test-spark: FAILED: the Spark merge from records failed" >&2
  exit 1
fi
if ! cmp -s "$work/single.jsonld" "$work/again/graph.jsonld"; then
  echo "test-spark: FAILED: the graph merged again from the records in 5 partitions differs" >&2
  exit 1
fi
# Same failures at the same lines; only the file name differs (the dump, or - for the piped partitions).
strip_file() { sed 's/"file":"[^"]*",//' "$1"; }
if ! diff <(strip_file "$work/single.errors.jsonl") <(strip_file "$work/spark/graph.errors.jsonl") >&2; then
  echo "test-spark: FAILED: the error reports differ" >&2
  exit 1
fi
echo "test-spark: ok: $parts partitions extracted and merged on the cluster, then merged again in 5, into the single-process graph ($(wc -c < "$work/single.jsonld") bytes, $(wc -l < "$work/single.errors.jsonl") failed records)"

#!/usr/bin/env bash
# The knowledge layer at scale (scripts/bench/merge_scale.py says how the records are made): time and
# peak RSS of `newsgraph merge` over 10,000 to 250,000 synthetic per-article records with a growing
# number of distinct entities. Python's standard library only; the records are cached in
# ~/.cache/newsgraph/bench-merge, gzipped (about 11 kB each as text).
#
#   scripts/bench-merge.sh [ARTICLES...] [--memory MIB]   default 10000 100000 250000; --memory goes to merge
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
python3 scripts/bench/merge_scale.py "$@"

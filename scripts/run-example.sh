#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled sample articles (examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
status=0
target/release/newsgraph extract examples --output out/examples.jsonld --errors out/examples.errors.jsonl || status=$?
echo "The knowledge graph of the sample articles is in out/examples.jsonld (error report: out/examples.errors.jsonl)"
exit "$status"

#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (unit and integration tests). The seed-article tests
# read ../shared beside the checkout. Then the NER tests again with the optional libtorch backend
# (scripts/test-rust-bert.sh: downloads libtorch from PyPI the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test --release --locked
scripts/test-rust-bert.sh

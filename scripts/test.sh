#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (unit and integration tests). The seed-article tests
# read ../shared beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test --release --locked

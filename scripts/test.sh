#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (unit and integration tests). The seed-article tests
# read ../shared beside the checkout. Then the NER tests again with the optional libtorch backend
# (scripts/test-rust-bert.sh: downloads libtorch from PyPI the first time), and the Spark recipe in Spark
# local mode (scripts/test-spark.sh: installs pyspark from PyPI the first time; needs Java 17).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test --release --locked
scripts/test-rust-bert.sh
scripts/test-spark.sh

#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (unit and integration tests). The seed-article tests
# read ../shared beside the checkout. Then the NER tests again with the optional libtorch backend
# (scripts/test-rust-bert.sh: downloads libtorch from PyPI the first time), and the Spark recipe in Spark
# local mode (scripts/test-spark.sh: installs pyspark from PyPI the first time; needs Java 17), and the HTML
# report in headless Chromium (scripts/test-report.sh: installs Debian's chromium the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test --release --locked
scripts/test-rust-bert.sh
scripts/test-spark.sh
scripts/test-report.sh

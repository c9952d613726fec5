#!/usr/bin/env bash
# Idempotent set-up of everything newsgraph needs on a fresh machine, then a release build.
# Safe to run again: each step checks what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install the Rust toolchain (https://rustup.rs) first" >&2
  exit 1
fi

echo "setup: building newsgraph (release)" >&2
cargo build --release --locked --quiet
echo "setup: ready: target/release/newsgraph" >&2

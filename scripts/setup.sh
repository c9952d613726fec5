#!/usr/bin/env bash
# Idempotent set-up of everything newsgraph needs on a fresh machine, then a release build.
# Safe to run again: each step checks what is already there.
#
# - ONNX Runtime's shared library, from the PyPI `onnxruntime` wheel (pinned by version and sha256): the
#   `ort` crate loads it at run time and refuses a runtime older than the API it was built for.
# - the release build of newsgraph.
set -euo pipefail
cd "$(dirname "$0")/.."

ORT_VERSION=1.20.1   # keep in step with src/ner/runtime.rs and the ort crate's api-20 feature
ORT_WHEEL=onnxruntime-1.20.1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl
ORT_WHEEL_SHA256=5eec64c0269dcdb8d9a9a53dc4d64f87b9e0c19801d9321246a53b7eb5a7d1bc
ORT_DIR="$HOME/.cache/newsgraph/onnxruntime-$ORT_VERSION"

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install the Rust toolchain (https://rustup.rs) first" >&2
  exit 1
fi

if [ ! -f "$ORT_DIR/libonnxruntime.so" ]; then
  echo "setup: fetching ONNX Runtime $ORT_VERSION from PyPI" >&2
  download=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 --implementation cp \
    --platform manylinux_2_27_x86_64 --platform manylinux_2_28_x86_64 -d "$download" "onnxruntime==$ORT_VERSION"
  echo "$ORT_WHEEL_SHA256  $download/$ORT_WHEEL" | sha256sum --check --quiet
  mkdir -p "$ORT_DIR"
  python3 - "$download/$ORT_WHEEL" "$ORT_DIR" "$ORT_VERSION" <<'PY'
import sys, zipfile, shutil, os
wheel, target, version = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(f"onnxruntime/capi/libonnxruntime.so.{version}") as src:
    tmp = os.path.join(target, "libonnxruntime.so.partial")
    with open(tmp, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.replace(tmp, os.path.join(target, "libonnxruntime.so"))
PY
  rm -rf "$download"
fi

echo "setup: building newsgraph (release)" >&2
cargo build --release --locked --quiet
echo "setup: ready: target/release/newsgraph (ONNX Runtime in $ORT_DIR)" >&2

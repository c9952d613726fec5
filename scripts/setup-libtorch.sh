#!/usr/bin/env bash
# Idempotent set-up of libtorch 2.4.0 (CPU only) for the optional `rust-bert` NER backend, at
# ~/.cache/newsgraph/libtorch-2.4.0/{include,lib}. Run it, or source it to get the environment:
#
#   source scripts/setup-libtorch.sh           # exports LIBTORCH, LIBTORCH_CXX11_ABI, LD_LIBRARY_PATH
#   eval "$(scripts/setup-libtorch.sh)"        # the same, from a script run as a program
#
# Why this way:
# - rust-bert 0.23 uses tch 0.17, whose build script accepts libtorch 2.4.0 and nothing else.
# - download.pytorch.org is not reachable from our machines, PyPI is: the libraries come from the pinned
#   PyPI wheel torch==2.4.0 (manylinux x86_64, cp311; the CUDA 12.1 build, the only one on PyPI). The
#   wheel is built with the old C++ ABI, hence LIBTORCH_CXX11_ABI=0.
# - Only the CPU libraries are kept. libtorch_cpu.so links against libcudart.so.12 and libcupti.so.12
#   (readelf -d), so those two come from the small nvidia-cuda-runtime-cu12 / nvidia-cuda-cupti-cu12
#   wheels, at the versions torch 2.4.0 requires. libtorch_cuda.so (900 MB, plus cuDNN, cuBLAS...) is
#   left out: torch-sys links CUDA only when it finds that file. The wheel's libtorch.so is a thin
#   wrapper that lists libtorch_cuda.so as a dependency; that one DT_NEEDED entry is removed (as
#   `patchelf --remove-needed` would) so the CPU libraries load on their own.
# - rust-bert 0.23.0 as published turns on tch's `download-libtorch` feature itself (newsgraph does not).
#   With LIBTORCH set, torch-sys takes that directory and never downloads; without it the build would try
#   download.pytorch.org. So always build `--features rust-bert` with this environment.
# - The libraries find each other through their own RPATH ($ORIGIN); the test binary finds them through
#   LD_LIBRARY_PATH. (An rpath in RUSTFLAGS would also work, but changing RUSTFLAGS rebuilds every crate.)
#
# Measured on the development machine (2 cores busy with other work, 2026-11-23): 812 MB downloaded
# (torch 797.3 MB, cupti 14.1 MB, cudart 0.8 MB) in about 9 s; the whole set-up, download included, in
# 15 s; the result takes 530 MB on disk (about 800 MB more in a temporary folder while it runs). A second
# run does nothing. The first `--features rust-bert` build then takes about 7 minutes more (tch's C++
# wrapper, rust-bert and their dependencies).

LIBTORCH_SETUP_SCRIPT="${BASH_SOURCE[0]}"

# The installation runs as its own bash process (the script calling itself): `set -e` must hold there
# whether this file is run or sourced, and bash ignores `set -e` inside a function called from `if`.
if [ "${NEWSGRAPH_LIBTORCH_INSTALL:-}" = 1 ]; then
  set -euo pipefail

  TORCH_VERSION=2.4.0
  TORCH_WHEEL=torch-2.4.0-cp311-cp311-manylinux1_x86_64.whl
  TORCH_WHEEL_SHA256=e743adadd8c8152bb8373543964551a7cb7cc20ba898dc8f9c0cdbe47c283de0
  CUDART_WHEEL=nvidia_cuda_runtime_cu12-12.1.105-py3-none-manylinux1_x86_64.whl
  CUDART_WHEEL_SHA256=6e258468ddf5796e25f1dc591a31029fa317d97a0a94ed93468fc86301d61e40
  CUPTI_WHEEL=nvidia_cuda_cupti_cu12-12.1.105-py3-none-manylinux1_x86_64.whl
  CUPTI_WHEEL_SHA256=e54fde3983165c624cb79254ae9818a456eb6e87a7fd4d56a2352c24ee542d7e
  LIBTORCH_DIR="$HOME/.cache/newsgraph/libtorch-$TORCH_VERSION"

  # `.complete` is written last, so an interrupted run starts over instead of leaving half a libtorch.
  if [ -f "$LIBTORCH_DIR/.complete" ]; then
    exit 0
  fi

  echo "setup-libtorch: fetching torch $TORCH_VERSION and the CUDA runtime wheels from PyPI (about 810 MB)" >&2
  mkdir -p "$(dirname "$LIBTORCH_DIR")"
  download=$(mktemp -d "$(dirname "$LIBTORCH_DIR")/libtorch-download.XXXXXX")
  trap 'rm -rf "$download"' EXIT
  python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 --implementation cp \
    --platform manylinux1_x86_64 --platform manylinux2014_x86_64 -d "$download" \
    "torch==$TORCH_VERSION" nvidia-cuda-runtime-cu12==12.1.105 nvidia-cuda-cupti-cu12==12.1.105
  (
    cd "$download"
    sha256sum --check --quiet <<EOF
$TORCH_WHEEL_SHA256  $TORCH_WHEEL
$CUDART_WHEEL_SHA256  $CUDART_WHEEL
$CUPTI_WHEEL_SHA256  $CUPTI_WHEEL
EOF
  )

  echo "setup-libtorch: unpacking the CPU libraries into $LIBTORCH_DIR" >&2
  partial="$download/libtorch"
  python3 - "$download" "$partial" <<'PY'
import os, shutil, struct, sys, zipfile

download, target = sys.argv[1:]
lib = os.path.join(target, "lib")
os.makedirs(lib)

def extract(wheel, member, dest):
    with zipfile.ZipFile(os.path.join(download, wheel)) as z, z.open(member) as src, open(dest, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.chmod(dest, 0o755)

torch = "torch-2.4.0-cp311-cp311-manylinux1_x86_64.whl"
with zipfile.ZipFile(os.path.join(download, torch)) as z:
    for info in z.infolist():
        if info.filename.startswith("torch/include/") and not info.is_dir():
            z.extract(info, download)
    version = z.read("torch/version.py").decode()
shutil.move(os.path.join(download, "torch/include"), os.path.join(target, "include"))
# torch-sys checks this file against the version it was written for.
version = next(line.split("'")[1] for line in version.splitlines() if line.startswith("__version__"))
with open(os.path.join(target, "build-version"), "w") as f:
    f.write(version + "\n")

for name in ["libtorch.so", "libtorch_cpu.so", "libc10.so", "libgomp-a34b3233.so.1"]:
    extract(torch, f"torch/lib/{name}", os.path.join(lib, name))
extract("nvidia_cuda_runtime_cu12-12.1.105-py3-none-manylinux1_x86_64.whl", "nvidia/cuda_runtime/lib/libcudart.so.12", os.path.join(lib, "libcudart.so.12"))
extract("nvidia_cuda_cupti_cu12-12.1.105-py3-none-manylinux1_x86_64.whl", "nvidia/cuda_cupti/lib/libcupti.so.12", os.path.join(lib, "libcupti.so.12"))

def remove_needed(path, name):
    """Drops one DT_NEEDED entry from a 64-bit little-endian ELF file: the later entries of the dynamic
    section move up by one and a DT_NULL fills the end, so nothing else in the file moves."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"{path}: not a 64-bit little-endian ELF file"
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz, _, _ = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == 1:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:
            dynamic = (p_offset, p_filesz // 16)
    entries = [struct.unpack_from("<qQ", data, dynamic[0] + 16 * i) for i in range(dynamic[1])]
    strtab_vaddr = next(value for tag, value in entries if tag == 5)  # DT_STRTAB
    strtab = next(offset + strtab_vaddr - vaddr for vaddr, offset, size in loads if vaddr <= strtab_vaddr < vaddr + size)
    def string(offset):
        start = strtab + offset
        return data[start:data.index(0, start)].decode()
    kept = [(tag, value) for tag, value in entries if not (tag == 1 and string(value) == name)]
    assert len(kept) == len(entries) - 1, f"{path}: no DT_NEEDED {name}"
    kept.append((0, 0))
    for i, (tag, value) in enumerate(kept):
        struct.pack_into("<qQ", data, dynamic[0] + 16 * i, tag, value)
    with open(path, "wb") as f:
        f.write(data)

remove_needed(os.path.join(lib, "libtorch.so"), "libtorch_cuda.so")
PY
  touch "$partial/.complete"
  rm -rf "$LIBTORCH_DIR"
  mv "$partial" "$LIBTORCH_DIR"
  echo "setup-libtorch: ready: $LIBTORCH_DIR ($(du -sh "$LIBTORCH_DIR" | cut -f1))" >&2
  exit 0
fi

if NEWSGRAPH_LIBTORCH_INSTALL=1 bash "$LIBTORCH_SETUP_SCRIPT"; then
  unset LIBTORCH_SETUP_SCRIPT
  _newsgraph_libtorch="$HOME/.cache/newsgraph/libtorch-2.4.0"
  # Sourced: export into the caller's shell. Run: print the exports for `eval`.
  if (return 0 2>/dev/null); then
    export LIBTORCH="$_newsgraph_libtorch"
    export LIBTORCH_CXX11_ABI=0
    case ":${LD_LIBRARY_PATH:-}:" in
      *":$_newsgraph_libtorch/lib:"*) ;;
      *) export LD_LIBRARY_PATH="$_newsgraph_libtorch/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ;;
    esac
  else
    echo "export LIBTORCH=\"$_newsgraph_libtorch\""
    echo "export LIBTORCH_CXX11_ABI=0"
    echo "export LD_LIBRARY_PATH=\"$_newsgraph_libtorch/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}\""
  fi
  unset _newsgraph_libtorch
else
  unset LIBTORCH_SETUP_SCRIPT
  echo "setup-libtorch: failed" >&2
  (return 0 2>/dev/null) && return 1 || exit 1
fi

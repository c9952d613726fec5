#!/usr/bin/env bash
# Creates (or updates) the relation-training venv at ~/.cache/newsgraph/venv-relations with the exact pins of
# requirements.txt. Idempotent: re-running only installs what is missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${NEWSGRAPH_RELATIONS_VENV:-$HOME/.cache/newsgraph/venv-relations}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet -r "$HERE/requirements.txt"
echo "$VENV"

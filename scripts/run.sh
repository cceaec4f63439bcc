#!/usr/bin/env bash
# Set up kzrel in ./.venv (first run builds the Rust extension, a few minutes) and run the
# main job on the embedded default: every place and organization the built-in sample text
# mentions (Kazakh, Russian, Ukrainian and English), resolved to the embedded dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${KZREL_VENV:-.venv}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check .
exec "$VENV/bin/kzrel" extract --sample "$@"

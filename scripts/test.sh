#!/usr/bin/env bash
# Run every test, Rust and Python, from a fresh clone: creates ./.venv, installs the test
# dependencies and a release build of the extension, then runs cargo test and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${KZREL_VENV:-.venv}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
"${PIP[@]}" "maturin>=1.5,<2"
# The [test] extra of pyproject.toml, installed with the package by maturin.
VIRTUAL_ENV="$PWD/$VENV" "$VENV/bin/maturin" develop --release --quiet --extras test

echo "== Rust: cargo test (kzrel-names, kzrel-core)"
INSTA_UPDATE=no cargo test --locked --quiet

echo "== Python: pytest"
status=0
"$VENV/bin/python" -m pytest -q tests || status=$?
# pytest exits 5 when it collected nothing: that is a failure of this script, not a pass.
exit "$status"

#!/usr/bin/env bash
# Set up cancu with its test tools and run the whole test suite (what CI runs through .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -c constraints.txt -e '.[dense,llm,dev]'
# From Debian's packages when root: Tesseract with Vietnamese data (OCR), LibreOffice Writer (.doc) and headless
# Chromium (the browser test); each test that needs one skips, saying why, without it.
scripts/debian-packages.sh chromium
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest -q "$@"

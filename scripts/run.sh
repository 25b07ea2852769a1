#!/usr/bin/env bash
# Set up cancu and run its main job on the embedded defaults: install into .venv, ingest corpus/
# (and ../shared/directives when it is beside the checkout), then serve the API and the web page on
# http://127.0.0.1:8000 (and the Telegram bot too when CANCU_TELEGRAM_TOKEN is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
# The lexical default never imports torch, so the default install leaves it out (about 2 GB and 90 s).
# Hybrid search with a local model: `.venv/bin/pip install -c constraints.txt -e '.[dense]'` (README, Configuration).
.venv/bin/pip install -q -c constraints.txt -e '.[llm]'
# Tesseract (scanned PDFs) and LibreOffice (.doc), from Debian's packages when run as root.
scripts/debian-packages.sh
paths=(corpus)
[ -d ../shared/directives ] && paths+=(../shared/directives)
.venv/bin/cancu ingest "${paths[@]}"
exec .venv/bin/cancu serve "$@"

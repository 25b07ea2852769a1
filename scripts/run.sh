#!/usr/bin/env bash
# Set up cancu and run its main job on the embedded defaults: install into .venv, ingest corpus/
# (and ../shared/directives when it is beside the checkout), then serve the API and the web page on
# http://127.0.0.1:8000 (and the Telegram bot too when CANCU_TELEGRAM_TOKEN is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -c constraints.txt -e '.[dense,llm]'
paths=(corpus)
[ -d ../shared/directives ] && paths+=(../shared/directives)
.venv/bin/cancu ingest "${paths[@]}"
exec .venv/bin/cancu serve "$@"

#!/usr/bin/env bash
# One command on a fresh machine: system libraries, virtualenv with test tools, lint, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/setup-venv.sh --dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"

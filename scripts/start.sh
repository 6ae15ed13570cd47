#!/usr/bin/env bash
# One command on a fresh machine: system libraries, virtualenv, then the window on the
# embedded plan (extra arguments go to main.py, e.g. --db FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/setup-venv.sh
exec .venv/bin/python main.py "$@"

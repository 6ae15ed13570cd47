#!/usr/bin/env bash
# Create .venv and install the pinned requirements (runtime, or dev with --dev), then
# build the translation catalogues. Re-running is cheap: pip skips what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
REQS=requirements.txt
[ "${1:-}" = "--dev" ] && REQS=requirements-dev.txt

# A venv made while python3-venv was missing has a python but no pip: make it again.
if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  rm -rf .venv
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum "$REQS" requirements.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --disable-pip-version-check -q -r "$REQS"
  touch "$stamp"
fi
if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py --release-only
fi

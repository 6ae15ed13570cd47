#!/usr/bin/env bash
# Build the office bundle (dist/Duban/: Duban + duban-cli) with PyInstaller and run the
# bundle's own self-test offscreen. Used by CI after the tests; by hand on Linux or in Git
# Bash on Windows. Needs the dev virtualenv (made here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(uname -s)" = Linux ] && bash scripts/install-system-deps.sh --bundle
if [ -x .venv/Scripts/python.exe ]; then PY=.venv/Scripts/python.exe; else PY=.venv/bin/python; fi
[ -x "$PY" ] || bash scripts/setup-venv.sh --dev
[ -x "$PY" ] || PY=.venv/bin/python

start=$(date +%s)
"$PY" scripts/build_translations.py --release-only
rm -rf build/pyinstaller dist/Duban
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --workpath build/pyinstaller --distpath dist pyinstaller.spec
built=$(date +%s)
echo "build-bundle: dist/Duban built in $((built - start)) s, $(du -sh dist/Duban | cut -f1)" \
  "($(find dist/Duban -type f | wc -l) files)"

CLI=dist/Duban/duban-cli
[ -x "$CLI.exe" ] && CLI="$CLI.exe"
"$CLI" --version
# The bundle's own check: database, migrations, plan, progress, PDF, exchange, window.
QT_QPA_PLATFORM=offscreen "$CLI" selftest --require-window
# The PostgreSQL driver loads in the bundle: a server that is not there must be reported in
# words ("连不上数据库服务器"), not as a missing module.
server_check=$("$CLI" plan --db "postgresql://duban@127.0.0.1:1/duban?connect_timeout=2" 2>&1 || true)
if ! grep -q "连不上数据库服务器" <<<"$server_check"; then
  echo "build-bundle: the bundle cannot use a PostgreSQL server: $server_check" >&2
  exit 1
fi
echo "build-bundle: self-test of the bundle passed in $(($(date +%s) - built)) s"

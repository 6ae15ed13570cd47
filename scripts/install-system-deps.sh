#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs (offscreen tests and a real window), PDF tools and the
# PostgreSQL server used by the tests, and python3-venv when `python3 -m venv` cannot work yet; with --bundle also
# what building the office bundle needs. Idempotent: installs only what is missing. Needs
# root (or sudo).
set -euo pipefail

PACKAGES=(
  # Qt offscreen (tests)
  libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libdbus-1-3 libx11-6
  # Qt in a real X11 window
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  # pdftoppm / pdffonts for looking at and checking the sheets
  poppler-utils
  # LibreOffice without a GUI: the tests open the Word sheets with it (convert to PDF)
  libreoffice-writer-nogui
  # PostgreSQL server programs (initdb, pg_ctl, pg_dump): the tests start a throwaway
  # cluster to run the Store, merge, supervision and CLI tests against a real server too
  # (Debian 12: postgresql-15). Nothing is started or enabled by Duban itself.
  postgresql
)

PYTHON="${PYTHON:-python3}"

# PyInstaller reads (objdump) and strips (strip) the bundle's libraries, and copies the
# Python shared library, which Debian's python3 ships apart (libpython3.X). libcups2: Qt's
# print plugin links it, and the bundle should carry it whatever the build machine had.
if [ "${1:-}" = "--bundle" ]; then
  PACKAGES+=(binutils libcups2
             "libpython$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
fi

# `python3 -m venv` needs ensurepip, which Debian ships apart (python3-venv).
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
  PACKAGES+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian-like system; install the Qt xcb/EGL libraries by hand." >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-system-deps: missing ${missing[*]}; run this script as root." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs (offscreen tests and a real window) plus PDF tools used
# by the tests. Idempotent: installs only what is missing. Needs root (or sudo).
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
)

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

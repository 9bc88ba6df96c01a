#!/usr/bin/env bash
# Set up everything Sampadak needs, then launch the app or run the test suite.
#
#   bash packaging/setup.sh app [ARGS...]   install what is missing, open the app
#   bash packaging/setup.sh test [ARGS...]  install what is missing, run the whole test suite
#
# Idempotent: system packages are installed only when missing (Debian/Ubuntu, as root or via
# sudo), the virtual environment (.venv) is created once and refreshed only when
# pyproject.toml changes. Only Debian packages and PyPI packages are downloaded.
set -euo pipefail

mode="${1:-app}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

log() { printf 'setup: %s\n' "$*" >&2; }

# Runtime libraries PySide6 needs offscreen and on X11, spell-check, a Devanagari font,
# and a virtual screen for machines without a display.
apt_packages=(
  ca-certificates python3 python3-venv python3-pip
  libenchant-2-2 hunspell-hi hunspell-en-us fonts-noto-core fonts-dejavu-core
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1
  xvfb xauth
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

install_system_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "not a Debian/Ubuntu system: install Python >= 3.11, the enchant 2 library with"
    log "Hindi and English hunspell dictionaries yourself (see README), then re-run."
    return 0
  fi
  local missing=() pkg
  for pkg in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ! python_ok "$(command -v python3 || true)"; then
    missing+=(python3.11 python3.11-venv)   # Ubuntu 22.04 ships 3.10 as python3
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

python_ok() {
  [ -n "$1" ] && "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

pick_python() {
  local candidate
  for candidate in python3 python3.13 python3.12 python3.11; do
    if python_ok "$(command -v "$candidate" || true)"; then command -v "$candidate"; return; fi
  done
  log "Python 3.11 or newer is required"; exit 1
}

setup_venv() {
  local python stamp want
  python="$(pick_python)"
  if [ ! -x .venv/bin/python ]; then
    log "creating .venv with $python"
    "$python" -m venv .venv
  fi
  stamp=.venv/.sampadak-installed
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages into .venv (PyPI)"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

install_system_packages
setup_venv

case "$mode" in
  app)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
      log "no display found: running on a virtual screen (xvfb-run)"
      exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/sampadak "$@"
    fi
    exec .venv/bin/sampadak "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    log "usage: bash packaging/setup.sh app|test [ARGS...]"; exit 2
    ;;
esac

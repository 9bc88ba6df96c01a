#!/usr/bin/env bash
# Set up everything Sampadak needs, then launch the app, run the tests or the linters.
#
#   bash packaging/setup.sh app [ARGS...]   install what is missing, open the app
#   bash packaging/setup.sh test [ARGS...]  ... with the dev tools, run the whole test suite
#   bash packaging/setup.sh lint            ... with the dev tools, run ruff and mypy
#   bash packaging/setup.sh install         ... with the dev tools (PyInstaller too), only
#                                           install (packaging/build.sh starts with this)
#
# Idempotent: system packages are installed only when missing (Debian/Ubuntu, as root or via
# sudo), the virtual environment (.venv) is created once and refreshed only when
# pyproject.toml or the interpreter changes (or `test`/`lint` need the `dev` extra that an
# `app` setup did not install). Only Debian packages and PyPI packages are downloaded.
# A first run takes 2-3 minutes and says what it is doing; a second run with nothing
# missing takes about a second.
set -euo pipefail

mode="${1:-app}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

log() { printf 'setup: %s\n' "$*" >&2; }
usage="usage: bash packaging/setup.sh app|test|lint|install [ARGS...]"

case "$mode" in
  app|test|lint|install) ;;
  *) log "$usage"; exit 2 ;;
esac
started_at=$SECONDS

# Runtime libraries PySide6 needs offscreen and on X11, spell-check, a Devanagari font,
# a virtual screen for machines without a display and Pango for WeasyPrint's PDF proofs.
# apertium-hin: Apertium's Hindi morphological analyser, an independent word list for the
# spell checker (optional at run time: without it spell-check works with lower quality).
# Checked on a Debian 12 minbase system, which starts without python3, python3-venv and
# ca-certificates (PyPI over https); the Pango line was added later and only checked here.
apt_packages=(
  ca-certificates python3 python3-venv
  libenchant-2-2 hunspell-hi hunspell-en-us apertium-hin fonts-noto-core fonts-dejavu-core
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1
  xvfb xauth
  libpango-1.0-0 libpangoft2-1.0-0
)
# Only for `test`: Chromium loads an exported page in a real browser (the hostile-content
# test). Debian packages it; Ubuntu's `chromium` is a snap wrapper that cannot install in a
# container, so a failure here is a warning and that one test skips (it fails under CI=1).
test_packages=(chromium)
# Only for `test`: desktop-file-validate and appstreamcli check the .desktop and AppStream
# files (tests/packaging); installed apart from Chromium so a Chromium failure leaves them.
# postgresql: the server binaries (initdb, pg_ctl) for the tests that stop and restart a
# private PostgreSQL cluster while the app types (tests/pg_cluster.py); nothing is started
# by Sampadak outside the tests, and the tests never use a cluster the package may start.
test_tool_packages=(desktop-file-utils appstream postgresql)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

# Names of installed packages and of what they provide (Ubuntu 24.04 and Debian 13 ship
# libglib2.0-0 as libglib2.0-0t64, which provides the old name): one dpkg-query call.
installed_names() {
  dpkg-query -W -f='${Status}\t${Package}\t${Provides}\n' 2>/dev/null |
    awk -F'\t' '$1 ~ / installed$/ {
      print $2; n = split($3, p, ", "); for (i = 1; i <= n; i++) { sub(/ .*/, "", p[i]); print p[i] } }'
}

# Copy a quiet command's output (stdin) to a log file and show progress on stderr: the
# first line matching PATTERN at once, then at most one every 10 s, with the time so far.
show_progress() {
  local logfile=$1 pattern=$2 what=$3 start=$SECONDS last=$((SECONDS - 10)) line
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$logfile"
    if [[ $line =~ $pattern ]] && [ $((SECONDS - last)) -ge 10 ]; then
      last=$SECONDS
      line="${line#"${line%%[![:space:]]*}"}"
      log "  $what, $((SECONDS - start)) s: ${line:0:90}"
    fi
  done
}

apt_install() {
  local apt_log
  apt_log="$(mktemp /tmp/sampadak-apt.XXXXXX.log)"
  log "installing $# system packages with apt-get (log: $apt_log): $*"
  log "  this is the first part of a first run (2-3 minutes in all)"
  if [ -z "${apt_updated:-}" ]; then
    log "  reading package lists (apt-get update)"
    as_root apt-get update -q 2>&1 | show_progress "$apt_log" '^(Get|Hit):' "apt-get update" ||
      { tail -n 20 "$apt_log" >&2; log "apt-get update failed (log: $apt_log)"; exit 1; }
    apt_updated=1
  fi
  # sudo drops the environment, so DEBIAN_FRONTEND goes through env.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "$@" 2>&1 | show_progress "$apt_log" '^(Get:|Unpacking|Setting up)' "apt-get install" ||
    { tail -n 20 "$apt_log" >&2; log "apt-get install failed (log: $apt_log)";
      [ -n "${apt_optional:-}" ] && return 1; exit 1; }
  log "  system packages installed ($((SECONDS - started_at)) s so far)"
}

install_system_packages() {
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    log "not a Debian/Ubuntu system: install Python >= 3.11 (with venv), the enchant 2 library"
    log "with Hindi and English hunspell dictionaries yourself (see README), then re-run."
    return 0
  fi
  local missing=() pkg have
  have="$(installed_names)"
  for pkg in "${apt_packages[@]}"; do
    grep -qxF -- "$pkg" <<<"$have" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
  if [ "$mode" = test ]; then
    missing=()
    for pkg in "${test_tool_packages[@]}"; do
      grep -qxF -- "$pkg" <<<"$have" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
    missing=()
    for pkg in "${test_packages[@]}"; do
      grep -qxF -- "$pkg" <<<"$have" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ] && ! apt_optional=1 apt_install "${missing[@]}"; then
      log "could not install ${missing[*]}: the tests that need them will skip"
    fi
  fi
  # Ubuntu 22.04 ships Python 3.10 as python3; its python3.11 package is the way out.
  if ! have_python >/dev/null; then apt_install python3.11 python3.11-venv; fi
}

# A usable interpreter: Python >= 3.11 with venv and ensurepip (Debian splits ensurepip
# into python3.X-venv; without it `python3 -m venv` leaves a .venv without pip).
python_ok() {
  [ -n "$1" ] && "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' \
    2>/dev/null
}

have_python() {
  local candidate
  for candidate in python3 python3.13 python3.12 python3.11; do
    if python_ok "$(command -v "$candidate" || true)"; then command -v "$candidate"; return 0; fi
  done
  return 1
}

pick_python() {
  have_python || { log "Python 3.11 or newer with venv is required"; exit 1; }
}

# Which extra the mode needs: the app runs on the plain install; tests and linters need
# the `dev` extra (pytest, pytest-qt, hypothesis, ruff, mypy, types-regex, and the `build`
# extra's PyInstaller for packaging/build.sh).
case "$mode" in
  app) extra=base; target="." ;;
  *) extra=dev; target=".[dev]" ;;
esac

setup_venv() {
  local python stamp want pip_log
  python="$(pick_python)"
  stamp=.venv/.sampadak-installed
  # Line 1 of the stamp names the interpreter and pyproject.toml (a change of either
  # reinstalls), line 2 the extra installed ("dev" also serves `app`).
  want="$("$python" -c 'import sys; print(sys.version)' | head -n1) $(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$want" ] &&
     { [ "$extra" = base ] || [ "$(sed -n 2p "$stamp")" = dev ]; } &&
     .venv/bin/python -c '' 2>/dev/null; then
    return 0
  fi
  if ! .venv/bin/python -m pip --version >/dev/null 2>&1 ||
     [ "$(.venv/bin/python -c 'import sys; print(sys.version)' 2>/dev/null | head -n1)" != \
       "$("$python" -c 'import sys; print(sys.version)' | head -n1)" ]; then
    log "creating .venv with $python"
    rm -f "$stamp"
    "$python" -m venv --clear .venv
  fi
  pip_log=.venv/pip-install.log
  : >"$pip_log"
  log "installing Python packages into .venv with pip: the project ($target, editable) and"
  log "  its dependencies from PyPI: ~150 MB (PySide6 80 MB, wordfreq 57 MB), the longest"
  log "  step of a first run (1-2 minutes; log: $pip_log)"
  if ! { .venv/bin/python -m pip install --progress-bar off --upgrade pip &&
         .venv/bin/python -m pip install --progress-bar off -e "$target"; } 2>&1 |
       show_progress "$pip_log" '^ *(Collecting|Downloading|Building|Installing|Successfully)' "pip"
  then
    tail -n 40 "$pip_log" >&2
    log "pip install failed (full log: $pip_log)"; exit 1
  fi
  printf '%s\n%s\n' "$want" "$extra" > "$stamp"
  log "  .venv ready ($((SECONDS - started_at)) s so far)"
}

install_system_packages
setup_venv

case "$mode" in
  app)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
      log "no display found: opening the window on an invisible virtual screen (xvfb-run)."
      log "  Nothing will appear, and this command waits until you stop it (Ctrl+C); on a"
      log "  first run the window waits behind the (invisible) profile dialog. To look at the"
      log "  app here: .venv/bin/python3 packaging/screenshot.py /tmp/sampadak.png (then open"
      log "  the PNG); to work headless: .venv/bin/sampadak --help. See README.md."
      exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/sampadak "$@"
    fi
    exec .venv/bin/sampadak "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  lint)
    # Both run even when the first fails, so one run shows every problem.
    status=0
    log "ruff check ."
    .venv/bin/ruff check . "$@" || status=1
    log "mypy editor_app tests (strict; see [tool.mypy] in pyproject.toml)"
    .venv/bin/mypy editor_app tests || status=1
    exit "$status"
    ;;
  install)
    log "installed ($((SECONDS - started_at)) s)"
    ;;
  *)
    log "$usage"; exit 2
    ;;
esac

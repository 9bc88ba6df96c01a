#!/usr/bin/env bash
# Build the one-folder desktop app from a clean clone:
#
#   bash packaging/build.sh            -> dist/sampadak/sampadak (+ dist/sampadak/_internal)
#
# Steps: (1) `packaging/setup.sh install` makes the .venv with the dev extra, which holds the
# `build` extra (PyInstaller), and installs the Debian packages the app needs (enchant with
# hunspell-hi/en-us, Qt's X11 libraries, a Devanagari font, Xvfb) when they are missing;
# (2) pyside6-lrelease compiles the Qt Linguist catalogues (resources/translations/*.ts) to
# the .qm files the app loads, so a build never ships a stale catalogue; (3) the hicolor PNG
# icons are drawn from resources/icons/sampadak.svg into build/icons (for `install.sh`);
# (4) PyInstaller runs packaging/sampadak.spec. Prints the build time and size.
#
# PYTHON=/path/to/python uses that interpreter instead of .venv/bin/python (it must have
# the project's dependencies and PyInstaller); then step (1) is skipped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
log() { printf 'build: %s\n' "$*" >&2; }
started=$SECONDS

if [ -z "${PYTHON:-}" ]; then
  bash packaging/setup.sh install
  PYTHON=.venv/bin/python
fi
"$PYTHON" -c 'import PyInstaller' 2>/dev/null ||
  { log "PyInstaller is missing for $PYTHON (pip install -e '.[build]')"; exit 1; }

bin="$(dirname "$PYTHON")"
log "compiling translations (pyside6-lrelease)"
for ts in resources/translations/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

log "drawing hicolor icons into build/icons"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icons.py build/icons >/dev/null

log "running PyInstaller (about 1-2 minutes; log: build/pyinstaller.log)"
mkdir -p build
if ! "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
     --distpath dist --workpath build/pyinstaller packaging/sampadak.spec \
     >build/pyinstaller.log 2>&1; then
  tail -n 40 build/pyinstaller.log >&2
  log "PyInstaller failed (log: build/pyinstaller.log)"; exit 1
fi
size="$(du -sm dist/sampadak | cut -f1)"
log "built dist/sampadak/sampadak in $((SECONDS - started)) s (${size} MB)"

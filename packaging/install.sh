#!/usr/bin/env bash
# Install the frozen build (packaging/build.sh) system-wide on Linux, desktop integration
# included:
#
#   sudo bash packaging/install.sh                 # PREFIX=/usr/local
#   bash packaging/install.sh PREFIX=$HOME/.local  # one user, no root
#   bash packaging/install.sh DESTDIR=/tmp/stage PREFIX=/usr   # staging for a .deb/.rpm
#
# Puts the one-folder app in $PREFIX/lib/sampadak and a `sampadak` link in $PREFIX/bin, the
# .desktop file in share/applications, the AppStream metainfo in share/metainfo and the
# icons (build/icons, drawn by build.sh) in share/icons/hicolor, all named by the
# reverse-DNS id in.sampadak.Sampadak; then refreshes the desktop and icon caches when the
# tools exist. DIST=folder installs another build folder, ICONS=folder other icons. Spell-check uses the system's
# enchant: install libenchant-2-2 hunspell-hi hunspell-en-us (Debian/Ubuntu) as well.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for arg in "$@"; do
  case "$arg" in
    PREFIX=*|DESTDIR=*|DIST=*|ICONS=*) export "${arg?}" ;;
    *) echo "usage: install.sh [PREFIX=/usr/local] [DESTDIR=] [DIST=dist/sampadak]" \
         "[ICONS=build/icons]" >&2
       exit 2 ;;
  esac
done
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
DIST="${DIST:-$here/dist/sampadak}"
icons="${ICONS:-$here/build/icons}"
id=in.sampadak.Sampadak
log() { printf 'install: %s\n' "$*" >&2; }

[ -x "$DIST/sampadak" ] || { log "no build at $DIST (run bash packaging/build.sh)"; exit 1; }
[ -d "$icons/hicolor" ] || { log "no icons at $icons (run bash packaging/build.sh)"; exit 1; }

root="$DESTDIR$PREFIX"
mkdir -p "$root/lib" "$root/bin" "$root/share/applications" "$root/share/metainfo" \
  "$root/share/icons"
rm -rf "$root/lib/sampadak"
cp -a "$DIST" "$root/lib/sampadak"
ln -sfn "$PREFIX/lib/sampadak/sampadak" "$root/bin/sampadak"
install -m 644 "$here/packaging/$id.desktop" "$root/share/applications/$id.desktop"
install -m 644 "$here/packaging/$id.metainfo.xml" "$root/share/metainfo/$id.metainfo.xml"
cp -a "$icons/hicolor" "$root/share/icons/"
if [ -z "$DESTDIR" ]; then
  command -v update-desktop-database >/dev/null &&
    update-desktop-database -q "$root/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null &&
    gtk-update-icon-cache -q -t "$root/share/icons/hicolor" || true
fi
log "installed in $root (run: $PREFIX/bin/sampadak)"

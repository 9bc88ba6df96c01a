#!/usr/bin/env bash
# Refresh the Hindi UI catalogue after adding or changing translate("Context", "Source")
# calls (editor_app/gui/i18n.py, docs/TRANSLATION.md):
#
#   bash packaging/update_translations.sh
#
# 1. pyside6-lupdate collects every translate() string of editor_app into
#    resources/translations/sampadak_hi.ts (new ones marked unfinished, vanished ones
#    dropped; no line numbers, so diffs show only real changes);
# 2. fill in the Hindi for the unfinished ones (pyside6-linguist, or any editor: it is XML);
# 3. run this script again: pyside6-lrelease compiles the .ts into sampadak_hi.qm, which
#    the app loads. Commit both files; a test fails when they disagree with the code.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tools come with PySide6, beside the interpreter ($PYTHON, default: the .venv's).
bin="$(dirname "${PYTHON:-.venv/bin/python3}")"
[ -x "$bin/pyside6-lupdate" ] || { echo "update_translations: no $bin/pyside6-lupdate" >&2; exit 1; }
ts=resources/translations/sampadak_hi.ts
mapfile -t sources < <(find editor_app -name '*.py' | LC_ALL=C sort)
"$bin/pyside6-lupdate" -silent -no-obsolete -locations none -source-language en \
  -target-language hi "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
# Qt's own strings in Hindi (written by hand; see editor_app/gui/translations.py).
"$bin/pyside6-lrelease" -silent resources/translations/qtbase_hi.ts \
  -qm resources/translations/qtbase_hi.qm
unfinished="$(grep -c 'type="unfinished"' "$ts" || true)"
echo "update_translations: $ts ($unfinished unfinished)" >&2

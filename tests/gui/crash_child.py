"""Child process for the crash-safety test: opens the real window, types, then idles.

Usage: python -m tests.gui.crash_child PROFILE_DIR TEXT
The database is ``SAMPADAK_DATABASE_URL`` when set (the test's database on the backend under
test), else the profile's own SQLite file.
Once the first article is open (it loads in the background), prints ``TYPED`` on stdout
right after the last keystroke (``NOT TYPED`` if the text did not reach the editor), then
runs the event loop until it is killed.

Usage: python -m tests.gui.crash_child PROFILE_DIR --continuous MAX_SECONDS
Sets the autosave maximum interval to MAX_SECONDS and types one word every 150 ms without
pause (the idle autosave never fires), printing ``WORD n`` after each, until it is killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from editor_app.config import DATABASE_ENV, load_config
from editor_app.core.db import open_database
from editor_app.core.profiles import Role
from editor_app.gui.application import ensure_application, open_main_window
from tests.gui.typing import type_text


def main() -> None:
    profile, text = sys.argv[1], sys.argv[2]
    config = load_config(profile, database=os.environ.get(DATABASE_ENV) or None, environ={})
    config.ensure_dirs()
    continuous = text == "--continuous"
    if continuous:
        config.settings["autosave_max_seconds"] = float(sys.argv[3])
    db = open_database(config.database_url)
    app = ensure_application()
    window = open_main_window(config, db, lambda: ("रिपोर्टर", Role.REPORTER))
    assert window is not None
    window.show()

    def type_and_report() -> None:
        window.editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        type_text(window.editor.text_edit, text)
        if not window.editor.markdown().rstrip().endswith(text.strip()):
            sys.stdout.write("NOT TYPED\n")  # the test fails on this line
            sys.stdout.flush()
            return
        sys.stdout.write("TYPED\n")
        sys.stdout.flush()

    words = iter(range(1_000_000))
    typer = QTimer()
    typer.setInterval(150)

    def type_word() -> None:
        n = next(words)
        type_text(window.editor.text_edit, f" शब्द{n}")
        sys.stdout.write(f"WORD {n}\n")
        sys.stdout.flush()

    typer.timeout.connect(type_word)

    def start_typing() -> None:
        window.editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        typer.start()

    begin = start_typing if continuous else type_and_report

    def when_open() -> None:
        # the list and the first article load in the background: typing before the
        # article is open would go into a read-only editor and prove nothing
        if window.record is None or window.editor.text_edit.isReadOnly():
            QTimer.singleShot(50, when_open)
            return
        window.tasks.wait_idle()
        begin()

    QTimer.singleShot(0, when_open)
    app.exec()


if __name__ == "__main__":
    main()

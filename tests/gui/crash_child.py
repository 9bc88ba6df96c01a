"""Child process for the crash-safety test: opens the real window, types, then idles.

Usage: python -m tests.gui.crash_child PROFILE_DIR TEXT
Prints ``TYPED`` on stdout right after the last keystroke, then runs the event loop until
it is killed.

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

from editor_app.config import load_config
from editor_app.core.db import open_database
from editor_app.core.profiles import Role
from editor_app.gui.application import ensure_application, open_main_window
from tests.gui.typing import type_text


def main() -> None:
    profile, text = sys.argv[1], sys.argv[2]
    config = load_config(profile, environ={})
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

    QTimer.singleShot(200, start_typing if continuous else type_and_report)
    app.exec()


if __name__ == "__main__":
    main()

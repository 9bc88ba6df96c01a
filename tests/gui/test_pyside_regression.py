"""PySide6 6.12.0 aborted Python 3.11 after a few thousand ordinary calls (none_dealloc).

This keeps the pinned version honest: many calls that return ``None`` or strings must not
crash the interpreter.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextEdit


def test_many_none_returning_calls_do_not_abort(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("क्षत्रिय")
    none_refs = sys.getrefcount(None)
    fired: list[int] = []
    for i in range(6000):
        QApplication.processEvents()
        edit.toPlainText()
        if i % 10 == 0:
            QTimer.singleShot(0, lambda: fired.append(1))
    qtbot.waitUntil(lambda: len(fired) == 600)
    # a leak of references to None would make this drift by thousands
    assert abs(sys.getrefcount(None) - none_refs) < 1000

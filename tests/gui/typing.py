"""Type any Unicode text into a widget as real key events.

``QTest.keyClicks`` maps each character through Latin-1 and aborts on Devanagari, so GUI
tests type Hindi with :func:`type_text`: one KeyPress/KeyRelease pair per code point, as a
Hindi (InScript) keyboard delivers it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_SPECIAL_KEYS = {"\n": Qt.Key.Key_Return, " ": Qt.Key.Key_Space, "\t": Qt.Key.Key_Tab}


def type_text(widget: QWidget, text: str) -> None:
    """Send ``text`` to ``widget`` character by character, processing events as a user."""
    for char in text:
        key = _SPECIAL_KEYS.get(char, Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()

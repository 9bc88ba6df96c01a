"""Keyboard focus: the Tab order between fields and the "go to field" commands.

Contract:

- :func:`install_focus_chain` makes Tab / Shift+Tab walk the given widgets in order
  (headline → dek → body → bylines → … in the main window). Multi-line fields in the chain
  (dek, body) get ``tabChangesFocus``: Tab never inserts a tab character into a field, it
  moves on. Item views in the chain (byline table, article list) lose Tab-key cell
  navigation, so Tab leaves them instead of walking every cell (arrows still move
  between cells).
- :func:`reveal_and_focus` focuses a widget wherever it is: it first selects the side tab
  that holds it and asks ``reveal`` (the panel layout) to open a collapsed panel.
- :class:`FocusTarget` + :func:`make_focus_actions` build the window's "go to" actions
  (:data:`FOCUS_TARGETS` lists their names, labels and keys).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["FOCUS_TARGETS", "FocusTarget", "install_focus_chain", "make_focus_actions",
           "reveal_and_focus"]

#: name -> (menu label, shortcut). Alt+digit and Ctrl+L are free in every widget we use.
FOCUS_TARGETS: dict[str, tuple[str, str]] = {
    "headline": (QT_TRANSLATE_NOOP("FocusChain", "Go to headline"), "Alt+1"),
    "dek": (QT_TRANSLATE_NOOP("FocusChain", "Go to dek"), "Alt+2"),
    "body": (QT_TRANSLATE_NOOP("FocusChain", "Go to body"), "Alt+3"),
    "list": (QT_TRANSLATE_NOOP("FocusChain", "Go to article list"), "Alt+4"),
    "search": (QT_TRANSLATE_NOOP("FocusChain", "Go to search"), "Ctrl+L"),
}


@dataclass(frozen=True)
class FocusTarget:
    """A named field: ``widget()`` gives the widget to focus now (it may change, e.g. the
    body is the Markdown source view while that is shown)."""

    name: str
    widget: Callable[[], QWidget]


def install_focus_chain(widgets: Sequence[QWidget]) -> None:
    """Tab order ``widgets[0] → widgets[1] → …`` (see the module docstring)."""
    for widget in widgets:
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            widget.setTabChangesFocus(True)
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def reveal_and_focus(widget: QWidget,
                     reveal: Callable[[QWidget], None] | None = None) -> None:
    """Show the tab page and panel holding ``widget``, then focus it (selecting a line
    edit's text so typing replaces it, as a browser's address bar does)."""
    if reveal is not None:
        reveal(widget)
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()


def make_focus_actions(parent: QWidget, targets: Sequence[FocusTarget],
                       reveal: Callable[[QWidget], None] | None = None
                       ) -> dict[str, QAction]:
    """One window-wide action per target, named ``focus_<name>``."""
    actions: dict[str, QAction] = {}
    for target in targets:
        label, key = FOCUS_TARGETS[target.name]
        action = QAction(translate("FocusChain", label), parent)
        action.setObjectName(f"focus_{target.name}")
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(
            lambda _checked=False, t=target: reveal_and_focus(t.widget(), reveal))
        parent.addAction(action)
        actions[target.name] = action
    return actions

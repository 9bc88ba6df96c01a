"""The keyboard shortcut table and the Help → Keyboard shortcuts page.

Contract: the page is generated from the window's live ``QAction`` objects
(:func:`collect_shortcuts`), so it cannot drift from what the keys really do. Rows come in
menu order (menu title as the group), then any action with a shortcut that is in no menu
(group "Other"), then :data:`KEYS_WITHOUT_ACTIONS` (Tab and the like, which Qt
handles itself). :func:`find_conflicts` lists key sequences bound twice where both can fire
at once (Qt then fires neither and logs "Ambiguous shortcut overload").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate

__all__ = ["KEYS_WITHOUT_ACTIONS", "OTHER_GROUP", "ShortcutRow", "ShortcutsDialog",
           "action_label", "collect_shortcuts", "find_conflicts", "key_text",
           "shortcut_actions"]

#: Group names and :data:`KEYS_WITHOUT_ACTIONS` hold the English, translated (context
#: "ShortcutsDialog") when the page is built.
OTHER_GROUP = QT_TRANSLATE_NOOP("ShortcutsDialog", "Other")
FIELDS_GROUP = QT_TRANSLATE_NOOP("ShortcutsDialog", "Between fields")
#: Keys Qt handles without a QAction of ours: (keys, what they do).
KEYS_WITHOUT_ACTIONS: tuple[tuple[str, str], ...] = (
    ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next field")),
    ("Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous field")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+letter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open a menu: its underlined letter")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next side tab while focus is in it")),
    ("↑ ↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous/next article in the list")),
)


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the page: where the action lives, what it does, its keys."""

    group: str
    action: str
    keys: tuple[str, ...]


def action_label(action: QAction) -> str:
    """The action's text as a reader sees it: no ``&`` mnemonic markers, no ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("…", "").strip()


def key_text(sequence: QKeySequence) -> str:
    """A key sequence as shown to the user (the platform's own spelling)."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_actions(submenu)
        elif not action.isSeparator():
            yield action


def shortcut_actions(window: QWidget) -> list[QAction]:
    """Every ``QAction`` below ``window`` that has at least one shortcut."""
    return [a for a in window.findChildren(QAction) if a.shortcuts()]


def collect_shortcuts(window: QMainWindow) -> list[ShortcutRow]:
    """All shortcut rows for ``window`` (see the module docstring)."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        group = action_label(top)
        for action in _menu_actions(menu):
            if action.shortcuts() and id(action) not in seen:
                seen.add(id(action))
                rows.append(_row(group, action))
    for action in shortcut_actions(window):
        if id(action) not in seen:
            seen.add(id(action))
            rows.append(_row(translate("ShortcutsDialog", OTHER_GROUP), action))
    rows.extend(ShortcutRow(translate("ShortcutsDialog", FIELDS_GROUP),
                            translate("ShortcutsDialog", what),
                            (short_label("ShortcutsDialog", keys),))
                for keys, what in KEYS_WITHOUT_ACTIONS)
    return rows


def _row(group: str, action: QAction) -> ShortcutRow:
    return ShortcutRow(group, action_label(action),
                       tuple(key_text(k) for k in action.shortcuts()))


def _scope(action: QAction) -> QWidget | None:
    """The widget a widget-scoped action is bound to, or None for window-wide ones."""
    if action.shortcutContext() in (Qt.ShortcutContext.WidgetShortcut,
                                    Qt.ShortcutContext.WidgetWithChildrenShortcut):
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        return widgets[0] if widgets else None
    return None


def _can_clash(first: QAction, second: QAction) -> bool:
    a, b = _scope(first), _scope(second)
    if a is None or b is None:
        return True
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def find_conflicts(actions: Iterable[QAction]) -> list[tuple[str, list[str]]]:
    """Key sequences bound by two actions that can fire in the same place:
    ``[(keys, [action labels])]``, empty when all is well."""
    by_key: dict[str, list[QAction]] = {}
    for action in actions:
        for sequence in action.shortcuts():
            by_key.setdefault(sequence.toString(), []).append(action)
    conflicts = []
    for keys, bound in sorted(by_key.items()):
        clashing: set[str] = set()
        for i, first in enumerate(bound):
            for second in bound[i + 1:]:
                if _can_clash(first, second):
                    clashing |= {action_label(first), action_label(second)}
        if clashing:
            conflicts.append((keys, sorted(clashing)))
    return conflicts


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: a grouped table built from :func:`collect_shortcuts`."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.rows = collect_shortcuts(window)
        intro = QLabel(translate(
            "ShortcutsDialog", "Everything works from the keyboard: these shortcuts, Alt + the "
            "underlined letter for menus, Tab to change fields."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("ShortcutsDialog", "Action"),
                                   translate("ShortcutsDialog", "Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [row.group, ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                groups[row.group] = group
            QTreeWidgetItem(group, [row.action, ",  ".join(row.keys)])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)
        self.tree.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        name_from_labels(self)

    def shown_rows(self) -> list[ShortcutRow]:
        """What the tree shows, read back from its items (for tests)."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            assert group is not None
            for c in range(group.childCount()):
                item = group.child(c)
                assert item is not None
                rows.append(ShortcutRow(group.text(0), item.text(0),
                                        tuple(item.text(1).split(",  "))))
        return rows

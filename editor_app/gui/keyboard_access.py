"""Keyboard access: every menu entry has a mnemonic, every side tab has a key.

Contract:

- :func:`assign_mnemonics` walks menus (and their submenus) and gives each entry without a
  mnemonic, or with one already taken by an earlier entry of the same menu (an entry
  shown in several menus keeps its own), a free letter
  of its label, preferring the English part of a bilingual label (``"सहेजें (Save)"`` →
  ``"सहेजें (&Save)"``), then any Latin letter or digit; letters are matched so that as
  many entries as possible get one. An entry with no free letter keeps its text (it is
  still reached with the arrow keys). Labels in the source are not rewritten: the
  mnemonics are added to the live actions.
- :func:`focus_first_control` focuses the first control of a page in its Tab order (a
  side tab's page is a scroll area: focusing the area itself leaves the user nowhere).
- :func:`install_keyboard_access` adds View-menu actions for the side tabs that have none
  (History Alt+8, Comments Alt+9, Review Alt+0, Desk by its mnemonic), then assigns the
  mnemonics of the whole menu bar, and again whenever a menu opens (:func:`watch_menus`:
  some menus are rebuilt while the window runs). Called once, at the end of ``MainWindow.__init__``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import regex
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from editor_app.gui.i18n import translate
from editor_app.gui.layout_state import SIDE_INDEX

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["assign_mnemonics", "focus_first_control", "install_keyboard_access",
           "mnemonic"]

_ENGLISH_PART = regex.compile(r"\(([^()]*)\)\s*…?\s*$")
_LATIN = regex.compile(r"[A-Za-z0-9]")


def mnemonic(text: str) -> str:
    """The mnemonic letter of ``text`` in lower case ("" when it has none)."""
    index = 0
    while (index := text.find("&", index)) >= 0:
        if index + 1 < len(text) and text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return ""


def _without_mnemonic(text: str) -> str:
    return "&&".join(part.replace("&", "") for part in text.split("&&"))


def _candidates(text: str) -> list[tuple[str, int]]:
    """(letter, index in ``text``) choices for a mnemonic, best first: the letters of the
    English part of a bilingual label, then any other Latin letter or digit."""
    match = _ENGLISH_PART.search(text)
    spans = [(match.start(1), match.end(1))] if match else []
    spans.append((0, len(text)))
    seen: set[str] = set()
    out: list[tuple[str, int]] = []
    for start, end in spans:
        for found in _LATIN.finditer(text, start, end):
            letter = found.group().lower()
            if letter not in seen:
                seen.add(letter)
                out.append((letter, found.start()))
    return out


def _match(choices: list[list[str]], taken: set[str]) -> list[str | None]:
    """A letter for as many entries as possible (augmenting paths; menus are short)."""
    owner: dict[str, int] = {}

    def place(entry: int, visited: set[str]) -> bool:
        free = [c for c in choices[entry] if c not in taken and c not in owner]
        if free:  # a free letter first: nobody moves without need
            owner[free[0]] = entry
            return True
        for letter in choices[entry]:
            if letter in taken or letter in visited:
                continue
            visited.add(letter)
            if place(owner[letter], visited):
                owner[letter] = entry
                return True
        return False

    for entry in range(len(choices)):
        place(entry, set())
    result: list[str | None] = [None] * len(choices)
    for letter, entry in owner.items():
        result[entry] = letter
    return result


def _menu_count(action: QAction) -> int:
    return sum(isinstance(o, QMenu) for o in action.associatedObjects())


def assign_mnemonics(menus: Iterable[QMenu]) -> None:
    """Give every entry of ``menus`` a mnemonic unique in its menu (module contract)."""
    for menu in menus:
        entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        for action in entries:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                assign_mnemonics([submenu])
        # an entry shown in several menus keeps its letter; the others may move
        fixed: set[str] = set()
        movable: list[QAction] = []
        for action in entries:
            letter = mnemonic(action.text())
            if letter and _menu_count(action) > 1 and letter not in fixed:
                fixed.add(letter)
            else:
                movable.append(action)
        movable.sort(key=lambda a: not mnemonic(a.text()))  # own letters are placed first
        plains = [_without_mnemonic(a.text()) for a in movable]
        options = [_candidates(p) for p in plains]
        choices = [[c for c, _i in o] for o in options]
        for action, choice in zip(movable, choices, strict=True):
            if own := mnemonic(action.text()):
                choice.insert(0, own)
        chosen = _match(choices, fixed)
        for action, plain, option, pick in zip(movable, plains, options, chosen,
                                               strict=True):
            if pick is None or pick == mnemonic(action.text()):
                continue
            index = dict(option)[pick]
            action.setText(plain[:index] + "&" + plain[index:])


def watch_menus(menus: Iterable[QMenu]) -> None:
    """Assign mnemonics again each time one of ``menus`` opens (entries that are built
    while the window runs, such as the workflow moves, get theirs too)."""
    for menu in menus:
        menu.aboutToShow.connect(lambda m=menu: assign_mnemonics([m]))


def focus_first_control(page: QWidget) -> bool:
    """Focus the first visible, enabled control inside ``page`` in Tab order (else the
    page itself); True when a control inside got the focus."""
    widget = page.nextInFocusChain()
    for _ in range(2000):  # the chain is a ring through every widget of the window
        if widget is None or widget is page:
            break
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        widget = widget.nextInFocusChain()
    page.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return False


def show_side_page(window: MainWindow, page: QWidget) -> None:
    """Open the side panel on the tab holding ``page`` and focus its first control."""
    window.panels.set_panel_open(SIDE_INDEX, True)
    index = window.side_tab_of(page)
    window.side_tabs.setCurrentIndex(index)
    current = window.side_tabs.currentWidget()
    if current is not None:
        focus_first_control(current)


def _tab_action(window: MainWindow, text: str, page: Callable[[], QWidget],
                key: str | None) -> QAction:
    action = QAction(text, window)
    if key is not None:
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: show_side_page(window, page()))
    window.addAction(action)
    return action


def install_keyboard_access(window: MainWindow) -> list[QAction]:
    """Side-tab actions for the tabs added after the first three, then mnemonics on every
    menu (see the module contract). Returns the new tab actions."""
    actions = [
        _tab_action(window, translate("MainWindow", "&History tab"),
                    lambda: window.history, "Alt+8"),
        _tab_action(window, translate("MainWindow", "Co&mments tab"),
                    lambda: window.comments, "Alt+9"),
        _tab_action(window, translate("MainWindow", "Revie&w tab"),
                    lambda: window.review.panel, "Alt+0"),
        _tab_action(window, translate("MainWindow", "Des&k tab"),
                    lambda: window.desk.panel, None),
    ]
    last_tab = window.side_tab_actions[-1]
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and last_tab in menu.actions():
            following = menu.actions()[menu.actions().index(last_tab) + 1:]
            before = following[0] if following else None
            menu.insertActions(before, actions)  # type: ignore[arg-type]
            break
    window.side_tab_actions = [*window.side_tab_actions, *actions]
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    assign_mnemonics(menus)
    watch_menus(menus)
    return actions

"""Extra entries for a text widget's context menu, from features that do not own the menu.

The spelling menu (:mod:`.spell_menu`) and the rich editor (:mod:`.text_edit`) build the
menus; a feature such as comments registers an extension on the widget with
:func:`add_menu_extension`, and the menu builders call :func:`extend_menu` once the menu is
made. Extensions run in registration order and append to the end of the menu (after a
separator); one that fails is logged and skipped, so a feature's bug never breaks the menu.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from weakref import WeakKeyDictionary

from PySide6.QtWidgets import QMenu, QWidget

__all__ = ["MenuExtension", "add_menu_extension", "extend_menu"]

log = logging.getLogger(__name__)

MenuExtension = Callable[[QMenu], None]
"""``extension(menu)``: add actions to ``menu`` (parented to it, or kept alive elsewhere)."""

_EXTENSIONS: WeakKeyDictionary[QWidget, list[MenuExtension]] = WeakKeyDictionary()


def add_menu_extension(widget: QWidget, extension: MenuExtension) -> None:
    """Call ``extension`` on every context menu built for ``widget``."""
    _EXTENSIONS.setdefault(widget, []).append(extension)


def extend_menu(widget: QWidget, menu: QMenu) -> None:
    """Let the extensions registered on ``widget`` add their entries to ``menu``."""
    extensions = _EXTENSIONS.get(widget, [])
    if extensions and menu.actions():
        menu.addSeparator()
    for extension in extensions:
        try:
            extension(menu)
        except Exception:  # a feature's broken menu entry must not break the menu
            log.exception("context menu extension failed")

"""The window's tool commands: font, phonetic typing, paste filter, spell-check walk, house
style, checks and the shortcuts list.

Contract (:class:`ToolCommands`, one per :class:`~editor_app.gui.main_window.MainWindow`,
wired to the menus by :mod:`editor_app.gui.window_actions`):

- Choices the user makes here (font, phonetic typing) are remembered in settings; a setting
  that cannot be written is said (font) or logged (typing mode), never fatal.
- Dialogs are imported on first use (start-up, issue 7). :func:`pick_font` is a module
  attribute so tests can answer it.
- :meth:`ToolCommands.filter_paste` refuses pastes over :data:`MAX_PASTE_CHARS` with a
  message and offers legacy-font (Kruti Dev) conversion for the rest.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.core.errors import SampadakError
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.editor.spell_fields import SpellField
from editor_app.gui.i18n import translate
from editor_app.gui.layout_state import SIDE_INDEX
from editor_app.gui.locale_format import format_count
from editor_app.gui.theme import colours

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["MAX_PASTE_CHARS", "ToolCommands", "pick_font"]

log = logging.getLogger(__name__)

#: Largest paste accepted into the body (about 60 long features).
MAX_PASTE_CHARS = 2_000_000


def pick_font(current: QFont, parent: QWidget) -> QFont | None:
    """View → Font (:func:`editor_app.gui.dialogs.font_picker.pick_font`), imported on
    first use; a module attribute so tests can answer it."""
    from editor_app.gui.dialogs.font_picker import pick_font as dialog

    return dialog(current, parent)


class ToolCommands:
    """Font, typing mode, paste filter, spelling walk, house style, checks, shortcuts."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose_font(self) -> None:
        """Let the user pick the Hindi text font (Devanagari fonts first, a Devanagari
        sample); remembered in settings."""
        window = self.window
        font = pick_font(window.editor.text_edit.font(), window)
        if font is not None:
            window.apply_font(font)
            window.config.settings["font_family"] = font.family()
            window.config.settings["font_size"] = font.pointSize()
            try:
                window.config.save_settings()
            except SampadakError as exc:
                show_error(window, translate("MainWindow", "Setting not saved"), exc)

    def set_phonetic(self, enabled: bool) -> None:
        """Turn phonetic Hindi typing on or off (remembered in settings)."""
        window = self.window
        window.phonetic.set_enabled(enabled)
        self.show_mode(enabled)
        if bool(window.config.settings.get("phonetic_typing")) != enabled:
            window.config.settings["phonetic_typing"] = enabled
            try:
                window.config.save_settings()
            except SampadakError as exc:
                log.warning("could not remember the typing mode: %s", exc)

    def show_mode(self, phonetic: bool) -> None:
        """Say the typing mode in the status bar (bold in the theme's colour when
        phonetic)."""
        mode = (translate("MainWindow", "phonetic: bharat → भारत") if phonetic
                else translate("MainWindow", "direct"))
        label = self.window.mode_label
        label.setText("⌨ " + mode)
        label.setStyleSheet(f"color: {colours().mode_text}; font-weight: bold;"
                            if phonetic else "")

    def filter_paste(self, text: str) -> str | None:
        """Refuse absurdly large pastes with a message; offer legacy-font conversion."""
        if len(text) > MAX_PASTE_CHARS:
            QMessageBox.warning(
                self.window, translate("MainWindow", "Paste too large"),
                translate("MainWindow", "The pasted text has {n} characters; the limit is "
                          "{limit}. Import it as a file instead.").format(
                    n=format_count(len(text)), limit=format_count(MAX_PASTE_CHARS)))
            return None
        from editor_app.gui.dialogs.legacy_paste_dialog import maybe_convert_paste

        return maybe_convert_paste(self.window, text)

    def check_spelling(self) -> None:
        """Walk through every misspelling of headline, dek, body, then the image captions."""
        window = self.window
        if not window.spell_highlighter.available:
            QMessageBox.information(window, translate("MainWindow", "Spell-check"),
                                    window.spell_highlighter.unavailable_reason)
            return
        body = SpellField(translate("MainWindow", "Body"), window.editor.text_edit,
                          window.spell_highlighter)
        fields = [*window.metadata.spelling_fields(), body, *window.images.spelling_fields()]
        from editor_app.gui.dialogs.spelling_dialog import SpellingDialog

        SpellingDialog(fields, window.speller, parent=window).exec()

    def edit_house_style(self) -> None:
        """Show the newsroom's house style sheet (editable by a desk chief)."""
        from editor_app.gui.dialogs.house_style_dialog import HouseStyleDialog

        window = self.window
        dialog = HouseStyleDialog(window.service.db, window.profile, window)
        if dialog.exec() and dialog.saved_style is not None:
            window.house_style = dialog.saved_style
            window.phonetic.set_house_style(window.house_style)
            window.metadata.set_headline_limit(window.house_style.limit_for("headline"))
            window.checks.refresh()

    def run_checks(self) -> None:
        """Show the checks tab and re-check now."""
        window = self.window
        window.panels.set_panel_open(SIDE_INDEX, True)
        window.side_tabs.setCurrentIndex(window.side_tab_of(window.checks))
        window.checks.refresh()

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts (built from the live actions)."""
        from editor_app.gui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.window).exec()

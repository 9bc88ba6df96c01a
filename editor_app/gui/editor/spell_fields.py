"""Spell-check for the small fields around the body (headline, dek, captions, bylines).

Contract
--------
- :func:`spell_check_field` gives one text widget (``QPlainTextEdit``/``QTextEdit``, e.g. a
  :class:`~editor_app.gui.editor.line_text_edit.LineTextEdit`) live underlines and the
  body's spelling context menu, deciding words with the one shared ``SpellChecker`` (the
  checker lock and dictionary-change notifications are shared too). URLs, e-mail
  addresses, ``@handles`` and ``#hashtags`` are skipped as in the body.
- A :class:`SpellField` is one stop of "Check spelling": its ``label``, its ``widget``,
  the ``highlighter`` of that widget, ``prepare`` (called before the field is searched,
  e.g. to show the image whose caption it is; it may return ``False`` to skip the field)
  and ``commit`` (called after the dialog changed the text, e.g. to store a caption).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.core.text.spell import SpellChecker
from editor_app.gui.editor.spell_highlighter import SpellHighlighter
from editor_app.gui.editor.spell_menu import install_spell_context_menu

__all__ = ["SpellField", "spell_check_field"]


@dataclass(frozen=True)
class SpellField:
    """One field the spelling dialog walks (see the module contract)."""

    label: str
    widget: QPlainTextEdit | QTextEdit
    highlighter: SpellHighlighter | None = None
    prepare: Callable[[], bool] | None = None
    commit: Callable[[], object] | None = None


def spell_check_field(widget: QPlainTextEdit | QTextEdit,
                      checker: SpellChecker) -> SpellHighlighter:
    """Underline misspellings in ``widget`` and give it the spelling context menu.

    The highlighter is a child of the widget's document (no reference needed).
    """
    highlighter = SpellHighlighter(checker, widget.document())
    install_spell_context_menu(widget, highlighter)
    return highlighter

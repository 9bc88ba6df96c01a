"""Named layers of extra selections on a text widget (highlights that are not in the text).

``QTextEdit``/``QPlainTextEdit.setExtraSelections`` replaces the whole list, so two
features highlighting the same editor (comments, tracked changes, find) would wipe each
other's marks. :func:`set_layer` keeps one list per feature name and gives the widget their
concatenation, in the order the layers were first set. Extra selections are cursors into
the document: they follow typing, and they never enter the document (nor its Markdown).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

__all__ = ["layer", "set_layer"]

TextWidget = QTextEdit | QPlainTextEdit

_LAYERS: WeakKeyDictionary[TextWidget, dict[str, list[QTextEdit.ExtraSelection]]] = (
    WeakKeyDictionary())


def set_layer(widget: TextWidget, name: str,
              selections: list[QTextEdit.ExtraSelection]) -> None:
    """Show ``selections`` as the ``name`` layer of ``widget`` (an empty list clears it)."""
    layers = _LAYERS.setdefault(widget, {})
    layers[name] = list(selections)
    widget.setExtraSelections([s for group in layers.values() for s in group])


def layer(widget: TextWidget, name: str) -> list[QTextEdit.ExtraSelection]:
    """The selections of the ``name`` layer of ``widget`` (empty when never set)."""
    return list(_LAYERS.get(widget, {}).get(name, []))

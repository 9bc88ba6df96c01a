"""The body editor's actions: names, labels, shortcuts, tooltips and the toolbar's order.

:func:`build_editor_actions` makes one ``QAction`` per entry of :data:`SPECS` on the
editor widget (shortcuts in ``Qt.WidgetWithChildrenShortcut`` context, so they act on the
focused editor only), connects each to its handler, fills the toolbar in
:data:`TOOLBAR` order and reports the shortcuts it took (the text edit then leaves them to
the actions). Labels go through Qt's translation (contexts ``RichEditor`` and
``RichEditorToolbar``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate

__all__ = ["CHECKABLE", "FORMATTING_ACTIONS", "ICON_TEXT", "SPECS", "TOOLBAR",
           "build_editor_actions"]

SPECS: list[tuple[str, str, list[str], str]] = [
    # name, label, shortcuts, tooltip
    ("undo", QT_TRANSLATE_NOOP("RichEditor", "Undo"), ["Ctrl+Z"],
     QT_TRANSLATE_NOOP("RichEditor", "Undo")),
    ("redo", QT_TRANSLATE_NOOP("RichEditor", "Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"],
     QT_TRANSLATE_NOOP("RichEditor", "Redo")),
    ("bold", QT_TRANSLATE_NOOP("RichEditor", "Bold"), ["Ctrl+B"],
     QT_TRANSLATE_NOOP("RichEditor", "Strong: **text**")),
    ("italic", QT_TRANSLATE_NOOP("RichEditor", "Italic"), ["Ctrl+I"],
     QT_TRANSLATE_NOOP("RichEditor", "Emphasis: *text*")),
    ("heading2", QT_TRANSLATE_NOOP("RichEditor", "H2"), ["Ctrl+2"],
     QT_TRANSLATE_NOOP("RichEditor", "Subheading: ## text")),
    ("heading3", QT_TRANSLATE_NOOP("RichEditor", "H3"), ["Ctrl+3"],
     QT_TRANSLATE_NOOP("RichEditor", "Minor subheading: ### text")),
    ("paragraph", QT_TRANSLATE_NOOP("RichEditor", "Body"), ["Ctrl+Alt+0"],
     QT_TRANSLATE_NOOP("RichEditor", "Body paragraph")),
    ("bullets", QT_TRANSLATE_NOOP("RichEditor", "Bullets"), ["Ctrl+Shift+8"],
     QT_TRANSLATE_NOOP("RichEditor", "Bulleted list: - item")),
    ("numbered", QT_TRANSLATE_NOOP("RichEditor", "Numbered"), ["Ctrl+Shift+7"],
     QT_TRANSLATE_NOOP("RichEditor", "Numbered list: 1. item")),
    ("quote", QT_TRANSLATE_NOOP("RichEditor", "Quote"), ["Ctrl+Shift+Q"],
     QT_TRANSLATE_NOOP("RichEditor", "Blockquote: > text")),
    ("link", QT_TRANSLATE_NOOP("RichEditor", "Link"), ["Ctrl+K"],
     QT_TRANSLATE_NOOP("RichEditor", "Link the selection")),
    ("image", QT_TRANSLATE_NOOP("RichEditor", "Image"), ["Ctrl+Shift+G"],
     QT_TRANSLATE_NOOP("RichEditor", "Insert an image with caption and credit")),
    ("find", QT_TRANSLATE_NOOP("RichEditor", "Find"), ["Ctrl+F"],
     QT_TRANSLATE_NOOP("RichEditor", "Find")),
    ("replace", QT_TRANSLATE_NOOP("RichEditor", "Replace"), ["Ctrl+H"],
     QT_TRANSLATE_NOOP("RichEditor", "Find and replace")),
    ("source", QT_TRANSLATE_NOOP("RichEditor", "Source"), ["Ctrl+Shift+M"],
     QT_TRANSLATE_NOOP("RichEditor", "Show the Markdown source")),
    ("zoom_in", QT_TRANSLATE_NOOP("RichEditor", "Zoom in"), ["Ctrl+=", "Ctrl++"],
     QT_TRANSLATE_NOOP("RichEditor", "Zoom in")),
    ("zoom_out", QT_TRANSLATE_NOOP("RichEditor", "Zoom out"), ["Ctrl+-"],
     QT_TRANSLATE_NOOP("RichEditor", "Zoom out")),
    ("zoom_reset", QT_TRANSLATE_NOOP("RichEditor", "Reset zoom"), ["Ctrl+0"],
     QT_TRANSLATE_NOOP("RichEditor", "Reset zoom")),
]
#: Toolbar texts; the words are shown in one language (``short_label``), as space is short.
ICON_TEXT = {"undo": "↶", "redo": "↷", "bold": "B", "italic": "I",
              "link": QT_TRANSLATE_NOOP("RichEditorToolbar", "Link"),
              "heading2": "H2", "heading3": "H3", "bullets": "•", "numbered": "1.",
              "quote": "❝", "image": QT_TRANSLATE_NOOP("RichEditorToolbar", "Image"),
              "find": QT_TRANSLATE_NOOP("RichEditorToolbar", "Find"), "source": "MD"}
TOOLBAR = ["undo", "redo", None, "bold", "italic", "link", None, "heading2", "heading3",
            "bullets", "numbered", "quote", "image", None, "find", "source"]
CHECKABLE = {"bold", "italic", "heading2", "heading3", "bullets", "numbered", "quote",
              "link", "source"}
FORMATTING_ACTIONS = {"bold", "italic", "heading2", "heading3", "paragraph", "bullets", "numbered",
               "quote", "link", "image", "undo", "redo", "find", "replace"}


def build_editor_actions(owner: QWidget, handlers: Mapping[str, Callable[[], None]],
                         toolbar: QToolBar, reserve: Callable[[set[str]], None],
                         ) -> dict[str, QAction]:
    """The editor's actions by name, added to ``owner`` and ``toolbar`` (module contract);
    ``reserve`` receives every shortcut taken. ``handlers`` has one entry per name."""
    actions: dict[str, QAction] = {}
    reserved: set[str] = set()
    for name, label, keys, tip in SPECS:
        action = QAction(translate("RichEditor", label), owner)
        action.setObjectName(f"editor_{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{translate('RichEditor', tip)} ({keys[0]})")
        action.setCheckable(name in CHECKABLE)
        if name in ICON_TEXT:
            action.setIconText(short_label("RichEditorToolbar", ICON_TEXT[name]))
        action.triggered.connect(handlers[name])
        owner.addAction(action)
        actions[name] = action
        reserved.update(QKeySequence(k).toString() for k in keys)
    reserve(reserved)
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[entry])
    return actions

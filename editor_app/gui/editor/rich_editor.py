"""``RichEditor``: the WYSIWYG article body editor (toolbar + text + Markdown source view).

Contract for the main window:

- :meth:`RichEditor.set_markdown` loads a body: no ``content_changed``, undo history cleared,
  document marked unmodified. :meth:`RichEditor.markdown` returns canonical NFC Markdown
  (see ``core.markdown_model``), also while the source view is shown.
- ``content_changed`` fires for user edits only (typing, formatting, undo/redo, source
  edits), not for loading and not for highlighter repaints.
- ``counts_changed(TextCounts)`` fires at most every :data:`COUNT_DELAY_MS` after edits.
- :meth:`RichEditor.actions` lists the editor's ``QAction`` objects for a menu; shortcuts
  use ``Qt.WidgetWithChildrenShortcut`` so they act on the focused editor only.
- Spell-check hooks: :meth:`RichEditor.document`, :meth:`RichEditor.attach_highlighter`,
  :meth:`RichEditor.set_context_menu_provider` (``provider(word, start, end)`` with
  document positions, UTF-16) and :meth:`RichEditor.replace_range` (one undo step).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QSyntaxHighlighter,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QPlainTextEdit,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.markdown_model import (
    BlockKind,
    ImageBlock,
    TextBlock,
    canonical_markdown,
    parse_markdown,
)
from editor_app.core.text.counts import TextCounts, count_text, total_counts
from editor_app.core.text.normalize import to_nfc
from editor_app.core.urls import safe_href
from editor_app.gui.editor import formatting
from editor_app.gui.editor.editor_actions import FORMATTING_ACTIONS, build_editor_actions
from editor_app.gui.editor.find_replace import FindReplaceBar
from editor_app.gui.editor.image_dialog import AssetProvider, choose_image
from editor_app.gui.editor.markdown_bridge import (
    document_markdown,
    heading_level,
    insert_blocks,
    is_strong,
    set_document_markdown,
)
from editor_app.gui.editor.text_edit import AssetResolver, ContextMenuProvider, RichTextEdit
from editor_app.gui.i18n import translate

__all__ = ["COUNT_DELAY_MS", "RichEditor"]

log = logging.getLogger(__name__)

COUNT_DELAY_MS = 300
class RichEditor(QWidget):
    """WYSIWYG editor for the canonical article Markdown (see module docstring)."""

    content_changed = Signal()
    counts_changed = Signal(object)  # TextCounts
    source_mode_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = RichTextEdit(self)
        self._source = QPlainTextEdit(self)
        self._text.setAccessibleName(translate("RichEditor", "Body"))
        self._source.setAccessibleName(translate("RichEditor", "Body, Markdown source"))
        self._source.setObjectName("markdownSource")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._text)
        self._stack.addWidget(self._source)
        self._toolbar = QToolBar(self)
        self._find = FindReplaceBar(self._text, self)
        self._find.hide()
        self._loading = False
        self._zoom = 0
        self._undo_state = (0, 0)
        self._source_snapshot = ""
        self._highlighter: QSyntaxHighlighter | None = None
        self._asset_provider: AssetProvider | None = None
        self.link_prompt: Callable[[str], str | None] = self._ask_link
        """Asks for a URL (given the current one); ``None`` cancels. Replaceable in tests."""
        self.image_chooser: Callable[[], ImageBlock | None] = self._ask_image
        """Chooses an image to insert; ``None`` cancels. Replaceable in tests."""
        self._actions: dict[str, QAction] = {}
        self._block_counts: dict[str, TextCounts] = {}
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._emit_counts)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._find)
        doc = self._text.document()
        doc.contentsChange.connect(self._on_contents_change)
        self._source.textChanged.connect(self._on_source_changed)
        self._text.currentCharFormatChanged.connect(lambda _fmt: self._update_states())
        self._text.cursorPositionChanged.connect(self._update_states)
        self._text.undoAvailable.connect(self._actions["undo"].setEnabled)
        self._text.redoAvailable.connect(self._actions["redo"].setEnabled)
        self.set_markdown("")

    # ------------------------------------------------------------------ content API

    @property
    def text_edit(self) -> RichTextEdit:
        """The inner rich-text editor widget."""
        return self._text

    @property
    def source_edit(self) -> QPlainTextEdit:
        """The plain-text Markdown source widget (shown in source mode)."""
        return self._source

    @property
    def find_bar(self) -> FindReplaceBar:
        """The find/replace bar under the text."""
        return self._find

    def document(self) -> QTextDocument:
        """The rich text document (for a spell highlighter)."""
        return self._text.document()

    def set_markdown(self, markdown: str) -> None:
        """Load ``markdown``; no ``content_changed``, undo history reset, unmodified.

        One parse and one document build: the Markdown source view is filled only when it
        is shown (now, if source mode is on; else by :meth:`set_source_mode`).
        """
        self._loading = True
        try:
            doc = self._text.document()
            doc.setUndoRedoEnabled(False)
            set_document_markdown(doc, markdown)
            doc.setUndoRedoEnabled(True)
            doc.setModified(False)
            # The source view is filled when source mode is entered (set_source_mode); only
            # a source view on show needs the text now. No second pass over the document.
            text = document_markdown(doc) if self.is_source_mode() else ""
            with QSignalBlocker(self._source):
                self._source.setPlainText(text)
            self._source_snapshot = text
            self._text.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False
        self._undo_state = self._undo_snapshot()
        self._update_states()
        self._count_timer.start()

    def markdown(self) -> str:
        """Canonical NFC Markdown of the current content."""
        if self.is_source_mode():
            return canonical_markdown(self._source.toPlainText())
        return document_markdown(self._text.document())

    def counts(self) -> TextCounts:
        """Word/akshara/character counts and reading time of the body text now."""
        if self.is_source_mode():
            blocks = parse_markdown(self._source.toPlainText())
            text = "\n".join(b.text for b in blocks if isinstance(b, TextBlock))
            return count_text(to_nfc(text))
        return self._document_counts()

    def _document_counts(self) -> TextCounts:
        """Counts of the WYSIWYG document, paragraph by paragraph: only paragraphs whose
        text changed since the last count are counted again (a 20k-word story costs a few
        milliseconds after a keystroke instead of a whole-document pass)."""
        cache = self._block_counts
        fresh: dict[str, TextCounts] = {}
        parts: list[TextCounts] = []
        block = self._text.document().firstBlock()
        while block.isValid():
            text = block.text()
            counted = cache.get(text)
            if counted is None:
                counted = count_text(to_nfc(text.replace("\ufffc", " ")))
            fresh[text] = counted
            parts.append(counted)
            block = block.next()
        self._block_counts = fresh
        return total_counts(parts, separators=max(0, len(parts) - 1))

    def actions(self) -> list[QAction]:
        """The editor's actions (for menus), in toolbar order."""
        return list(self._actions.values())

    def action(self, name: str) -> QAction:
        """One action by name: undo, redo, bold, italic, heading2, heading3, paragraph,
        bullets, numbered, quote, link, image, find, replace, source, zoom_in, zoom_out,
        zoom_reset."""
        return self._actions[name]

    def set_read_only(self, read_only: bool) -> None:
        """Reviewers may read but not type; formatting actions follow."""
        self._text.setReadOnly(read_only)
        self._source.setReadOnly(read_only)
        for name in FORMATTING_ACTIONS - {"find", "undo", "redo"}:
            self._actions[name].setEnabled(not read_only)

    # ------------------------------------------------------------------ hooks

    def attach_highlighter(self, highlighter: QSyntaxHighlighter | None) -> None:
        """Attach a ``QSyntaxHighlighter`` (e.g. spell check) to the rich document, or detach
        the current one with ``None``. Highlighter repaints never emit ``content_changed``."""
        if self._highlighter is not None:
            self._highlighter.setDocument(None)
        self._highlighter = highlighter
        if highlighter is not None:
            highlighter.setDocument(self._text.document())

    def set_context_menu_provider(self, provider: ContextMenuProvider | None) -> None:
        """``provider(word, start, end) -> list[QAction]`` for the word under the mouse."""
        self._text.set_context_menu_provider(provider)

    def set_asset_provider(self, provider: AssetProvider | None) -> None:
        """``provider() -> list[(ref, caption, credit, alt)]``: the article's images."""
        self._asset_provider = provider

    def set_asset_resolver(self, resolver: AssetResolver | None) -> None:
        """``resolver(ref) -> Path | None`` to show real pictures instead of placeholders."""
        self._text.set_asset_resolver(resolver)

    def replace_range(self, start: int, end: int, text: str) -> None:
        """Replace document positions ``[start, end)`` by ``text`` keeping the format of the
        first replaced character (one undo step). For spelling suggestions."""
        cursor = QTextCursor(self._text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCursor(cursor.document())
        fmt.setPosition(start + 1 if end > start else start)
        cursor.insertText(to_nfc(text), fmt.charFormat())

    # ------------------------------------------------------------------ commands

    def insert_image(self, ref: str, alt: str = "", caption: str = "",
                     credit: str = "") -> None:
        """Insert an image block after the cursor's block (one undo step)."""
        cursor = self._text.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        in_place = cursor.block().length() <= 1
        insert_blocks(cursor, [ImageBlock(ref, alt, caption, credit)], first_in_place=in_place)
        if not cursor.block().next().isValid():
            insert_blocks(cursor, [TextBlock(BlockKind.PARAGRAPH, ())], first_in_place=False)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.endEditBlock()
        self._text.setTextCursor(cursor)

    def apply_link(self, href: str | None) -> None:
        """Link the selection (or word at the cursor) to ``href``; empty/None unlinks, and so
        does an unsafe target (``javascript:``, ``data:``, … — see ``core.urls``)."""
        cursor = formatting.set_link(self._text.textCursor(), safe_href(href))
        self._text.setTextCursor(cursor)

    def set_block_kind(self, kind: BlockKind) -> None:
        """Make the touched blocks paragraphs, subheadings, list items or quotes."""
        formatting.set_block_kind(self._text.textCursor(), kind)
        self._update_states()

    def zoom_in(self) -> None:
        """One step larger text (view only; the document is unchanged)."""
        self._text.zoomIn(1)
        self._source.zoomIn(1)
        self._zoom += 1

    def zoom_out(self) -> None:
        """One step smaller text."""
        if self._text.font().pointSize() <= 6:
            return
        self._text.zoomOut(1)
        self._source.zoomOut(1)
        self._zoom -= 1

    def zoom_reset(self) -> None:
        """Back to the font size set by :meth:`set_editor_font`."""
        self._text.zoomOut(self._zoom)
        self._source.zoomOut(self._zoom)
        self._zoom = 0

    def zoom_level(self) -> int:
        """Zoom steps from the base size (positive = larger)."""
        return self._zoom

    def set_editor_font(self, font: QFont) -> None:
        """Base font of the text (a Devanagari family); the zoom is kept."""
        zoom = self._zoom
        self._zoom = 0
        self._text.setFont(font)
        self._text.document().setDefaultFont(font)
        source_font = QFont(font)
        self._source.setFont(source_font)
        for _ in range(abs(zoom)):
            (self.zoom_in if zoom > 0 else self.zoom_out)()

    # ------------------------------------------------------------------ source mode

    def is_source_mode(self) -> bool:
        """True while the Markdown source view is shown."""
        return self._stack.currentWidget() is self._source

    def set_source_mode(self, on: bool) -> None:
        """Show the Markdown source (``on``) or the rich view; edits carry over both ways.

        Returning to the rich view replaces the document as one undo step, and only when the
        source was changed, so undo history survives a look at the source.
        """
        if on == self.is_source_mode():
            return
        if on:
            text = document_markdown(self._text.document())
            with QSignalBlocker(self._source):
                self._source.setPlainText(text)
            self._source_snapshot = text
            self._stack.setCurrentWidget(self._source)
            self._source.setFocus()
        else:
            source = self._source.toPlainText()
            if source != self._source_snapshot:
                self._replace_document(canonical_markdown(source))
            self._stack.setCurrentWidget(self._text)
            self._text.setFocus()
        for name in FORMATTING_ACTIONS - {"undo", "redo"}:
            self._actions[name].setEnabled(not on and not self._text.isReadOnly())
        with QSignalBlocker(self._actions["source"]):
            self._actions["source"].setChecked(on)
        self.source_mode_changed.emit(on)

    def _replace_document(self, markdown: str) -> None:
        if markdown == document_markdown(self._text.document()):
            return
        cursor = QTextCursor(self._text.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        blocks = parse_markdown(markdown) or [TextBlock(BlockKind.PARAGRAPH, ())]
        insert_blocks(cursor, blocks, first_in_place=True)
        cursor.endEditBlock()

    # ------------------------------------------------------------------ internals

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "undo": self._text.undo,
            "redo": self._text.redo,
            "bold": lambda: self._char_toggle("bold"),
            "italic": lambda: self._char_toggle("italic"),
            "heading2": lambda: self._block_toggle(BlockKind.HEADING2),
            "heading3": lambda: self._block_toggle(BlockKind.HEADING3),
            "paragraph": lambda: self.set_block_kind(BlockKind.PARAGRAPH),
            "bullets": lambda: self._block_toggle(BlockKind.BULLET),
            "numbered": lambda: self._block_toggle(BlockKind.NUMBERED),
            "quote": lambda: self._block_toggle(BlockKind.QUOTE),
            "link": self._link_action,
            "image": self._image_action,
            "find": lambda: self._find.open(replace=False),
            "replace": lambda: self._find.open(replace=True),
            "source": lambda: self.set_source_mode(self._actions["source"].isChecked()),
            "zoom_in": self.zoom_in,
            "zoom_out": self.zoom_out,
            "zoom_reset": self.zoom_reset,
        }
        self._actions = build_editor_actions(self, handlers, self._toolbar,
                                             self._text.reserve_shortcuts)

    def _char_toggle(self, which: str) -> None:
        fmt = self._text.currentCharFormat()
        cursor = self._text.textCursor()
        if which == "bold":
            level = heading_level(cursor.block().blockFormat())
            typing = formatting.toggle_strong(cursor, is_strong(fmt, level))
        else:
            typing = formatting.toggle_emphasis(cursor, fmt.fontItalic())
        self._text.setTextCursor(typing)
        self._update_states()

    def _block_toggle(self, kind: BlockKind) -> None:
        current = formatting.current_block_kind(self._text.textCursor())
        self.set_block_kind(BlockKind.PARAGRAPH if current is kind else kind)

    def _link_action(self) -> None:
        fmt = self._text.currentCharFormat()
        href = self.link_prompt(fmt.anchorHref() if fmt.isAnchor() else "")
        if href is not None:
            self.apply_link(href)
        self._update_states()

    def _ask_link(self, current: str) -> str | None:
        text, ok = QInputDialog.getText(self, translate("RichEditor", "Link"), "URL:",
                                        text=current or "https://")
        return text if ok else None

    def _image_action(self) -> None:
        image = self.image_chooser()
        if image is not None and image.ref:
            self.insert_image(image.ref, image.alt, image.caption, image.credit)

    def _ask_image(self) -> ImageBlock | None:
        return choose_image(self, self._asset_provider)

    def _undo_snapshot(self) -> tuple[int, int]:
        doc = self._text.document()
        return doc.availableUndoSteps(), doc.availableRedoSteps()

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        state = self._undo_snapshot()
        user_edit = removed != added or state != self._undo_state
        self._undo_state = state
        if user_edit:
            self.content_changed.emit()
            self._count_timer.start()

    def _on_source_changed(self) -> None:
        if not self._loading:
            self.content_changed.emit()
            self._count_timer.start()

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.counts())

    def _update_states(self) -> None:
        fmt = self._text.currentCharFormat()
        cursor = self._text.textCursor()
        kind = formatting.current_block_kind(cursor)
        states = {
            "bold": is_strong(fmt, heading_level(cursor.block().blockFormat())),
            "italic": fmt.fontItalic(),
            "link": fmt.isAnchor(),
            "heading2": kind is BlockKind.HEADING2,
            "heading3": kind is BlockKind.HEADING3,
            "bullets": kind is BlockKind.BULLET,
            "numbered": kind is BlockKind.NUMBERED,
            "quote": kind is BlockKind.QUOTE,
        }
        for name, checked in states.items():
            with QSignalBlocker(self._actions[name]):
                self._actions[name].setChecked(checked)

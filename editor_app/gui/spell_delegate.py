"""Spell-checked table cells (byline names, designations, outlets).

Contract
--------
- :class:`SpellingDelegate` paints the cells of its ``columns`` with the red spelling
  underline under each misspelled word (whole words, so no cluster is split; the shared
  checker decides, under its lock; ``suggest`` is never called while painting). While
  the checker's word lists are still loading (``checker.ready`` is false) cells are
  painted plain and repainted a moment later, so painting never waits for the load.
  Other columns are painted as usual.
- Editing such a cell opens a :class:`LineTextEdit` with live underlines and the body's
  spelling context menu; Enter commits and closes it, Tab moves to the next cell, Escape
  cancels (the delegate's usual keys).
- :meth:`SpellingDelegate.show_spelling_menu` (wired by :func:`spell_check_table` to the
  table's context menu) opens the cell under the mouse for editing and shows that editor's
  spelling menu at the same place, so a right-click on a cell offers the suggestions /
  add to dictionary / ignore of the word clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

from editor_app.core.text.spell import SpellChecker
from editor_app.gui.editor.line_text_edit import LineTextEdit
from editor_app.gui.editor.spell_fields import spell_check_field
from editor_app.gui.editor.spell_highlighter import (
    checkable_words,
    checker_lock,
)
from editor_app.gui.editor.spell_menu import SpellContextMenu
from editor_app.gui.theme import colours

__all__ = ["SpellingDelegate", "spell_check_table"]

log = logging.getLogger(__name__)
AnyIndex = QModelIndex | QPersistentModelIndex
_RETRY_MS = 250


class SpellingDelegate(QStyledItemDelegate):
    """Underlines and a spell-checked editor for the cells of ``columns``."""

    def __init__(self, checker: SpellChecker, columns: Collection[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.columns = frozenset(columns)
        self.editor: LineTextEdit | None = None
        self.menu: SpellContextMenu | None = None
        self._retry_pending = False

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """UTF-16 ``[start, end)`` of the misspelled words of ``text``."""
        if not self.checker.available or not text:
            return []
        with checker_lock(self.checker):
            return [(a, b) for word, a, b in checkable_words(text)
                    if not self.checker.is_correct(word)]

    # ------------------------------------------------------------------ painting

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        checked = index.column() in self.columns and bool(text)
        if checked and not self.checker.ready:
            self._repaint_later(option.widget)
            checked = False
        spans = self.misspelled(text) if checked else []
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        document.setDocumentMargin(1)
        document.setPlainText(text)
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        underline.setUnderlineColor(QColor(colours().spell_underline))
        cursor = QTextCursor(document)
        for start, end in spans:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(underline)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0, (rect.height() - int(document.size().height())) // 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def _repaint_later(self, widget: QWidget | None) -> None:
        if self._retry_pending or widget is None:
            return
        self._retry_pending = True

        def retry() -> None:
            self._retry_pending = False
            widget.update()

        QTimer.singleShot(_RETRY_MS, widget, retry)

    # ------------------------------------------------------------------ editing

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: AnyIndex) -> QWidget:
        if index.column() not in self.columns:
            return super().createEditor(parent, option, index)
        editor = LineTextEdit(parent, fit_height=False)
        spell_check_field(editor, self.checker)
        self.menu = editor.findChild(SpellContextMenu)
        editor.returnPressed.connect(lambda e=editor: self._commit_and_close(e))
        self.editor = editor
        editor.destroyed.connect(self._forget_editor)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, LineTextEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: AnyIndex) -> None:
        if isinstance(editor, LineTextEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def _commit_and_close(self, editor: LineTextEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def _forget_editor(self) -> None:
        self.editor = None
        self.menu = None

    # ------------------------------------------------------------------ context menu

    def show_spelling_menu(self, table: QAbstractItemView, pos: QPoint) -> bool:
        """Right-click at viewport ``pos``: edit that cell and show its spelling menu.

        Returns ``False`` (and does nothing) outside a spell-checked, editable cell.
        """
        index = table.indexAt(pos)
        if not index.isValid() or index.column() not in self.columns:
            return False
        if not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        table.setCurrentIndex(index)
        table.edit(index)
        editor, menu = self.editor, self.menu
        if editor is None or menu is None:
            return False
        global_pos = table.viewport().mapToGlobal(pos)
        local = editor.viewport().mapFromGlobal(global_pos)
        editor.setTextCursor(editor.cursorForPosition(local))
        menu.show_menu(local)
        return True


def spell_check_table(table: QTableWidget, checker: SpellChecker,
                      columns: Collection[int]) -> SpellingDelegate:
    """Install a :class:`SpellingDelegate` on ``table`` for ``columns`` and its menu."""
    delegate = SpellingDelegate(checker, columns, table)
    table.setItemDelegate(delegate)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(
        lambda pos: delegate.show_spelling_menu(table, pos))
    return delegate

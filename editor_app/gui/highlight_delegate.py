"""Item delegate that paints rich text (search hits: bold, marked matches and a snippet)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor_app.gui.theme import colours

__all__ = ["HTML_ROLE", "HtmlDelegate", "marked_html"]

#: Model role carrying the HTML to paint; rows without it are painted normally.
HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 10


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped for HTML with each code-point span in ``spans`` bold and marked."""
    out: list[str] = []
    position = 0
    hit = colours().search_hit
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f"<b style='background-color:{hit}'>{html.escape(text[start:end])}</b>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


class HtmlDelegate(QStyledItemDelegate):
    """Paints the HTML in :data:`HTML_ROLE` when present."""

    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(markup)
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, markup)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     opt.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        rect = opt.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().sizeHint(option, index)
        doc = self._document(option, markup)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

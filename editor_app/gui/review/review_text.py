"""The marked-up text of the review view: insertions underlined, deletions struck through,
both in their author's colour, with tooltips and change bars in the left margin.

Contracts:
- :func:`author_colours` gives every author of an article a different colour (a fixed
  palette of clearly distinct hues first, then golden-angle hues): two people never share
  one, and an author keeps theirs while the article's suggestions come and go (colours
  follow the order in which people first suggested something).
- :class:`ReviewText` shows headline, dek and body of a
  :class:`~editor_app.core.review.tracking.TrackedView` (read-only). Each open suggestion is
  drawn as its deleted text (struck through) followed by its inserted text (underlined);
  the format ranges cover whole suggestions, which the core diff keeps on grapheme
  boundaries, so shaping of conjuncts and matras is never broken. :meth:`ReviewText.spans`
  says where each suggestion sits in the document (tests, tooltips, bars).
"""

from __future__ import annotations

import colorsys
import logging
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from editor_app.core.review.tracking_values import FIELDS, SuggestionInfo, TrackedView
from editor_app.gui.display_names import field_label
from editor_app.gui.i18n import translate
from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours as theme_colours

__all__ = ["PALETTE", "DocSpan", "ReviewText", "author_colours",
           "author_key", "describe"]

log = logging.getLogger(__name__)

#: Distinct hues that stay apart on white and for common colour blindness (Okabe-Ito based).
#: The light theme's author colours (live: ``theme.colours().authors``, darker on white
#: and lighter on the dark background so each reads as text at 4.5:1).
PALETTE = LIGHT.authors
_BAR_WIDTH = 5
_MARGIN = 10


def author_key(info: SuggestionInfo) -> Hashable:
    """Who a suggestion is by (the user id, or the name for an unattributed one)."""
    return info.author_id if info.author_id is not None else info.author_name


def author_colours(suggestions: Iterable[SuggestionInfo]) -> dict[Hashable, QColor]:
    """One distinct colour per author, in the order of their first suggestion (by id)."""
    colours: dict[Hashable, QColor] = {}
    for info in sorted(suggestions, key=lambda s: s.id):
        key = author_key(info)
        if key in colours:
            continue
        n = len(colours)
        palette = theme_colours().authors
        if n < len(palette):
            colours[key] = QColor(palette[n])
        else:  # golden-angle hues: never equal, well spread
            hue = (0.61803398875 * n) % 1.0
            r, g, b = colorsys.hsv_to_rgb(hue, 0.85, 0.7)
            colours[key] = QColor.fromRgbF(r, g, b)
    return colours


def describe(info: SuggestionInfo) -> str:
    """A one-line description for tooltips and lists: author, time, what changed."""
    when = info.updated_at.astimezone().strftime("%d-%m-%Y %H:%M")
    if not info.old_text:
        what = translate("ReviewText", "inserted") + f": «{info.new_text.strip()}»"
    elif not info.new_text:
        what = translate("ReviewText", "deleted") + f": «{info.old_text.strip()}»"
    else:
        what = (translate("ReviewText", "changed")
                + f": «{info.old_text.strip()}» → «{info.new_text.strip()}»")
    return f"{info.author_name} · {when}\n{what}"


@dataclass(frozen=True, slots=True)
class DocSpan:
    """Where one suggestion is drawn in the document: its deleted part
    ``[start, middle)`` and its inserted part ``[middle, end)``."""

    suggestion: SuggestionInfo
    start: int
    middle: int
    end: int
    colour: QColor


def _utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (QString positions)."""
    return len(text.encode("utf-16-le")) // 2


def _format(cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


class _ChangeBars(QWidget):
    """The left margin: a bar in the author's colour beside every changed line."""

    def __init__(self, text: ReviewText) -> None:
        super().__init__(text)
        self._text = text

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        for rect, colour in self._text.bar_rects():
            painter.fillRect(rect, colour)
        painter.end()


class ReviewText(QTextEdit):
    """Read-only marked-up text of a tracked article (see the module contract)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setViewportMargins(_MARGIN, 0, 0, 0)
        self.bars = _ChangeBars(self)
        self._spans: list[DocSpan] = []
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.bars.update())

    # -------------------------------------------------------------- content
    def show_view(self, view: TrackedView | None,
                  colours: dict[Hashable, QColor] | None = None) -> None:
        """Show ``view`` (``None``: empty). The text is set in one go and then formatted
        range by range (several times faster than inserting run by run on long bodies)."""
        self._spans = []
        if view is None:
            self.clear()
            self.bars.update()
            return
        colours = colours if colours is not None else author_colours(view.open + view.decided)
        parts: list[str] = []
        labels: list[tuple[int, int]] = []
        marks: list[tuple[SuggestionInfo, int, int, int, QColor]] = []
        pos = 0  # in UTF-16 code units: what QTextDocument positions count

        def add(text: str) -> int:
            nonlocal pos
            parts.append(text)
            pos += _utf16_len(text)
            return pos

        for index, name in enumerate(FIELDS):
            if index:
                add("\n")
            label_start = pos
            labels.append((label_start, add(field_label(name))))
            add("\n")
            text = view.current[name].rstrip("\n")
            done = 0
            for info in sorted((s for s in view.open if s.field == name),
                               key=lambda s: s.start or 0):
                begin = max(done, min(info.start or 0, len(text)))
                stop = max(begin, min(info.end or 0, len(text)))
                add(text[done:begin])
                doc_start = pos
                middle = add(info.old_text)
                doc_end = add(text[begin:stop])
                colour = colours.get(author_key(info), QColor(theme_colours().authors[0]))
                marks.append((info, doc_start, middle, doc_end, colour))
                done = stop
            add(text[done:])
        # QTextEdit.setPlainText would type the text in the current char format (a label's
        # bold after the previous view): reset, then set the document's text directly
        self.clear()
        self.setCurrentCharFormat(QTextCharFormat())
        self.document().setPlainText("".join(parts))
        cursor = QTextCursor(self.document())
        label = QTextCharFormat()
        label.setForeground(QColor(theme_colours().muted_text))
        label.setFontWeight(QFont.Weight.Bold)
        for a, b in labels:
            _format(cursor, a, b, label)
        for info, doc_start, middle, doc_end, colour in marks:
            tip = describe(info)
            if middle > doc_start:
                gone = QTextCharFormat()
                gone.setFontStrikeOut(True)
                gone.setForeground(colour)
                gone.setToolTip(tip)
                _format(cursor, doc_start, middle, gone)
            if doc_end > middle:
                added = QTextCharFormat()
                added.setFontUnderline(True)
                added.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                added.setUnderlineColor(colour)
                added.setForeground(colour)
                added.setToolTip(tip)
                _format(cursor, middle, doc_end, added)
            self._spans.append(DocSpan(info, doc_start, middle, doc_end, colour))
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.bars.update()

    def spans(self) -> list[DocSpan]:
        """Where each open suggestion is drawn (document positions)."""
        return list(self._spans)

    def span_at(self, position: int) -> DocSpan | None:
        """The suggestion drawn at document ``position``, if any."""
        for span in self._spans:
            if span.start <= position < span.end:
                return span
        return None

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for a viewport point: author, time and change of the suggestion
        under it ("" elsewhere)."""
        span = self.span_at(self.cursorForPosition(point).position())
        return describe(span.suggestion) if span is not None else ""

    # -------------------------------------------------------------- margin
    def bar_rects(self) -> list[tuple[QRect, QColor]]:
        """Margin rectangles (in bar-widget coordinates) for every changed line."""
        out: list[tuple[QRect, QColor]] = []
        doc = self.document()
        layout = doc.documentLayout()
        offset = self.verticalScrollBar().value() - self.viewport().y() + self.frameWidth()
        for span in self._spans:
            top = self._line_y(doc, layout, span.start, top=True)
            bottom = self._line_y(doc, layout, max(span.start, span.end - 1), top=False)
            if top is None or bottom is None:
                continue
            out.append((QRect(2, int(top - offset), _BAR_WIDTH,
                              max(4, int(bottom - top))), span.colour))
        return out

    @staticmethod
    def _line_y(doc: QTextDocument, layout: QAbstractTextDocumentLayout, position: int, *,
                top: bool) -> float | None:
        block = doc.findBlock(position)
        if not block.isValid():
            return None
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        line = text_layout.lineForTextPosition(position - block.position())
        if not line.isValid():
            return rect.top() if top else rect.bottom()
        y = rect.top() + line.y()
        return y if top else y + line.height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.bars.setGeometry(QRect(rect.left(), rect.top(), _MARGIN, rect.height()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self.viewport().mapFrom(self, event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.bars.update()

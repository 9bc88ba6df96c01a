"""Tags drawn as chips: each tag a rounded box with its own ``×``, so "नगर निगम" reads as one
tag and not as two words.

:class:`ChipDelegate` paints the items of a ``QListWidget`` in icon/flow mode. A click on a
chip's ``×`` emits ``remove_requested(row)``; the keyboard keeps working as before (select
a chip with the arrows, Delete removes it, in :mod:`editor_app.gui.tag_editor`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours

__all__ = ["CHIP_BACKGROUND", "CHIP_PADDING_Y", "CHIP_SELECTED", "ChipDelegate"]

#: The light theme's chip colours (painting uses the live ``theme.colours()``).
CHIP_BACKGROUND = QColor(LIGHT.tag_chip)
CHIP_SELECTED = QColor(LIGHT.tag_chip_selected)
CHIP_PADDING_Y = 3
_PAD_X, _PAD_Y, _GAP, _RADIUS = 8, CHIP_PADDING_Y, 4, 9
_CLOSE = "×"
ModelIndex = QModelIndex | QPersistentModelIndex


class ChipDelegate(QStyledItemDelegate):
    """Paints one tag as a chip with a remove mark (see the module docstring)."""

    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _text(self, index: ModelIndex) -> str:
        value = index.data(Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        width = (metrics.horizontalAdvance(self._text(index)) + _GAP
                 + metrics.horizontalAdvance(_CLOSE) + 2 * _PAD_X)
        return QSize(width + 2, metrics.height() + 2 * _PAD_Y + 2)

    def chip_rect(self, rect: QRect) -> QRectF:
        """The chip's box inside an item rectangle."""
        return QRectF(rect).adjusted(1, 1, -1, -1)

    def close_rect(self, option: QStyleOptionViewItem, rect: QRect) -> QRect:
        """Where the ``×`` of the chip in ``rect`` is drawn (and clicked)."""
        close_width = option.fontMetrics.horizontalAdvance(_CLOSE) + _PAD_X
        return QRect(rect.right() - close_width, rect.top(), close_width, rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: ModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        box = self.chip_rect(option.rect)
        theme = colours()
        painter.setPen(QPen(QColor(theme.tag_chip_border), 1))
        painter.setBrush(QColor(theme.tag_chip_selected if selected else theme.tag_chip))
        painter.drawRoundedRect(box, _RADIUS, _RADIUS)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 1,
                                Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), _RADIUS - 2, _RADIUS - 2)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        close = self.close_rect(option, option.rect)
        text_rect = QRect(option.rect.left() + _PAD_X, option.rect.top(),
                          close.left() - option.rect.left() - _PAD_X, option.rect.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self._text(index))
        painter.setPen(QColor(theme.tag_close))
        painter.drawText(close, Qt.AlignmentFlag.AlignCenter, _CLOSE)
        painter.restore()

    def editorEvent(self, event: QEvent, model: object,  # noqa: N802
                    option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and self.close_rect(option, option.rect).contains(event.position().toPoint())):
            self.remove_requested.emit(index.row())
            return True
        return False

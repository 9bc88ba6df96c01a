"""The list of comment threads: one row per thread, its whole text word-wrapped.

Qt's item views size a word-wrapped row for the unwrapped text (long comments are cut off
with "…"), so each row shows a :class:`QLabel` whose height follows the list's width
(:meth:`ThreadList.viewportEvent`). Labels are transparent for the mouse: clicks select the
row as in any list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from editor_app.core.review.comments import CommentInfo, CommentThread
from editor_app.gui.display_names import field_name
from editor_app.gui.i18n import translate
from editor_app.gui.palette import AppColours
from editor_app.gui.theme import colours, follow_theme

__all__ = ["ThreadList", "orphaned_mark", "thread_html", "thread_text"]

_ID_ROLE = int(Qt.ItemDataRole.UserRole)
_QUOTE_SHOWN = 80


def orphaned_mark() -> str:
    """Shown beside a comment whose quoted text was deleted."""
    return "(" + translate("CommentThreads", "text deleted") + ")"


def _when(comment: CommentInfo) -> str:
    return comment.created_at.astimezone().strftime("%d.%m.%Y %H:%M")


def short(text: str, limit: int = _QUOTE_SHOWN) -> str:
    """``text`` cut to ``limit`` characters with "…"."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _where(thread: CommentThread) -> str:
    first = thread.comment
    if not first.quote:
        return translate("CommentThreads", "on the whole story")
    where = f"{field_name(first.field)}: «{short(first.quote)}»"
    return f"{where} {orphaned_mark()}" if thread.orphaned else where


def _state(thread: CommentThread) -> str:
    if thread.state == "resolved":
        return "✓ " + translate("CommentThreads", "resolved")
    return "● " + translate("CommentThreads", "open")


def thread_text(thread: CommentThread) -> str:
    """The thread as plain lines (tests, accessibility, tooltips)."""
    first = thread.comment
    lines = [f"{first.author_name} · {_when(first)} · {_state(thread)}", _where(thread),
             first.text]
    lines += [f"↳ {r.author_name} · {_when(r)}: {r.text}" for r in thread.replies]
    return "\n".join(lines)


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def thread_html(thread: CommentThread) -> str:
    """The thread as the row's rich text."""
    first = thread.comment
    resolved = thread.state == "resolved"
    theme = colours()
    muted = theme.muted_text
    colour = muted if resolved else theme.text
    where_colour = theme.error_text if thread.orphaned else theme.anchor_text
    parts = [
        f'<div style="color:{colour}"><b>{html.escape(first.author_name)}</b>'
        f' <span style="color:{muted}">· {_when(first)} · {_state(thread)}</span></div>',
        f'<div style="color:{where_colour}">{html.escape(_where(thread))}</div>',
        f'<div style="color:{colour}">{_para(first.text)}</div>',
    ]
    for reply in thread.replies:
        parts.append(
            f'<div style="margin-left:14px; color:{colour}">↳ <b>'
            f'{html.escape(reply.author_name)}</b> <span style="color:{muted}">· '
            f'{_when(reply)}</span><br>{_para(reply.text)}</div>')
    return "".join(parts)


class ThreadList(QListWidget):
    """Threads with their whole text (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self._width = -1
        # a light selection: the rows' own colours (grey times, red orphan mark) stay
        # legible (a palette, not a style sheet: a style sheet stops font propagation)
        self._threads: list[CommentThread] = []
        follow_theme(self, self._recolour)

    def _recolour(self, theme: AppColours) -> None:
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.comment_selected))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.text))
        self.setPalette(palette)
        if self._threads:  # the rows' HTML carries the theme's colours
            self.set_threads(self._threads, self.current_thread_id())

    def set_threads(self, threads: list[CommentThread], current: int | None) -> None:
        """Show ``threads``; keep thread ``current`` selected when it is among them."""
        self.clear()
        self._threads = list(threads)
        for thread in threads:
            item = QListWidgetItem()
            item.setData(_ID_ROLE, thread.id)
            item.setToolTip(thread_text(thread))
            label = QLabel(thread_html(thread))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAccessibleName(thread_text(thread))
            self.addItem(item)
            self.setItemWidget(item, label)
            if thread.id == current:
                self.setCurrentItem(item)
        self._fit()

    def thread_id(self, item: QListWidgetItem | None) -> int | None:
        """The thread shown by ``item``."""
        if item is None:
            return None
        value = item.data(_ID_ROLE)
        return int(value) if value is not None else None

    def current_thread_id(self) -> int | None:
        """The selected thread."""
        return self.thread_id(self.currentItem())

    def row_of(self, thread_id: int) -> int:
        """The row showing ``thread_id`` (-1 when it is not shown)."""
        for row in range(self.count()):
            if self.thread_id(self.item(row)) == thread_id:
                return row
        return -1

    def label(self, row: int) -> QLabel:
        """The label of ``row``."""
        widget = self.itemWidget(self.item(row))
        assert isinstance(widget, QLabel)
        return widget

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Rows follow the viewport's width (also when a scroll bar comes or goes)."""
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._width:
            self._fit()
        return handled

    def _fit(self) -> None:
        self._width = self.viewport().width()
        width = max(120, self._width - 2 * self.spacing())
        for row in range(self.count()):
            label = self.itemWidget(self.item(row))
            if isinstance(label, QLabel):  # not yet while a row is being added
                self.item(row).setSizeHint(QSize(width, label.heightForWidth(width)))

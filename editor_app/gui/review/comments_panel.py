"""Comments side tab: threads on the open article, added on the editor's selection.

Contract of :class:`CommentsPanel`:
- It lists the article's threads (author, time, field, quote, text, replies; resolved ones
  only with "show resolved"; orphaned ones marked :func:`orphaned_mark`) and highlights the
  commented ranges of open threads in the body, headline and dek as extra selections (a
  background colour that never enters the document or its Markdown, and follows typing).
- :meth:`CommentsPanel.start_comment` (Ctrl+Alt+M, or "Add comment" in the context menu of
  the body, headline or dek) takes the selection of a field as the anchor; the comment is
  written in the panel's box and stored by "Add comment" (without an anchor it is about
  the whole article). The article is saved first, and the selection is mapped from what
  the editor shows onto the stored text in core (``CommentService.add_on_view``).
- Clicking a thread selects its range in its field (mapped onto the text shown now);
  activating it (Enter, double-click) also moves the focus there.
- Every database call runs on the window's :class:`~editor_app.gui.tasks.TaskRunner`
  (writes on its writer thread); the list reloads after each save of the article, since a
  save re-anchors the comments. Failures are shown in the panel's status line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.db import Database
from editor_app.core.profiles import Actor
from editor_app.core.review.anchors import map_range
from editor_app.core.review.comments import CommentInfo, CommentService, CommentThread
from editor_app.core.review.diff import Hunk, diff_text
from editor_app.gui.display_names import field_name
from editor_app.gui.editor.menu_extensions import add_menu_extension
from editor_app.gui.editor.selection_layers import set_layer
from editor_app.gui.editor.utf16 import Utf16Map
from editor_app.gui.i18n import translate
from editor_app.gui.layout_state import SIDE_INDEX, scrollable
from editor_app.gui.locale_format import format_count
from editor_app.gui.review.comment_threads import (
    ThreadList,
    orphaned_mark,
    short,
    thread_text,
)
from editor_app.gui.tasks import TaskRunner
from editor_app.gui.theme import colours, follow_theme

if TYPE_CHECKING:
    from editor_app.core.article_data import ArticleRecord
    from editor_app.gui.main_window import MainWindow

__all__ = ["COMMENT_SHORTCUT", "CommentsPanel", "PendingAnchor", "add_label", "install_comments",
           "orphaned_mark", "thread_text", "title"]

log = logging.getLogger(__name__)



def title() -> str:
    """The side tab's title (the open count follows it)."""
    return translate("CommentsPanel", "Comments")


def add_label() -> str:
    """The button and menu entry that start a comment on the selection."""
    return translate("CommentsPanel", "Add comment")

COMMENT_SHORTCUT = "Ctrl+Alt+M"
LAYER = "comments"

TextWidget = QTextEdit | QPlainTextEdit


@dataclass(frozen=True, slots=True)
class PendingAnchor:
    """A selection waiting for its comment: ``view`` is the field's text when it was
    taken, ``start``/``end`` code points into it."""

    field: str
    view: str
    start: int
    end: int

    @property
    def quote(self) -> str:
        """The selected text."""
        return self.view[self.start:self.end]


class CommentsPanel(QWidget):
    """Threads of one article, with add / reply / resolve (see the module contract)."""

    count_changed = Signal(int)  # open threads
    wants_focus = Signal()  # show me: a comment was started from the editor
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, db: Database, actor: Callable[[], Actor],
                 targets: Mapping[str, TextWidget],
                 save_first: Callable[[Callable[[], None]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._db, self._actor = tasks, db, actor
        self._targets = dict(targets)
        self._save_first = save_first
        self._article_id: int | None = None
        self._editable = False
        self._threads: list[CommentThread] = []
        self._texts: dict[str, str] = {}
        #: field -> (stored text, text shown, their diff): one diff per field and change
        self._view_diffs: dict[str, tuple[str, str, list[Hunk]]] = {}
        self._rows: list[tuple[int, str]] | None = None
        self.pending: PendingAnchor | None = None
        #: The window's Ctrl+Alt+M action (set by :func:`install_comments`).
        self.comment_action: QAction | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_resolved = QCheckBox(translate("CommentsPanel", "Show resolved"))
        self.show_resolved.toggled.connect(self._fill)
        self.list = ThreadList()
        self.list.setAccessibleName(translate("CommentsPanel", "Comment threads"))
        self.list.itemClicked.connect(lambda item: self._go_to(item, focus=False))
        self.list.itemActivated.connect(lambda item: self._go_to(item, focus=True))
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.cancel_button = QPushButton(translate("CommentsPanel", "Cancel"))
        self.cancel_button.clicked.connect(self.clear_pending)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(translate("CommentsPanel",
                                                "Write a comment; Ctrl+Enter adds it"))
        self.input.setMaximumHeight(90)
        self.input.textChanged.connect(self._update_buttons)
        submit = QShortcut(QKeySequence("Ctrl+Return"), self.input)
        submit.setContext(Qt.ShortcutContext.WidgetShortcut)
        submit.activated.connect(self._submit_default)
        self.add_button = QPushButton(add_label())
        self.add_button.clicked.connect(self.add_comment)
        self.reply_button = QPushButton(translate("CommentsPanel", "Reply"))
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button = QPushButton(translate("CommentsPanel", "Resolve"))
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.status = QLabel()
        self.status.setWordWrap(True)
        pending_row = QHBoxLayout()
        pending_row.addWidget(self.pending_label, 1)
        pending_row.addWidget(self.cancel_button)
        thread_buttons = QHBoxLayout()
        thread_buttons.addWidget(self.reply_button)
        thread_buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)  # narrow-friendly: the side panel may be ~300 px wide
        layout.addWidget(self.summary)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.list, 1)
        layout.addLayout(pending_row)
        layout.addWidget(self.input)
        layout.addWidget(self.add_button)
        layout.addLayout(thread_buttons)
        layout.addWidget(self.status)
        self.clear_pending()
        self._fill()
        follow_theme(self, lambda _theme: self._highlight())  # the marks' colour, live

    # ------------------------------------------------------------ article
    def show_article(self, record: ArticleRecord | None) -> None:
        """Show the comments of ``record`` (none for ``None``); editable unless trashed
        or the database is read-only."""
        article_id = record.id if record is not None else None
        self._editable = record is not None and not record.trashed and not self._db.read_only
        if article_id != self._article_id:
            self._article_id = article_id
            self._threads, self._texts = [], {}
            self.clear_pending()
            self.status.clear()
            self._fill()
        self.refresh()

    def refresh(self) -> None:
        """Reload the threads in the background (newest request wins)."""
        article_id = self._article_id
        if article_id is None:
            self._fill()
            return
        service = CommentService(self._db, self._actor())

        def load() -> tuple[list[CommentThread], dict[str, str]]:
            # only the fields that have threads: no copy of a long body is made (and kept
            # by the panel) after every save of an article nobody commented on
            threads = service.list(article_id)
            fields = {thread.comment.field for thread in threads}
            return threads, service.field_texts(article_id, fields) if fields else {}

        def done(result: tuple[list[CommentThread], dict[str, str]]) -> None:
            if article_id != self._article_id:
                return
            self._threads, self._texts = result
            self._fill()
            self.loaded.emit()

        self._tasks.run(load, done=done, failed=self._failed, key="comments",
                        kind="comments")

    @property
    def threads(self) -> list[CommentThread]:
        """The threads last loaded (resolved ones included)."""
        return list(self._threads)

    # ------------------------------------------------------------ starting a comment
    def start_comment(self, field: str | None = None) -> bool:
        """Take the selection of ``field`` (default: the focused field, else the body,
        headline or dek that has a selection) as the anchor of the next comment and show
        the panel; False (with a hint) without a selection."""
        if field is None:  # the focused field, else one with a selection (focus moved on)
            field = next((name for name, widget in self._targets.items()
                          if widget.hasFocus()), None) or next(
                (name for name, widget in self._targets.items()
                 if widget.textCursor().hasSelection()), None)
        widget = self._targets.get(field) if field else None
        if widget is None or self._article_id is None or not self._editable:
            self.status.setText(translate("CommentsPanel",
                                          "select text in the headline, dek or body first"))
            return False
        cursor = widget.textCursor()
        view = widget.toPlainText()
        mapping = Utf16Map(view)
        start = mapping.to_code_point(cursor.selectionStart())
        end = mapping.to_code_point(cursor.selectionEnd())
        if not view[start:end].strip():
            self.status.setText(translate("CommentsPanel", "select some text first"))
            return False
        assert field is not None
        self.pending = PendingAnchor(field, view, start, end)
        self.pending_label.setText(translate("CommentsPanel", "comment on {field}: {quote}").format(
            field=field_name(field), quote=f"«{short(self.pending.quote)}»"))
        self.pending_label.show()
        self.cancel_button.show()
        self.status.clear()
        self.wants_focus.emit()
        self.input.setFocus()
        self._update_buttons()
        return True

    def clear_pending(self) -> None:
        """Forget the selection taken for the next comment."""
        self.pending = None
        self.pending_label.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def menu_extension(self, field: str) -> Callable[[QMenu], None]:
        """The context-menu entry "Add comment" of ``field``'s widget."""
        def extend(menu: QMenu) -> None:
            action = QAction(add_label(), menu)
            action.setShortcut(QKeySequence(COMMENT_SHORTCUT))
            widget = self._targets[field]
            action.setEnabled(self._editable and widget.textCursor().hasSelection())
            action.triggered.connect(lambda: self.start_comment(field))
            menu.addAction(action)

        return extend

    # ------------------------------------------------------------ writing
    def add_comment(self) -> None:
        """Store the box's text as a comment on the pending anchor (or the article)."""
        text = self.input.toPlainText().strip()
        article_id = self._article_id
        if not text or article_id is None or not self._editable:
            return
        pending = self.pending
        service = CommentService(self._db, self._actor())

        def work() -> CommentInfo:
            if pending is None:
                return service.add_general(article_id, text)
            return service.add_on_view(article_id, pending.field, pending.view,
                                       pending.start, pending.end, text)

        def done(_comment: CommentInfo) -> None:
            self.input.clear()
            self.clear_pending()
            self.status.setText(translate("CommentsPanel", "comment added"))
            self.refresh()

        self._save_first(lambda: self._write(work, done))

    def reply(self) -> None:
        """Store the box's text as a reply in the selected thread."""
        thread = self.selected_thread()
        text = self.input.toPlainText().strip()
        if thread is None or not text or not self._editable:
            return
        service = CommentService(self._db, self._actor())

        def done(_comment: CommentInfo) -> None:
            self.input.clear()
            self.status.setText(translate("CommentsPanel", "reply added"))
            self.refresh()

        self._write(lambda: service.reply(thread.id, text), done)

    def toggle_resolved(self) -> None:
        """Resolve the selected thread, or reopen it when it is resolved."""
        thread = self.selected_thread()
        if thread is None or not self._editable:
            return
        service = CommentService(self._db, self._actor())
        resolve = thread.state == "open"
        self._write(lambda: service.resolve(thread.id) if resolve else service.reopen(thread.id),
                    lambda _c: self.refresh())

    def _submit_default(self) -> None:
        if self.pending is None and self.selected_thread() is not None:
            self.reply()
        else:
            self.add_comment()

    def _write(self, work: Callable[[], CommentInfo],
               done: Callable[[CommentInfo], None]) -> None:
        self._tasks.run(work, done=done, failed=self._failed, write=True, kind="comment")

    def _failed(self, error: BaseException) -> None:
        log.info("comments: %s", error)
        self.status.setText(translate("CommentsPanel", "could not do it") + f": {error}")

    # ------------------------------------------------------------ showing
    def selected_thread(self) -> CommentThread | None:
        """The thread of the current item (a reply's item counts for its thread)."""
        thread_id = self.list.current_thread_id()
        return next((t for t in self._threads if t.id == thread_id), None)

    def _fill(self) -> None:
        current = self.selected_thread()
        shown = [t for t in self._threads
                 if self.show_resolved.isChecked() or t.state == "open"]
        rows = [(t.id, thread_text(t)) for t in shown]
        if rows != self._rows:  # a save that moved no text leaves the list alone
            self._rows = rows
            scrolled = self.list.verticalScrollBar().value()
            self.list.set_threads(shown, current.id if current is not None else None)
            self.list.verticalScrollBar().setValue(scrolled)
        open_count = sum(1 for t in self._threads if t.state == "open")
        resolved = len(self._threads) - open_count
        if self._article_id is None:
            self.summary.setText(translate("CommentsPanel", "no article open"))
        else:
            summary = translate("CommentsPanel", "{open} open, {resolved} resolved")
            self.summary.setText(summary.format(open=format_count(open_count),
                                                resolved=format_count(resolved)))
        self.count_changed.emit(open_count)
        self._highlight()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = bool(self.input.toPlainText().strip())
        thread = self.selected_thread()
        self.input.setEnabled(self._editable)
        self.add_button.setEnabled(self._editable and has_text)
        self.reply_button.setEnabled(self._editable and has_text and thread is not None)
        self.resolve_button.setEnabled(self._editable and thread is not None)
        reopen = thread is not None and thread.state == "resolved"
        self.resolve_button.setText(translate("CommentsPanel", "Reopen") if reopen
                                    else translate("CommentsPanel", "Resolve"))

    def shown_range(self, thread: CommentThread,
                    views: dict[str, tuple[str, Utf16Map]] | None = None,
                    ) -> tuple[int, int] | None:
        """Where the thread's text is in its field's widget now (UTF-16 positions), or
        ``None`` for an orphaned or whole-article comment. ``views`` caches each field's
        shown text and offset map over one pass (a long body is read once, not per
        thread)."""
        first = thread.comment
        widget = self._targets.get(first.field)
        stored = self._texts.get(first.field)
        if widget is None or stored is None or thread.orphaned or not first.quote:
            return None
        cache = {} if views is None else views
        if first.field not in cache:
            text = widget.toPlainText()
            cache[first.field] = (text, Utf16Map(text))
        view, mapping = cache[first.field]
        start, end = map_range(stored, view, first.anchor.start, first.anchor.end,
                               self._diff(first.field, stored, view))
        if start >= end:
            return None
        return mapping.to_utf16(start), mapping.to_utf16(end)

    def _diff(self, field: str, stored: str, view: str) -> list[Hunk]:
        cached = self._view_diffs.get(field)
        if cached is None or cached[:2] != (stored, view):
            cached = (stored, view, diff_text(stored, view) if stored != view else [])
            self._view_diffs[field] = cached
        return cached[2]

    def _highlight(self) -> None:
        selections: dict[str, list[QTextEdit.ExtraSelection]] = {f: [] for f in self._targets}
        views: dict[str, tuple[str, Utf16Map]] = {}
        for thread in self._threads:
            if thread.state != "open":
                continue
            shown = self.shown_range(thread, views)
            if shown is None:
                continue
            widget = self._targets[thread.comment.field]
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(widget.document())
            cursor.setPosition(shown[0])
            cursor.setPosition(shown[1], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(QColor(colours().comment_mark))
            selections[thread.comment.field].append(selection)
        for field, widget in self._targets.items():
            set_layer(widget, LAYER, selections[field])

    def _go_to(self, item: QListWidgetItem, *, focus: bool) -> None:
        thread_id = self.list.thread_id(item)
        thread = next((t for t in self._threads if t.id == thread_id), None)
        if thread is None:
            return
        shown = self.shown_range(thread)
        if shown is None:
            self.status.setText(orphaned_mark() if thread.orphaned
                                else translate("CommentsPanel", "a comment on the whole story"))
            return
        widget = self._targets[thread.comment.field]
        cursor = widget.textCursor()
        cursor.setPosition(shown[0])
        cursor.setPosition(shown[1], QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def install_comments(window: MainWindow) -> CommentsPanel:
    """Add the comments tab, the Ctrl+Alt+M action and the context-menu entries to
    ``window`` (called once from ``MainWindow.__init__``)."""
    targets: dict[str, TextWidget] = {"body": window.editor.text_edit,
                                      "headline": window.metadata.headline,
                                      "dek": window.metadata.dek}
    panel = CommentsPanel(window.tasks, window.service.db, lambda: window.profile, targets,
                          lambda then: window.save_now(then=then))
    index = window.side_tabs.addTab(scrollable(panel), title())
    panel.count_changed.connect(
        lambda n: window.side_tabs.setTabText(index, f"{title()} {n}" if n else title()))

    def reveal() -> None:
        window.panels.set_panel_open(SIDE_INDEX, True)
        window.side_tabs.setCurrentIndex(index)

    panel.wants_focus.connect(reveal)
    window.article_shown.connect(panel.show_article)
    window.saved.connect(lambda _id: panel.refresh())
    action = QAction(add_label() + "…", window)
    action.setShortcut(QKeySequence(COMMENT_SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: panel.start_comment())
    window.addAction(action)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "edit_menu":
            menu.addSeparator()
            menu.addAction(action)
    for field, widget in targets.items():
        add_menu_extension(widget, panel.menu_extension(field))
    panel.comment_action = action
    return panel

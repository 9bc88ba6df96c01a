"""The window's commands on whole articles: New, Duplicate, Trash (with Undo), Restore.

Contract (:class:`ArticleCommands`, one per :class:`~editor_app.gui.main_window.MainWindow`,
wired to the File menu by :mod:`editor_app.gui.window_actions`):

- Every command first saves pending edits (``window.save_now(then=...)``), so nothing typed
  is lost by creating, duplicating or trashing; the database work runs on
  ``window.tasks`` as a write, and the list changes by one row (insert, remove, update),
  never by a reload unless a filter would hide the article the user asked for.
- Trash asks nothing: the status bar's :class:`~editor_app.gui.trash_notice.TrashNotice`
  says what happened and offers Undo (:meth:`ArticleCommands.undo_trash`).
- :meth:`ArticleCommands.clear_article` shows no article: empty, read-only fields.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.gui.i18n import translate
from editor_app.gui.list_filters import clear_hiding_filters

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["ArticleCommands"]

log = logging.getLogger(__name__)


class ArticleCommands:
    """New, Duplicate, Trash, Undo trash and Restore on ``window``'s current article."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def new_article(self) -> None:
        """Create an empty draft (in the background) and open it."""
        self.window.save_now(then=lambda: self._create_and_show(ArticleData(), "created"))

    def duplicate_article(self) -> None:
        """Copy the current article into a new draft and open it."""
        window = self.window
        if window.record is None:
            return
        source = window.record.id

        def duplicate() -> None:
            window.tasks.run(lambda: window.service.duplicate(source), done=self._show_new,
                             write=True, kind="create")

        window.save_now(then=duplicate)

    def _create_and_show(self, data: ArticleData, note: str) -> None:
        window = self.window
        window.tasks.run(lambda: window.service.create(data, note=note), done=self._show_new,
                         write=True, kind="create")

    def _show_new(self, record: ArticleRecord) -> None:
        window = self.window
        # A search or filter that would hide the new article is cleared, the list reloads.
        cleared = clear_hiding_filters(window.article_list, status=record.status,
                                       tags=record.data.tags, trashed=record.trashed)
        window.article_list.model.insert_row(record.summary())
        window.show_record(record)
        if cleared:
            window.reload_list(record.id)
        window.metadata.headline.setFocus()

    def trash_article(self) -> None:
        """Move the current article to the trash, asking nothing: the status bar then says
        what happened and offers Undo (:meth:`undo_trash`)."""
        window = self.window
        if window.record is None or window.record.trashed:
            return
        article_id, headline = window.record.id, window.record.data.headline

        def trash() -> None:
            assert window.record is not None
            version = window.record.version
            window.tasks.run(lambda: window.service.trash(article_id, version),
                             done=lambda _r: self._after_trash(article_id, headline),
                             write=True, kind="trash")

        window.save_now(then=trash)

    def _after_trash(self, article_id: int, headline: str = "") -> None:
        window = self.window
        window.article_list.model.remove_row(article_id)
        window.trash_notice.show_trashed(article_id, headline)
        self.clear_article()
        model = window.article_list.model
        if model.rowCount():
            window.article_list.select(model.summary(0).id)

    def clear_article(self) -> None:
        """Show no article: empty, read-only fields (nothing typed can be lost)."""
        window = self.window
        window.switching = True
        try:
            window.record = None
            window.saver.set_record(None)
            window.editor.set_markdown("")
            window.metadata.set_data(ArticleData())
        finally:
            window.switching = False
        window.images.set_article(None)
        window.checks.set_article(None)
        window.update_editable()
        window.update_title()
        window.article_shown.emit(None)

    def restore_article(self) -> None:
        """Bring the current article back from the trash."""
        window = self.window
        if window.record is None:
            return
        article_id, version = window.record.id, window.record.version

        def restored(record: ArticleRecord) -> None:
            if window.trash_notice.article_id() == record.id:
                window.trash_notice.clear()
            self.clear_article()
            window.article_list.show_trash.setChecked(False)  # reloads the live list
            window.reload_list(record.id)
            window.show_record(record)

        window.tasks.run(lambda: window.service.restore(article_id, version), done=restored,
                         write=True, kind="restore")

    def undo_trash(self, article_id: int) -> None:
        """Bring ``article_id`` back from the trash (the status bar's Undo) and open it."""
        window = self.window

        def restored(record: ArticleRecord) -> None:
            clear_hiding_filters(window.article_list, status=record.status,
                                 tags=record.data.tags, trashed=False)
            if not window.article_list.model.update_row(record.summary()):
                window.article_list.model.insert_row(record.summary())
            window.show_record(record)
            window.reload_list(record.id)
            window.statusBar().showMessage(translate("MainWindow", "restored from the trash"),
                                           5000)

        def start() -> None:
            # restore() returns an article that is no longer trashed as it is
            window.tasks.run(lambda: window.service.restore(article_id), done=restored,
                             write=True, kind="restore")

        window.save_now(then=start)

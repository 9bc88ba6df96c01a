"""Feeds the article list from core through the background runner.

Contract of :class:`ListController`:
- :meth:`reload` reads the first page for the list's current filters, sort order and search
  text on a reader thread (newest request wins) and hands it to the view; a search gives
  ranked hits with snippets made for that page only. The total comes from a ``COUNT`` only
  when the first page is full.
- ``more_wanted(offset)`` from the model (the user scrolled to the end) reads the next page
  the same way; a page that arrives after a reload is dropped.
- Search pages come without snippets; the model asks (``snippets_wanted``) for those of
  the rows it paints, and only those bodies are read.
- :meth:`refresh_known` reads the tag filter and autocomplete sources in the background.
- Errors from core are shown in the status bar; the list keeps what it had.
- The view's desk queue is evaluated for :attr:`ListController.viewer` (the window's acting
  user); a search while a queue is chosen finds only stories in that queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor_app.core.article_data import ArticleSummary, BylineData
from editor_app.core.article_queries import ListQuery
from editor_app.core.articles import ArticleService
from editor_app.core.errors import SampadakError
from editor_app.core.profiles import ProfileInfo
from editor_app.core.search import Highlight, SearchHit
from editor_app.gui.article_list import ArticleList
from editor_app.gui.article_table import PAGE_SIZE
from editor_app.gui.tasks import TaskRunner

__all__ = ["ListController"]

log = logging.getLogger(__name__)

Page = tuple[list[ArticleSummary], list[SearchHit], int | None]


class ListController(QObject):
    """Loads list pages and autocomplete sources for one window (see module contract)."""

    loaded = Signal()  # a first page is shown
    known_loaded = Signal(list, list)  # tag names, people (BylineData)

    def __init__(self, view: ArticleList, service: ArticleService, tasks: TaskRunner,
                 report: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view, self._service, self._tasks, self._report = view, service, tasks, report
        self._job = 0
        self._query = ""
        #: Whose queues "My queue" and "Waiting for me" are (the window's acting user).
        self.viewer: ProfileInfo | None = None
        view.model.more_wanted.connect(self.fetch_more)
        view.model.snippets_wanted.connect(self.fetch_snippets)

    def _list_query(self) -> ListQuery:
        view = self._view
        sort, descending = view.sort_order()
        return ListQuery(status=view.status(), tag=view.tag(), trashed=view.trashed(),
                         text=view.query() or None, sort=sort, descending=descending,
                         queue=view.queue(), viewer=self.viewer)

    def _searching(self) -> bool:
        return bool(self._view.query()) and not self._view.headlines_only()

    def _page_work(self, offset: int, searching: bool) -> Callable[[], Page]:
        query, service = self._list_query(), self._service
        text = self._view.query()

        def work() -> Page:
            if searching:
                found = service.search(text, limit=PAGE_SIZE, offset=offset,
                                       trashed=query.trashed, status=query.status,
                                       tag=query.tag, snippets=False,
                                       queue=query if query.queue else None)
                return [r for r, _ in found], [h for _, h in found], None
            rows = service.list_page(query, offset=offset, limit=PAGE_SIZE)
            total = None
            if offset == 0:
                total = len(rows) if len(rows) < PAGE_SIZE else service.count_articles(query)
            return rows, [], total

        return work

    def reload(self, select_id: int | None = None) -> None:
        """Show the first page for the view's filters (in the background)."""
        searching = self._searching()
        self._query = self._view.query()
        self._job = self._tasks.run(
            self._page_work(0, searching), done=lambda page: self._show(page, select_id),
            failed=self._failed, key="list", kind="search" if searching else "list")

    def _show(self, page: Page, select_id: int | None) -> None:
        rows, hits, total = page
        if total is None:  # search: another page may follow a full one
            total = len(rows) + (1 if len(rows) >= PAGE_SIZE else 0)
        self._view.set_rows(rows, select_id, hits, total=total)
        self.loaded.emit()

    def fetch_more(self, offset: int) -> None:
        """Read the page after ``offset`` rows (the view scrolled to its end)."""
        searching = self._view.model.searching()
        job = self._job

        def show(page: Page) -> None:
            if job != self._job:
                return  # the list was reloaded meanwhile
            rows, hits, _total = page
            self._view.model.append_rows(rows, hits, more=len(rows) >= PAGE_SIZE)

        self._tasks.run(self._page_work(offset, searching), done=show, failed=self._failed,
                        key="list-more", kind="search" if searching else "list")

    def fetch_snippets(self, article_ids: list[int]) -> None:
        """Make the search snippets of the rows being painted (in the background)."""
        job, query, service = self._job, self._query, self._service

        def show(found: dict[int, tuple[str, tuple[Highlight, ...]]]) -> None:
            if job == self._job:
                self._view.model.set_snippets(found)

        self._tasks.run(lambda: service.snippets(query, article_ids), done=show,
                        failed=self._failed, kind="snippets")

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SampadakError):
            raise error
        log.warning("list load failed: %s", error)
        self._report(str(error))
        self._view.model.append_rows([], more=False)

    def refresh_known(self) -> None:
        """Read tag names and people for the filters and autocomplete."""
        service = self._service

        def work() -> tuple[list[str], list[BylineData]]:
            return service.all_tags(), service.known_people()

        def show(known: tuple[list[str], list[BylineData]]) -> None:
            tags, people = known
            self._view.set_tags(tags)
            self.known_loaded.emit(tags, people)

        self._tasks.run(work, done=show, key="known", kind="list")

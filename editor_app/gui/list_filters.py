"""Make room in the article list for an article the user just made or brought back.

A new (or duplicated, or restored) article must appear in the list and be selected even when
a search or a filter is active that would hide it: :func:`clear_hiding_filters` clears the
search box and any status/tag/trash filter that the article does not pass, without emitting
the list's change signals (the window reloads the list itself right after).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker

from editor_app.gui.article_list import ArticleList

__all__ = ["clear_hiding_filters"]


def clear_hiding_filters(article_list: ArticleList, *, status: str,
                         tags: Sequence[str] = (), trashed: bool = False) -> bool:
    """Clear what would hide a live article with ``status`` and ``tags`` (a search always
    counts, since a fresh draft matches no query). True when anything was cleared."""
    cleared = False
    with QSignalBlocker(article_list.search_box):
        if article_list.search_box.text():
            article_list.search_box.clear()
            cleared = True
    if article_list.queue() is not None:  # wip-queues: a desk queue may hide it
        with QSignalBlocker(article_list.queue_filter):
            article_list.queue_filter.setCurrentIndex(0)
        cleared = True
    chosen_status = article_list.status()
    if chosen_status and chosen_status != status:
        with QSignalBlocker(article_list.status_filter):
            article_list.status_filter.setCurrentIndex(0)
        cleared = True
    chosen_tag = article_list.tag()
    if chosen_tag and chosen_tag not in tags:
        with QSignalBlocker(article_list.tag_filter):
            article_list.tag_filter.setCurrentIndex(0)
        cleared = True
    if article_list.trashed() != trashed:
        with QSignalBlocker(article_list.show_trash):
            article_list.show_trash.setChecked(trashed)
        cleared = True
    return cleared

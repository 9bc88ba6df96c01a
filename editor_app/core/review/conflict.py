"""After a save conflict: their stored version beside my unsaved text.

Contract of :func:`compare_with_stored`:
- It reads the article as stored now ("theirs": the version somebody else saved after mine
  was opened) and who wrote its newest revision and when, and compares it field by field
  with ``mine`` exactly as :meth:`ArticleService.save` would store mine (NFC, canonical
  Markdown body, slug filled in), so a difference the save would erase is never shown.
- ``changes`` run from theirs (old) to mine (new): a removed span is text only they have, an
  added span text only I have; fields that are equal are not listed.
- It only reads: nothing is written, and mine is never stored by it. It raises
  :class:`NotFoundError` when the article is gone, :class:`ValidationError` when mine could
  not be stored at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.models import Revision
from editor_app.core.review.history import FieldChange, diff_data

__all__ = ["ConflictComparison", "compare_with_stored"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConflictComparison:
    """Their stored version and my unsaved text, with the changes from theirs to mine."""

    article_id: int
    #: The version stored now (what "keep mine" saves over).
    their_version: int
    #: Author and time of the newest stored revision ("" / ``None`` if it has none).
    their_author: str
    their_saved_at: datetime | None
    theirs: ArticleData
    mine: ArticleData
    changes: tuple[FieldChange, ...]

    @property
    def identical(self) -> bool:
        """True when mine, as it would be stored, equals theirs."""
        return not self.changes


def compare_with_stored(service: ArticleService, article_id: int,
                        mine: ArticleData) -> ConflictComparison:
    """Compare ``mine`` with the article as stored now (see the module contract)."""
    stored = service.get(article_id)
    mine_stored = service.canonical(mine)
    with service.db.session() as session:
        newest = session.execute(
            select(Revision.author, Revision.created_at)
            .where(Revision.article_id == article_id)
            .order_by(Revision.id.desc()).limit(1)).first()
    author, saved_at = (newest[0], newest[1]) if newest is not None else ("", None)
    changes = diff_data(stored.data, mine_stored)
    log.info("conflict on article %d: version %d by %r differs from mine in %d field(s)",
             article_id, stored.version, author, len(changes))
    return ConflictComparison(article_id=article_id, their_version=stored.version,
                              their_author=author, their_saved_at=saved_at,
                              theirs=stored.data, mine=mine_stored, changes=changes)

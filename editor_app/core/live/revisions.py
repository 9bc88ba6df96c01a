"""Which revision a client was looking at: what live refresh's Compare diffs against.

Contract: :func:`revision_number_at` gives the number (1-based, the numbering of
:mod:`editor_app.core.review.history`) of the newest revision written at or before the
article's ``version``, and :func:`latest_revision_number` the newest one; 0 when there is
none. Both are one ``COUNT`` on the revisions of one article.
"""

from __future__ import annotations

from sqlalchemy import func, select

from editor_app.core.db import Database
from editor_app.core.models import Revision

__all__ = ["latest_revision_number", "revision_number_at"]


def revision_number_at(db: Database, article_id: int, version: int) -> int:
    """The number of the revision the article had at ``version`` (module contract)."""
    with db.session() as session:
        return int(session.scalar(
            select(func.count()).select_from(Revision).where(
                Revision.article_id == article_id, Revision.article_version <= version))
            or 0)


def latest_revision_number(db: Database, article_id: int) -> int:
    """The number of the article's newest revision (0: none)."""
    with db.session() as session:
        return int(session.scalar(
            select(func.count()).select_from(Revision).where(
                Revision.article_id == article_id)) or 0)

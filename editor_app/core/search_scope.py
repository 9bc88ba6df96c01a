"""Which articles a search may return: live/trashed, status, tag (shared by both backends).

Contract: :meth:`SearchScope.conditions` gives SQLAlchemy conditions over the given article
columns; the FTS5 backend compiles the same conditions into its ranked query, the portable
backend adds them to its scan, so both filter in the database with identical meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

__all__ = ["SearchScope"]

_tags = sa.table("tags", sa.column("id"), sa.column("name"))
_article_tags = sa.table("article_tags", sa.column("article_id"), sa.column("tag_id"))


@dataclass(frozen=True, slots=True)
class SearchScope:
    """``trashed``: False live only, True trash only, None both."""

    trashed: bool | None = False
    status: str | None = None
    tag: str | None = None
    #: Only articles whose id this SELECT returns (a desk queue, wip-queues); None: all.
    within: Any = None

    def conditions(self, article_id: sa.ColumnElement[Any], trashed: sa.ColumnElement[Any],
                   status: sa.ColumnElement[Any]) -> list[sa.ColumnElement[bool]]:
        """Conditions selecting the articles in scope."""
        found: list[sa.ColumnElement[bool]] = []
        if self.trashed is not None:
            found.append(trashed == (sa.true() if self.trashed else sa.false()))
        if self.status:
            found.append(status == self.status)
        if self.tag:
            found.append(sa.exists().where(
                _article_tags.c.article_id == article_id, _article_tags.c.tag_id == _tags.c.id,
                _tags.c.name == self.tag))
        if self.within is not None:
            found.append(article_id.in_(self.within))
        return found

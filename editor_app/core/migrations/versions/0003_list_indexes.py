"""list indexes and the denormalised byline text of the article list

Revision ID: 0003_list_indexes
Revises: 0002_search_index
Create Date: 2026-12-01 09:00:00

The article list of a 100,000-story archive is read a page at a time, sorted and filtered by
the database. This adds:

- ``articles.byline_text``: the list's byline column ("नाम, पद, संस्था; …"), kept by
  ``ArticleService`` on every save, so a list page needs no join and can sort by byline;
- composite indexes for the list's orders within the trash/live split
  (``trashed, updated_at, id`` and friends) and the status filter;
- the missing indexes on ``bylines.article_id``/``person_id``, ``article_tags.tag_id`` and
  ``assets.article_id`` (loading one article's bylines or images scanned the whole table).

Existing articles get their ``byline_text`` during the upgrade.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_list_indexes"
down_revision: str | None = "0002_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_articles_list_updated", "articles", ("trashed", "updated_at", "id")),
    ("ix_articles_list_status", "articles", ("trashed", "status", "updated_at", "id")),
    ("ix_articles_list_headline", "articles", ("trashed", "headline", "id")),
    ("ix_articles_list_byline", "articles", ("trashed", "byline_text", "id")),
    ("ix_bylines_article_id", "bylines", ("article_id", "position")),
    ("ix_bylines_person_id", "bylines", ("person_id",)),
    ("ix_article_tags_tag_id", "article_tags", ("tag_id", "article_id")),
    ("ix_assets_article_id", "assets", ("article_id", "position")),
)


def _backfill_bylines() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT b.article_id, p.name_hi, p.name_latin, b.role, b.outlet FROM bylines b "
        "JOIN people p ON p.id = b.person_id ORDER BY b.article_id, b.position, b.id"))
    texts: dict[int, list[str]] = {}
    for article_id, name_hi, name_latin, role, outlet in rows:
        parts = [name_hi or name_latin or "", role or "", outlet or ""]
        texts.setdefault(article_id, []).append(", ".join(p for p in parts if p))
    update = sa.text("UPDATE articles SET byline_text = :text WHERE id = :id")
    batch = [{"id": article_id, "text": "; ".join(parts)} for article_id, parts in texts.items()]
    for start in range(0, len(batch), 1000):
        conn.execute(update, batch[start:start + 1000])


def upgrade() -> None:
    op.add_column("articles", sa.Column("byline_text", sa.Text(), nullable=False,
                                        server_default=""))
    _backfill_bylines()
    for name, table, columns in _INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    for name, table, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    # SQLite 3.35+ drops a column in place (its indexes are gone already); recreating the
    # table in batch mode would fight the FTS triggers that reference it.
    op.drop_column("articles", "byline_text")

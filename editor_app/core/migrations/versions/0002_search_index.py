"""search index: portable search_documents table, FTS5 over it on SQLite

Revision ID: 0002_search_index
Revises: 0001_initial
Create Date: 2026-11-27 08:00:00

``search_documents`` holds the folded, pre-tokenised search keys of every article (see
``editor_app.core.search_index``) on every database. On SQLite built with FTS5 (checked with
``sqlite_compileoption_used``), ``search_fts`` is an external-content FTS5 table over it with
the ``ascii`` tokenizer (``unicode61`` splits Hindi words at every vowel sign), kept current by
three triggers. Existing articles are indexed during the upgrade.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from editor_app.core.search_index import rebuild_documents

revision: str = "0002_search_index"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

_COLUMNS = "headline, dek, body, tags, bylines"
_NEW = "new.headline, new.dek, new.body, new.tags, new.bylines"
_OLD = "old.headline, old.dek, old.body, old.tags, old.bylines"

_FTS_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    f"{_COLUMNS}, content='search_documents', content_rowid='article_id', "
    "tokenize='ascii')",
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    f"INSERT INTO search_fts(rowid, {_COLUMNS}) VALUES (new.article_id, {_NEW}); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {_COLUMNS}) "
    f"VALUES ('delete', old.article_id, {_OLD}); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {_COLUMNS}) "
    f"VALUES ('delete', old.article_id, {_OLD}); "
    f"INSERT INTO search_fts(rowid, {_COLUMNS}) VALUES (new.article_id, {_NEW}); END",
)


def _sqlite_has_fts5(bind: sa.Connection) -> bool:
    if bind.dialect.name != "sqlite":
        return False
    used = bind.execute(sa.text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")).scalar()
    return bool(used)


def upgrade() -> None:
    op.create_table(
        "search_documents",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False, server_default=""),
        sa.Column("dek", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("tags", sa.Text(), nullable=False, server_default=""),
        sa.Column("bylines", sa.Text(), nullable=False, server_default=""),
        sa.Column("format", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_search_documents_article_id_articles"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_search_documents")),
    )
    bind = op.get_bind()
    count = rebuild_documents(bind)
    if _sqlite_has_fts5(bind):
        for statement in _FTS_DDL:
            op.execute(statement)
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        log.warning("no FTS5 on this database: search will use the portable scan")
    log.info("search index created for %d existing articles", count)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("search_documents_au", "search_documents_ad", "search_documents_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_documents")

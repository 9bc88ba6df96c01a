"""field sync: what the last sync with a newsroom agreed on, per article

Revision ID: 0007_field_sync
Revises: 0006_live_refresh
Create Date: 2026-12-01 14:20:00

One new table, ``sync_state`` (see :class:`editor_app.core.models.SyncState`): on a field
laptop, one row per (newsroom, article) with the revision hash, status and version
counters both sides had after the last sync. Plain DDL, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from editor_app.core.models import UTCDateTime

revision: str = "0007_field_sync"
down_revision: str | None = "0006_live_refresh"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remote", sa.String(500), nullable=False),
        sa.Column("article_uuid", sa.String(36), nullable=False),
        sa.Column("revision_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("copy_uuid", sa.String(36), nullable=False),
        sa.Column("local_version", sa.Integer(), nullable=False),
        sa.Column("remote_version", sa.Integer(), nullable=False),
        sa.Column("synced_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
        sa.UniqueConstraint("remote", "article_uuid", name="uq_sync_state_remote_uuid"),
    )


def downgrade() -> None:
    op.drop_table("sync_state")

"""review workflow: users with logins, statuses, assignments, suggestions and comments

Revision ID: 0004_review_workflow
Revises: 0003_list_indexes
Create Date: 2026-12-01 11:30:00

- ``user_profiles`` becomes the users table: Latin name, unique login, active flag;
- revisions and audit events refer to their user (``author_id``, ``user_id``; the display
  name stays as it was written); a revision records the status it was written in;
- articles get an owner (the reporter), an assignee and deadline, an embargo time, a
  correction note, the id of the revision last exported and its "read also" links;
- new tables: ``tracking_bases`` (the accepted text under tracked changes),
  ``suggestions`` (tracked changes) and ``comments`` (anchored, threaded).

Existing data is carried over: the status names of earlier builds are mapped to the
workflow's (in_review → in_copy_edit, changes_requested → returned, published → exported);
revisions, audit events and article owners are linked to the user whose name they carry
(the local profile owns articles whose first author is unknown).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from editor_app.core.models import UTCDateTime

revision: str = "0004_review_workflow"
down_revision: str | None = "0003_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_STATUSES = {"in_review": "in_copy_edit", "changes_requested": "returned",
                 "published": "exported"}


def upgrade() -> None:
    op.add_column("user_profiles", sa.Column("name_latin", sa.String(200), nullable=False,
                                             server_default=""))
    op.add_column("user_profiles", sa.Column("login", sa.String(100), nullable=True))
    op.add_column("user_profiles", sa.Column("active", sa.Boolean(), nullable=False,
                                             server_default=sa.true()))
    op.create_index("uq_user_profiles_login", "user_profiles", ["login"], unique=True)

    # user ids added to existing tables carry no foreign key (see Article.owner_id)
    op.add_column("revisions", sa.Column("author_id", sa.Integer(), nullable=True))
    op.add_column("audit_events", sa.Column("user_id", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("assignee_id", sa.Integer(), nullable=True))
    op.add_column("revisions", sa.Column("status", sa.String(32), nullable=False,
                                         server_default=""))
    op.add_column("articles", sa.Column("deadline", UTCDateTime(), nullable=True))
    op.add_column("articles", sa.Column("embargo_until", UTCDateTime(), nullable=True))
    op.add_column("articles", sa.Column("correction_note", sa.Text(), nullable=False,
                                        server_default=""))
    op.add_column("articles", sa.Column("corrected_at", UTCDateTime(), nullable=True))
    op.add_column("articles", sa.Column("published_revision_id", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("related_json", sa.Text(), nullable=False,
                                        server_default="[]"))
    op.create_index("ix_articles_queue_assignee", "articles",
                    ["trashed", "assignee_id", "deadline"])
    op.create_index("ix_articles_queue_owner", "articles", ["trashed", "owner_id", "status"])
    op.create_index("ix_articles_queue_deadline", "articles", ["trashed", "deadline"])

    op.create_table(
        "tracking_bases",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("dek", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_tracking_bases_article_id_articles")),
        sa.ForeignKeyConstraint(["started_by_id"], ["user_profiles.id"], ondelete="SET NULL",
                                name=op.f("fk_tracking_bases_started_by_id_user_profiles")),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_tracking_bases")),
    )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("base_start", sa.Integer(), nullable=False),
        sa.Column("base_end", sa.Integer(), nullable=False),
        sa.Column("old_text", sa.Text(), nullable=False),
        sa.Column("new_text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_name", sa.String(200), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_suggestions_article_id_articles")),
        sa.ForeignKeyConstraint(["author_id"], ["user_profiles.id"], ondelete="SET NULL",
                                name=op.f("fk_suggestions_author_id_user_profiles")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user_profiles.id"], ondelete="SET NULL",
                                name=op.f("fk_suggestions_decided_by_id_user_profiles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
    )
    op.create_index("ix_suggestions_article_state", "suggestions", ["article_id", "state"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("anchor_start", sa.Integer(), nullable=False),
        sa.Column("anchor_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("context_before", sa.Text(), nullable=False),
        sa.Column("context_after", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("orphaned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_comments_article_id_articles")),
        sa.ForeignKeyConstraint(["parent_id"], ["comments.id"], ondelete="CASCADE",
                                name=op.f("fk_comments_parent_id_comments")),
        sa.ForeignKeyConstraint(["author_id"], ["user_profiles.id"], ondelete="SET NULL",
                                name=op.f("fk_comments_author_id_user_profiles")),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["user_profiles.id"], ondelete="SET NULL",
                                name=op.f("fk_comments_resolved_by_id_user_profiles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index("ix_comments_article_id", "comments", ["article_id", "id"])
    _carry_over()


def _carry_over() -> None:
    conn = op.get_bind()
    for old, new in _OLD_STATUSES.items():
        conn.execute(sa.text("UPDATE articles SET status = :new WHERE status = :old"),
                     {"old": old, "new": new})
    users = conn.execute(sa.text("SELECT id, name FROM user_profiles ORDER BY id")).all()
    by_name = {name: user_id for user_id, name in reversed(users)}  # first id wins
    for name, user_id in by_name.items():
        conn.execute(sa.text("UPDATE revisions SET author_id = :id WHERE author = :name"),
                     {"id": user_id, "name": name})
        conn.execute(sa.text('UPDATE audit_events SET user_id = :id WHERE "user" = :name'),
                     {"id": user_id, "name": name})
    conn.execute(sa.text(
        "UPDATE articles SET owner_id = (SELECT r.author_id FROM revisions r "
        "WHERE r.article_id = articles.id ORDER BY r.id LIMIT 1)"))
    if users:
        conn.execute(sa.text("UPDATE articles SET owner_id = :id WHERE owner_id IS NULL"),
                     {"id": users[0][0]})


def downgrade() -> None:
    op.drop_index("ix_comments_article_id", table_name="comments")
    op.drop_table("comments")
    op.drop_index("ix_suggestions_article_state", table_name="suggestions")
    op.drop_table("suggestions")
    op.drop_table("tracking_bases")
    for name in ("ix_articles_queue_deadline", "ix_articles_queue_owner",
                 "ix_articles_queue_assignee"):
        op.drop_index(name, table_name="articles")
    op.drop_column("audit_events", "user_id")
    op.drop_column("revisions", "author_id")
    op.drop_column("revisions", "status")
    for column in ("related_json", "published_revision_id", "corrected_at", "correction_note",
                   "embargo_until", "deadline", "assignee_id", "owner_id"):
        op.drop_column("articles", column)
    op.drop_index("uq_user_profiles_login", table_name="user_profiles")
    for column in ("active", "login", "name_latin"):
        op.drop_column("user_profiles", column)

"""live refresh: PostgreSQL notifies a channel when an article changes

Revision ID: 0006_live_refresh
Revises: 0005_pg_search
Create Date: 2026-12-01 14:10:00

On PostgreSQL a deferred constraint trigger on ``articles`` calls ``pg_notify`` on the
channel ``sampadak_articles`` (:data:`editor_app.core.live.events.ARTICLE_CHANNEL`) when
the transaction that inserted, updated or deleted an article commits. The payload is a
small JSON object (see :func:`editor_app.core.live.events.parse_article_event`):
``article_id``, ``version``, ``status``, ``trashed``, ``kind`` (``insert``, ``update``,
``transition`` when the status changed, ``trash``/``restore``, ``delete``), ``user_id``
(the acting user, from the transaction setting ``sampadak.actor_id`` that
:mod:`editor_app.core.live.actor_tag` sets when a revision or audit event is written;
``null`` when unknown) and ``at`` (seconds since the epoch, server clock).

Being deferred, the trigger fires at commit: a rolled-back save notifies nobody, and the
acting user set anywhere in the transaction is seen.

SQLite: nothing is created. A SQLite file has one user at a time, so there is nobody to
notify (and SQLite has no LISTEN/NOTIFY).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006_live_refresh"
down_revision: str | None = "0005_pg_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION sampadak_notify_article() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    actor integer := NULLIF(current_setting('sampadak.actor_id', true), '')::integer;
    change text;
    payload json;
BEGIN
    IF TG_OP = 'DELETE' THEN
        payload := json_build_object(
            'article_id', OLD.id, 'version', OLD.version, 'status', OLD.status,
            'trashed', OLD.trashed, 'kind', 'delete', 'user_id', actor,
            'at', extract(epoch FROM clock_timestamp()));
        PERFORM pg_notify('sampadak_articles', payload::text);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        change := 'insert';
    ELSIF OLD.status IS DISTINCT FROM NEW.status THEN
        change := 'transition';
    ELSIF OLD.trashed IS DISTINCT FROM NEW.trashed THEN
        change := CASE WHEN NEW.trashed THEN 'trash' ELSE 'restore' END;
    ELSE
        change := 'update';
    END IF;
    payload := json_build_object(
        'article_id', NEW.id, 'version', NEW.version, 'status', NEW.status,
        'trashed', NEW.trashed, 'kind', change, 'user_id', actor,
        'at', extract(epoch FROM clock_timestamp()));
    PERFORM pg_notify('sampadak_articles', payload::text);
    RETURN NEW;
END
$$
"""

_TRIGGER = """
CREATE CONSTRAINT TRIGGER articles_live_notify
AFTER INSERT OR UPDATE OR DELETE ON articles
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION sampadak_notify_article()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: one user per file, nobody to notify (module docstring)
    op.execute(_FUNCTION)
    op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS articles_live_notify ON articles")
    op.execute("DROP FUNCTION IF EXISTS sampadak_notify_article()")

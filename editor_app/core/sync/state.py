"""What each sync agreed on, per article, kept on the laptop (table ``sync_state``).

Contracts:
- :func:`load_states` gives every recorded article of one newsroom by UUID;
  :func:`record_state` writes (insert or update) the row of one article in its own
  transaction, right after that article was synced, so an interrupted sync keeps the
  progress made and the next run starts from it.
- :func:`mirror_status` gives a laptop article the status the newsroom has for it (the
  newsroom decides where a story is in the workflow; the laptop is its copy): one
  ``sync.status`` audit event, the version is not bumped (status is not text), nothing is
  written when the status is already the same.
- :func:`adopt_article` makes a story pulled from the newsroom the laptop user's (owner,
  assignee) where the newsroom has it so for their login; the version is not bumped.
- :func:`remote_key` names a newsroom by its URL without the password.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError
from editor_app.core.models import Article, AuditEvent, SyncState, utcnow
from editor_app.core.profiles import Actor
from editor_app.core.users import actor_id
from editor_app.core.workflow.statuses import Status

__all__ = ["ArticleState", "adopt_article", "load_states", "mirror_status", "record_state",
           "remote_key"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleState:
    """One ``sync_state`` row as a value."""

    uuid: str
    revision_hash: str
    status: str
    outcome: str
    copy_uuid: str = ""
    local_version: int = 0
    remote_version: int = 0


def remote_key(url: str) -> str:
    """The newsroom's name in ``sync_state``: its URL, password hidden, at most 500."""
    return make_url(url).render_as_string(hide_password=True)[:500]


def load_states(db: Database, remote: str) -> dict[str, ArticleState]:
    """Every article recorded for ``remote``, by UUID."""
    with db.session() as session:
        rows = session.scalars(select(SyncState).where(SyncState.remote == remote))
        return {r.article_uuid: ArticleState(r.article_uuid, r.revision_hash, r.status,
                                             r.outcome, r.copy_uuid, r.local_version,
                                             r.remote_version) for r in rows}


def record_state(db: Database, remote: str, state: ArticleState) -> None:
    """Insert or update the row of ``state.uuid`` for ``remote`` (one transaction)."""
    with db.session() as session:
        row = session.scalar(select(SyncState).where(SyncState.remote == remote,
                                                     SyncState.article_uuid == state.uuid))
        if row is None:
            row = SyncState(remote=remote, article_uuid=state.uuid)
            session.add(row)
        row.revision_hash = state.revision_hash
        row.status = state.status
        row.outcome = state.outcome
        row.copy_uuid = state.copy_uuid
        row.local_version = state.local_version
        row.remote_version = state.remote_version
        row.synced_at = utcnow()


def mirror_status(db: Database, article_id: int, status: str, actor: Actor,
                  remote: str) -> bool:
    """Give the laptop's article the newsroom's ``status`` (see module contract); True
    when it changed."""
    wanted = Status(status).value
    with db.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"no article with id {article_id}")
        if article.status == wanted:
            return False
        before = article.status
        # a plain UPDATE of the status column: the version counter stays (not text)
        session.execute(update(Article).where(Article.id == article_id)
                        .values(status=wanted))
        session.add(AuditEvent(user=actor.name, user_id=actor_id(actor),
                               action="sync.status", article_id=article_id,
                               detail_json=json.dumps({"from": before, "to": wanted,
                                                       "newsroom": remote},
                                                      ensure_ascii=False)))
    log.info("article %d: status %s -> %s from the newsroom", article_id, before, wanted)
    return True


def adopt_article(db: Database, article_id: int, *, owner: int | None,
                  assignee: int | None) -> None:
    """Set the laptop article's owner and assignee (see module contract)."""
    with db.session() as session:
        session.execute(update(Article).where(Article.id == article_id)
                        .values(owner_id=owner, assignee_id=assignee))

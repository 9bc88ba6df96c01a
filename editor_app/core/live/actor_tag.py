"""Tell the PostgreSQL trigger of migration 0006 who is acting in a transaction.

Contract of :func:`install_actor_tag` (called by ``open_database``, idempotent):
- before each ORM flush on PostgreSQL, when the flush writes a
  :class:`~editor_app.core.models.Revision` with an ``author_id`` or an
  :class:`~editor_app.core.models.AuditEvent` with a ``user_id``, the transaction setting
  ``sampadak.actor_id`` is set to that id (``set_config(..., true)``: it ends with the
  transaction, so a pooled connection never carries it into another user's work);
- every changing service writes one of those rows in the same transaction as the article
  change (a save writes a revision, a move or an assignment an audit event), and the
  trigger is deferred to commit, so the notification names the acting user;
- SQLite: nothing is done (there is no trigger to tell).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from editor_app.core.models import AuditEvent, Revision

__all__ = ["ACTOR_SETTING", "acting_user_in", "install_actor_tag", "uninstall_actor_tag"]

log = logging.getLogger(__name__)

#: The transaction setting the trigger reads.
ACTOR_SETTING = "sampadak.actor_id"


def acting_user_in(objects: Any) -> int | None:
    """The user id of the last new revision or audit event among ``objects`` (or None)."""
    found: int | None = None
    for obj in objects:
        if isinstance(obj, Revision) and obj.author_id is not None:
            found = obj.author_id
        elif isinstance(obj, AuditEvent) and obj.user_id is not None:
            found = obj.user_id
    return found


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if not session.new or session.get_bind().dialect.name != "postgresql":
        return
    user_id = acting_user_in(session.new)
    if user_id is not None:
        session.connection().execute(text("SELECT set_config(:name, :value, true)"),
                                     {"name": ACTOR_SETTING, "value": str(user_id)})


_LISTENERS = (("before_flush", _before_flush),)


def install_actor_tag() -> None:
    """Install the flush hook on every :class:`Session` (module contract; idempotent)."""
    for name, handler in _LISTENERS:
        if not event.contains(Session, name, handler):
            event.listen(Session, name, handler)


def uninstall_actor_tag() -> None:
    """Remove the hook (for tests)."""
    for name, handler in _LISTENERS:
        if event.contains(Session, name, handler):
            event.remove(Session, name, handler)

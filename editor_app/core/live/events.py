"""What the live listener delivers: article changes, who is editing, connection state.

Contract:
- :data:`ARTICLE_CHANNEL` carries the JSON payloads written by the trigger of migration
  ``0006_live_refresh``; :func:`parse_article_event` turns one into an
  :class:`ArticleEvent` and raises :class:`~editor_app.core.errors.ValidationError` for a
  payload that is not one (the listener logs and drops those).
- :data:`PRESENCE_CHANNEL` carries a nudge (``{"article_id": n}``) whenever a client takes
  or gives up a soft lock; the payload is not trusted: receivers re-read the locks.
- Values are frozen dataclasses; nothing here touches a database.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal

from editor_app.core.errors import ValidationError

__all__ = ["ARTICLE_CHANNEL", "KINDS", "PRESENCE_CHANNEL", "ArticleEvent", "ChangeKind",
           "ListenerState", "Presence", "parse_article_event"]

#: Channel of the article trigger (migration 0006_live_refresh).
ARTICLE_CHANNEL = "sampadak_articles"
#: Channel a client nudges after taking or releasing a soft lock.
PRESENCE_CHANNEL = "sampadak_presence"

ChangeKind = Literal["insert", "update", "transition", "trash", "restore", "delete"]
KINDS: frozenset[str] = frozenset({"insert", "update", "transition", "trash", "restore",
                                   "delete"})


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    """One committed change of an article, as the trigger reported it."""

    article_id: int
    version: int
    status: str
    trashed: bool
    kind: ChangeKind
    #: The acting user (None when the writer did not say: a maintenance script).
    user_id: int | None
    #: When the server committed it (UTC).
    at: datetime


@dataclass(frozen=True, slots=True)
class Presence:
    """Who is editing what right now (other connections than the listener's own):
    article id → ids of the users holding a soft lock on it, sorted, without repeats."""

    editors: Mapping[int, tuple[int, ...]] = field(default_factory=dict)

    def of(self, article_id: int) -> tuple[int, ...]:
        """The users editing ``article_id`` (empty when nobody is)."""
        return tuple(self.editors.get(article_id, ()))


class ListenerState(StrEnum):
    """The listener's connection: up for the first time, lost, or back after a loss (what
    happened meanwhile was not heard: views should re-read)."""

    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    RECONNECTED = "reconnected"


def _int(data: Mapping[str, Any], key: str, *, optional: bool = False) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"live event: {key!r} is not an integer: {value!r}")
    return value


def parse_article_event(payload: str) -> ArticleEvent:
    """The :class:`ArticleEvent` in a notification ``payload`` (module contract)."""
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise ValidationError(f"live event is not JSON: {payload[:80]!r}") from exc
    if not isinstance(data, dict):
        raise ValidationError(f"live event is not an object: {payload[:80]!r}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise ValidationError(f"live event of unknown kind {kind!r}")
    status = data.get("status")
    if not isinstance(status, str):
        raise ValidationError(f"live event without a status: {payload[:80]!r}")
    at = data.get("at")
    if isinstance(at, bool) or not isinstance(at, int | float):
        raise ValidationError(f"live event without a time: {payload[:80]!r}")
    article_id, version = _int(data, "article_id"), _int(data, "version")
    assert article_id is not None and version is not None
    return ArticleEvent(article_id=article_id, version=version, status=status,
                        trashed=bool(data.get("trashed")), kind=kind,
                        user_id=_int(data, "user_id", optional=True),
                        at=datetime.fromtimestamp(float(at), UTC))

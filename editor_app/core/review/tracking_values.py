"""The value objects of tracked changes, as callers see them (no database, no Qt).

:class:`SuggestionInfo` is one suggestion, :class:`TrackedView` everything a review view
shows of an article, :class:`DecisionResult` what an accept/reject wrote. They are made by
:mod:`editor_app.core.review.tracking` and hold no session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["FIELDS", "STATES", "DecisionResult", "SuggestionInfo", "TrackedView"]

#: The tracked fields, in reading order.
FIELDS = ("headline", "dek", "body")
#: Suggestion states: open, then one of the decided ones.
STATES = ("open", "accepted", "rejected", "withdrawn")


@dataclass(frozen=True, slots=True)
class SuggestionInfo:
    """One suggestion as callers see it. ``start``/``end`` are code-point offsets in the
    field's current text for an open suggestion (``None`` once decided)."""

    id: int
    article_id: int
    field: str
    old_text: str
    new_text: str
    author_id: int | None
    author_name: str
    created_at: datetime
    updated_at: datetime
    state: str
    base_start: int
    base_end: int
    start: int | None = None
    end: int | None = None
    decided_by_id: int | None = None
    decided_by_name: str = ""
    decided_at: datetime | None = None
    revision_id: int | None = None

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dict (times ISO 8601)."""
        return {
            "id": self.id, "field": self.field, "old": self.old_text, "new": self.new_text,
            "author": self.author_name, "author_id": self.author_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(), "state": self.state,
            "start": self.start, "end": self.end, "decided_by": self.decided_by_name,
            "decided_by_id": self.decided_by_id,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "revision_id": self.revision_id,
        }


@dataclass(frozen=True, slots=True)
class TrackedView:
    """Everything a review view shows: per field the base and the current text, the open
    suggestions (with current offsets) and the decided ones (oldest first)."""

    article_id: int
    version: int
    status: str
    owner_id: int | None
    tracking: bool
    base: dict[str, str]
    current: dict[str, str]
    open: list[SuggestionInfo]
    decided: list[SuggestionInfo]


@dataclass(frozen=True, slots=True)
class DecisionResult:
    """What a decision wrote: the ids decided, the new article version and revision."""

    article_id: int
    decided: tuple[int, ...]
    version: int
    revision_id: int | None


# ------------------------------------------------------------------ save-path functions

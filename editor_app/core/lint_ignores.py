"""Copy-desk findings an editor chose to ignore in one article, with the reason and who.

Contract:
- An ignore is keyed by ``(article, rule id, flagged text)``: it silences that rule on that
  exact text anywhere in the article (all occurrences, every field), and survives edits that
  move the text around.
- :func:`add_ignore` needs an existing article, a known rule id and a user; the reason is
  optional (reviewers see it when given); adding the same ignore twice returns the existing
  entry. Each add/remove writes an :class:`AuditEvent` (``lint.ignore`` /
  ``lint.unignore``) in the same transaction.
- :func:`filter_ignored` drops ignored findings from a lint result (pure, no database).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, ValidationError
from editor_app.core.models import Article, AuditEvent, LintIgnore, utcnow
from editor_app.core.text.findings import Finding
from editor_app.core.text.lint.engine import FieldFinding, rule_ids
from editor_app.core.text.normalize import to_nfc

__all__ = ["IgnoreEntry", "add_ignore", "filter_ignored", "list_ignores", "remove_ignore"]

log = logging.getLogger(__name__)

F = TypeVar("F", Finding, FieldFinding)


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    """One stored ignore."""

    id: int
    article_id: int
    rule_id: str
    text: str
    reason: str
    user: str
    created_at: datetime


def _entry(row: LintIgnore) -> IgnoreEntry:
    return IgnoreEntry(row.id, row.article_id, row.rule_id, row.text, row.reason, row.user,
                       row.created_at)


def add_ignore(db: Database, article_id: int, rule_id: str, text: str, *, reason: str = "",
               user: str) -> IgnoreEntry:
    """Ignore ``rule_id`` on ``text`` in the article (see module contract)."""
    if rule_id not in rule_ids():
        raise ValidationError(f"unknown lint rule {rule_id!r}")
    if not user.strip():
        raise ValidationError("ignoring a finding needs the user's name")
    text = to_nfc(text)
    now = utcnow()
    with db.session() as session:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"article {article_id} does not exist")
        existing = session.scalar(select(LintIgnore).where(
            LintIgnore.article_id == article_id, LintIgnore.rule_id == rule_id,
            LintIgnore.text == text))
        if existing is not None:
            return _entry(existing)
        row = LintIgnore(article_id=article_id, rule_id=rule_id, text=text,
                         reason=reason.strip(), user=user.strip(), created_at=now)
        session.add(row)
        session.add(AuditEvent(at=now, user=user.strip(), action="lint.ignore",
                               article_id=article_id, detail_json=json.dumps(
                                   {"rule": rule_id, "text": text, "reason": reason.strip()},
                                   ensure_ascii=False)))
        session.flush()
        entry = _entry(row)
    log.info("%s ignored %s on %r in article %d", user, rule_id, text, article_id)
    return entry


def list_ignores(db: Database, article_id: int) -> list[IgnoreEntry]:
    """The article's ignores, oldest first."""
    with db.session() as session:
        rows = session.scalars(select(LintIgnore).where(LintIgnore.article_id == article_id)
                               .order_by(LintIgnore.created_at, LintIgnore.id))
        return [_entry(row) for row in rows]


def remove_ignore(db: Database, ignore_id: int, *, user: str) -> None:
    """Stop ignoring (the finding shows again). Raises NotFoundError for an unknown id."""
    with db.session() as session:
        row = session.get(LintIgnore, ignore_id)
        if row is None:
            raise NotFoundError(f"lint ignore {ignore_id} does not exist")
        session.add(AuditEvent(user=user, action="lint.unignore", article_id=row.article_id,
                               detail_json=json.dumps({"rule": row.rule_id, "text": row.text},
                                                      ensure_ascii=False)))
        session.delete(row)


def filter_ignored(findings: Iterable[F], ignores: Iterable[IgnoreEntry]) -> list[F]:
    """``findings`` without those an ignore covers (same rule and same flagged text)."""
    keys = {(i.rule_id, i.text) for i in ignores}
    out: list[F] = []
    for item in findings:
        finding = item.finding if isinstance(item, FieldFinding) else item
        if (finding.rule, finding.text) not in keys:
            out.append(item)
    return out

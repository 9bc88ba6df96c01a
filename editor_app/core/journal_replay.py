"""Replaying the local journal: when and how journaled edits are saved (no Qt).

Contract:
- :class:`Backoff` gives the waits between retries while the database is unreachable:
  ``first``, then doubling, never more than ``cap`` seconds; :meth:`Backoff.reset` after a
  save landed.
- :func:`store_entry` saves one journaled entry with optimistic locking (over its
  ``base_version``). A stale base whose newest stored data *is* the journaled data means the
  save already landed (the commit reached the server but the answer was lost with the
  connection): that counts as saved, not as a conflict. Otherwise :class:`ConflictError`
  propagates, as do :class:`ConnectionLost` and every other :class:`SampadakError`.
- :func:`replay_journal` (start-up) tries every entry of the journal, oldest first, and
  removes an entry only after its save landed. Conflicting entries stay, with the stored
  record, for the caller to offer (:func:`keep_mine`, :func:`save_copy`, :func:`discard`);
  an unreachable database stops the replay (every entry stays for the next try).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from enum import Enum

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.errors import (
    ConflictError,
    ConnectionLost,
    NotFoundError,
    SampadakError,
)
from editor_app.core.save_journal import JournalEntry, SaveJournal

__all__ = ["JOURNAL_NOTE", "Backoff", "Outcome", "ReplayResult", "discard", "keep_mine",
           "replay_journal", "same_save", "save_copy", "store_entry"]

log = logging.getLogger(__name__)

#: Revision note of a save made from the journal.
JOURNAL_NOTE = "saved from the local journal after a lost connection"


class Backoff:
    """Exponential backoff: ``first``, ``first * factor``, … capped at ``cap`` seconds."""

    def __init__(self, first: float = 1.0, cap: float = 60.0, factor: float = 2.0) -> None:
        if first <= 0 or cap < first or factor < 1:
            raise ValueError("backoff needs 0 < first <= cap and factor >= 1")
        self.first, self.cap, self.factor = first, cap, factor
        self._next = first

    def next_delay(self) -> float:
        """The wait before the next retry (each call doubles the following one)."""
        delay = self._next
        self._next = min(self.cap, self._next * self.factor)
        return delay

    def reset(self) -> None:
        """The database answered: the next outage starts again at ``first``."""
        self._next = self.first


class Outcome(Enum):
    """What happened to one journal entry in a replay."""

    SAVED = "saved"  # stored now (or found already stored); the entry is removed
    CONFLICT = "conflict"  # someone else saved since the base version; entry kept
    MISSING = "missing"  # the article is gone from the database; entry kept
    UNREACHABLE = "unreachable"  # the database is still away; entry kept
    REFUSED = "refused"  # another typed error (permission, validation); entry kept


@dataclass(frozen=True, slots=True)
class ReplayResult:
    """One entry's replay: its outcome, the stored record (saved, or theirs on a
    conflict) and the error text when it was not saved."""

    entry: JournalEntry
    outcome: Outcome
    record: ArticleRecord | None = None
    error: str = ""


def same_save(service: ArticleService, stored: ArticleData, mine: ArticleData) -> bool:
    """True when saving ``mine`` over ``stored`` would change nothing."""
    try:
        return service.canonical(stored) == service.canonical(mine)
    except SampadakError:
        return False


def store_entry(service: ArticleService, entry: JournalEntry) -> ArticleRecord:
    """Save ``entry`` over its base version (see the module contract)."""
    try:
        return service.save(entry.article_id, entry.data, entry.base_version,
                            note=JOURNAL_NOTE)
    except ConflictError:
        latest = service.get(entry.article_id)
        if same_save(service, latest.data, entry.data):
            log.info("journal: article %d already holds the journaled text (version %d)",
                     entry.article_id, latest.version)
            return latest
        raise


def _resolve_id(service: ArticleService, entry: JournalEntry) -> JournalEntry:
    """``entry`` with the id its UUID has in this database (NotFoundError when gone)."""
    record = service.get_by_uuid(entry.uuid)
    return entry if record.id == entry.article_id else replace(entry, article_id=record.id)


def replay_journal(service: ArticleService, journal: SaveJournal) -> list[ReplayResult]:
    """Try to save every entry of ``journal`` (see the module contract)."""
    results: list[ReplayResult] = []
    pending = journal.entries()
    for index, entry in enumerate(pending):
        try:
            entry = _resolve_id(service, entry)
            record = store_entry(service, entry)
        except ConnectionLost as exc:
            log.warning("journal replay: database unreachable: %s", exc)
            results.extend(ReplayResult(e, Outcome.UNREACHABLE, error=str(exc))
                           for e in pending[index:])
            break
        except ConflictError as exc:
            try:
                theirs: ArticleRecord | None = service.get(entry.article_id)
            except SampadakError:
                theirs = None
            results.append(ReplayResult(entry, Outcome.CONFLICT, theirs, str(exc)))
            continue
        except NotFoundError as exc:
            results.append(ReplayResult(entry, Outcome.MISSING, error=str(exc)))
            continue
        except SampadakError as exc:
            log.warning("journal replay: article %d not saved: %s", entry.article_id, exc)
            results.append(ReplayResult(entry, Outcome.REFUSED, error=str(exc)))
            continue
        journal.remove(entry.uuid)
        log.info("journal replay: article %d saved as version %d", record.id, record.version)
        results.append(ReplayResult(entry, Outcome.SAVED, record))
    return results


def keep_mine(service: ArticleService, journal: SaveJournal,
              entry: JournalEntry) -> ArticleRecord:
    """Conflict resolved as "keep mine": the journaled text becomes the newest version
    (theirs stays in the history); the entry is removed once stored."""
    record = service.save_over_latest(entry.article_id, entry.data, note=JOURNAL_NOTE)
    journal.remove(entry.uuid)
    return record


def save_copy(service: ArticleService, journal: SaveJournal, entry: JournalEntry,
              mark: str) -> ArticleRecord:
    """Conflict (or a deleted article) resolved as "save mine as a copy": a new draft whose
    headline ends with ``mark``; the entry is removed once stored."""
    copy = replace(entry.data, headline=f"{entry.data.headline} {mark}".strip(), slug="")
    record = service.create(copy, note=f"copy of article {entry.article_id} saved from the "
                                       "local journal after a conflict")
    journal.remove(entry.uuid)
    return record


def discard(journal: SaveJournal, entry: JournalEntry) -> None:
    """Conflict resolved as "load theirs": the journaled edits are dropped."""
    journal.remove(entry.uuid)
    log.info("journal: edits of article %d discarded by the user", entry.article_id)

"""Newsroom dictionary (shared, audited) and personal ignore lists, stored in the database.

Contract:
- Words are stored NFC and stripped of surrounding whitespace; an empty word or one longer
  than 200 code points raises :class:`ValidationError`.
- :class:`NewsroomDictionary` is shared by everyone on the database. :meth:`add` records who
  and when; :meth:`remove` is soft (``removed_at``/``removed_by`` set, the row kept) and
  re-adding a removed word revives its row. Every add and remove that changes something also
  appends an :class:`AuditEvent` (``action`` ``dictionary.add`` / ``dictionary.remove``,
  ``detail_json`` ``{"word": ...}``) in the same transaction. Adding an active word or removing
  an absent one is a no-op and returns ``False``.
- :class:`PersonalWordList` is one user's ignore list (hard add/remove, not audited: it only
  affects that user). The user must exist (``UserProfile``), else :class:`NotFoundError`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, ValidationError
from editor_app.core.models import AuditEvent, NewsroomWord, PersonalWord, UserProfile, utcnow
from editor_app.core.profiles import Actor
from editor_app.core.text.normalize import to_nfc

__all__ = ["DictionaryEntry", "NewsroomDictionary", "PersonalWordList", "clean_word", "user_name"]

log = logging.getLogger(__name__)

MAX_WORD_LENGTH = 200


def clean_word(word: str) -> str:
    """``word`` as stored: NFC, stripped. Raises :class:`ValidationError` when unusable."""
    cleaned = to_nfc(word).strip()
    if not cleaned:
        raise ValidationError("a dictionary word cannot be empty")
    if len(cleaned) > MAX_WORD_LENGTH:
        raise ValidationError(f"a dictionary word is at most {MAX_WORD_LENGTH} characters")
    if any(ch.isspace() for ch in cleaned):
        raise ValidationError(f"a dictionary word cannot contain spaces: {cleaned!r}")
    return cleaned


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One newsroom word with its history (``removed_at`` is ``None`` while active)."""

    word: str
    added_by: str
    added_at: datetime
    removed_by: str | None
    removed_at: datetime | None

    @property
    def active(self) -> bool:
        """True while the word is in the dictionary."""
        return self.removed_at is None


class NewsroomDictionary:
    """The newsroom's shared list of accepted words (see the module contract)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, word: str, user: Actor | str) -> bool:
        """Add ``word`` on behalf of ``user`` (the acting user, or a display name for an
        unattributed change); ``False`` when it was already active."""
        user, user_id = _who(user)
        cleaned = clean_word(word)
        with self._db.session() as session:
            row = session.scalars(
                select(NewsroomWord).where(NewsroomWord.word == cleaned)
            ).one_or_none()
            now = utcnow()
            if row is not None and row.removed_at is None:
                return False
            if row is None:
                session.add(NewsroomWord(word=cleaned, added_by=user, added_at=now))
            else:
                row.added_by, row.added_at = user, now
                row.removed_by, row.removed_at = None, None
            session.add(_audit(user, user_id, "dictionary.add", cleaned, now))
        log.info("newsroom dictionary: %s added %r", user, cleaned)
        return True

    def remove(self, word: str, user: Actor | str) -> bool:
        """Soft-remove ``word`` on behalf of ``user``; ``False`` when it was not active."""
        user, user_id = _who(user)
        cleaned = clean_word(word)
        with self._db.session() as session:
            row = session.scalars(
                select(NewsroomWord).where(NewsroomWord.word == cleaned)
            ).one_or_none()
            if row is None or row.removed_at is not None:
                return False
            now = utcnow()
            row.removed_by, row.removed_at = user, now
            session.add(_audit(user, user_id, "dictionary.remove", cleaned, now))
        log.info("newsroom dictionary: %s removed %r", user, cleaned)
        return True

    def words(self) -> set[str]:
        """The active words."""
        with self._db.session() as session:
            return set(session.scalars(
                select(NewsroomWord.word).where(NewsroomWord.removed_at.is_(None))
            ))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        with self._db.session() as session:
            found = session.scalars(select(NewsroomWord.id).where(
                NewsroomWord.word == to_nfc(word).strip(), NewsroomWord.removed_at.is_(None)
            )).first()
        return found is not None

    def entries(self, *, include_removed: bool = False) -> list[DictionaryEntry]:
        """All entries in code-point order of the word (removed ones too when
        ``include_removed``). Sorted in Python: SQL ``ORDER BY`` follows the database's
        collation, which is not the same on SQLite and PostgreSQL."""
        query = select(NewsroomWord)
        if not include_removed:
            query = query.where(NewsroomWord.removed_at.is_(None))
        with self._db.session() as session:
            return sorted(
                (DictionaryEntry(r.word, r.added_by, r.added_at, r.removed_by, r.removed_at)
                 for r in session.scalars(query)),
                key=lambda entry: entry.word)


class PersonalWordList:
    """One user's personal ignore list (see the module contract)."""

    def __init__(self, database: Database, user_id: int) -> None:
        self._db = database
        self.user_id = user_id
        with database.session() as session:
            if session.get(UserProfile, user_id) is None:
                raise NotFoundError(f"no user profile with id {user_id}")

    def add(self, word: str) -> bool:
        """Ignore ``word`` from now on; ``False`` when it was already on the list."""
        cleaned = clean_word(word)
        with self._db.session() as session:
            exists = session.scalars(select(PersonalWord.id).where(
                PersonalWord.user_id == self.user_id, PersonalWord.word == cleaned
            )).first()
            if exists is not None:
                return False
            session.add(PersonalWord(user_id=self.user_id, word=cleaned))
        return True

    def remove(self, word: str) -> bool:
        """Stop ignoring ``word``; ``False`` when it was not on the list."""
        cleaned = clean_word(word)
        with self._db.session() as session:
            row = session.scalars(select(PersonalWord).where(
                PersonalWord.user_id == self.user_id, PersonalWord.word == cleaned
            )).first()
            if row is None:
                return False
            session.delete(row)
        return True

    def words(self) -> set[str]:
        """The words on this user's list."""
        with self._db.session() as session:
            return set(session.scalars(
                select(PersonalWord.word).where(PersonalWord.user_id == self.user_id)
            ))


def user_name(database: Database, user_id: int) -> str:
    """Display name of user ``user_id`` (for audit rows); :class:`NotFoundError` if absent."""
    with database.session() as session:
        profile = session.get(UserProfile, user_id)
        if profile is None:
            raise NotFoundError(f"no user profile with id {user_id}")
        return profile.name


def _who(user: Actor | str) -> tuple[str, int | None]:
    if isinstance(user, str):
        return user, None
    return user.name, user.id or None


def _audit(user: str, user_id: int | None, action: str, word: str,
           at: datetime) -> AuditEvent:
    return AuditEvent(user=user, user_id=user_id, action=action, at=at,
                      detail_json=json.dumps({"word": word}, ensure_ascii=False))

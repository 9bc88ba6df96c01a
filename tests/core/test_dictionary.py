"""Newsroom dictionary (shared, soft removal, audited) and personal ignore lists."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.dictionary import NewsroomDictionary, PersonalWordList, clean_word
from editor_app.core.errors import NotFoundError, ValidationError
from editor_app.core.models import AuditEvent, NewsroomWord, UserProfile


def _user(db: Database, name: str) -> int:
    with db.session() as session:
        profile = UserProfile(name=name)
        session.add(profile)
        session.flush()
        return profile.id


def test_add_list_remove_with_history(db: Database) -> None:
    words = NewsroomDictionary(db)
    assert words.add("टीकाकरण", "Asha")
    assert not words.add("टीकाकरण", "Ravi")  # already active: no-op
    assert words.add("कोरोना", "Ravi")
    assert words.words() == {"टीकाकरण", "कोरोना"}
    assert "कोरोना" in words
    assert words.remove("कोरोना", "Meena")
    assert not words.remove("कोरोना", "Meena")
    assert "कोरोना" not in words
    assert words.words() == {"टीकाकरण"}
    history = {e.word: e for e in words.entries(include_removed=True)}
    assert history["कोरोना"].removed_by == "Meena" and not history["कोरोना"].active
    assert history["कोरोना"].removed_at is not None
    assert history["टीकाकरण"].added_by == "Asha"
    assert [e.word for e in words.entries()] == ["टीकाकरण"]


def test_re_adding_a_removed_word_revives_the_row(db: Database) -> None:
    words = NewsroomDictionary(db)
    words.add("ट्वीट", "Asha")
    words.remove("ट्वीट", "Ravi")
    assert words.add("ट्वीट", "Meena")
    with db.session() as session:
        rows = session.scalars(select(NewsroomWord)).all()
    assert len(rows) == 1
    assert rows[0].added_by == "Meena" and rows[0].removed_at is None


def test_every_change_is_audited(db: Database) -> None:
    words = NewsroomDictionary(db)
    words.add("ज़रूरत", "Asha")
    words.add("ज़रूरत", "Asha")
    words.remove("ज़रूरत", "Ravi")
    with db.session() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.user, e.action) for e in events] == [
        ("Asha", "dictionary.add"), ("Ravi", "dictionary.remove")]
    assert json.loads(events[0].detail_json) == {"word": "ज़रूरत"}


def test_words_are_stored_nfc() -> None:
    assert clean_word(" \u095c ") == "\u0921\u093c"
    for bad in ("", "   ", "दो शब्द", "क" * 201):
        with pytest.raises(ValidationError):
            clean_word(bad)


def test_personal_lists_are_per_user(db: Database) -> None:
    asha, ravi = _user(db, "Asha"), _user(db, "Ravi")
    mine, theirs = PersonalWordList(db, asha), PersonalWordList(db, ravi)
    assert mine.add("गुयाना")
    assert not mine.add("गुयाना")
    assert mine.words() == {"गुयाना"} and theirs.words() == set()
    assert mine.remove("गुयाना") and not mine.remove("गुयाना")
    assert mine.words() == set()


def test_personal_list_needs_a_user(db: Database) -> None:
    with pytest.raises(NotFoundError):
        PersonalWordList(db, 999)

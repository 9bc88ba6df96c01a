"""The local journal of unsaved edits and its replay policy (issue 8 item 5), without Qt."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from editor_app.core.article_data import ArticleData, BylineData, RelatedLink
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.db_faults import typed_storage_error
from editor_app.core.errors import ConflictError, ConnectionLost
from editor_app.core.journal_replay import (
    JOURNAL_NOTE,
    Backoff,
    Outcome,
    discard,
    keep_mine,
    replay_journal,
    save_copy,
    store_entry,
)
from editor_app.core.save_journal import JournalEntry, SaveJournal, journal_for
from tests.pg_cluster import private_cluster

FULL = ArticleData(
    headline="बाढ़ से गांव कटे", dek="प्रशासन ने नावें भेजीं", body="पहला पैरा।\n\n## उपशीर्षक\n\nदूसरा।",
    slug="baadh", category="राज्य", dateline_place="पटना", dateline_date=date(2026, 7, 14),
    tags=("बाढ़", "बिहार"), bylines=(BylineData("सीमा यादव", "Seema Yadav", "संवाददाता",
                                              "The Printlines"),),
    related=(RelatedLink("पिछली बाढ़", "https://example.org/a"),))


def entry_for(record, data: ArticleData) -> JournalEntry:
    return JournalEntry(record.id, record.uuid, record.version, data, "नेहा")


def test_entry_round_trips_every_field_and_replaces_the_older_one(tmp_path):
    journal = journal_for(tmp_path, "sqlite:///desk.sqlite")
    journal.put(JournalEntry(7, "u-1", 3, replace(FULL, body="पुराना")))
    journal.put(JournalEntry(7, "u-1", 3, FULL, "नेहा"))
    [entry] = journal.entries()
    assert entry.data == FULL and (entry.article_id, entry.uuid, entry.base_version) == (
        7, "u-1", 3)
    assert entry.author == "नेहा" and entry.written_at
    assert journal.get("u-1") == entry
    journal.remove("u-1")
    assert journal.entries() == [] and journal.get("u-1") is None
    journal.remove("u-1")  # removing twice is fine


def test_entries_belong_to_their_database_and_bad_files_are_skipped(tmp_path):
    desk = journal_for(tmp_path, "postgresql+psycopg://desk@server/news")
    other = journal_for(tmp_path, "sqlite:///laptop.sqlite")
    desk.put(JournalEntry(1, "u-1", 1, FULL))
    other.put(JournalEntry(1, "u-1", 1, replace(FULL, body="दूसरा डेटाबेस")))
    (desk.folder / f"{desk._prefix}-broken.json").write_text("{not json", encoding="utf-8")
    assert [e.data.body for e in desk.entries()] == [FULL.body]
    assert [e.data.body for e in other.entries()] == ["दूसरा डेटाबेस"]
    assert (desk.folder / f"{desk._prefix}-broken.json").exists()  # never deleted


def test_an_entry_is_written_atomically_as_one_complete_file(tmp_path):
    journal = journal_for(tmp_path, "db")
    journal.put(JournalEntry(1, "u-1", 1, FULL))
    files = list(journal.folder.iterdir())
    assert len(files) == 1 and not files[0].name.startswith(".")  # no temp file left
    assert json.loads(files[0].read_text(encoding="utf-8"))["body"] == FULL.body


def test_backoff_doubles_up_to_the_cap_and_resets():
    backoff = Backoff(1.0, 10.0)
    assert [backoff.next_delay() for _ in range(6)] == [1, 2, 4, 8, 10, 10]
    backoff.reset()
    assert backoff.next_delay() == 1
    with pytest.raises(ValueError):
        Backoff(5.0, 1.0)


def test_replay_saves_over_the_base_version_and_removes_the_entry(db, tmp_path):
    service = ArticleService(db, "नेहा")
    record = service.create(FULL)
    journal = journal_for(tmp_path, db.label)
    journal.put(entry_for(record, replace(FULL, body=FULL.body + " नया वाक्य।")))
    [result] = replay_journal(service, journal)
    assert result.outcome is Outcome.SAVED and result.record is not None
    stored = service.get(record.id)
    assert stored.version == record.version + 1 and stored.data.body.rstrip().endswith("नया वाक्य।")
    assert JOURNAL_NOTE in [r.note for r in service.revisions(record.id)]
    assert journal.entries() == []


def test_a_save_that_landed_before_the_answer_was_lost_is_not_a_conflict(db, tmp_path):
    service = ArticleService(db, "नेहा")
    record = service.create(FULL)
    mine = replace(FULL, body="जो सहेजा जा चुका था।")
    service.save(record.id, mine, record.version)  # landed; the journal never heard
    entry = entry_for(record, mine)
    assert store_entry(service, entry).version == record.version + 1
    journal = journal_for(tmp_path, db.label)
    journal.put(entry)
    assert [r.outcome for r in replay_journal(service, journal)] == [Outcome.SAVED]
    assert journal.entries() == [] and service.get(record.id).version == record.version + 1


def test_a_stale_base_is_a_conflict_kept_for_the_user(db, tmp_path):
    service = ArticleService(db, "नेहा")
    record = service.create(FULL)
    theirs = service.save(record.id, replace(FULL, body="उनका पाठ।"), record.version)
    journal = journal_for(tmp_path, db.label)
    entry = entry_for(record, replace(FULL, body="मेरा पाठ।"))
    journal.put(entry)
    with pytest.raises(ConflictError):
        store_entry(service, entry)
    [result] = replay_journal(service, journal)
    assert result.outcome is Outcome.CONFLICT and result.record == theirs
    assert journal.get(record.uuid) is not None  # nothing lost
    kept = keep_mine(service, journal, entry)
    assert kept.data.body.strip() == "मेरा पाठ।" and journal.entries() == []
    assert "उनका पाठ।" in [r.body.strip() for r in service.revisions(record.id)]


def test_conflict_copy_and_discard(db, tmp_path):
    service = ArticleService(db, "नेहा")
    record = service.create(FULL)
    service.save(record.id, replace(FULL, body="उनका।"), record.version)
    journal = journal_for(tmp_path, db.label)
    entry = entry_for(record, replace(FULL, body="मेरा।"))
    journal.put(entry)
    copy = save_copy(service, journal, entry, "[प्रति]")
    assert copy.id != record.id and copy.data.headline.endswith("[प्रति]")
    assert copy.data.body.strip() == "मेरा।" and journal.entries() == []
    journal.put(entry)
    discard(journal, entry)
    assert journal.entries() == [] and service.get(record.id).data.body.strip() == "उनका।"


def test_a_deleted_article_is_missing_not_lost(db, tmp_path):
    service = ArticleService(db, "नेहा")
    record = service.create(FULL)
    journal = journal_for(tmp_path, db.label)
    journal.put(JournalEntry(record.id, "no-such-uuid", 1, FULL))
    [result] = replay_journal(service, journal)
    assert result.outcome is Outcome.MISSING and len(journal.entries()) == 1


def test_sqlite_file_that_cannot_be_reached_is_connection_lost():
    for code, text in ((14, "unable to open database file"), (10, "disk I/O error")):
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code
        assert isinstance(typed_storage_error(error, label="share"), ConnectionLost)
    other = sqlite3.OperationalError("no such table: x")
    other.sqlite_errorcode = 1
    assert typed_storage_error(other) is None


def test_replay_waits_while_the_server_is_down_and_saves_when_it_returns(tmp_path):
    with private_cluster() as cluster:
        url = cluster.create_database("journal_core")
        db = open_database(url)
        try:
            raw = db.engine.raw_connection()  # a vanished server fails in seconds
            parameters = raw.driver_connection.info.get_parameters()  # type: ignore[union-attr]
            raw.close()
            assert parameters["connect_timeout"] == "10"
            assert parameters["keepalives"] == "1" and parameters["tcp_user_timeout"] == "30000"
            service = ArticleService(db, "नेहा")
            first, second = service.create(FULL), service.create(replace(FULL, slug="b"))
            journal = SaveJournal(tmp_path / "journal", db.label)
            journal.put(entry_for(first, replace(FULL, body="पहला बदलाव।")))
            journal.put(entry_for(second, replace(FULL, slug="b", body="दूसरा बदलाव।")))
            cluster.stop()
            cluster.wait_until_refusing()
            with pytest.raises(ConnectionLost, match="cannot be reached"):
                service.get(first.id)
            results = replay_journal(service, journal)
            assert [r.outcome for r in results] == [Outcome.UNREACHABLE] * 2
            assert len(journal.entries()) == 2
            cluster.start()
            results = replay_journal(service, journal)
            assert [r.outcome for r in results] == [Outcome.SAVED] * 2
            assert journal.entries() == []
            assert service.get(first.id).data.body.strip() == "पहला बदलाव।"
            assert service.get(second.id).data.body.strip() == "दूसरा बदलाव।"
        finally:
            db.close()

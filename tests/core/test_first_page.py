"""The start-up skeleton's reader (core/first_page.py): the real list's first page, read
with the standard sqlite3 module, read-only, and refused for any database the real window
would not open as it is."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.article_queries import SORT_KEYS, ListQuery
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.errors import FirstPageUnavailable
from editor_app.core.first_page import (
    SORT_COLUMNS,
    open_read_only,
    read_article,
    read_first_page,
)
from editor_app.core.migrations import HEAD_REVISION
from editor_app.core.profiles import Role, create_profile
from editor_app.core.sqlite_urls import sqlite_file_of, sqlite_url_for

HEADLINES = ("नगर निगम की बैठक में बजट पास", "डेंगू के मामले बढ़े", "सड़क चौड़ीकरण पर रोक",
             "बारिश का अलर्ट जारी", "गेहूं खरीद शुरू", "मेट्रो का नया रूट")


def build_archive(path: Path, *, profile: bool = True) -> list[int]:
    """A migrated SQLite file with six stories (varied status, byline, deadline, one
    trashed) and, unless ``profile=False``, a local profile; returns the ids made."""
    db = open_database(sqlite_url_for(path))
    try:
        if profile:
            create_profile(db, "नेहा त्रिपाठी", Role.DESK_CHIEF)
        service = ArticleService(db, "नेहा त्रिपाठी")
        ids = []
        for number, headline in enumerate(HEADLINES):
            byline = BylineData(name=("आलोक सैनी", "कविता कुशवाहा")[number % 2],
                                designation="संवाददाता")
            record = service.create(ArticleData(headline=headline, bylines=(byline,),
                                                body=f"पहला अनुच्छेद {number}।\n\nदूसरा।"))
            ids.append(record.id)
        trashed = service.get(ids[2])
        service.trash(trashed.id, trashed.version)
    finally:
        db.close()
    with _writing(path) as connection:  # statuses and deadlines for the sort keys
        for article_id, status in zip(ids, ("approved", "draft", "draft", "submitted",
                                            "in_copy_edit", "draft"), strict=True):
            connection.execute("UPDATE articles SET status = ? WHERE id = ?",
                               (status, article_id))
        connection.execute("UPDATE articles SET deadline = '2026-12-03 10:00:00.000000', "
                           "assignee_id = 1 WHERE id = ?", (ids[1],))
        connection.execute("UPDATE articles SET deadline = '2026-12-02 10:00:00.000000' "
                           "WHERE id = ?", (ids[4],))
    return ids


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that commits and closes (sqlite3's own context manager only commits)."""
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        yield connection


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, list[int]]:
    path = tmp_path / "desk.sqlite"
    return path, build_archive(path)


def _fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_rows_are_the_real_lists_first_page_in_every_order(archive):
    path, ids = archive
    db = open_database(sqlite_url_for(path))
    try:
        service = ArticleService(db, "नेहा त्रिपाठी")
        assert set(SORT_COLUMNS) == set(SORT_KEYS)  # every order the list offers
        for sort in SORT_KEYS:
            for descending in (True, False):
                real = service.list_page(ListQuery(sort=sort, descending=descending),
                                         limit=4)
                page = read_first_page(path, sort=sort, descending=descending, limit=4)
                assert [(r.id, r.headline, r.status, r.byline, r.updated_at)
                        for r in page.rows] == [
                    (s.id, s.headline, s.status, s.byline, s.updated_at) for s in real], (
                    sort, descending)
                assert page.article is not None and page.article.id == real[0].id
    finally:
        db.close()
    assert ids[2] not in {row.id for row in read_first_page(path, limit=50).rows}  # trashed


def test_the_first_article_is_the_only_body_read(archive):
    path, ids = archive
    page = read_first_page(path)
    assert page.article is not None
    assert page.article.id == ids[-1]  # the newest: the window opens it first
    assert page.article.headline == HEADLINES[-1]
    assert page.article.body.startswith("पहला अनुच्छेद 5")
    assert not hasattr(page.rows[0], "body")
    picked = read_article(path, ids[0])
    assert picked is not None and picked.headline == HEADLINES[0]
    assert read_article(path, 9999) is None


def test_an_empty_list_has_no_article(tmp_path):
    path = tmp_path / "empty.sqlite"
    db = open_database(sqlite_url_for(path))
    create_profile(db, "नेहा त्रिपाठी", Role.DESK_CHIEF)
    db.close()
    page = read_first_page(path)
    assert page.rows == () and page.article is None


def test_reading_never_writes_the_file(archive):
    path, ids = archive
    wal = path.with_name(path.name + "-wal")
    before = _fingerprint(path)
    wal_before = _fingerprint(wal) if wal.exists() else None
    read_first_page(path)
    read_article(path, ids[0])
    assert _fingerprint(path) == before
    # a reader of a WAL database may create the (empty) companion files; nothing is in them
    if wal_before is None:
        assert not wal.exists() or wal.stat().st_size == 0
    else:
        assert _fingerprint(wal) == wal_before


def test_the_connection_is_read_only(archive):
    path, _ids = archive
    connection = open_read_only(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("UPDATE articles SET headline = 'x'")
    finally:
        connection.close()


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(FirstPageUnavailable, match="no database file"):
        read_first_page(tmp_path / "gone.sqlite")
    assert not (tmp_path / "gone.sqlite").exists()  # not created by the attempt


def test_another_schema_revision_is_refused(archive):
    path, _ids = archive
    with _writing(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0008_pg_search_speed'")
    with pytest.raises(FirstPageUnavailable, match="revision"):
        read_first_page(path)
    with _writing(path) as connection:  # a newer Sampadak's schema
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(FirstPageUnavailable, match="revision"):
        read_first_page(path)
    with _writing(path) as connection:
        connection.execute(f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'")
    assert read_first_page(path).rows  # the head is accepted


def test_a_first_run_without_a_profile_is_refused(tmp_path):
    path = tmp_path / "first.sqlite"
    build_archive(path, profile=False)
    with pytest.raises(FirstPageUnavailable, match="profile"):
        read_first_page(path)


def test_a_damaged_file_is_refused(tmp_path):
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8192)
    with pytest.raises(FirstPageUnavailable):
        read_first_page(path)


def test_a_locked_file_is_refused(archive):
    path, _ids = archive
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA locking_mode = EXCLUSIVE")
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE user_profiles SET name = name")
        with pytest.raises(FirstPageUnavailable, match="locked"):
            read_first_page(path)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_unexpected_schema_is_refused(archive):
    path, _ids = archive
    with _writing(path) as connection:
        connection.execute("ALTER TABLE articles RENAME COLUMN byline_text TO byline_old")
    with pytest.raises(FirstPageUnavailable, match="byline_text"):
        read_first_page(path)


def test_an_unknown_sort_key_is_refused(archive):
    path, _ids = archive
    with pytest.raises(FirstPageUnavailable, match="sort"):
        read_first_page(path, sort="id; DROP TABLE articles")


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:////tmp/desk.sqlite", Path("/tmp/desk.sqlite")),
    ("sqlite+pysqlite:///relative/desk.sqlite", Path("relative/desk.sqlite")),
    ("sqlite://", None), ("sqlite:///:memory:", None),
    ("sqlite:////tmp/desk.sqlite?mode=ro", None),
    ("postgresql+psycopg://desk@server/sampadak", None),
])
def test_sqlite_file_of(url, expected):
    assert sqlite_file_of(url) == expected


def test_sqlite_url_round_trip(tmp_path):
    path = tmp_path / "x.sqlite"
    assert sqlite_file_of(sqlite_url_for(path)) == path

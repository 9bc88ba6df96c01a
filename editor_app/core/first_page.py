"""The article list's first page and the first article, read with the standard ``sqlite3``.

The start-up skeleton (:mod:`editor_app.gui.skeleton`) paints these before SQLAlchemy and
the window's modules are imported, so nothing here may import SQLAlchemy, Alembic, the
models or the services (a subprocess test checks ``sys.modules``).

Contract of :func:`read_first_page`:
- The file is opened read-only (``file:…?mode=ro`` URI) and never written (SQLite may
  create the empty ``-wal``/``-shm`` companions of a WAL database, as any reader does);
  the connection is closed before returning.
- It answers only for a database the real window would open as it is: the stored
  ``alembic_version`` is exactly :data:`~editor_app.core.migrations.HEAD_REVISION` (no
  migration pending, not a newer schema) and a local profile exists (not a first run).
  Anything else, a missing file, a locked or damaged one, an unexpected schema, raises
  :class:`~editor_app.core.errors.FirstPageUnavailable`.
- The rows are the ones the real list shows first: live (not trashed) stories, no status,
  tag, queue or search filter, in the list's order for ``sort``/``descending`` (the SQL of
  :func:`editor_app.core.article_queries.list_summaries`: the sort column, then ``id`` the
  same way; stories without a deadline last), at most ``limit`` of them, summary columns
  only. ``article`` is the story the window opens first (the first row), the only body
  read; ``None`` on an empty list.
- :func:`read_article` reads one story's headline and body the same way (a row the user
  picked in the skeleton).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from editor_app.core.errors import FirstPageUnavailable
from editor_app.core.migrations import HEAD_REVISION

__all__ = ["SORT_COLUMNS", "FirstArticle", "FirstPage", "FirstRow", "open_read_only",
           "read_article", "read_first_page"]

log = logging.getLogger(__name__)

#: The list's sort keys (``article_queries.SORT_KEYS``) → their column in ``articles``.
SORT_COLUMNS: dict[str, str] = {"updated": "updated_at", "headline": "headline",
                                "status": "status", "byline": "byline_text",
                                "assignee": "assignee_id", "deadline": "deadline"}
#: How long to wait for a writer's lock before giving up (the skeleton is optional).
BUSY_TIMEOUT_S = 0.2


@dataclass(frozen=True, slots=True)
class FirstRow:
    """One list row: what the skeleton's table shows (``updated_at`` is aware UTC)."""

    id: int
    headline: str
    status: str
    byline: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class FirstArticle:
    """The story shown beside the list: headline and stored body."""

    id: int
    headline: str
    body: str


@dataclass(frozen=True, slots=True)
class FirstPage:
    """The list's first rows and the article the window opens first."""

    rows: tuple[FirstRow, ...]
    article: FirstArticle | None


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the existing file ``path`` (every write raises)."""
    if not path.is_file():
        raise FirstPageUnavailable(f"no database file at {path}")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise FirstPageUnavailable(f"cannot open {path} read-only: {exc}") from exc


def _stored_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise FirstPageUnavailable(f"unexpected stored time {value!r}")
    return datetime.fromisoformat(value).replace(tzinfo=UTC)  # stored naive UTC


def _order_by(sort: str, descending: bool) -> str:
    column = SORT_COLUMNS.get(sort)
    if column is None:
        raise FirstPageUnavailable(f"unknown sort key {sort!r}")
    way = "DESC" if descending else "ASC"
    order = f"{column} {way}, id {way}"
    if sort == "deadline":  # stories without a deadline last, both ways
        order = f"{column} IS NULL ASC, {order}"
    return order


def _check_usable(connection: sqlite3.Connection) -> None:
    revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    if revisions != [HEAD_REVISION]:
        raise FirstPageUnavailable(f"schema revision {revisions} is not {HEAD_REVISION}")
    if connection.execute("SELECT 1 FROM user_profiles LIMIT 1").fetchone() is None:
        raise FirstPageUnavailable("no local profile yet (first run)")


def _article(connection: sqlite3.Connection, article_id: int) -> FirstArticle | None:
    row = connection.execute("SELECT id, headline, body FROM articles WHERE id = ?",
                             (article_id,)).fetchone()
    if row is None:
        return None
    return FirstArticle(id=int(row[0]), headline=str(row[1] or ""), body=str(row[2] or ""))


def read_first_page(path: Path, *, sort: str = "updated", descending: bool = True,
                    limit: int = 200) -> FirstPage:
    """The list's first page and first article of the database at ``path`` (see the module
    contract); :class:`FirstPageUnavailable` when the skeleton should not be shown."""
    connection = open_read_only(path)
    try:
        _check_usable(connection)
        found = connection.execute(
            "SELECT id, headline, status, byline_text, updated_at FROM articles "
            f"WHERE trashed IS 0 ORDER BY {_order_by(sort, descending)} LIMIT ?",
            (max(0, limit),)).fetchall()
        rows = tuple(FirstRow(id=int(r[0]), headline=str(r[1] or ""), status=str(r[2] or ""),
                              byline=str(r[3] or ""), updated_at=_stored_time(r[4]))
                     for r in found)
        article = _article(connection, rows[0].id) if rows else None
        return FirstPage(rows=rows, article=article)
    except (sqlite3.Error, ValueError) as exc:
        raise FirstPageUnavailable(f"cannot read the first page of {path}: {exc}") from exc
    finally:
        connection.close()


def read_article(path: Path, article_id: int) -> FirstArticle | None:
    """Headline and body of one story (``None`` when it is gone); read-only, like
    :func:`read_first_page`; :class:`FirstPageUnavailable` when the file cannot be read."""
    connection = open_read_only(path)
    try:
        return _article(connection, article_id)
    except sqlite3.Error as exc:
        raise FirstPageUnavailable(f"cannot read article {article_id}: {exc}") from exc
    finally:
        connection.close()

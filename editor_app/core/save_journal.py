"""The local journal of unsaved edits: what the database could not take yet.

When the database cannot be reached (the newsroom server went away, a network share
dropped), the editor's text must not live only in memory. :class:`SaveJournal` keeps it on
this computer, in the profile's data folder, until the save lands.

Contract of :class:`SaveJournal`:
- One entry per (database, article UUID): the article data to store, the version it was
  edited from (``base_version``, for optimistic locking when it is replayed), the article
  id and headline for messages, who wrote it and when. :meth:`put` replaces the entry of the
  same article, so the journal always holds the newest text.
- Each entry is one small JSON file, written atomically (temp file, fsync, rename, fsync of
  the folder: :func:`~editor_app.core.fileio.atomic_write_bytes`). A crash or power loss
  leaves the old entry or the new one, never half of one.
- Entries belong to one database (its label: the file path, or the URL without password),
  so a profile that opens several databases never replays one's edits into another.
- :meth:`remove` is called only after the save landed; :meth:`entries` skips (and logs)
  unreadable files instead of failing, and never deletes them.
- Failures to write raise :class:`~editor_app.core.errors.StorageError`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor_app.core.article_data import ArticleData, data_from_snapshot
from editor_app.core.errors import StorageError
from editor_app.core.fileio import atomic_write_bytes

__all__ = ["JOURNAL_FOLDER", "JournalEntry", "SaveJournal", "journal_for"]

log = logging.getLogger(__name__)

#: Folder under the profile's data folder that holds the journal.
JOURNAL_FOLDER = "unsaved-journal"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """Unsaved edits of one article: ``data`` to be saved over ``base_version``."""

    article_id: int
    uuid: str
    base_version: int
    data: ArticleData
    author: str = ""
    written_at: str = ""  # ISO 8601, UTC

    def to_json(self, database: str) -> dict[str, Any]:
        """The stored form (a JSON object) for ``database``."""
        return {"format": _FORMAT, "database": database, "article_id": self.article_id,
                "uuid": self.uuid, "base_version": self.base_version, "author": self.author,
                "written_at": self.written_at, "headline": self.data.headline,
                "dek": self.data.dek, "body": self.data.body,
                "metadata": json.loads(self.data.metadata_json())}

    @staticmethod
    def from_json(item: dict[str, Any]) -> JournalEntry:
        """The inverse of :meth:`to_json`; raises ``ValueError``/``KeyError``/``TypeError``
        on a malformed object."""
        if item.get("format") != _FORMAT:
            raise ValueError(f"unknown journal format {item.get('format')!r}")
        metadata = item["metadata"]
        if not isinstance(metadata, dict):
            raise TypeError("metadata is not an object")
        data = data_from_snapshot(str(item["headline"]), str(item["dek"]), str(item["body"]),
                                  metadata)
        return JournalEntry(article_id=int(item["article_id"]), uuid=str(item["uuid"]),
                            base_version=int(item["base_version"]), data=data,
                            author=str(item.get("author", "")),
                            written_at=str(item.get("written_at", "")))


class SaveJournal:
    """The journal of one database in one profile folder (see the module contract)."""

    def __init__(self, folder: Path, database: str) -> None:
        self.folder = Path(folder)
        self.database = database
        self._prefix = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]

    def _path(self, uuid: str) -> Path:
        safe = "".join(c for c in uuid if c.isalnum() or c == "-")[:64] or "article"
        return self.folder / f"{self._prefix}-{safe}.json"

    def put(self, entry: JournalEntry) -> None:
        """Store ``entry`` (replacing the article's older one), durably, before returning."""
        if not entry.written_at:
            entry = JournalEntry(entry.article_id, entry.uuid, entry.base_version, entry.data,
                                 entry.author, datetime.now(UTC).isoformat(timespec="seconds"))
        payload = json.dumps(entry.to_json(self.database), ensure_ascii=False, indent=1)
        atomic_write_bytes(self._path(entry.uuid), payload.encode("utf-8"))
        log.info("journal: kept unsaved edits of article %d (base version %d) in %s",
                 entry.article_id, entry.base_version, self.folder)

    def get(self, uuid: str) -> JournalEntry | None:
        """The article's entry, or ``None``."""
        return self._read(self._path(uuid))

    def remove(self, uuid: str) -> None:
        """Forget the article's entry (its save landed). Missing entries are fine."""
        path = self._path(uuid)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot remove the journal entry {path}: {exc}") from exc
        log.info("journal: entry of %s removed (saved)", uuid)

    def entries(self) -> list[JournalEntry]:
        """Every readable entry of this database, oldest first."""
        if not self.folder.is_dir():
            return []
        found = [entry for path in sorted(self.folder.glob(f"{self._prefix}-*.json"))
                 if (entry := self._read(path)) is not None]
        return sorted(found, key=lambda e: e.written_at)

    def __len__(self) -> int:
        return len(self.entries())

    def _read(self, path: Path) -> JournalEntry | None:
        try:
            item = json.loads(path.read_text(encoding="utf-8"))
            if item.get("database") != self.database:
                return None
            return JournalEntry.from_json(item)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("journal: skipping unreadable entry %s: %s", path, exc)
            return None


def journal_for(data_dir: Path, database: str) -> SaveJournal:
    """The journal of ``database`` (its label) in the profile data folder ``data_dir``."""
    return SaveJournal(Path(data_dir) / JOURNAL_FOLDER, database)

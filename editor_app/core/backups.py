"""Backups of a SQLite database file: naming, listing, making (once per upgrade), pruning,
restoring, and a read-only working copy of a backup.

Contract:
- A backup lives beside its database as ``<stem>.backup-<UTC stamp>[-from-<rev>-to-<rev>]
  .sqlite``; the stamp sorts in time order. Backups made before a migration carry the
  revisions they were made for. :func:`list_backups` returns them oldest first; files of
  other databases and damaged copies put aside by :func:`restore_backup` are not backups.
- :func:`pre_migration_backup` makes at most one backup per upgrade: when a backup for the
  same from→to revisions exists and the database file has not been written since, it is
  reused (a start that fails to migrate, repeated, makes no new copies). After a new backup,
  :func:`prune_backups` keeps only the newest :data:`KEEP_BACKUPS`.
- Copies are made with SQLite's backup API (consistent, WAL frames included) into a
  temporary name and renamed into place, so a half-written copy never looks like a backup.
- :func:`restore_backup` puts the damaged file (and its ``-wal``/``-shm``) aside as
  ``<stem>.damaged-<stamp>.sqlite`` and replaces the database with the backup in one
  ``os.replace``: at every moment the database path holds either the damaged file or the
  complete backup, never a missing or half-copied file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor_app.core.errors import DiskFull, StorageError

__all__ = [
    "KEEP_BACKUPS",
    "BackupInfo",
    "latest_backup",
    "list_backups",
    "make_backup",
    "pre_migration_backup",
    "prune_backups",
    "restore_backup",
    "working_copy",
]

log = logging.getLogger(__name__)

#: Backups kept beside a database after a new one is made.
KEEP_BACKUPS = 5
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when (UTC), how big, and the upgrade it was made for."""

    path: Path
    created: datetime
    size: int
    from_revision: str | None = None
    to_revision: str | None = None

    def describe(self) -> str:
        """``path (YYYY-MM-DD HH:MM UTC, N KiB)`` for messages."""
        return (f"{self.path} ({self.created.strftime('%Y-%m-%d %H:%M')} UTC, "
                f"{self.size / 1024:,.0f} KiB)")


def _pattern(db_file: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_file.stem)}\.backup-(?P<stamp>\d{{8}}T\d{{6}}\d{{0,6}}Z)"
        r"(?:-from-(?P<src>[A-Za-z0-9_]+)-to-(?P<dst>[A-Za-z0-9_]+))?\.sqlite$",
        re.ASCII)


def _parse_stamp(stamp: str) -> datetime:
    fmt = _STAMP_FORMAT if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
    return datetime.strptime(stamp, fmt).replace(tzinfo=UTC)


def _stamp() -> str:
    return datetime.now(UTC).strftime(_STAMP_FORMAT)


def list_backups(db_file: Path) -> list[BackupInfo]:
    """Backups of ``db_file`` beside it, oldest first (an unreadable folder gives [])."""
    pattern = _pattern(db_file)
    found: list[BackupInfo] = []
    try:
        entries = list(db_file.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        try:
            size = entry.stat().st_size
            created = _parse_stamp(match["stamp"])
        except (OSError, ValueError):
            continue
        found.append(BackupInfo(entry, created, size, match["src"], match["dst"]))
    found.sort(key=lambda b: (b.created, b.path.name))
    return found


def latest_backup(db_file: Path) -> BackupInfo | None:
    """The newest backup of ``db_file``, or ``None``."""
    backups = list_backups(db_file)
    return backups[-1] if backups else None


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return "database or disk is full" in str(exc).lower()


def _copy_with_backup_api(source: Path, target: Path) -> None:
    """Consistent copy of the SQLite database ``source`` to ``target`` (via a temp name)."""
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        if _is_disk_full(exc):
            raise DiskFull(f"cannot copy {source} to {target}: the disk is full") from exc
        raise StorageError(f"cannot copy {source} to {target}: {exc}") from exc


def make_backup(db_file: Path, *, from_revision: str | None = None,
                to_revision: str | None = None) -> Path:
    """Copy ``db_file`` to a new backup beside it; return the backup's path."""
    name = f"{db_file.stem}.backup-{_stamp()}"
    if from_revision and to_revision:
        name += f"-from-{from_revision}-to-{to_revision}"
    target = db_file.with_name(name + ".sqlite")
    _copy_with_backup_api(db_file, target)
    log.info("backed up %s to %s", db_file, target)
    return target


def pre_migration_backup(db_file: Path, from_revision: str, to_revision: str) -> Path:
    """The backup to keep before migrating ``from_revision`` → ``to_revision``.

    Reuses the newest backup made for the same upgrade when the database file has not been
    modified since it was taken; otherwise makes one and prunes old backups.
    """
    try:
        db_mtime = db_file.stat().st_mtime_ns
    except OSError as exc:
        raise StorageError(f"cannot read {db_file}: {exc}") from exc
    for backup in reversed(list_backups(db_file)):
        if (backup.from_revision, backup.to_revision) != (from_revision, to_revision):
            continue
        try:
            if backup.path.stat().st_mtime_ns >= db_mtime:
                log.info("reusing backup %s made for this upgrade", backup.path)
                return backup.path
        except OSError:
            continue
        break
    target = make_backup(db_file, from_revision=from_revision, to_revision=to_revision)
    prune_backups(db_file)
    return target


def prune_backups(db_file: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``db_file``; return the deleted paths."""
    removed: list[Path] = []
    backups = list_backups(db_file)
    for backup in backups[:max(0, len(backups) - keep)]:
        try:
            backup.path.unlink()
        except OSError as exc:
            log.warning("cannot remove old backup %s: %s", backup.path, exc)
            continue
        removed.append(backup.path)
    if removed:
        log.info("removed %d old backups of %s", len(removed), db_file)
    return removed


def restore_backup(db_file: Path, backup: Path) -> Path:
    """Replace ``db_file`` by ``backup``; the replaced file is kept aside. Returns its path.

    The caller must have closed every connection to ``db_file``.
    """
    if not backup.is_file():
        raise StorageError(f"the backup {backup} does not exist")
    aside = db_file.with_name(f"{db_file.stem}.damaged-{_stamp()}.sqlite")
    incoming = db_file.with_name(db_file.name + ".restoring")
    moved: list[tuple[Path, Path]] = []
    try:
        if db_file.exists():
            shutil.copy2(db_file, aside)
        shutil.copy2(backup, incoming)
        with incoming.open("rb+") as handle:
            os.fsync(handle.fileno())
        for suffix in _SIDE_FILES:  # a stale WAL would be replayed into the restored file
            side = db_file.with_name(db_file.name + suffix)
            if side.exists():
                target = aside.with_name(aside.name + suffix)
                os.replace(side, target)
                moved.append((target, side))
        os.replace(incoming, db_file)
    except OSError as exc:
        for target, side in reversed(moved):  # put the damaged file's WAL back with it
            with contextlib.suppress(OSError):
                os.replace(target, side)
        incoming.unlink(missing_ok=True)
        aside.unlink(missing_ok=True)
        if _is_disk_full(exc):
            raise DiskFull(f"cannot restore {backup} over {db_file}: the disk is full "
                           "(the database was not changed)") from exc
        raise StorageError(f"cannot restore {backup} over {db_file}: {exc} (the database "
                           "was not changed)") from exc
    log.warning("restored %s from %s; the damaged file is kept as %s", db_file, backup, aside)
    return aside


def working_copy(backup: Path, folder: Path) -> Path:
    """A fresh copy of ``backup`` in ``folder`` to open (and migrate) without touching it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create {folder}: {exc}") from exc
    target = folder / f"backup-view-{backup.stem}.sqlite"
    for suffix in ("", *_SIDE_FILES):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    _copy_with_backup_api(backup, target)
    return target

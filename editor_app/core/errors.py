"""Typed exception hierarchy of the core.

The GUI turns these into dialogs and the CLI into one-line messages on stderr with a
non-zero exit code; neither shows a traceback for a :class:`SampadakError`.
"""

from __future__ import annotations

from pathlib import Path


class SampadakError(Exception):
    """Base class of every error the core raises on purpose."""


class ConfigError(SampadakError):
    """A setting, path or database URL is unusable."""


class StorageError(SampadakError):
    """The database could not be opened, migrated or written."""


class MigrationError(StorageError):
    """A schema upgrade failed; the pre-upgrade backup is named in the message."""


class DatabaseTooNew(StorageError):
    """The database was made by a newer Sampadak (its schema revision is unknown here).

    Nothing was changed and no backup was made; ``revision`` is the stored revision.
    """

    def __init__(self, message: str, *, revision: str | None = None) -> None:
        super().__init__(message)
        self.revision = revision


class DatabaseDamaged(StorageError):
    """The database file is damaged (SQLite reports a malformed image or "not a database").

    ``path`` is the damaged file, ``backup`` the newest backup beside it (``None`` when there
    is none). The message is one line naming both.
    """

    def __init__(self, message: str, *, path: Path | None = None,
                 backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class DiskFull(StorageError):
    """A write failed for lack of space; the transaction was rolled back, so what was stored
    before (the previous version of an article) is intact. Retrying after freeing space
    is safe."""


class ConnectionLost(StorageError):
    """The database cannot be reached right now: the server went away or refused the
    connection (PostgreSQL), or the file's folder vanished (SQLite on a network share).

    Nothing of the failed transaction was kept. Retrying later is safe and is what callers
    do (the GUI keeps unsaved edits in the local journal meanwhile).
    """


class ReadOnlyDatabase(StorageError):
    """A write was attempted on a database opened read-only (for example a backup view)."""


class NotFoundError(SampadakError):
    """The requested record (article, person, tag, ...) does not exist."""


class ConflictError(SampadakError):
    """A save was based on a stale version: somebody else saved in between.

    Nothing was written. ``expected`` is the version the caller had, ``actual`` the
    version now stored.
    """

    def __init__(self, message: str, *, article_id: int | None = None,
                 expected: int | None = None, actual: int | None = None) -> None:
        super().__init__(message)
        self.article_id = article_id
        self.expected = expected
        self.actual = actual


class ValidationError(SampadakError):
    """Input does not satisfy a rule (empty headline, bad slug, oversize text, ...)."""


class ImportRejected(SampadakError):
    """A file offered for import or conversion is broken, hostile or too large."""


class BundleError(ImportRejected):
    """A Sampadak bundle (.zip) is broken, tampered with, hostile or of an unknown version."""


class PermissionDenied(SampadakError):
    """The current user's role does not allow this action."""


class SpellCheckUnavailable(SampadakError):
    """Enchant or a dictionary is missing; the message says what to install."""


class EmbargoActive(PermissionDenied):
    """A story is under embargo: it may not be exported or marked exported before
    ``until`` unless a desk chief overrides with a reason (wip-queues)."""

    def __init__(self, message: str, *, article_id: int | None = None,
                 until: object = None) -> None:
        super().__init__(message)
        self.article_id = article_id
        self.until = until


class LoginRequired(StorageError):
    """The database server wants a login and password: none was given, or the one given
    was refused (PostgreSQL newsroom, issue 8). The message never holds the password."""


class FirstPageUnavailable(StorageError):
    """The start-up skeleton cannot read its first page from this database (not a SQLite
    file, another schema revision, no local profile yet, unreadable): the window takes the
    ordinary path. Never shown to the user (:mod:`editor_app.core.first_page`)."""

"""Typed exception hierarchy of the core.

The GUI turns these into dialogs and the CLI into one-line messages on stderr with a
non-zero exit code; neither shows a traceback for a :class:`SampadakError`.
"""

from __future__ import annotations


class SampadakError(Exception):
    """Base class of every error the core raises on purpose."""


class ConfigError(SampadakError):
    """A setting, path or database URL is unusable."""


class StorageError(SampadakError):
    """The database could not be opened, migrated or written."""


class MigrationError(StorageError):
    """A schema upgrade failed; the pre-upgrade backup is named in the message."""


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

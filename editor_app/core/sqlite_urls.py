"""SQLite database URLs without SQLAlchemy: build one for a file, find the file in one.

Start-up code that must not import SQLAlchemy (configuration, the skeleton window of
:mod:`editor_app.gui.startup`) uses these; :mod:`editor_app.core.db` re-exports
:func:`sqlite_url_for` under its old name.

Contract of :func:`sqlite_file_of`: the file of a plain SQLite file URL
(``sqlite:///PATH`` or ``sqlite+pysqlite:///PATH``, no query string), else ``None``:
in-memory databases, server URLs, URLs with options or anything unusual are not
guessed at (the caller then takes the ordinary path through SQLAlchemy).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["sqlite_file_of", "sqlite_url_for"]

_FILE_SCHEMES = ("sqlite:///", "sqlite+pysqlite:///")


def sqlite_url_for(path: Path) -> str:
    """SQLAlchemy URL of a SQLite file at ``path``."""
    return f"sqlite:///{path}"


def sqlite_file_of(url: str) -> Path | None:
    """The file a plain SQLite file URL names (see the module contract), else ``None``."""
    for scheme in _FILE_SCHEMES:
        if url.startswith(scheme):
            rest = url[len(scheme):]
            if not rest or "?" in rest or "%" in rest or rest.startswith(":memory:"):
                return None
            return Path(rest)
    return None

"""Shared helpers of the intake tests: a whole-database dump and small file makers."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import sqlalchemy as sa

from editor_app.core.db import Database
from editor_app.core.models import Base


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sorted), to compare a database before and after."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(sa.select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def make_zip(members: dict[str, bytes], *, symlink: str | None = None) -> bytes:
    """A zip of ``members`` (``symlink`` names one that is stored as a symbolic link)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name == symlink:
                info.external_attr = (0o120777) << 16
            archive.writestr(info, data)
    return buffer.getvalue()

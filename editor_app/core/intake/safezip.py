"""Zip containers that are not bundles (Word .docx) checked before a library opens them.

Contract: :func:`check_zip` reads every member while counting the bytes really produced
(not the sizes the headers claim) and raises :class:`ImportRejected` for a broken zip,
``..``/absolute/backslash names, symlinks, encrypted members, too many members, too many
uncompressed bytes in total or a member whose compression ratio is beyond the limit (the
rules of :mod:`editor_app.core.zip_safety`, shared with bundles).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from editor_app.core.errors import ImportRejected
from editor_app.core.zip_safety import (
    ZipBudget,
    ZipUnsafe,
    entry_problem,
    name_problem,
    read_entry,
)

__all__ = ["ZipLimits", "check_zip"]


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """Limits for one archive."""

    max_members: int = 2_000
    max_total_bytes: int = 200 * 1024 * 1024
    max_ratio: float = 200.0


def check_zip(data: bytes, name: str, limits: ZipLimits | None = None) -> None:
    """Raise :class:`ImportRejected` when the zip in ``data`` is unsafe (see contract)."""
    limits = limits or ZipLimits()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRejected(f"{name} is not a readable zip archive: {exc}") from exc
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise ImportRejected(f"{name} has {len(members):,} entries; at most "
                                 f"{limits.max_members:,}")
        budget = ZipBudget(limits.max_total_bytes, limits.max_ratio)
        for info in members:
            problem = name_problem(info.filename) or entry_problem(info, allow_dirs=True)
            if problem:
                raise ImportRejected(f"{name}: {problem}")
            try:
                read_entry(archive, info, budget, keep=False)
            except ZipUnsafe as exc:
                raise ImportRejected(f"{name}: {exc}") from exc

"""Zip containers that are not bundles (Word .docx) checked before a library opens them.

Contract: :func:`check_zip` reads every member while counting the bytes really produced
(not the sizes the headers claim) and raises :class:`ImportRejected` for a broken zip,
``..``/absolute/backslash names, symlinks, encrypted members, too many members, too many
uncompressed bytes in total or a member whose compression ratio is beyond the limit.
"""

from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass

from editor_app.core.errors import ImportRejected

__all__ = ["ZipLimits", "check_zip"]

_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """Limits for one archive."""

    max_members: int = 2_000
    max_total_bytes: int = 200 * 1024 * 1024
    max_ratio: float = 200.0


def _bad_name(name: str) -> bool:
    parts = name.split("/")
    return (name.startswith("/") or "\\" in name or ".." in parts
            or (len(name) > 1 and name[1] == ":"))


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
        total = 0
        for info in members:
            if _bad_name(info.filename):
                raise ImportRejected(f"{name} has an entry with an unsafe path: "
                                     f"{info.filename!r}")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ImportRejected(f"{name} has a symbolic link entry: {info.filename!r}")
            if info.flag_bits & 0x1:
                raise ImportRejected(f"{name} has an encrypted entry: {info.filename!r}")
            produced = 0
            try:
                with archive.open(info) as stream:
                    while chunk := stream.read(_CHUNK):
                        produced += len(chunk)
                        total += len(chunk)
                        if total > limits.max_total_bytes:
                            raise ImportRejected(
                                f"{name} unpacks to more than "
                                f"{limits.max_total_bytes / (1024 * 1024):.1f} MiB "
                                "(the limit for one file)")
                        if produced > 1024 * 1024 and produced > limits.max_ratio * max(
                                info.compress_size, 1):
                            raise ImportRejected(
                                f"{name}: entry {info.filename!r} expands more than "
                                f"{limits.max_ratio:.0f} times (a zip bomb?)")
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
                raise ImportRejected(f"{name}: entry {info.filename!r} is broken: "
                                     f"{exc}") from exc

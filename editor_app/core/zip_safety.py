"""Reading zip archives that come from outside (field bundles, Word files) safely.

One set of rules for every zip the app opens, used by :mod:`editor_app.core.bundle_format`
and :mod:`editor_app.core.intake.safezip`; each caller turns :class:`ZipUnsafe` into its own
typed error (``BundleError``, ``ImportRejected``) with the archive's name.

Contracts:
- :func:`name_problem` refuses absolute, drive-letter, backslash, NUL, empty, ``.`` and
  ``..`` paths; :func:`entry_problem` refuses symbolic links and other non-regular entries
  (directories only when not allowed) and encrypted entries.
- :func:`read_entry` streams one entry and counts the bytes really produced, never the
  sizes in the zip headers: it stops as soon as the entry passes its own ``limit``, the
  archive's total budget, or its compression ratio (above a floor, so tiny entries that
  compress well are fine).
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass

import regex

__all__ = ["ZipBudget", "ZipUnsafe", "entry_problem", "name_problem", "read_entry"]

_CHUNK = 64 * 1024
_DRIVE = regex.compile(r"^[A-Za-z]:")


class ZipUnsafe(ValueError):
    """An entry breaks a rule; the message says which (callers re-raise it typed)."""


def name_problem(name: str) -> str | None:
    """Why entry ``name`` is unsafe to use as a path, or ``None`` when it is fine."""
    if (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name
            or _DRIVE.match(name)):
        return f"entry {name!r} has an unsafe path (absolute, backslash or drive letter)"
    if any(part in ("", ".", "..") for part in name.rstrip("/").split("/")):
        return f"entry {name!r} has an unsafe path (an empty, '.' or '..' part)"
    return None


def entry_problem(info: zipfile.ZipInfo, *, allow_dirs: bool = False) -> str | None:
    """Why ``info`` may not be read (a link, a device, an encrypted entry, a directory
    unless ``allow_dirs``), or ``None``."""
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no Unix type recorded
    if kind == stat.S_IFLNK:
        return f"entry {info.filename!r} is a symbolic link, not a regular file"
    if info.is_dir() or kind == stat.S_IFDIR:
        return None if allow_dirs else f"entry {info.filename!r} is not a regular file"
    if kind not in (0, stat.S_IFREG):
        return f"entry {info.filename!r} is not a regular file"
    if info.flag_bits & 0x1:
        return f"entry {info.filename!r} is encrypted"
    return None


@dataclass(slots=True)
class ZipBudget:
    """What one archive may unpack to; ``used`` counts the bytes read so far."""

    max_total_bytes: int
    max_ratio: float
    #: Entries smaller than this are never refused for their ratio.
    ratio_floor: int = 1024 * 1024
    used: int = 0


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ZipBudget, *,
               limit: int | None = None, limit_name: str = "its recorded size",
               keep: bool = True) -> bytes:
    """The bytes of ``info`` (``b""`` when ``keep`` is false: checked and dropped), raising
    :class:`ZipUnsafe` as soon as a limit is passed (see module contract); ``limit_name``
    says in the message where ``limit`` comes from."""
    chunks: list[bytes] = []
    got = 0
    ratio_cap = max(budget.ratio_floor, budget.max_ratio * max(info.compress_size, 1))
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                got += len(chunk)
                budget.used += len(chunk)
                if limit is not None and got > limit:
                    raise ZipUnsafe(f"{info.filename} is larger than {limit_name}")
                if budget.used > budget.max_total_bytes:
                    raise ZipUnsafe(f"unpacks to more than "
                                    f"{budget.max_total_bytes / (1024 * 1024):.1f} MiB")
                if got > ratio_cap:
                    raise ZipUnsafe(f"{info.filename} is compressed more than "
                                    f"{budget.max_ratio:.0f}:1 (a zip bomb?)")
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError,
            NotImplementedError) as exc:
        if isinstance(exc, ZipUnsafe):
            raise
        raise ZipUnsafe(f"{info.filename} cannot be unpacked: {exc}") from exc
    return b"".join(chunks)

"""Atomic file writes and careful reads.

Contract: :func:`atomic_write_bytes` either leaves the old file untouched or replaces it with
the complete new content (temp file in the same folder, fsync, ``os.replace``, fsync of the
folder). A crash or power loss never leaves a half-written file under the target name.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from editor_app.core.errors import ImportRejected, StorageError

__all__ = ["MAX_TEXT_FILE_BYTES", "atomic_output", "atomic_write_bytes", "atomic_write_text",
           "read_text_file"]

log = logging.getLogger(__name__)

#: Largest text file accepted for import or checking (a 20k-word story is ~300 KB).
MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raise :class:`StorageError` on failure."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StorageError(f"cannot write {path}: {exc}") from exc


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Stream a file into place atomically: ``with atomic_output(p) as handle: ...``.

    The handle writes to a temp file in ``path``'s folder; when the block ends normally the
    file is flushed, fsynced and renamed over ``path`` (then the folder is fsynced). When the
    block raises, the temp file is removed, ``path`` is untouched and the exception goes on.
    OS failures become :class:`StorageError`.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StorageError(f"cannot write {path}: {exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        log.debug("fsync of folder %s not supported", folder)
    finally:
        os.close(fd)


def read_text_file(path: Path, *, max_bytes: int = MAX_TEXT_FILE_BYTES) -> str:
    """Read a UTF-8 text file (BOM allowed) with clear errors.

    Raises :class:`ImportRejected` when the file is missing, larger than ``max_bytes``, binary
    (contains NUL bytes) or not valid UTF-8 (the message gives the byte offset).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportRejected(
                f"{path.name} is {size // (1024 * 1024)} MiB; the limit is "
                f"{max_bytes // (1024 * 1024)} MiB"
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportRejected(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise ImportRejected(f"{path} is a folder, not a file") from exc
    except OSError as exc:
        raise ImportRejected(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"\x00" in data:
        raise ImportRejected(f"{path.name} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{path.name} is not valid UTF-8 (bad byte at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from exc

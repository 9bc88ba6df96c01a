"""Reading import files safely: size limits, empty and binary files, text decoding.

Contracts:
- :func:`read_source` returns the file's bytes or raises :class:`ImportRejected` (missing,
  a folder, larger than the limit — checked on the bytes read, not only the size reported —,
  or empty).
- :func:`decode_text` accepts UTF-8 (BOM allowed) and UTF-16 with a BOM or without one
  (recognised by its byte pattern); it refuses binary data and invalid UTF-8 with a message
  that names the line, column and byte offset of the first bad byte. The text returned is
  NFC with ``\\n`` line ends.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from pathlib import Path

from editor_app.core.errors import ImportRejected

__all__ = ["MAX_IMPORT_BYTES", "decode_text", "read_source", "sniff_binary"]

log = logging.getLogger(__name__)

#: Largest file accepted for import (bundles and Word files have their own inner limits).
MAX_IMPORT_BYTES = 50 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (Word file or bundle?)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc) file; save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_source(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of ``path`` (see module contract)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise ImportRejected(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise ImportRejected(f"{path} is a folder, not a file") from exc
    except OSError as exc:
        raise ImportRejected(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise ImportRejected(
            f"{path.name} is larger than the import limit of {_mib(max_bytes)}")
    if not data.strip():
        raise ImportRejected(f"{path.name} is empty")
    return data


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or ``None``."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _looks_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` has the byte pattern of BOM-less
    UTF-16 text in the Latin, Devanagari or punctuation blocks, else ``None``."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    text_high = {0x00, 0x09, 0x20, 0x25}  # Basic Latin/Latin-1, Devanagari, punctuation
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in text_high) / len(high)
        if share >= 0.95:
            return encoding
    return None


def decode_text(data: bytes, name: str = "the file") -> str:
    """``data`` decoded to NFC text (see module contract)."""
    if data.startswith(codecs.BOM_UTF8):
        return _finish(_utf8(data[len(codecs.BOM_UTF8):], name, len(codecs.BOM_UTF8)), name)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE,
                                                                "utf-16-be")):
        if data.startswith(bom):
            return _finish(_utf16(data[2:], encoding, name), name)
    if b"\x00" in data:
        guess = _looks_utf16(data)
        if guess is not None:
            return _finish(_utf16(data, guess, name), name)
        what = sniff_binary(data) or "a binary file"
        raise ImportRejected(f"{name} is {what}, not text")
    kind = sniff_binary(data)
    if kind is not None:
        raise ImportRejected(f"{name} is {kind}, not text")
    return _finish(_utf8(data, name, 0), name)


def _utf8(data: bytes, name: str, skipped: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise ImportRejected(
            f"{name} is not valid UTF-8: bad byte 0x{data[exc.start]:02x} at line {line}, "
            f"column {column} (byte offset {exc.start + skipped}); save it as UTF-8 and "
            "try again") from exc


def _utf16(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{name} looks like {encoding.upper()} but has a broken character at byte "
            f"offset {exc.start}") from exc


def _finish(text: str, name: str) -> str:
    controls = sum(1 for ch in text[:20000]
                   if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if "\x00" in text or controls > max(8, len(text[:20000]) // 100):
        raise ImportRejected(f"{name} holds control characters: it is a binary file, "
                             "not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ImportRejected(f"{name} holds no text")
    return text

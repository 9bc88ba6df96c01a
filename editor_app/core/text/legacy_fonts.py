"""Legacy-font Hindi text (Kruti Dev 010, Walkman Chanakya) -> Unicode Devanagari.

Text typed with a legacy font is ASCII/cp1252: ``Hkkjr`` is भारत only on screen. Contract:

- :func:`convert_legacy` maps codes with an ordered table (longest match first, tables in
  :mod:`editor_app.core.text.legacy_tables`), moves the i-matra (typed before its consonant
  cluster) after the cluster and the reph (typed after its syllable) before it, then
  cleans up: a half letter followed by the ``k`` stroke becomes the full letter, double
  virama and repeated marks collapse, DoNotEmit sequences (आॅ, अा, ...) become the atomic
  letter, ऱ becomes र, and the result is NFC (nukta letters decomposed as NFC requires).
- Characters outside the legacy code range (Devanagari or any other Unicode already in the
  text) are not converted; only the NFC/DoNotEmit repair applies to them.
- Text longer than :data:`MAX_CHARS` raises :class:`ImportRejected`.
- :func:`detect_legacy` guesses whether ASCII text is legacy-font Hindi; ordinary English
  (prose or technical) gives None. Never convert without the user's confirmation.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import regex

from editor_app.core.errors import ImportRejected, ValidationError
from editor_app.core.text.legacy_tables import (
    CHANAKYA_OVERRIDES,
    I_MATRA,
    KRUTIDEV,
    REPH,
    SMART_QUOTES,
)

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "LegacyEncoding",
    "LegacyGuess",
    "convert_file_for_cli",
    "convert_legacy",
    "detect_legacy",
    "normalise_encoding_name",
]

log = logging.getLogger(__name__)

LegacyEncoding = Literal["krutidev", "chanakya"]
MAX_BYTES = 20 * 1024 * 1024
MAX_CHARS = MAX_BYTES

_ALIASES: dict[str, LegacyEncoding] = {
    "krutidev": "krutidev", "krutidev010": "krutidev", "kruti": "krutidev",
    "chanakya": "chanakya", "walkmanchanakya": "chanakya", "walkmanchanakya905": "chanakya",
}
_CONS = "[\u0915-\u0939\u0958-\u095f]"
_CLUSTER = f"(?:{_CONS}\u093c?\u094d)*{_CONS}\u093c?"
_SIGNS = "[\u093e-\u094c\u0901-\u0903\u093c\u0962\u0963]"
_I_MATRA_RE = regex.compile(f"{I_MATRA}({_CLUSTER})")
_REPH_RE = regex.compile(f"({_CLUSTER}{_SIGNS}*){REPH}")
_DO_NOT_EMIT = {
    "अा": "आ", "अॅ": "ऍ", "अॉ": "ऑ", "अो": "ओ", "अौ": "औ", "अै": "ऐ", "आॅ": "ऑ",
    "ाॅ": "ॉ", "ाॉ": "ॉ", "ाे": "ो", "ाै": "ौ", "एॅ": "ऍ", "एे": "ऐ",
}
_DO_NOT_EMIT_RE = regex.compile("|".join(_DO_NOT_EMIT))
_VIRAMA_BEFORE_SIGN_RE = regex.compile("\u094d+([\u093e-\u094c])")
_REPEATED_MARK_RE = regex.compile("([\u0901-\u0903\u093c\u093e-\u094d])\\1+")
_NASAL_BEFORE_SIGN_RE = regex.compile("([\u0901\u0902])([\u093e-\u094c])")


@dataclass(frozen=True, slots=True)
class LegacyGuess:
    """A guess that text is legacy-font Hindi: ``confidence`` in (0, 1]."""

    encoding: LegacyEncoding
    confidence: float
    reason: str


def normalise_encoding_name(name: str) -> LegacyEncoding:
    """Map a user-given name (``KrutiDev``, ``kruti-dev-010``, ``walkman-chanakya``)."""
    key = regex.sub(r"[^a-z0-9]", "", name.lower())
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValidationError(
            f"unknown legacy font {name!r}: use 'krutidev' or 'chanakya'") from None


@lru_cache(maxsize=2)
def _table(encoding: LegacyEncoding
           ) -> tuple[dict[str, str], regex.Pattern[str], regex.Pattern[str]]:
    """(code table, longest-first key matcher, matcher of runs of legacy codes)."""
    table = dict(KRUTIDEV)
    if encoding == "chanakya":
        table.update(CHANAKYA_OVERRIDES)
    keys = sorted(table, key=len, reverse=True)
    extra = "".join(sorted({c for k in table for c in k if ord(c) > 0x7E} | set(SMART_QUOTES)))
    return (table, regex.compile("|".join(regex.escape(k) for k in keys)),
            regex.compile(f"[\\x20-\\x7e{regex.escape(extra)}]+"))


def convert_legacy(text: str, encoding: LegacyEncoding) -> str:
    """Convert legacy-font ``text`` to NFC Unicode Devanagari (see the module contract).

    Raises :class:`ImportRejected` when ``text`` is longer than :data:`MAX_CHARS` and
    :class:`ValidationError` for an unknown ``encoding``.
    """
    if len(text) > MAX_CHARS:
        raise ImportRejected(
            f"text of {len(text):,} characters is too large to convert (limit {MAX_CHARS:,})")
    table, key_re, run_re = _table(normalise_encoding_name(encoding))

    def convert_run(match: regex.Match[str]) -> str:
        run = "".join(SMART_QUOTES.get(c, c) for c in match.group())
        mapped = key_re.sub(lambda m: table[m.group()], run)
        return _reorder(mapped)

    return _cleanup(run_re.sub(convert_run, text))


def _reorder(text: str) -> str:
    """Move i-matra placeholders after their cluster and reph placeholders before theirs."""
    text = regex.sub(f"{REPH}+", REPH, text)
    text = _I_MATRA_RE.sub(lambda m: m.group(1) + "ि", text)
    text = _REPH_RE.sub(lambda m: "र्" + m.group(1), text)
    # Orphans (nothing to attach to) keep their visible form.
    return text.replace(I_MATRA, "ि").replace(REPH, "र्")


def _cleanup(text: str) -> str:
    """NFC plus repair of sequences that legacy conversion leaves behind."""
    previous = None
    while previous != text:
        previous = text
        text = unicodedata.normalize("NFC", text)
        text = _VIRAMA_BEFORE_SIGN_RE.sub(r"\1", text)
        text = _REPEATED_MARK_RE.sub(r"\1", text)
        text = _NASAL_BEFORE_SIGN_RE.sub(r"\2\1", text)
        text = _DO_NOT_EMIT_RE.sub(lambda m: _DO_NOT_EMIT[m.group()], text)
        text = text.replace("\u0931", "\u0930")
    return text


# --- Detection ---------------------------------------------------------------------------

_TOKEN_RE = regex.compile(r"[^\s]+")
_KD_WORDS = frozenset(_TOKEN_RE.findall(
    "dk dh ds gS gSa esa dks ls us ij vkSj Hkh fd ;g og Fkk Fkh Fks x;k dgk ugha rks gh bl "
    "ml ,d tks fy, ckn lkFk dj gks jgk jgs jgh rd Hkkjr ljdkj ns'k ;s os bu mu dqN vius "
    "viuh viuk vc tc rc dHkh fdlh fdl lHkh djrs djus djsa gksrk gksrh gksus x;s x;h"
))
_EN_WORDS = frozenset(_TOKEN_RE.findall(
    "the of and to in is it that for on with as was are be by this at from or an not have "
    "has had but which you we they he she his her their will would can could should may "
    "all one more new also if about into than other its been were when there what so no "
    "use used using data file files code function value values return returns set get "
    "user users time our your some any each how only over such our these those then"
))
_LETTERS_RE = regex.compile(r"[A-Za-z]")
_KD_SHAPE_RE = regex.compile(
    r"[a-z][A-Z]|[A-Za-z][;\[{=~Z'/][A-Za-z]|[A-Za-z]Z\b|\b[A-Z][a-z]*k[a-z]*$|A$")


def detect_legacy(text: str, *, sample_chars: int = 20000) -> LegacyGuess | None:
    """Guess whether ``text`` is Kruti Dev/Chanakya-encoded Hindi; None when it is not.

    Looks at the first ``sample_chars`` characters: the share of tokens that are frequent
    Kruti Dev words (``dk`` का, ``gS`` है, ``esa`` में ...), the share with legacy shapes
    (lower-then-upper inside a word, ``;`` ``Z`` ``[`` inside letters, a final ``A`` danda),
    against the share of common English words. Text that is mostly Devanagari already, or
    has fewer than five letter tokens, gives None.
    """
    sample = text[:sample_chars]
    tokens = [t for t in _TOKEN_RE.findall(sample) if _LETTERS_RE.search(t)]
    if len(tokens) < 5:
        return None
    deva = sum(1 for c in sample if "\u0900" <= c <= "\u097f")
    if deva > len(sample) / 4:
        return None
    stripped = [t.strip(".,!?()\"“”‘’-") for t in tokens]
    known = sum(1 for t in stripped if t in _KD_WORDS) / len(tokens)
    shaped = sum(1 for t in tokens if _KD_SHAPE_RE.search(t)) / len(tokens)
    english = sum(1 for t in stripped if t.lower() in _EN_WORDS) / len(tokens)
    score = min(1.0, known * 3.0) * 0.6 + min(1.0, shaped * 2.0) * 0.4 - english * 2.5
    log.debug("legacy detection: known=%.2f shaped=%.2f english=%.2f score=%.2f",
              known, shaped, english, score)
    if score < 0.45:
        return None
    encoding: LegacyEncoding = "krutidev"
    if sample.count("\\") > sample.count("A") and sample.count("\\") >= 2:
        encoding = "chanakya"  # '\' is the danda in Chanakya, '?' in Kruti Dev
    reason = (f"{known:.0%} frequent legacy-font words, {shaped:.0%} legacy letter shapes, "
              f"{english:.0%} English words")
    return LegacyGuess(encoding, round(min(1.0, score), 2), reason)


# --- Files -------------------------------------------------------------------------------

def convert_file_for_cli(path: Path, encoding: str) -> str:
    """Read ``path`` (UTF-8, else cp1252) and return its legacy-font text as Unicode.

    Raises :class:`ImportRejected` for a missing/unreadable file, a file over
    :data:`MAX_BYTES`, binary data (NUL bytes or many control characters) or bytes that
    neither UTF-8 nor cp1252 can decode; :class:`ValidationError` for an unknown encoding.
    """
    name = normalise_encoding_name(encoding)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRejected(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    if b"\x00" in data:
        raise ImportRejected(f"{path}: binary data (NUL bytes), not a text file")
    text = _decode(data, path)
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t\f")
    if controls > max(8, len(text) // 100):
        raise ImportRejected(f"{path}: binary data ({controls} control characters)")
    log.info("converting %s from %s (%d characters)", path, name, len(text))
    return convert_legacy(text, name)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{path}: neither UTF-8 nor cp1252 text (undecodable byte at offset {exc.start})"
        ) from exc

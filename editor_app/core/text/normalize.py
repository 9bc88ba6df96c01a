"""Normalisation: NFC for storage, and a folded form for nukta/nasal-insensitive matching.

Contract:
- :func:`to_nfc` is applied to every piece of text before it is stored. It also makes the
  text :func:`storable`: NUL characters dropped (PostgreSQL cannot store them) and lone UTF-16
  surrogates (from broken clipboards or files) replaced with U+FFFD, so storing never fails
  on encoding. The ORM applies :func:`storable` to every text column as a last line of
  defence (``editor_app.core.models``).
- :func:`fold` maps text to a *search key*: NFC, then nukta removed, chandrabindu made
  anusvara, case folded for Latin. ``fold("ज़रूर") == fold("जरूर")`` and
  ``fold("हँस") == fold("हंस")``. Folding never changes the number of code points *except*
  by removing nukta, so callers that need spans use :func:`fold_with_map`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["NUKTA", "fold", "fold_with_map", "storable", "to_nfc"]

NUKTA = "\u093c"
_SURROGATE = re.compile("[\ud800-\udfff]")
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"

# Precomposed nukta letters are NFC composition exclusions (they decompose), but ऩ ऱ ऴ
# compose; fold them to their base letters too.
_FOLD_CHARS = {
    ord(NUKTA): None,
    ord(CHANDRABINDU): ANUSVARA,
    ord("\u0929"): "\u0928",  # ऩ -> न
    ord("\u0931"): "\u0930",  # ऱ -> र
    ord("\u0934"): "\u0933",  # ऴ -> ळ
}


def storable(text: str) -> str:
    """``text`` that every database can store: no NUL, lone surrogates made U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def to_nfc(text: str) -> str:
    """``text`` in Unicode Normalization Form C (the only form Sampadak stores), without NUL
    characters and with lone surrogates replaced by U+FFFD."""
    return unicodedata.normalize("NFC", storable(text))


def fold(text: str) -> str:
    """Search key of ``text``: NFC, nukta dropped, chandrabindu -> anusvara, casefolded."""
    return to_nfc(text).translate(_FOLD_CHARS).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold NFC ``text`` and return ``(folded, origin)``.

    ``origin[i]`` is the index in ``text`` of the character that produced ``folded[i]``;
    ``origin`` has one extra final entry equal to ``len(text)`` so that an end offset maps too.
    ``text`` must already be NFC (offsets refer to it). Latin casefolding that changes length
    (``ß`` -> ``ss``) maps every produced character to its source.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        mapped = char.translate(_FOLD_CHARS).casefold()
        for produced in mapped:
            out.append(produced)
            origin.append(index)
    origin.append(len(text))
    return "".join(out), origin

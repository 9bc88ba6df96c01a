"""The sentence-end mark to type: ``।`` instead of ``.`` when the house style wants danda.

Used by phonetic typing (a Roman keyboard has no danda key). The decision is the same one
the ``style.sentence-end`` check makes, so typing never produces what the checks then flag:
a ``.`` becomes ``।`` only right after a Devanagari word (or a closing quote/bracket after
one), never after an abbreviation or initial from the house style (``डॉ.``, ``ए.पी.जे.``),
never in a decimal (``3.5``), an ellipsis (``..``) or after Latin text.
"""

from __future__ import annotations

import regex

from editor_app.core.house_style import HouseStyle
from editor_app.core.text.lint.base import DEVA_WORDCHAR, LintContext
from editor_app.core.text.lint.rules_punctuation import DANDA, is_abbreviation_before
from editor_app.core.text.normalize import to_nfc

__all__ = ["DANDA", "period_mark"]

_ENDS_SENTENCE_RE = regex.compile(rf"{DEVA_WORDCHAR}[’”)]?\Z")
#: Only the end of the text before the cursor matters (a word, a few initials).
_TAIL = 80


def period_mark(before_cursor: str, style: HouseStyle) -> str:
    """``"।"`` when a ``.`` typed after ``before_cursor`` ends a Hindi sentence and
    ``style.sentence_end == "danda"``; otherwise ``"."``."""
    if style.sentence_end != "danda":
        return "."
    tail = to_nfc(before_cursor[-_TAIL:])
    if not _ENDS_SENTENCE_RE.search(tail):
        return "."
    if tail[-1] not in "’”)" and is_abbreviation_before(LintContext(tail, style), len(tail)):
        return "."
    return DANDA

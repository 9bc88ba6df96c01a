"""Word-formation evidence for words no lexicon lists: productive Hindi affixes on a known
word, and the nukta that house style makes optional.

Contract:
- :func:`affix_splits` yields ``(stem, affix)`` for each productive prefix or suffix of
  :data:`PREFIXES` / :data:`SUFFIXES` that ``word`` carries with a stem of at least
  :data:`MIN_STEM_AKSHARAS` aksharas left: collective and agent suffixes (समाजजनों,
  ग्रामीणजन, शिक्षकगण, नगरवासियों, विधिपूर्वक) and prefixes (श्रीचरणों, बेमतलब,
  गैरकानूनी, सहकर्मी, उपनिरीक्षक). Nothing here decides whether the stem is a word.
- :func:`soft_nukta_forms` yields ``word`` with a nukta added on a क ख ग ज फ that lacks one,
  one letter at a time and then on all of them (नाजिर -> नाज़िर): the house style writes
  those letters with or without the nukta, so a word is as correct as its nukta form.
- Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor_app.core.text.tokenize import akshara_split

__all__ = ["MIN_STEM_AKSHARAS", "PREFIXES", "SUFFIXES", "affix_splits", "soft_nukta_forms"]

#: Prefixes that make a new word of any noun or adjective.
PREFIXES = ("श्री", "बे", "गैर", "ग़ैर", "बद", "सह", "उप", "महा", "पुनः", "स्व")
#: Suffixes that make a collective, an agent or a manner word of any noun.
SUFFIXES = ("जनों", "जन", "गणों", "गण", "वासियों", "वासी", "पूर्वक", "मय", "कर्मियों",
            "कर्मी")
#: Shortest stem (in aksharas) an affix is split from (सहज is not सह + ज).
MIN_STEM_AKSHARAS = 2
_NUKTA = "\u093c"
_SOFT = frozenset("कखगजफ")


def affix_splits(word: str) -> Iterator[tuple[str, str]]:
    """``(stem, affix)`` splits of ``word`` (module contract)."""
    for prefix in PREFIXES:
        stem = word[len(prefix):]
        if (word.startswith(prefix) and stem[:1] not in ("", _NUKTA)
                and not _is_mark(stem[0]) and len(akshara_split(stem)) >= MIN_STEM_AKSHARAS):
            yield stem, prefix
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and stem and len(akshara_split(stem)) >= MIN_STEM_AKSHARAS:
            yield stem, suffix


def _is_mark(char: str) -> bool:
    return "\u0900" <= char <= "\u0903" or "\u093a" <= char <= "\u094f"


def soft_nukta_forms(word: str) -> Iterator[str]:
    """``word`` with a nukta on its bare क ख ग ज फ (module contract)."""
    spots = [i for i, ch in enumerate(word) if ch in _SOFT
             and (i + 1 >= len(word) or word[i + 1] != _NUKTA)]
    for i in spots:
        yield word[: i + 1] + _NUKTA + word[i + 1:]
    if len(spots) > 1:
        yield "".join(ch + _NUKTA if i in spots else ch for i, ch in enumerate(word))

"""Final ordering of spelling suggestions: attested words first, house-style spelling.

Contract:
- :func:`attested_first` keeps the order of ``ranked`` but moves every candidate that no
  lexicon lists and wordfreq does not attest (accepted only by the inflection or compound
  analysis: पालरवाई, शरूआँत) behind the attested ones. Two-word suggestions count as attested.
- :func:`house_style_forms` replaces a candidate by its anusvara spelling (यहाँ -> यहां,
  सम्भव -> संभव) and a final ाये/ायें by its ए spelling (:func:`e_form`: दुर्घटनायें ->
  दुर्घटनाएं) when that spelling is also correct, and drops the duplicates this creates:
  the shipped house style writes anusvara where Hindi allows it, and the standard ए forms.
- Pure functions; the caller passes its own tests for "correct" and "attested".
"""

from __future__ import annotations

from collections.abc import Callable

import regex

__all__ = ["anusvara_form", "attested_first", "e_form", "house_style_forms"]

_NASAL_CONSONANT = regex.compile(
    "[ङञणनम]\u094d(?=[कखगघचछजझटठडढतथदधपफबभ])")


def anusvara_form(word: str) -> str:
    """``word`` with chandrabindu and a nasal consonant before a stop written as anusvara."""
    return _NASAL_CONSONANT.sub("\u0902", word.replace("\u0901", "\u0902"))


_YA_PLURAL = regex.compile("ाय(?=ें?$)")


def e_form(word: str) -> str:
    """``word`` with a final ाये/ायें written ाए/ाएं (दुर्घटनायें -> दुर्घटनाएं): the
    standard spelling (Central Hindi Directorate) of these endings; other words unchanged."""
    if not word.endswith(("ाये", "ायें")):
        return word
    return _YA_PLURAL.sub("ा", word).replace("ाे", "ाए").replace(
        "ाएं", "ाएं")


def house_style_forms(ranked: list[str], correct: Callable[[str], bool]) -> list[str]:
    """``ranked`` with each candidate in its anusvara spelling, and a final ाये/ायें in its
    ए spelling, when that is also correct."""
    result: list[str] = []
    for candidate in ranked:
        styled = e_form(anusvara_form(candidate)) if " " not in candidate else candidate
        if styled != candidate and not correct(styled):
            styled = anusvara_form(candidate) if " " not in candidate else candidate
        chosen = styled if styled != candidate and correct(styled) else candidate
        if chosen not in result:
            result.append(chosen)
    return result


def attested_first(ranked: list[str], attested: Callable[[str], bool]) -> list[str]:
    """Stable partition of ``ranked``: attested candidates, then the others."""
    good = [c for c in ranked if " " in c or attested(c)]
    return good + [c for c in ranked if c not in good]

"""One entry point for checking a text: spelling now, copy-desk lint merged in by the caller.

Contract of :func:`check_text`:
- ``text`` is normalised to NFC first; every finding's ``start``/``end`` are code-point
  offsets into ``to_nfc(text)`` (also for extra checkers, which receive that NFC text).
- Spelling findings have ``rule="spelling"``, severity ``error`` and up to ``limit``
  suggestions (best first; a suggestion may contain a space for merged words).
- ``speller`` may be ``None`` or unavailable: then there are no spelling findings (the
  caller decides whether to warn; see ``SpellChecker.unavailable_reason``).
- ``extra_checkers`` are callables ``(nfc_text) -> Iterable[Finding]``: this is where the
  copy-desk lint (``editor_app.core.text.lint.lint_text``) is plugged in, e.g.
  ``check_text(text, speller, extra_checkers=[lambda t: lint_text(t, style)])``.
- The result is sorted by ``(start, end, rule)``; exact duplicates (same rule and span)
  are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from editor_app.core.text.findings import Finding
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker

__all__ = ["Checker", "check_text"]

log = logging.getLogger(__name__)

#: A checker takes NFC text and returns findings with offsets into it.
Checker = Callable[[str], Iterable[Finding]]


def check_text(
    text: str,
    speller: SpellChecker | None,
    *,
    extra_checkers: Sequence[Checker] = (),
    suggestions: bool = True,
    limit: int = 5,
) -> list[Finding]:
    """Spelling findings of ``text`` merged with those of ``extra_checkers`` (see module)."""
    nfc = to_nfc(text)
    findings: list[Finding] = []
    if speller is not None and speller.available:
        findings.extend(speller.check(nfc, suggestions=suggestions, limit=limit))
    for checker in extra_checkers:
        findings.extend(checker(nfc))
    unique: dict[tuple[str, int, int, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding.rule, finding.start, finding.end, finding.text), finding)
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.rule))

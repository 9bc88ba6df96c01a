"""Read-only word data for Hindi spell-check: frequencies, curated lists, hunspell words.

Contract:
- :func:`load_lexicon` reads the curated lists from a folder (normally
  ``resources/spelling``) and wordfreq's Hindi list (offline, shipped in the wheel). It is
  cached per folder; :func:`load_lexicon.cache_clear` resets it (tests).
- Missing files give empty lists and a warning, never an exception: spell-check then
  works with enchant alone.
- Curated list formats (UTF-8, NFC applied on load, ``#`` starts a comment):
  ``hi_supplement.txt`` one correct word per line; ``hi_valid_forms.txt`` one correct word
  per line that the variant rule must never flag; ``hi_misspellings.tsv``
  ``misspelling<TAB>correct`` per line; ``hi_function_words.txt`` closed-class words
  (postpositions, particles, auxiliaries) used to spot merged words.
- ``morph`` is Apertium's Hindi analyser (:mod:`apertium_lexicon`) when ``apertium-hin`` is
  installed, else ``None``: one more independent lexicon, loaded with the rest (on the
  spell checker's background warm-up).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from editor_app.core.text.apertium_lexicon import (
    ApertiumLexicon,
    default_cache_dir,
    load_apertium,
)
from editor_app.core.text.loanword_evidence import LoanwordIndex, load_loanword_index
from editor_app.core.text.normalize import to_nfc

__all__ = ["HindiLexicon", "find_hunspell_dic", "load_lexicon"]

log = logging.getLogger(__name__)

SUPPLEMENT_FILE = "hi_supplement.txt"
VALID_FORMS_FILE = "hi_valid_forms.txt"
MISSPELLINGS_FILE = "hi_misspellings.tsv"
FUNCTION_WORDS_FILE = "hi_function_words.txt"

_HUNSPELL_DIRS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "~/.local/share/enchant/hunspell",
    "~/Library/Spelling",
)


@dataclass(frozen=True)
class HindiLexicon:
    """Word data shared by every checker in the process (immutable)."""

    zipf: Mapping[str, float]
    supplement: frozenset[str]
    valid_forms: frozenset[str]
    misspellings: Mapping[str, str]
    hunspell_words: frozenset[str]
    function_words: frozenset[str] = frozenset()
    morph: ApertiumLexicon | None = None
    loanwords: LoanwordIndex | None = None

    @classmethod
    def empty(cls) -> HindiLexicon:
        """A lexicon with no data (enchant alone decides)."""
        return cls({}, frozenset(), frozenset(), {}, frozenset())

    def candidate_words(self) -> frozenset[str]:
        """Every word that may be offered as a suggestion (misspellings left out)."""
        words = set(self.zipf) | self.supplement | self.hunspell_words | self.valid_forms
        return frozenset(words - set(self.misspellings))


def _lines(path: Path) -> Iterator[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("spell-check list %s not readable: %s", path, exc)
        return
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield to_nfc(line)


def _wordfreq_zipf() -> dict[str, float]:
    """wordfreq's Hindi list as Zipf values. wordfreq memoises the list it read and the
    frequency dictionary for the life of the process (~1.3 MiB beside the Zipf table built
    here); when nothing had asked wordfreq for a list before, those memos are dropped again
    (a later caller, such as phonetic typing, reads the list anew)."""
    try:
        import wordfreq
        held = (wordfreq.get_frequency_list.cache_info().currsize
                + wordfreq.get_frequency_dict.cache_info().currsize)
        freqs: dict[str, float] = wordfreq.get_frequency_dict("hi")
    except Exception as exc:  # I/O boundary: package or data missing
        log.warning("wordfreq Hindi list unavailable (%s): no frequency evidence", exc)
        return {}
    zipf = {to_nfc(w): round(math.log10(f) + 9.0, 2) for w, f in freqs.items() if f > 0}
    if not held:
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()
    return zipf


def find_hunspell_dic(tag: str = "hi_IN") -> Path | None:
    """The hunspell ``.dic`` file for ``tag`` in the usual system folders, if any."""
    for folder in _HUNSPELL_DIRS:
        candidate = Path(folder).expanduser() / f"{tag}.dic"
        if candidate.is_file():
            return candidate
    return None


def _hunspell_words(path: Path | None) -> frozenset[str]:
    if path is None:
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return frozenset()
    words = (to_nfc(line.split("/", 1)[0].strip()) for line in lines[1:])
    return frozenset(w for w in words if w and not w.isdigit())


@lru_cache(maxsize=4)
def load_lexicon(folder: Path) -> HindiLexicon:
    """Load the lexicon from ``folder`` and wordfreq (see the module contract)."""
    misspellings: dict[str, str] = {}
    for line in _lines(folder / MISSPELLINGS_FILE):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            misspellings[parts[0].strip()] = parts[1].strip()
        else:
            log.warning("ignoring malformed misspelling line %r", line)
    lexicon = HindiLexicon(
        zipf=_wordfreq_zipf(),
        supplement=frozenset(_lines(folder / SUPPLEMENT_FILE)),
        valid_forms=frozenset(_lines(folder / VALID_FORMS_FILE)),
        misspellings=misspellings,
        hunspell_words=_hunspell_words(find_hunspell_dic()),
        function_words=frozenset(_lines(folder / FUNCTION_WORDS_FILE)),
        morph=load_apertium(),
        loanwords=load_loanword_index(cache_dir=default_cache_dir()),
    )
    log.info("Hindi lexicon: %d frequencies, %d supplement, %d valid forms, %d misspellings, "
             "%d hunspell words, apertium %s, English loanword keys %d", len(lexicon.zipf),
             len(lexicon.supplement), len(lexicon.valid_forms), len(lexicon.misspellings),
             len(lexicon.hunspell_words), "loaded" if lexicon.morph is not None else "absent",
             len(lexicon.loanwords) if lexicon.loanwords is not None else 0)
    return lexicon

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

import gzip
import importlib.util
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

__all__ = ["HindiLexicon", "find_hunspell_dic", "load_lexicon", "wordfreq_file"]

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


def wordfreq_file(lang: str = "hi") -> Path | None:
    """wordfreq's list for ``lang`` (its ``large`` list when shipped, else ``small``, as
    wordfreq's own "best" choice), found without importing wordfreq; ``None`` if absent."""
    spec = importlib.util.find_spec("wordfreq")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for size in ("large", "small"):
            candidate = Path(folder) / "data" / f"{size}_{lang}.msgpack.gz"
            if candidate.is_file():
                return candidate
    return None


def _wordfreq_zipf() -> dict[str, float]:
    """wordfreq's Hindi list as NFC word -> Zipf, exactly what
    ``wordfreq.get_frequency_dict("hi")`` gives turned into Zipf (a test compares them).

    The list file (wordfreq's "cBpack": a msgpack header, then one list of words per
    centibel of frequency) is read here instead of through ``import wordfreq``, which
    imports langcodes, ftfy and wcwidth (~6 MiB of Python heap) and memoises the list and a
    frequency dict for the life of the process (~3.5 MiB more) that nothing here needs.
    """
    path = wordfreq_file("hi")
    try:
        if path is None:
            raise FileNotFoundError("wordfreq's Hindi list (is wordfreq installed?)")
        import msgpack

        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
        header = data[0]
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get(
                "version") != 1:
            raise ValueError(f"unexpected wordfreq header {header!r}")
    except Exception as exc:  # I/O boundary: package or data missing or unreadable
        log.warning("wordfreq Hindi list unavailable (%s): no frequency evidence", exc)
        return {}
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)  # wordfreq.cB_to_freq(-index)
        for word in bucket:
            freqs[word] = freq
    return {to_nfc(w): round(math.log10(f) + 9.0, 2) for w, f in freqs.items() if f > 0}


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

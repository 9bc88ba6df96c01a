"""The Devanagari -> IAST table that replaced indic-transliteration inside romanisation.

``to_iast`` must read exactly as ``sanscript.transliterate(..., DEVANAGARI, IAST)`` (still a
dependency: phonetic typing uses it), on every code point of the block, every pair of them,
every consonant with every sign (with and without nukta), and real words: hunspell-hi's
dictionary, the scraped-style sample and the slug examples. And romanising must no longer
import indic-transliteration (its ~70 schemes cost ~14 MiB of resident memory).
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex

from editor_app.core.text import romanize as romanize_module
from editor_app.core.text.devanagari_iast import to_iast

sanscript = pytest.importorskip("indic_transliteration.sanscript")

ROOT = Path(__file__).resolve().parents[2]
BLOCK = [chr(c) for c in range(0x0900, 0x0980)]
CONSONANTS = [c for c in BLOCK if 0x0915 <= ord(c) <= 0x0939] + ["ऩ", "ऱ", "ऴ"]
MARKS = [c for c in BLOCK if unicodedata.category(c) in ("Mn", "Mc")]


def _old(text: str) -> str:
    return str(sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.IAST))


def _cases() -> list[str]:
    cases = set(BLOCK)
    cases.update(a + b for a in BLOCK for b in BLOCK)
    for consonant in CONSONANTS:
        for mark in MARKS:
            cases.add(consonant + "\u093c" + mark)
            for after in (*MARKS, " ", "a", "क"):
                cases.add(consonant + mark + after)
    sample = (ROOT / "tests/data/samples/scraped-style-article-hi.txt").read_text("utf-8")
    cases.update(regex.findall(r"[\p{sc=Deva}\u200c\u200d]+", sample))
    dic = Path("/usr/share/hunspell/hi_IN.dic")
    if dic.exists():
        cases.update(line.split("/")[0] for line in
                     dic.read_text("utf-8").splitlines()[1:])
    return sorted(unicodedata.normalize("NFC", c) for c in cases)


def test_reads_as_indic_transliteration_does() -> None:
    cases = _cases()
    assert len(cases) > 50_000
    differ = [(c, _old(c), to_iast(c)) for c in cases if _old(c) != to_iast(c)]
    assert differ == []


def test_romanize_word_prepared_text_reads_the_same() -> None:
    """What romanize_word really passes: the schwa-dropped, pre-mapped word."""
    for word in _cases()[::3]:
        prepared = romanize_module._drop_schwas(word.translate(romanize_module._PRE_MAP))
        assert to_iast(prepared) == _old(prepared), word


def test_slugs_unchanged() -> None:
    assert romanize_module.slugify("भारत का समाचार") == "bharat-ka-samachar"
    assert romanize_module.romanize("मुख्यमंत्री ज़िलाधिकारी") == \
        _expected("मुख्यमंत्री") + " " + _expected("ज़िलाधिकारी")


def _expected(word: str) -> str:
    prepared = romanize_module._drop_schwas(
        unicodedata.normalize("NFC", word).translate(romanize_module._PRE_MAP))
    return romanize_module._iast_to_ascii(_old(prepared))


def test_romanising_does_not_import_indic_transliteration() -> None:
    code = ("import sys\n"
            "from editor_app.core.text.romanize import romanize, slugify\n"
            "from editor_app.core.text.loanword_evidence import devanagari_pattern\n"
            "slugify('भारत का समाचार'); romanize('ज़िलाधिकारी'); devanagari_pattern('कंप्यूटर')\n"
            "assert 'indic_transliteration' not in sys.modules, 'imported'\n"
            "assert 'toml' not in sys.modules, 'toml imported'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr

"""Issue 9 mechanisms, one by one, on words that are in no curated list and no data set.

Pure-function tests use stub votes and frequencies (deterministic, no dictionaries); the
checker tests use the real hunspell-hi + wordfreq (+ apertium-hin when installed).
"""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from editor_app.core import resources
from editor_app.core.text import apertium_lexicon
from editor_app.core.text.agreement import (
    AgreementIndex,
    agreement_variant,
    broad_fold,
    canonical_marks,
    conjunct_aspirate_variants,
    conjunct_letter_variants,
)
from editor_app.core.text.apertium_lexicon import load_apertium
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.place_names import looks_like_place_name
from editor_app.core.text.spell import SpellChecker, create_spell_checker, load_enchant_dicts
from editor_app.core.text.suggestion_order import (
    anusvara_form,
    attested_first,
    house_style_forms,
)
from tests.conftest import skip_unless_spelling

# ------------------------------------------------------------------ pure functions


def test_canonical_marks_repairs_sign_orders_unicode_never_emits() -> None:
    assert canonical_marks("घरांे") == "घरों"  # ा + ं + े typed for ों
    assert canonical_marks("कहांे") == "कहों"
    assert canonical_marks("तंे") == "तें"
    assert canonical_marks("बाेल") == "बोल"
    assert canonical_marks("ताॅप") == "टॉप".replace("ट", "त")
    assert canonical_marks("एेनक") == "ऐनक"
    assert canonical_marks("घरों") == "घरों"  # already canonical: unchanged


def test_broad_fold_merges_one_typo_classes_but_not_aspiration() -> None:
    same = [("महंगा", "मंहगा"), ("पूजा", "पुजा"), ("बेटा", "बैटा"), ("शाम", "साम"),
            ("वन", "बन"), ("पेड़", "पेड"), ("कृपया", "कृपया")]
    for a, b in same:
        assert broad_fold(a) == broad_fold(b), (a, b)
    assert broad_fold("भाला") != broad_fold("बाला")  # aspiration is not folded
    assert broad_fold("सकती") != broad_fold("सख्ती")


def test_conjunct_variants() -> None:
    assert "शुद्ध" in set(conjunct_aspirate_variants("शुद्द"))
    assert "भाला" not in set(conjunct_aspirate_variants("बाला"))  # no conjunct: nothing
    assert "विद्वान" in set(conjunct_letter_variants("विद्धान"))
    assert "चंद्र" not in set(conjunct_letter_variants("चंद्र"))
    assert "समुद्र" in set(conjunct_letter_variants("समुन्द्र"))


def _agreement(word: str, zipf: dict[str, float], votes: dict[str, int]) -> str | None:
    index = AgreementIndex(zipf, 3.0)
    usable: Callable[[str, str], bool] = lambda _w, _v: True  # noqa: E731
    return agreement_variant(word, zipf, index, lambda w: votes.get(w, 0), usable)


@pytest.mark.parametrize(("typo", "right", "kind"), [
    ("कमंरा", "कमरां", "moved nasal"),
    ("दिवार", "दीवार", "vowel length"),
    ("बैटी", "बेटी", "ए/ऐ"),
    ("प्रकास", "प्रकाश", "श/स"),
    ("बिबाद", "विवाद", "व/ब"),
    ("घोडी", "घोड़ी", "missing nukta"),
    ("धोबीयों", "धोबियों", "ई before यों"),
])
def test_agreement_flags_a_word_only_frequency_supports(typo: str, right: str,
                                                        kind: str) -> None:
    zipf = {typo: 3.2, right: 4.0}
    votes = {right: 2}  # two lexicons list the variant, none lists the typo
    assert _agreement(typo, zipf, votes) == right, kind


def test_agreement_weighs_votes_and_margins() -> None:
    zipf = {"दिवार": 3.2, "दीवार": 4.0}
    # Two lexicons list the word itself: a valid pair, never flagged (है/हैं, जाति/जाती).
    assert _agreement("दिवार", zipf, {"दिवार": 2, "दीवार": 2}) is None
    # One lexicon lists it: the variant needs two votes and a clear frequency lead.
    assert _agreement("दिवार", zipf, {"दिवार": 1, "दीवार": 2}) is None  # 0.8 < 1.0
    assert _agreement("दिवार", {"दिवार": 3.2, "दीवार": 4.5},
                      {"दिवार": 1, "दीवार": 2}) == "दीवार"
    # A variant no lexicon lists is no evidence, however frequent.
    assert _agreement("दिवार", {"दिवार": 3.2, "दीवार": 6.0}, {}) is None
    # A listed word's final nasal is grammar (की/कीं): not undone.
    assert _agreement("कहीं", {"कहीं": 4.0, "कही": 6.0},
                      {"कहीं": 1, "कही": 2}) is None


def test_agreement_final_nasal_for_unlisted_words() -> None:
    # Neither form is frequent, but a lexicon lists the nasal plural: प्रधानो -> प्रधानों.
    assert _agreement("किसानो", {}, {"किसानों": 1}) == "किसानों"


def test_place_names() -> None:
    for name in ("बिसौलीपुर", "कोटलानगर", "रामगढ़", "सुखपुरा", "नौरंगाबाद", "बड़ागांव"):
        assert looks_like_place_name(name), name
    for word in ("नगर", "पुर", "कपुर", "सुपुर"):
        assert not looks_like_place_name(word), word
    assert not looks_like_place_name("उसकेबाद", frozenset({"के"}))  # उसके बाद merged


def test_suggestion_order() -> None:
    assert anusvara_form("सम्बन्ध") == "संबंध"
    assert anusvara_form("जाँच") == "जांच"
    assert anusvara_form("सम्मान") == "सम्मान"  # म् before म: no anusvara
    correct = {"यहां", "यहाँ", "वहां"}.__contains__
    assert house_style_forms(["यहाँ", "यहां", "वहां"], correct) == ["यहां", "वहां"]
    assert attested_first(["घरखर", "घर", "घर बार"], {"घर"}.__contains__) == [
        "घर", "घर बार", "घरखर"]


# ------------------------------------------------------------------ apertium loader


def _att(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_apertium_acceptor_reads_att_with_sections_epsilons_and_nukta(tmp_path) -> None:
    # Section 1 accepts "१"; section 2 accepts "घर", "घरों" (via an epsilon) and "सड़क"
    # written with the precomposed nukta letter U+095C, as the analyser's data does.
    path = _att(tmp_path / "hin.automorf.att.gz", [
        "0\t1\t१\t१\t0.0", "1\t0.0", "--",
        "0\t1\tघ\tघ\t0.0", "1\t2\tर\tर\t0.0", "2\t3\tε\t<n>\t0.0", "2\t4\tो\tो\t0.0",
        "4\t3\tं\t<pl>\t0.0", "0\t5\tस\tस\t0.0", "5\t6\t\u095c\t\u095c\t0.0",
        "6\t3\tक\tक\t0.0", "3\t0.0",
    ])
    lexicon = load_apertium(path, cache_dir=None)
    assert lexicon is not None
    assert lexicon.knows("घर") and lexicon.knows("घरों") and lexicon.knows("१")
    assert lexicon.knows("सड़क")  # NFC: ड + nukta
    assert lexicon.knows("घरोँ")  # chandrabindu folded to anusvara
    assert not lexicon.knows("घरो") and not lexicon.knows("सडक") and not lexicon.knows("")


def test_apertium_cache_is_used_and_rebuilt_when_corrupt(tmp_path) -> None:
    path = _att(tmp_path / "a.att.gz", ["0\t1\tक\tक\t0.0", "1\t0.0"])
    cache = tmp_path / "cache"
    first = load_apertium(path, cache_dir=cache)
    assert first is not None and first.knows("क")
    cached = list(cache.glob("*.marshal"))
    assert len(cached) == 1
    load_apertium.cache_clear()  # type: ignore[attr-defined]
    path.write_bytes(b"not gzip at all")  # the source went bad: its size and mtime changed,
    # so the old cache entry no longer matches and the broken source is reported.
    assert load_apertium(path, cache_dir=cache) is None
    load_apertium.cache_clear()  # type: ignore[attr-defined]
    good = _att(tmp_path / "b.att.gz", ["0\t1\tख\tख\t0.0", "1\t0.0"])
    assert load_apertium(good, cache_dir=cache) is not None
    load_apertium.cache_clear()  # type: ignore[attr-defined]
    for file in cache.glob("*.marshal"):
        file.write_bytes(b"not marshal data")
    rebuilt = load_apertium(good, cache_dir=cache)
    assert rebuilt is not None and rebuilt.knows("ख")


def test_missing_apertium_degrades_and_says_so(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SAMPADAK_APERTIUM_HIN", str(tmp_path / "absent.att.gz"))
    load_apertium.cache_clear()  # type: ignore[attr-defined]
    assert load_apertium(cache_dir=None) is None
    monkeypatch.setattr(apertium_lexicon, "find_apertium_file", lambda: None)
    assert load_apertium() is None
    load_lexicon.cache_clear()
    try:
        checker = create_spell_checker(None, None)
        if not checker.available:
            skip_unless_spelling(checker.unavailable_reason)
        assert checker.quality_note == ""  # not loaded yet: nothing to say
        assert not checker.is_correct("सडक")  # still a working checker
        assert checker.is_correct("सड़क")
        assert "apertium-hin" in checker.quality_note
        assert checker.quality_note.startswith("वर्तनी जांच सीमित")
    finally:
        load_lexicon.cache_clear()
        load_apertium.cache_clear()  # type: ignore[attr-defined]


# ------------------------------------------------------------------ the real checker


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    return checker


def _listed(word: str) -> bool:
    lexicon = load_lexicon(resources.resource_path("spelling"))
    return word in lexicon.misspellings


@pytest.mark.parametrize(("typo", "right"), [
    ("घरांे", "घरों"),  # sign order
    ("वंहा", "वहां"),  # moved anusvara
    ("मंहगा", "महंगा"),  # moved anusvara, the word is in one lexicon
    ("बच्चें", "बच्चे"),  # extra nasal on a masculine plural
    ("कों", "को"),  # a postposition never takes a nasal
    ("नियमो", "नियमों"),  # missing final nasal
    ("ईलाज", "इलाज"),  # इ/ई
    ("पुर्व", "पूर्व"),  # उ/ऊ
    ("बिमार", "बीमार"),  # ि/ी
    ("शुद्द", "शुद्ध"),  # conjunct aspiration
    ("विद्धान", "विद्वान"),  # द्ध/द्व
    ("पडोसी", "पड़ोसी"),  # nukta
    ("सिंचांई", "सिंचाई"),  # extra anusvara
])
def test_each_mechanism_catches_words_in_no_list(speller: SpellChecker, typo: str,
                                                 right: str) -> None:
    assert not _listed(typo)
    findings = speller.check(typo)
    assert findings, typo
    assert findings[0].suggestions[0] == right


@pytest.mark.parametrize("word", ["रहें", "देखें", "कीं", "बातें", "उड़ानें", "सड़कें",
                                  "छूटें", "जाँच", "जांच", "संबंध", "सम्बन्ध", "बिसौलीपुर"])
def test_valid_forms_and_variants_survive_the_new_rules(speller: SpellChecker,
                                                        word: str) -> None:
    assert speller.is_correct(word)


def test_suggestions_prefer_house_style_and_attested_words(speller: SpellChecker) -> None:
    assert speller.suggest("यहा")[0] == "यहां"
    assert speller.suggest("संम्भव")[0] == "संभव"
    found = speller.suggest("पाच", 5)
    assert found[0] == "पांच" and "पाँच" not in found  # one spelling, the house style's
    for suggestion in speller.suggest("लापरवाहि", 5):
        assert speller.is_correct(suggestion)


def test_apertium_is_one_more_lexicon(speller: SpellChecker) -> None:
    """परिसीमन (delimitation) is in neither hunspell-hi nor wordfreq: only Apertium's
    analyser vouches for it. Without the analyser it is flagged."""
    lexicon = load_lexicon(resources.resource_path("spelling"))
    if lexicon.morph is None:
        skip_unless_spelling("apertium-hin is not installed (apt install apertium-hin)")
    assert speller.is_correct("परिसीमन")
    hindi, english = load_enchant_dicts()
    without = SpellChecker(hindi, english, lexicon=dataclasses.replace(lexicon, morph=None))
    assert not without.is_correct("परिसीमन")
    assert without.is_correct("सड़क") and not without.is_correct("सडक")

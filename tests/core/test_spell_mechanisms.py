"""One test per spelling mechanism of issue 9's second round, each on words that no curated
list holds (checked here), so the mechanism and not a list is what passes it.

Mechanisms: sign-order and doubled-sign repairs, ॉ + anusvara, the nukta of NNNA/RRA, a reph
typed inside a conjunct, agreement variants outside the broad fold (final म, ा/ॉ, ई/यी,
ध/द्य), suggestion swaps, spelled acronyms, optional nukta and productive affixes, an
infinitive a lexicon lists, names marked by their context, English loanwords.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from editor_app.core import resources
from editor_app.core.text import loanword_evidence
from editor_app.core.text.affixes import affix_splits, soft_nukta_forms
from editor_app.core.text.agreement import canonical_marks, spelling_class_variants
from editor_app.core.text.findings import Severity
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.loanword_evidence import (
    devanagari_key,
    latin_key,
    load_loanword_index,
    looks_english,
)
from editor_app.core.text.name_evidence import is_spelled_acronym, name_context_indexes
from editor_app.core.text.spell import SpellChecker, load_enchant_dicts
from editor_app.core.text.suggest import non_hindi_repairs
from editor_app.core.text.tokenize import TokenKind, tokenize
from tests.conftest import every_source_speller, skip_unless_spelling

RESOURCES = Path(resources.resource_path("spelling"))


def _listed() -> set[str]:
    lexicon = load_lexicon(RESOURCES)
    return {*lexicon.misspellings, *lexicon.misspellings.values(), *lexicon.supplement,
            *lexicon.valid_forms, *lexicon.function_words}


def _unlisted(*words: str) -> None:
    listed = _listed()
    assert not listed & set(words), sorted(listed & set(words))


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


# ------------------------------------------------------------ deterministic repairs


def test_a_nukta_after_the_vowel_sign_and_a_doubled_sign_are_repaired(
        speller: SpellChecker) -> None:
    _unlisted("पढे़", "छोटेे", "पढ़े", "छोटे")
    assert canonical_marks("पढे़") == "पढ़े"  # ड + े + ़ (legacy order) -> ड + ़ + े
    assert canonical_marks("छोटेे") == "छोटे"
    assert canonical_marks("पढ़े") == "पढ़े" and canonical_marks("कोटे") == "कोटे"
    assert speller.misspelling_of("पढे़") == "पढ़े"
    assert speller.misspelling_of("छोटेे") == "छोटे"


def test_aw_sign_before_anusvara_is_aa(speller: SpellChecker) -> None:
    _unlisted("सॉंप")
    assert speller.misspelling_of("सॉंप") == "सांप"
    assert speller.suggest("सॉंप")[0] == "सांप"


def test_nnna_after_da_carries_its_nukta(speller: SpellChecker) -> None:
    _unlisted("पढऩे")
    assert list(non_hindi_repairs("पढऩे")) == ["पढ़ने", "पढने"]
    assert list(non_hindi_repairs("औऱ")) == ["और"]
    assert speller.misspelling_of("पढऩे") == "पढ़ने"
    assert speller.suggest("पढऩे")[0] == "पढ़ने"


def test_a_legacy_i_matra_inside_a_conjunct_is_moved(speller: SpellChecker) -> None:
    _unlisted("पौषिटकता")
    assert speller.suggest("पौषिटकता")[0] == "पौष्टिकता"


def test_a_dropped_syllable_on_the_same_consonant_is_suggested(speller: SpellChecker) -> None:
    _unlisted("तत्वाधान", "नियमिताओं")  # (wordfreq lists तत्वाधान: suggestions only)
    assert speller.suggest("तत्वाधान")[0] == "तत्वावधान"
    assert speller.suggest("नियमिताओं")[0] == "नियमितताओं"


def test_a_reph_typed_inside_a_conjunct_is_moved(speller: SpellChecker) -> None:
    _unlisted("सन्र्दभ")
    assert not speller.is_correct("सन्र्दभ")
    assert speller.suggest("सन्र्दभ")[0] in ("सन्दर्भ", "संदर्भ")


# ------------------------------------------------------------ agreement variants


def test_final_ma_typed_for_anusvara(speller: SpellChecker) -> None:
    _unlisted("स्वयम", "स्वयमं")
    assert ("स्वयं", False) in set(spelling_class_variants("स्वयम"))
    assert speller.misspelling_of("स्वयम") == "स्वयं"
    assert speller.misspelling_of("स्वयमं") == "स्वयं"


def test_aa_typed_for_a_loanwords_aw_only_overrules_unlisted_words(
        speller: SpellChecker) -> None:
    _unlisted("शापिंग", "कालेज", "माडल")
    assert speller.misspelling_of("शापिंग") == "शॉपिंग"
    # One lexicon lists them and two list the ॉ form, far more frequent: still both printed.
    assert speller.is_correct("कालेज") and speller.is_correct("माडल")


def test_ii_yii_and_dha_dya_overrule_only_unlisted_words(speller: SpellChecker) -> None:
    _unlisted("अनुयाई", "विधालय", "गयी", "स्थाई", "दिखायी", "सुनायी")
    assert speller.misspelling_of("अनुयाई") == "अनुयायी"
    assert speller.misspelling_of("विधालय") == "विद्यालय"
    assert speller.is_correct("गयी") and speller.is_correct("स्थाई")  # two lexicons list them
    # One lexicon lists each, two list दिखाई/सुनाई (far more frequent): valid pairs all the same.
    assert speller.is_correct("दिखायी") and speller.is_correct("सुनायी")


def test_suggestion_swaps_ii_yii_dha_dya_and_initial_e_i(speller: SpellChecker) -> None:
    _unlisted("उत्तरदाई", "एकलौता")
    assert speller.suggest("उत्तरदाई")[0] == "उत्तरदायी"
    assert speller.suggest("एकलौता")[0] == "इकलौता"


# ------------------------------------------------------------ acceptance evidence


def test_spelled_acronyms_are_correct(speller: SpellChecker) -> None:
    _unlisted("जेकेएलएफ", "आइजीएफ")
    assert is_spelled_acronym("आइजीएफ")  # आइ is a letter name too
    assert speller.is_correct("जेकेएलएफ") and speller.is_correct("आइजीएफ")
    assert not is_spelled_acronym("केसी") and not is_spelled_acronym("सडक")


def test_optional_nukta_and_productive_affixes(speller: SpellChecker) -> None:
    _unlisted("नाजिर", "समाजजनों", "श्रीचरणों", "सहज")
    assert "नाज़िर" in set(soft_nukta_forms("नाजिर"))
    assert ("समाज", "जनों") in set(affix_splits("समाजजनों"))
    assert not list(affix_splits("सहज"))  # a stem of one akshara is no stem
    for word in ("नाजिर", "समाजजनों", "श्रीचरणों"):
        assert speller.is_correct(word), word


def test_an_infinitive_a_lexicon_lists_vouches_for_its_forms(speller: SpellChecker) -> None:
    _unlisted("बंधाया", "बंधाना")
    assert speller.is_correct("बंधाया")  # hunspell-hi lists बंधाना


# ------------------------------------------------------------ names in context


def _flagged(speller: SpellChecker, text: str) -> list[tuple[str, Severity]]:
    return [(f.text, f.severity) for f in speller.check(text)]


def test_a_name_after_or_before_a_cue_is_not_flagged(speller: SpellChecker) -> None:
    _unlisted("झंकोरिया", "खुर्दापटी")
    assert _flagged(speller, "उधर झंकोरिया में") == [("झंकोरिया", Severity.ERROR)]
    assert not _flagged(speller, "ग्राम झंकोरिया में मेला लगा।")
    assert not _flagged(speller, "डॉ. झंकोरिया ने कहा।")
    assert not _flagged(speller, "झंकोरिया जी ने कहा।")
    assert not _flagged(speller, "ग्राम झंकोरिया खुर्दापटी में")  # a name of two words


def test_a_dateline_place_and_village_and_surname_cues(speller: SpellChecker) -> None:
    assert not _flagged(speller, "झंकोरिया। स्कूली बच्चों ने पौधे लगाए।")
    assert not _flagged(speller, "बात पूरी हुई।\nझंकोरिया| नगर पालिका ने सफाई की।")
    assert ("झंकोरिया", Severity.ERROR) in _flagged(speller, "उधर झंकोरिया। स्कूली बच्चे")
    assert not _flagged(speller, "माजरा झंकोरिया में")
    assert not _flagged(speller, "झंकोरिया जायसवाल ने कहा")


def test_a_name_marked_once_is_a_name_throughout_the_text(speller: SpellChecker) -> None:
    text = "ग्राम झंकोरिया में मेला लगा। बाद में झंकोरिया में बारिश हुई।"
    assert not _flagged(speller, text)


def test_no_name_evidence_across_a_sentence_end_or_for_a_known_misspelling(
        speller: SpellChecker) -> None:
    assert ("झंकोरिया", Severity.ERROR) in _flagged(speller, "वह ग्राम। झंकोरिया में")
    assert ("झंकोरिया", Severity.ERROR) in _flagged(speller, "वह गांव. झंकोरिया में")
    assert ("पंचायतो", Severity.ERROR) in _flagged(speller, "ग्राम पंचायतो में")


def test_name_context_indexes_runs_are_bounded() -> None:
    text = "श्री कखग घचछ जझट ठडढ में"
    words = [t for t in tokenize(text) if t.kind is TokenKind.WORD]
    found = name_context_indexes(text, words, {1, 2, 3, 4})
    assert found == {1, 2, 3}  # at most three words after the cue


# ------------------------------------------------------------ English loanwords


def test_loanword_keys_match_across_scripts() -> None:
    assert latin_key("dustbin") == devanagari_key("डस्टबिन")
    assert latin_key("convent") == devanagari_key("कॉन्वेंट")
    assert latin_key("station") == devanagari_key("स्टेशन")
    assert looks_english("डस्टबिन") and looks_english("रोस्टिंग")
    assert not looks_english("किसानों") and not looks_english("झंकोरिया")


def test_loanword_index_from_an_english_list_and_its_cache(tmp_path: Path) -> None:
    source = tmp_path / "en_US.dic"
    source.write_text("5\ndustbin/SM\nconvent/SM\nroast/ZGMDRSJ\nspittle/M\nmandir\n",
                      encoding="utf-8")
    cache = tmp_path / "cache"
    loanword_evidence._load.cache_clear()
    index = load_loanword_index(source, cache_dir=cache)
    assert index is not None
    assert index.explains("डस्टबिन") and index.explains("कॉन्वेंट")
    assert index.explains("रोस्टिंग")  # roast + -ing
    assert not index.explains("कलेक्टर")  # not in this list
    assert index.explains("स्पिटल")  # spittle
    assert not index.explains("स्पतालिया")  # key sPTL like spittle, two vowel slots more
    assert not index.explains("मंदिर")  # "mandir" is listed, but the word has no English look
    assert list(cache.glob("loanword-keys-*.marshal"))
    loanword_evidence._load.cache_clear()
    source.write_text("1\nzebra\n", encoding="utf-8")  # a changed list is re-read ...
    assert not load_loanword_index(source, cache_dir=cache).explains("डस्टबिन")  # type: ignore[union-attr]
    loanword_evidence._load.cache_clear()
    assert load_loanword_index(tmp_path / "missing.dic", cache_dir=cache) is None


def test_the_checker_accepts_loanwords_only_with_the_english_list() -> None:
    lexicon = load_lexicon(RESOURCES)
    if lexicon.loanwords is None or lexicon.morph is None:
        skip_unless_spelling("hunspell-en-us or apertium-hin is not installed")
    hindi, english = load_enchant_dicts()
    _unlisted("डस्टबिन", "रोस्टिंग")
    with_list = SpellChecker(hindi, english, lexicon=lexicon)
    without = SpellChecker(hindi, english, lexicon=dataclasses.replace(lexicon, loanwords=None))
    for word in ("डस्टबिन", "रोस्टिंग"):
        assert with_list.is_correct(word) and not without.is_correct(word), word
    without.preload()
    assert "hunspell-en-us" in without.quality_note

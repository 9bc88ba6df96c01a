"""One test per spelling mechanism of issue 9's third round, on words that no curated list
holds and that no labelled set (eval_v2, dev_v2, dev_v3, typos_*) contains, so each test
shows a class of misspelling, not a word, being caught.

Mechanisms: a once-listed word wordfreq lacks against a listed, attested variant; an inner
nasal and a pair-prone letter against a two-lexicon variant (agreement margins); a
misspelled stem judged by its family's frequency; a dropped mark restored (the र of a
conjunct, a glide व, a ा); lists of names, name parts as cues, and names whose only
"correction" is weak evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editor_app.core import resources
from editor_app.core.text.agreement import AgreementIndex, agreement_variant
from editor_app.core.text.name_evidence import name_context_indexes
from editor_app.core.text.sparse_evidence import (
    family_variants,
    family_zipf,
    restored_mark_variants,
    sparse_variant,
)
from editor_app.core.text.spell import SpellChecker
from editor_app.core.text.suggest import frequent_by_fold
from editor_app.core.text.suggestion_order import e_form
from editor_app.core.text.suggestion_rank import rank
from editor_app.core.text.tokenize import TokenKind, akshara_split, tokenize
from tests.conftest import every_source_speller
from tests.core.frozen_sets import assert_unlisted

RESOURCES = Path(resources.resource_path("spelling"))
LABELLED = ("eval_v2", "dev_v2", "dev_v3", "tune", "heldout", "heldout2")


def _unlisted(*words: str) -> None:
    """None of ``words`` is in a curated list or in a labelled set."""
    assert_unlisted(LABELLED, words)


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


def _agreement(word: str, zipf: dict[str, float], votes: dict[str, int]) -> str | None:
    index = AgreementIndex(zipf, 3.0)
    usable: Callable[[str, str], bool] = lambda _w, _v: True  # noqa: E731
    return agreement_variant(word, zipf, index, lambda w: votes.get(w, 0), usable)


# ------------------------------------------------------------ agreement margins (stubs)


def test_a_once_listed_word_the_web_lacks_loses_to_a_listed_attested_variant() -> None:
    # The variant is one lexicon's word *and* the web's; the word only one lexicon's.
    assert _agreement("कमिज", {"कमीज": 3.6}, {"कमिज": 1, "कमीज": 1}) == "कमीज"
    # Once the web uses the word too, a single vote for the variant is not enough.
    assert _agreement("कमिज", {"कमिज": 3.0, "कमीज": 4.5}, {"कमिज": 1, "कमीज": 1}) is None
    # ... nor is a variant the web barely uses.
    assert _agreement("कमिज", {"कमीज": 3.1}, {"कमिज": 1, "कमीज": 1}) is None


def test_an_inner_nasal_needs_a_smaller_margin_than_other_changes() -> None:
    votes = {"मंगलवारों": 2, "मगलवारों": 1}
    # 0.8 of Zipf: enough for a nasal inside the word (MARGIN_ONE_VOTE_NASAL 0.7) ...
    assert _agreement("मगलवारों", {"मगलवारों": 3.2, "मंगलवारों": 4.0}, votes) == "मंगलवारों"
    assert _agreement("मगलवारों", {"मगलवारों": 3.5, "मंगलवारों": 4.0}, votes) is None
    # ... not for a vowel length change (MARGIN_ONE_VOTE 1.0: दिवार/दीवार in the older test).
    assert _agreement("मंगलवारो", {"मंगलवारो": 3.2, "मंगलवारों": 4.0},
                      {"मंगलवारो": 1, "मंगलवारों": 2}) is None  # a final nasal: grammar pair


def test_a_pair_prone_letter_overrules_a_listed_word_only_by_a_wide_margin() -> None:
    votes = {"बकील": 1, "वकील": 2}
    assert _agreement("बकील", {"बकील": 3.2, "वकील": 4.0}, votes) is None  # बात/वात: pairs
    assert _agreement("बकील", {"बकील": 3.2, "वकील": 4.8}, votes) == "वकील"  # 1.6 >= 1.5


# ------------------------------------------------------------ sparse evidence (stubs)


def test_family_zipf_and_family_variants_read_the_fold_index() -> None:
    zipf = {"गूंथना": 4.2, "गूंथा": 4.0, "गुथना": 2.0}
    by_fold = frequent_by_fold(zipf, 3.5)
    assert family_zipf("गूंथ", ("ना", "ा"), zipf) == 4.2
    assert family_zipf("गुथ", ("ा",), zipf) == 0.0
    assert list(family_variants("गुथ", ("ना", "ा"), zipf, by_fold)) == ["गूंथ"]


def test_sparse_variant_repairs_a_stem_whose_family_the_web_does_not_use() -> None:
    zipf = {"गूंथना": 4.2, "गूंथा": 4.1, "गूंथते": 3.9}
    by_fold = frequent_by_fold(zipf, 3.5)
    votes = {"गूंथकर": 1, "गुथकर": 1}
    pick = sparse_variant("गुथकर", zipf, by_fold, lambda w: votes.get(w, 0),
                          lambda w: w == "गूंथकर", 2.6)
    assert pick == "गूंथकर"
    # The typo's own family on the web (गुथा attested) keeps the word.
    pick = sparse_variant("गुथकर", {**zipf, "गुथा": 3.2}, by_fold,
                          lambda w: votes.get(w, 0), lambda w: w == "गूंथकर", 2.6)
    assert pick is None
    # A correction no lexicon lists is not enough.
    assert sparse_variant("गुथकर", zipf, by_fold, lambda w: 0, lambda w: True, 2.6) is None


def test_restored_mark_variants_cover_conjunct_ra_glide_and_aa() -> None:
    def variants(word: str) -> set[str]:
        return set(restored_mark_variants(word, akshara_split(word)))

    assert "प्रकाशक" in variants("पकाशक")  # the र of a conjunct
    assert "शुरुआती" in variants("शुरुवाती")  # a glide व typed for a vowel letter
    assert "समाचार" in variants("समचार")  # a dropped ा
    assert not variants("डल")  # too short: डल/डाल, मीट/टीम collide


def test_sparse_variant_restores_a_mark_only_for_a_word_no_lexicon_lists() -> None:
    zipf = {"प्रकाशक": 4.0}
    pick = sparse_variant("पकाशक", zipf, {}, lambda w: int(w == "प्रकाशक"),
                          lambda w: True, 2.6)
    assert pick == "प्रकाशक"
    # A lexicon lists the word itself: not overruled here.
    assert sparse_variant("पकाशक", zipf, {}, lambda w: 1, lambda w: True, 2.6) is None
    # The repair must be RESTORED_MARGIN (1.0) more frequent than the word.
    assert sparse_variant("पकाशक", {**zipf, "पकाशक": 3.2}, {},
                          lambda w: int(w == "प्रकाशक"), lambda w: True, 2.6) is None


# ------------------------------------------------------------ the checker (real data)


@pytest.mark.parametrize(("typo", "right"), [
    ("खरिदेंगे", "खरीदेंगे"),  # vowel length in a verb stem: खरीदा, खरीदने ... on the web
    ("गीरेगी", "गिरेगी"),
    ("सीखाकर", "सिखाकर"),
    ("टुटेगी", "टूटेगी"),
])
def test_a_misspelled_stem_is_caught_by_its_family(speller: SpellChecker, typo: str,
                                                   right: str) -> None:
    _unlisted(typo, right)
    assert not speller.is_correct(typo)
    assert speller.suggest(typo)[0] == right


@pytest.mark.parametrize(("typo", "right"), [
    ("पकाशन", "प्रकाशन"),
    ("पतिस्पर्धी", "प्रतिस्पर्धी"),
    ("कांतिकारियों", "क्रांतिकारियों"),
    ("राष्टपिता", "राष्ट्रपिता"),
    ("शुरुवाती", "शुरुआती"),
])
def test_a_dropped_mark_is_restored(speller: SpellChecker, typo: str, right: str) -> None:
    _unlisted(typo, right)
    assert not speller.is_correct(typo)
    assert speller.suggest(typo)[0] == right


def _flags(speller: SpellChecker, text: str) -> list[str]:
    return [f.text for f in speller.check(text, suggestions=False)]


def test_a_list_of_names_closed_by_a_cue_is_not_flagged(speller: SpellChecker) -> None:
    # Invented names (no dictionary knows them): unknown words in a list of people.
    names = ("झुमकलाल", "खड़बिया", "टिपलवा", "गोंदराम")
    closed = f"बैठक में {names[0]}, {names[1]}, {names[2]} और {names[3]} आदि उपस्थित रहे।"
    _unlisted(*names)
    assert not set(_flags(speller, closed)) & set(names)
    # Without a closer and without a cue word in the items the same words are flagged.
    bare = f"बैठक में {names[0]}, {names[1]}, {names[2]} और {names[3]} से बात हुई।"
    assert set(names) <= set(_flags(speller, bare))
    # Two items are no list.
    short = f"बैठक में {names[0]} और {names[1]} आदि थे।"
    assert set(names[:2]) & set(_flags(speller, short))


def test_a_list_with_a_surname_cue_inside_marks_its_names(speller: SpellChecker) -> None:
    text = "शिकायत करने वालों में टिपलवा, संतोष शर्मा, खड़बिया, रमेश यादव शामिल हैं।"
    assert not {"टिपलवा", "खड़बिया"} & set(_flags(speller, text))


def test_a_misspelling_the_checker_can_repair_is_flagged_even_in_a_list(
        speller: SpellChecker) -> None:
    text = "बैठक में रमेश, पकाशन, सुरेश आदि उपस्थित रहे।"
    assert "पकाशन" in _flags(speller, text)


def test_list_items_stop_at_a_sentence_end() -> None:
    text = "राम, श्याम, मोहन। फिर झुमकलाल आदि आए।"
    words = [t for t in tokenize(text) if t.kind is TokenKind.WORD]
    index = next(i for i, t in enumerate(words) if t.text == "झुमकलाल")
    assert index not in name_context_indexes(text, words, {index})


def test_a_name_part_is_a_cue_for_the_surname_after_it(speller: SpellChecker) -> None:
    _unlisted("खड़बिया")
    assert "खड़बिया" not in _flags(speller, "इस पर आनंद कुमार खड़बिया ने कहा।")
    assert "खड़बिया" in _flags(speller, "इस पर खड़बिया ने कहा।")


def test_a_name_whose_only_correction_is_weak_is_still_a_name(speller: SpellChecker) -> None:
    # तरकशे -> तरकशें is a form the web never uses: in a name context the word is a name.
    _unlisted("तरकशे")
    assert speller.suggest("तरकशे")[:1] == ["तरकशें"]
    assert "तरकशे" not in _flags(speller, "इस बारे में श्री तरकशे ने बताया।")
    assert "तरकशे" in _flags(speller, "इस बारे में तरकशे ने बताया।")
    # A misspelling with a frequent correction stays flagged after a cue (प्रकाशन is one).
    assert "पकाशन" in _flags(speller, "इस बारे में श्री पकाशन ने बताया।")


# ------------------------------------------------------------ suggestion order


def test_rank_prefers_a_correction_that_keeps_the_typos_length() -> None:
    # A frequent shorter word (a whole akshara typed in excess) loses to an equally costly
    # correction of the typo's length: typists drop letters far more often.
    ranked = rank("रकदान", [("रन", 1.0), ("रक्तदान", 1.0)], {"रन": 5.0, "रक्तदान": 4.0})
    assert ranked[0] == "रक्तदान"
    # A doubled syllable, which the typo model prices below 1.0, is still dropped cheaply.
    assert rank("कमलल", [("कमल", 0.45), ("कलमल", 1.0)], {"कमल": 4.0})[0] == "कमल"


@pytest.mark.parametrize(("typo", "right"), [
    ("परीक्षायों", "परीक्षाओं"),  # य typed for the vowel letter ओ
    ("गौशालायों", "गौशालाओं"),
])
def test_a_glide_typed_for_a_vowel_letter_is_suggested(speller: SpellChecker, typo: str,
                                                       right: str) -> None:
    _unlisted(typo, right)
    assert speller.suggest(typo)[0] == right


@pytest.mark.parametrize(("typo", "right"), [
    ("खेलमैदन", "खेलमैदान"),
    ("कर्मचरीगण", "कर्मचारीगण"),
    ("नेत्रदन", "नेत्रदान"),
])
def test_a_compound_of_attested_words_counts_as_attested(speller: SpellChecker, typo: str,
                                                         right: str) -> None:
    # Neither compound is in wordfreq or a lexicon, but both parts are attested words: the
    # correction is not pushed behind a shorter attested word (खेलने, कर्मचारी, नेत्र).
    _unlisted(typo, right)
    assert speller.suggest(typo)[0] == right


def test_the_e_form_is_the_house_style_of_final_aaye(speller: SpellChecker) -> None:
    assert e_form("दुर्घटनायें") == "दुर्घटनाएं"
    assert e_form("समस्याये") == "समस्याए"
    assert e_form("गये") == "गये"  # only after ा
    _unlisted("योजनाये", "यात्राये")
    # The finding's first suggestion is the word's preferred form, in the ए spelling too.
    assert speller.check("योजनाये")[0].suggestions[0] == "योजनाएं"  # not योजनायें
    assert speller.check("यात्राये")[0].suggestions[0] == "यात्राएं"


@pytest.mark.parametrize(("typo", "right"), [
    ("पंथर", "पत्थर"),  # an anusvara typed for the first half of a geminate aspirate
    ("बुंढा", "बुड्ढा"),
])
def test_an_anusvara_typed_for_a_geminates_first_half_is_suggested(
        speller: SpellChecker, typo: str, right: str) -> None:
    _unlisted(typo, right)
    assert not speller.is_correct(typo)
    assert speller.suggest(typo)[0] == right

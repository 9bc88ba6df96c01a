"""One test per spelling mechanism of issue 9's fifth round, on words that no curated list
holds and that no labelled set (eval_v2, eval_v3, eval_v4, dev_v2, dev_v3, typos_*)
contains, so each test shows a class of correct word being accepted, not a word.

Mechanisms (:mod:`editor_app.core.text.name_evidence`, applied in context by
``SpellChecker.check``): four more name contexts, found among the false flags of the
correct prose sets: a lone word in round brackets after a word (an abbreviation: a
party's, an agency's), a word before a person's age in brackets, a surname after a cue
and one given name, and a place after an administrative area and a genitive (जिले के X).
Each test also shows the same unknown word still flagged where that
context is missing, so the mechanism, not the word, accepts it.

Word rules (:mod:`word_judge`, :mod:`weak_evidence`): no merge split of a listed word
leaves a one-akshara content word (उठान is not उठा न); a glide व before a word-final vowel
(हुवा -> हुआ); an initial आ for अ in a word no lexicon lists (आसफल -> असफल).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core import resources
from editor_app.core.text.spell import SpellChecker
from tests.conftest import every_source_speller
from tests.core.frozen_sets import assert_unlisted

RESOURCES = Path(resources.resource_path("spelling"))
LABELLED = ("eval_v2", "eval_v3", "eval_v4", "dev_v2", "dev_v3", "tune", "heldout",
            "heldout2")


def _unlisted(*words: str) -> None:
    """None of ``words`` is in a curated list or in a labelled set."""
    assert_unlisted(LABELLED, words)


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


def _flagged(speller: SpellChecker, text: str) -> list[str]:
    return [text[f.start:f.end] for f in speller.check(text, suggestions=False)]


def test_a_lone_word_in_brackets_after_a_name_is_an_abbreviation(speller: SpellChecker) -> None:
    _unlisted("भालोमो", "झुमरिलट")
    assert _flagged(speller, "भालोमो ने रैली की।") == ["भालोमो"]
    assert _flagged(speller, "भारतीय लोक मोर्चा (भालोमो) ने रैली की।") == []
    assert _flagged(speller, "पटना, 12 मार्च ( झुमरिलट ) शहर में बारिश हुई।") == []
    # Not alone in the brackets, or no word before them: still flagged.
    assert _flagged(speller, "मोर्चा (भालोमो ने) रैली की।") == ["भालोमो"]
    assert _flagged(speller, "(झुमरिलट) शहर में बारिश हुई।") == ["झुमरिलट"]


def test_a_misspelling_in_brackets_is_still_flagged(speller: SpellChecker) -> None:
    """Only words that may be names: a word the checker can repair is not one."""
    assert _flagged(speller, "यह बात (अधिकारीयों) ने कही।") == ["अधिकारीयों"]


def test_a_word_before_an_age_in_brackets_is_a_name(speller: SpellChecker) -> None:
    _unlisted("टिकठोर", "सलवाठी")
    assert _flagged(speller, "हादसे में टिकठोर घायल हुआ।") == ["टिकठोर"]
    assert _flagged(speller, "हादसे में टिकठोर (42) घायल हुआ।") == []
    assert _flagged(speller, "हादसे में सलवाठी ( ३५ वर्ष ) निवासी पटना घायल हुआ।") == []
    # Not an age: still flagged.
    assert _flagged(speller, "हादसे में सलवाठी (1200) घायल हुए।") == ["सलवाठी"]


def test_a_surname_after_a_cue_and_a_given_name(speller: SpellChecker) -> None:
    _unlisted("दरभोंका", "नमपाजा")
    assert _flagged(speller, "बैठक में सुरेश दरभोंका ने बताया।") == ["दरभोंका"]
    assert _flagged(speller, "बैठक में सचिव सुरेश दरभोंका ने बताया।") == []
    assert _flagged(speller, "जिला प्रवक्ता विजय नमपाजा ने कहा।") == []
    # A postposition (one akshara) between the cue and the word is no given name.
    assert _flagged(speller, "बैठक में सचिव ने दरभोंका बताया।") == ["दरभोंका"]



def test_a_place_after_an_area_and_a_genitive(speller: SpellChecker) -> None:
    _unlisted("हसुलपी", "कुरमटी")
    assert _flagged(speller, "बारिश से हसुलपी में नुकसान हुआ।") == ["हसुलपी"]
    assert _flagged(speller, "अयोध्या जिले के हसुलपी में नुकसान हुआ।") == []
    assert _flagged(speller, "थाना क्षेत्र की कुरमटी बस्ती में चोरी हुई।") == []
    # The genitive alone, or a word that is no area, is no cue.
    assert _flagged(speller, "बारिश के हसुलपी में नुकसान हुआ।") == ["हसुलपी"]

# ------------------------------------------------------------------ the word rules


def test_no_merge_split_leaves_a_lone_letter_or_a_one_akshara_content_word(
        speller: SpellChecker) -> None:
    """In a word a lexicon lists, a merged function word is split off only when the other
    part is a word of two or more aksharas (or a function word): not से टी, को ली (a
    caste name)."""
    _unlisted("सेटी", "कोली")
    judge = speller._judge
    assert judge.preferred_form("सेटी") != "से टी"
    assert judge.preferred_form("कोली") is None
    assert speller.is_correct("कोली")
    # A real merge is still split.
    assert judge.preferred_form("केलिए") == "के लिए"


def test_a_glide_before_the_final_vowel_is_written_with_the_vowel(
        speller: SpellChecker) -> None:
    _unlisted("हुवा", "हुवीं", "छुवा", "बुवाई")
    assert _first(speller, "हुवा") == "हुआ"
    assert _first(speller, "हुवीं") == "हुईं"
    assert _first(speller, "छुवा") == "छुआ"
    assert speller.is_correct("बुवाई")  # inside a word the glide is a standard spelling


def test_an_initial_aa_for_a_is_shortened(speller: SpellChecker) -> None:
    """The mirror of the fourth round's अपराधिक -> आपराधिक, on words no lexicon lists."""
    _unlisted("आसफल", "आवसर", "आनुमान")
    assert _first(speller, "आसफल") == "असफल"
    assert _first(speller, "आवसर") == "अवसर"
    assert _first(speller, "आनुमान") == "अनुमान"
    assert speller.is_correct("आसानी") and speller.is_correct("आलसी")


def _first(speller: SpellChecker, word: str) -> str | None:
    findings = speller.check(word)
    assert findings, f"{word} is not flagged"
    return findings[0].suggestions[0] if findings[0].suggestions else None

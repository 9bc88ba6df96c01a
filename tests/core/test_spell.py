"""Spell-check service: API contracts, Hindi morphology, variant rule, lists, degradation."""

from __future__ import annotations

import builtins
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from editor_app.core import resources
from editor_app.core.checking import check_text
from editor_app.core.db import Database
from editor_app.core.errors import SpellCheckUnavailable
from editor_app.core.models import AuditEvent, UserProfile
from editor_app.core.text import spell
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.inflection import analyses
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker, create_spell_checker
from editor_app.core.text.suggest import candidate_edits, repair_variants
from editor_app.core.text.suggestion_rank import akshara_distance
from editor_app.core.text.tokenize import akshara_split
from tests.conftest import skip_unless_spelling


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    return checker


def _user(db: Database, name: str = "Asha") -> int:
    with db.session() as session:
        profile = UserProfile(name=name, role="copy editor")
        session.add(profile)
        session.flush()
        return profile.id


# -- acceptance ---------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["दरों", "नालों", "विद्यालयों", "लेंगी", "कराएँ", "कराएं",
                                  "मिठाइयों", "छुट्टियां", "घटनाएं", "निकलकर", "न"])
def test_inflected_forms_of_known_words_pass(speller: SpellChecker, word: str) -> None:
    assert speller.is_correct(word)


@pytest.mark.parametrize("word", ["है", "हैं", "की", "कीं", "कि", "गई", "गईं", "देखे", "देखें",
                                  "भागो", "जाति", "में", "नहीं", "सड़क", "शुरू", "मजबूत"])
def test_valid_minimal_pairs_survive(speller: SpellChecker, word: str) -> None:
    assert speller.is_correct(word)


@pytest.mark.parametrize(("typo", "correct"), [
    ("नही", "नहीं"), ("मे", "में"), ("सडक", "सड़क"), ("शुरु", "शुरू"), ("औऱ", "और"),
    ("पुरूष", "पुरुष"), ("गुरूवार", "गुरुवार"), ("पढें", "पढ़ें"),
])
def test_dictionary_listed_misspellings_are_flagged(speller: SpellChecker, typo: str,
                                                    correct: str) -> None:
    assert not speller.is_correct(typo)
    assert speller.misspelling_of(typo) == correct
    assert speller.suggest(typo)[0] == correct


def test_numbers_and_other_scripts_are_never_flagged(speller: SpellChecker) -> None:
    assert speller.check("2024 में १२३ लोग, 1,000.50 रुपये; ਪੰਜਾਬ") == []


def test_latin_words_use_english(speller: SpellChecker) -> None:
    found = speller.check("PM said the governmnet will act")
    assert [f.text for f in found] == ["governmnet"]
    assert "government" in found[0].suggestions


def test_non_nfc_input_offsets_refer_to_nfc_text(speller: SpellChecker) -> None:
    decomposed = "पेड़ सडक"  # ड + nukta typed as precomposed U+095C
    findings = speller.check(decomposed)
    nfc = to_nfc(decomposed)
    assert [nfc[f.start:f.end] for f in findings] == ["सडक"]


def test_finding_shape(speller: SpellChecker) -> None:
    (finding,) = speller.check("यह मजूबत है")
    assert isinstance(finding, Finding)
    assert finding.rule == "spelling" and finding.severity is Severity.ERROR
    assert (finding.start, finding.end, finding.text) == (3, 8, "मजूबत")
    assert finding.suggestions[0] == "मजबूत"
    assert json.loads(json.dumps(finding.to_json()))["suggestions"][0] == "मजबूत"
    assert speller.check("यह मजूबत है", suggestions=False)[0].suggestions == ()


def test_merged_words_get_a_two_word_suggestion(speller: SpellChecker) -> None:
    assert not speller.is_correct("केसाथ")
    assert speller.suggest("केसाथ")[0] == "के साथ"


# -- typo models --------------------------------------------------------------------------

def test_repair_variants_cover_typo_types() -> None:
    variants = {v for v, _ in repair_variants("सडक")}
    assert "सड़क" in variants
    assert ("लोगों", "nasal-final") in set(repair_variants("लोगो"))
    assert ("शुरू", "length-ra") in set(repair_variants("शुरु"))
    assert ("और", "letter") in set(repair_variants("औऱ"))


def test_suggestions_never_split_a_conjunct(speller: SpellChecker) -> None:
    for typo in ("क्षत्रीय", "प्रधानमंत्रि", "विदयालय"):
        suggestions = speller.suggest(typo)
        assert suggestions
        for suggestion in suggestions:
            assert all(cluster[0] not in "\u093e\u093f\u0940\u094d\u0902\u093c"
                       for cluster in akshara_split(suggestion.replace(" ", "")))


def test_candidate_edits_model_typical_typos() -> None:
    assert "कार्यक्रम" in {c for c, _ in candidate_edits("कायर्क्रम")}
    assert "मजबूत" in {c for c, _ in candidate_edits("मजूबत")}
    assert "समस्या" in {c for c, _ in candidate_edits("समसस्या")}


def test_akshara_distance_counts_clusters() -> None:
    assert akshara_split("प्रधानमंत्री") == ["प्र", "धा", "नमं", "त्री"] or len(
        akshara_split("प्रधानमंत्री")) <= 5
    assert akshara_distance("सडक", "सड़क") < 1.0
    assert akshara_distance("कमल", "कलम") == pytest.approx(0.6)
    assert akshara_distance("क्षत्रिय", "क्षत्रिय") == 0.0


def test_analyses_map_back_to_lemmas() -> None:
    assert ("नाला", "nominal") in set(analyses("नालों"))
    assert ("ले", "verbal") in set(analyses("लेंगी"))
    assert ("करा", "verbal") in set(analyses("कराएँ"))


# -- lists and caches ---------------------------------------------------------------------

def test_newsroom_word_is_seen_at_once_and_audited(db: Database) -> None:
    user_id = _user(db)
    checker = create_spell_checker(db, user_id)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    assert not checker.is_correct("फोमिन")
    assert checker.add_to_newsroom("फोमिन")
    assert checker.is_correct("फोमिन")
    assert checker.check("जनरल फोमिन ने कहा") == []
    other = create_spell_checker(db, _user(db, "Ravi"))
    assert other.is_correct("फोमिन")  # shared by everyone on the database
    with db.session() as session:
        events = session.scalars(select(AuditEvent)).all()
        assert [(e.user, e.action) for e in events] == [("Asha", "dictionary.add")]
    assert checker.remove_from_newsroom("फोमिन")
    assert not checker.is_correct("फोमिन")
    other.refresh()
    assert not other.is_correct("फोमिन")


def test_newsroom_lemma_accepts_inflected_forms(db: Database) -> None:
    checker = create_spell_checker(db, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    assert not checker.is_correct("कजानों")
    checker.add_to_newsroom("कजान", "desk")
    assert checker.is_correct("कजानों")


def test_personal_ignore_is_per_user(db: Database) -> None:
    asha, ravi = _user(db), _user(db, "Ravi")
    mine = create_spell_checker(db, asha)
    if not mine.available:
        skip_unless_spelling(mine.unavailable_reason)
    assert not mine.is_correct("गुयाना")
    mine.ignore("गुयाना")
    assert mine.is_correct("गुयाना")
    assert not create_spell_checker(db, ravi).is_correct("गुयाना")
    assert create_spell_checker(db, asha).is_correct("गुयाना")
    mine.unignore("गुयाना")
    assert not mine.is_correct("गुयाना")


def test_ignore_without_database_lasts_for_the_session(speller: SpellChecker) -> None:
    checker = create_spell_checker(None, None)
    checker.ignore("Kushwaha")
    assert checker.is_correct("Kushwaha")


def test_suggestions_are_cached(speller: SpellChecker, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = create_spell_checker(None, None)
    first = checker.suggest("प्रशाशन")
    calls: list[str] = []
    monkeypatch.setattr(checker._judge, "suggest",
                        lambda word, limit=5: calls.append(word))
    assert checker.suggest("प्रशाशन") == first
    assert calls == []


# -- degradation --------------------------------------------------------------------------

def test_missing_enchant_gives_a_null_checker(monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "enchant":
            raise ImportError("The 'enchant' C library was not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "enchant", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    checker = create_spell_checker(None, None)
    assert not checker.available
    assert "spell-check unavailable" in checker.unavailable_reason
    assert "libenchant-2-2" in checker.unavailable_reason
    assert "hunspell-hi" in checker.unavailable_reason
    assert checker.is_correct("मजूबत")
    assert checker.check("मजूबत सडक") == []
    assert checker.suggest("मजूबत") == []
    assert check_text("मजूबत", checker) == []
    with pytest.raises(SpellCheckUnavailable):
        checker.require_available()
    assert "spell-check unavailable" in caplog.text


def test_missing_hindi_dictionary_gives_a_null_checker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    enchant = pytest.importorskip("enchant")

    def no_dict(tag: str) -> Any:
        raise enchant.errors.DictNotFoundError(f"Dictionary for language '{tag}' not found")

    monkeypatch.setattr(enchant, "Dict", no_dict)
    checker = create_spell_checker(None, None)
    assert not checker.available
    assert "hi_IN" in checker.unavailable_reason
    assert "hunspell-hi" in checker.unavailable_reason


def test_missing_english_dictionary_only_skips_latin(monkeypatch: pytest.MonkeyPatch) -> None:
    enchant = pytest.importorskip("enchant")

    class OnlyHindi(enchant.Dict):  # type: ignore[misc,name-defined]
        def __init__(self, tag: str | None = None, *args: Any, **kwargs: Any) -> None:
            if tag == "en_US":
                raise enchant.errors.DictNotFoundError("no en_US")
            super().__init__(tag, *args, **kwargs)

    monkeypatch.setattr(enchant, "Dict", OnlyHindi)
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    assert [f.text for f in checker.check("governmnet सडक")] == ["सडक"]


def test_missing_resource_files_still_work(tmp_path: Path) -> None:
    from editor_app.core.text.hindi_lexicon import load_lexicon

    try:
        hindi, english = spell.load_enchant_dicts()
    except SpellCheckUnavailable as exc:
        skip_unless_spelling(str(exc))
    checker = SpellChecker(hindi, english, lexicon=load_lexicon(tmp_path))
    assert checker.is_correct("सड़क")
    assert not checker.is_correct("मजूबत")


def test_resources_dir_finds_the_spelling_lists() -> None:
    assert (resources.resources_dir() / "spelling" / "hi_supplement.txt").is_file()
    assert resources.resource_path("spelling", "hi_valid_forms.txt").is_file()


def test_resources_dir_honours_override(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMPADAK_RESOURCES", str(tmp_path))
    assert resources.resources_dir() == tmp_path


# -- check_text -----------------------------------------------------------------------------

def test_check_text_merges_extra_checkers(speller: SpellChecker) -> None:
    def fake_lint(text: str) -> list[Finding]:
        index = text.index(".")
        return [Finding("punct.danda", index, index + 1, ".", Severity.WARNING)]

    found = check_text("यह सडक है.", speller, extra_checkers=[fake_lint])
    assert [(f.rule, f.text) for f in found] == [("spelling", "सडक"), ("punct.danda", ".")]
    assert check_text("यह सडक है.", None, extra_checkers=[fake_lint])[0].rule == "punct.danda"


def test_curated_lists_are_consistent(speller: SpellChecker) -> None:
    from editor_app.core.text.hindi_lexicon import load_lexicon

    lexicon = load_lexicon(resources.resource_path("spelling"))
    assert len(lexicon.supplement) >= 100
    for word in lexicon.supplement | lexicon.valid_forms:
        assert " " not in word
        assert speller.is_correct(word), word
        assert word not in lexicon.misspellings
    for bad, good in lexicon.misspellings.items():
        assert not speller.is_correct(bad) and speller.is_correct(good)


# -- orthographic rules, generalisation guards, name-like words ------------------------------

@pytest.mark.parametrize(("typo", "correct"), [
    ("करेगें", "करेंगे"), ("जाएगें", "जाएंगे"), ("उठाएगे", "उठाएंगे"),  # future nasal
    ("इकठ्ठा", "इकट्ठा"), ("गढ्ढा", "गड्ढा"), ("शुध्द", "शुद्ध"),  # geminates, conjunct order
    ("हुर्इ", "हुई"),  # legacy-font converter output
    ("हमनें", "हमने"), ("करनें", "करने"),  # no nasal on ने
    ("मिटटी", "मिट्टी"), ("तोडफोड", "तोड़फोड़"), ("ईलाज", "इलाज"),
    ("पूरूष", "पुरुष"),  # chained: पूरूष -> पुरूष -> पुरुष
])
def test_orthographic_rules(speller: SpellChecker, typo: str, correct: str) -> None:
    assert not speller.is_correct(typo)
    assert speller.suggest(typo)[0] == correct


@pytest.mark.parametrize("word", ["जानें", "बहनें", "सुनें", "मीट", "टीम", "ताजा", "थाना",
                                  "थाने", "मनमाना", "उद्देश्य", "करोगे", "अड़तालीस", "छत्तीस"])
def test_attested_words_are_not_anagram_or_merge_typos(speller: SpellChecker,
                                                       word: str) -> None:
    assert speller.is_correct(word)


def test_compound_reading_is_vetoed_by_a_close_frequent_word(speller: SpellChecker) -> None:
    assert not speller.is_correct("समचार")  # not सम + चार
    assert speller.suggest("समचार")[0] == "समाचार"


def test_suggestions_for_letter_confusions(speller: SpellChecker) -> None:
    assert speller.suggest("संघर्श")[0] == "संघर्ष"
    assert speller.suggest("स्तिथि")[0] == "स्थिति"
    assert speller.suggest("सर्मथन")[0] == "समर्थन"
    assert speller.suggest("क्रिषि")[0] == "कृषि"


def test_name_like_unknown_words_are_info(speller: SpellChecker) -> None:
    # No name cue next to झंकोरिया: repeated, it is "possibly a name" (info).
    text = "बात झंकोरिया ने कही। उधर झंकोरिया में सडक बनेगी। Zentrix ने भी सडक पर कहा।"
    found = {(f.text, f.severity) for f in speller.check(text)}
    assert ("झंकोरिया", Severity.INFO) in found
    assert ("Zentrix", Severity.INFO) in found
    assert ("सडक", Severity.ERROR) in found  # a repeated known misspelling stays an error
    assert speller.check("उधर झंकोरिया में")[0].severity is Severity.ERROR  # seen once
    # A cue (कलेक्टर before, गांव after) marks it a name: no finding at all (name_evidence).
    assert not speller.check("कलेक्टर झंकोरिया ने कहा।")
    assert not speller.check("झंकोरिया गांव में")


def test_a_broken_enchant_library_path_means_spell_check_off_not_a_crash(tmp_path):
    """pyenchant asserts on a PYENCHANT_LIBRARY_PATH that names no library; the app says
    spell-check is unavailable (checked in a fresh interpreter: enchant loads once)."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    code = ("from editor_app.core.text.spell import load_enchant_dicts\n"
            "from editor_app.core.errors import SpellCheckUnavailable\n"
            "try:\n    load_enchant_dicts()\nexcept SpellCheckUnavailable:\n    print('OFF')\n")
    env = dict(os.environ, PYENCHANT_LIBRARY_PATH=str(tmp_path / "libenchant-missing.so"))
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "OFF", done.stderr

"""The sentence-end mark phonetic typing inserts for '.' under the house style."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor_app.core.house_style import HouseStyle
from editor_app.core.text.sentence_end import DANDA, period_mark

DANDA_STYLE = HouseStyle(sentence_end="danda")


@pytest.mark.parametrize("before", ["बारिश हुई", "उसने कहा, “ठीक है”", "(जांच जारी है)", "है"])
def test_a_hindi_sentence_end_gets_the_danda(before):
    assert period_mark(before, DANDA_STYLE) == DANDA


@pytest.mark.parametrize("before", [
    "डॉ", "प्रो", "श्री",  # house-style abbreviations
    "ए.पी", "वी",  # initials
    "कीमत 3", "ok", "e.g", "", "बारिश हुई।", "बारिश हुई.",  # digits, Latin, nothing, ellipsis
])
def test_abbreviations_initials_numbers_and_latin_keep_the_period(before):
    assert period_mark(before, DANDA_STYLE) == "."


@pytest.mark.parametrize("policy", ["period", "any"])
def test_styles_without_danda_keep_the_period(policy):
    assert period_mark("बारिश हुई", replace(DANDA_STYLE, sentence_end=policy)) == "."

"""Issue 7 item 6 (memory): the compact read-only storage of the spell evidence answers
exactly as the dictionaries it replaced, on the real data, for words in it and not in it."""

from __future__ import annotations

import functools
import gzip
import marshal
import random
from collections.abc import Mapping, Sequence

import pytest

from editor_app.core.text import apertium_lexicon
from editor_app.core.text.apertium_lexicon import ApertiumLexicon, parse_att
from tests.conftest import skip_unless_spelling

_FOLD = str.maketrans({"\u0901": "\u0902"})


def _reference_knows(arcs: Mapping[int, Mapping[str, Sequence[int]]],
                     eps: Mapping[int, Sequence[int]], finals: frozenset[int],
                     starts: Sequence[int], word: str) -> bool:
    """A plain epsilon-NFA walk over the parsed dictionaries (the old storage)."""

    def closure(states: set[int]) -> set[int]:
        stack, seen = list(states), set(states)
        while stack:
            for nxt in eps.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    current = closure(set(starts))
    for char in word.translate(_FOLD):
        current = closure({t for s in current for t in arcs.get(s, {}).get(char, ())})
        if not current:
            return False
    return bool(current & finals)


def _accepted_samples(arcs: Mapping[int, Mapping[str, Sequence[int]]],
                      eps: Mapping[int, Sequence[int]], finals: frozenset[int],
                      starts: Sequence[int], count: int, seed: int) -> list[str]:
    """Random walks through the automaton that end in a final state: accepted forms."""
    rng = random.Random(seed)
    found: list[str] = []
    for _ in range(count * 20):
        state, spelled = rng.choice(list(starts)), ""
        for _step in range(30):
            moves = [(c, t) for c, ts in arcs.get(state, {}).items() for t in ts]
            moves += [("", t) for t in eps.get(state, ())]
            if state in finals and (not moves or rng.random() < 0.2):
                found.append(spelled)
                break
            if not moves:
                break
            char, state = rng.choice(moves)
            spelled += char
        if len(found) >= count:
            break
    return found


@pytest.fixture(scope="module")
def real_att() -> tuple[dict[int, dict[str, tuple[int, ...]]], dict[int, tuple[int, ...]],
                        frozenset[int], tuple[int, ...]]:
    path = apertium_lexicon.find_apertium_file()
    if path is None:
        skip_unless_spelling("apertium-hin is not installed")
        raise AssertionError  # not reached
    with gzip.open(path, "rb") as handle:
        return parse_att(handle.read().decode("utf-8"))


def test_compact_apertium_answers_as_the_dictionaries_on_real_forms(real_att) -> None:
    arcs, eps, finals, starts = real_att
    lexicon = ApertiumLexicon(arcs, eps, finals, starts)
    reloaded = ApertiumLexicon.from_data(marshal.loads(marshal.dumps(lexicon.to_data())))
    accepted = [w for w in _accepted_samples(arcs, eps, finals, starts, 1500, 7) if w]
    assert len(accepted) > 1000
    rng = random.Random(11)
    altered: list[str] = []
    for word in accepted[:1500]:
        cut = rng.randrange(len(word))
        altered += [word[:cut] + word[cut + 1:], word + "ा", word[:cut] + "ऱ" + word[cut:],
                    word.replace("\u0902", "\u0901")]
    samples = accepted + altered + ["", "क", "नहीं", "व्यवहारिक", "व्यावहारिक", "sampadak"]
    expected = [_reference_knows(arcs, eps, finals, starts, w) for w in samples]
    assert all(expected[: len(accepted)])
    assert expected.count(False) > 1000  # the sample holds many words the analyser rejects
    for built in (lexicon, reloaded):
        assert [built.knows(w) for w in samples] == expected


def test_compact_apertium_is_small(real_att) -> None:
    lexicon = ApertiumLexicon(*real_att)
    arc_bytes = sum(len(part) if isinstance(part, bytes) else len(part) * 2
                    for part in lexicon.to_data()[:5])
    assert arc_bytes < 2 * 2**20  # the dictionaries it replaced held ~13 MiB of objects
    assert not any(isinstance(v, dict) for v in vars(lexicon).values()
                   if v is not lexicon._cache and v is not lexicon._delta)


def test_malformed_compact_data_is_rejected() -> None:
    good = ApertiumLexicon({0: {"क": (1,)}}, {}, frozenset({1}), (0,))
    data = good.to_data()
    assert ApertiumLexicon.from_data(data).knows("क")
    with pytest.raises((ValueError, TypeError)):
        ApertiumLexicon.from_data(data[:4])
    with pytest.raises(ValueError):
        ApertiumLexicon.from_data((*data[:5], (7,), data[6]))  # a final state out of range
    with pytest.raises(ValueError):
        ApertiumLexicon.from_data((data[0], "कख", *data[2:]))  # rows of different lengths


def test_tokens_of_one_call_share_one_str_per_distinct_text() -> None:
    from editor_app.core.text.tokenize import tokenize, word_spans

    text = "सरकार ने कहा। सरकार ने फिर कहा, और सरकार चुप रही।" * 3
    tokens = [t.text for t in tokenize(text)]
    spans = [s[0] for s in word_spans(text)]
    for texts in (tokens, spans):
        assert texts.count("सरकार") == 9
        assert len({id(t) for t in texts if t == "सरकार"}) == 1  # one object, nine tokens
        assert len({id(t) for t in texts}) == len(set(texts))


def test_frozen_str_map_answers_as_the_dict_on_the_real_loanword_keys(tmp_path) -> None:
    from editor_app.core.text import loanword_evidence
    from editor_app.core.text.compact_strings import FrozenStrMap

    path = next((p for p in loanword_evidence.EN_US_PATHS if p.is_file()), None)
    if path is None:
        skip_unless_spelling("hunspell-en-us is not installed")
        return
    table = loanword_evidence._read_patterns(path)  # the dict the index used to hold
    assert len(table) > 30_000
    compact = FrozenStrMap(table)
    reloaded = FrozenStrMap.from_data(marshal.loads(marshal.dumps(compact.to_data())))
    rng = random.Random(5)
    keys = rng.sample(sorted(table), 3000)
    absent = [k + "X" for k in keys] + [k[1:] for k in keys] + ["", "a", "zzzzzz", "आ"]
    for built in (compact, reloaded):
        assert len(built) == len(table)
        assert [built.get(k) for k in keys + absent] == [table.get(k) for k in keys + absent]
        assert [k in built for k in absent] == [k in table for k in absent]
        assert list(built) == sorted(table)
    index = loanword_evidence.load_loanword_index(path, cache_dir=tmp_path)
    assert index is not None and isinstance(index.table, FrozenStrMap)
    assert dict(index.table.items()) == table
    loanword_evidence._load.cache_clear()
    again = loanword_evidence.load_loanword_index(path, cache_dir=tmp_path)  # from the cache
    assert again is not None and again is not index and dict(again.table.items()) == table
    assert again.explains("डस्टबिन") and not again.explains("सरकार")


def test_frozen_str_map_edge_cases() -> None:
    from editor_app.core.text.compact_strings import FrozenStrMap

    source = {"": "खाली", "घर": "", "घरों": "a|b", "क\u094dष": "\n\t", "zebra": "Z"}
    table = FrozenStrMap(source)
    assert dict(table) == source and len(table) == 5 and list(table) == sorted(source)
    assert table["घर"] == "" and table[""] == "खाली" and "घ" not in table
    assert 3 not in table and table.get(3) is None  # type: ignore[call-overload,comparison-overlap]
    with pytest.raises(KeyError):
        table["घरो"]
    assert dict(FrozenStrMap()) == {} and FrozenStrMap().get("x") is None
    keys, key_off, values, val_off = table.to_data()
    with pytest.raises(ValueError):
        FrozenStrMap.from_data((keys[:-1], key_off, values, val_off))
    with pytest.raises(ValueError):
        FrozenStrMap.from_data((keys, key_off[:-4], values, val_off))
    with pytest.raises(TypeError):
        FrozenStrMap.from_data((keys.encode(), key_off, values, val_off))




def test_zipf_table_read_without_wordfreq_equals_wordfreqs_own_reading() -> None:
    import math
    import subprocess
    import sys

    import wordfreq

    from editor_app.core.text.hindi_lexicon import _wordfreq_zipf
    from editor_app.core.text.normalize import to_nfc

    expected = {to_nfc(w): round(math.log10(f) + 9.0, 2)
                for w, f in wordfreq.get_frequency_dict("hi").items() if f > 0}
    zipf = _wordfreq_zipf()
    assert len(zipf) > 20_000 and zipf["नहीं"] > zipf["नही"]
    assert zipf == expected and list(zipf) == list(expected)
    probe = ("import sys; from editor_app.core.text.hindi_lexicon import _wordfreq_zipf; "
             "assert len(_wordfreq_zipf()) > 20000; "
             "print(sorted(m for m in ('wordfreq', 'langcodes', 'ftfy') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "[]"  # wordfreq and what it imports stay out


def test_missing_wordfreq_list_gives_an_empty_table(monkeypatch, caplog) -> None:
    from editor_app.core.text import hindi_lexicon

    monkeypatch.setattr(hindi_lexicon, "wordfreq_file", lambda lang="hi": None)
    assert hindi_lexicon._wordfreq_zipf() == {}
    assert "no frequency evidence" in caplog.text


def test_lint_of_an_article_holds_no_token_list_of_the_whole_story(monkeypatch) -> None:
    from editor_app.core.house_style import HouseStyle
    from editor_app.core.text.lint import base, lint_article
    from editor_app.core.text.tokenize import Token, tokenize

    fields = {"headline": "सरकार ने कहा", "dek": "जाँच और जांच दोनों",
              "body": "सरकार ने जाँच की। फिर जांच हुई, जांच चली। 'उद्धरण अधूरा\n\n" * 40}
    style = HouseStyle(nasal="standard")  # mixed ं/ँ spellings are then story-wide findings
    built: list[int] = []
    def recording(self: base.StoryStats) -> list[Token]:
        built.append(len(self.text))
        return list(tokenize(self.text))

    expected = lint_article(fields, style)
    monkeypatch.setattr(base.StoryStats, "tokens", functools.cached_property(recording))
    vars(base.StoryStats)["tokens"].attrname = "tokens"
    assert lint_article(fields, style) == expected  # same findings
    assert any(f.field == "dek" and f.finding.rule == "style.nasal-mixed" for f in expected)
    story_length = len("\n\n".join(fields.values()))
    assert story_length not in built  # the story's tokens were streamed, not kept
    assert lint_article({"body": fields["body"]}, style)  # one field: its list is shared
    assert len(fields["body"]) in built

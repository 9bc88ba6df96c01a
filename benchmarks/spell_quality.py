"""Spell-check quality on the labelled data sets (not a speed benchmark).

Scores every typo set (``tests/data/spelling/typos_*.tsv``, ``<set>/typos.tsv``) and prose
set (``prose_*.txt``, ``<set>/prose.txt``): recall (the typo is flagged), first suggestion
right, right within the first five (a suggestion is right when it is the labelled correct word or
that word's anusvara spelling, केंद्र for केन्द्र: the house style writes anusvara), and the
share of correct prose tokens flagged: *in context* (``check`` on each passage, as the editor
underlines; names that their context marks are not flagged) and, as before issue 9's second
round, *isolated* (``is_correct`` on each word alone). Each set
is scored with the full checker and with the curated misspelling list disabled
(``--no-curated`` alone, or both by default), plus bare hunspell-hi as a reference.

    PYTHONPATH=. .venv/bin/python benchmarks/spell_quality.py            # the default sets
    PYTHONPATH=. .venv/bin/python benchmarks/spell_quality.py --set eval_v3 --misses

Since issue 9's third round ``eval_v2`` is *development* data (scored four times, then
retired), since the fourth round ``eval_v3`` too (scored twice, then retired), and since
the fifth round ``eval_v4`` (scored twice, then retired): their misses may be read. The
default run scores the development sets and the older held-out sets (:data:`DEV_SETS`,
:data:`HELDOUT_SETS`); any other folder of ``tests/data/spelling`` (a new evaluation
set) is scored only when named with ``--set``
(``--set NAME``; its ``--misses`` are for the set's owner to read, not for tuning).

The scoring functions are shared with ``tests/core/test_spell_eval_v2.py`` (the bars).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor_app.core import resources
from editor_app.core.text.findings import Finding
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.spell import SpellChecker, load_enchant_dicts
from editor_app.core.text.suggestion_order import anusvara_form
from editor_app.core.text.tokenize import Script, TokenKind, tokenize

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "spelling"


@dataclass(frozen=True)
class TypoCase:
    """One labelled misspelling."""

    typo: str
    correct: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Scores:
    """What one checker achieved on one set."""

    cases: int
    recall: float
    first_right: float
    top5_right: float
    prose_tokens: int
    false_flag_rate: float
    isolated_false_flag_rate: float = 0.0
    missed: tuple[str, ...] = ()
    wrong_first: tuple[str, ...] = ()
    false_flags: tuple[str, ...] = ()


def typo_path(name: str) -> Path:
    """``eval_v2`` -> ``eval_v2/typos.tsv``; ``tune`` -> ``typos_tune.tsv``."""
    folder = DATA / name
    return folder / "typos.tsv" if folder.is_dir() else DATA / f"typos_{name}.tsv"


def prose_path(name: str) -> Path:
    folder = DATA / name
    return folder / "prose.txt" if folder.is_dir() else DATA / f"prose_{name}.txt"


def read_typos(name: str) -> list[TypoCase]:
    """The cases of a typo set (columns 1-3; further columns are sources, ignored)."""
    cases = []
    for line in typo_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            cases.append(TypoCase(parts[0], tuple(parts[1].split("|")), parts[2]))
    return cases


def read_prose(name: str) -> list[str]:
    """Prose lines of a set (comments and ``@@ URL`` source lines left out)."""
    path = prose_path(name)
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "@@"))]


def read_passages(name: str) -> list[str]:
    """The passages of a prose set: the lines after each ``@@ URL`` line joined, or each
    line alone in a set without source lines."""
    path = prose_path(name)
    if not path.is_file():
        return []
    passages: list[list[str]] = []
    cited = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@@"):
            cited = True
            passages.append([])
        elif line.strip() and not line.startswith("#"):
            if cited and passages:
                passages[-1].append(line)
            else:
                passages.append([line])
    return ["\n".join(lines) for lines in passages if lines]


def prose_words(name: str) -> list[str]:
    """The Devanagari word tokens of a prose set (what the false-flag rate counts)."""
    return [t.text for line in read_prose(name) for t in tokenize(line)
            if t.kind is TokenKind.WORD and t.script is Script.DEVANAGARI]


def score(checker: SpellChecker, name: str) -> Scores:
    """Scores of ``checker`` on the typo and prose sets called ``name``."""
    cases = read_typos(name) if typo_path(name).is_file() else []
    flagged = first = top5 = 0
    missed: list[str] = []
    wrong: list[str] = []
    for case in cases:
        findings = checker.check(case.typo)
        if not findings:
            missed.append(case.typo)
            continue
        flagged += 1
        suggestions = list(findings[0].suggestions)
        right = {*case.correct, *(anusvara_form(c) for c in case.correct)}
        if suggestions and suggestions[0] in right:
            first += 1
        else:
            wrong.append(f"{case.typo}->{suggestions[:3]} (want {case.correct[0]})")
        if any(s in right for s in suggestions[:5]):
            top5 += 1
    words = prose_words(name)
    isolated = [w for w in words if not checker.is_correct(w)]
    flags = prose_flags(checker, name)
    n = max(len(cases), 1)
    total = max(len(words), 1)
    return Scores(len(cases), flagged / n, first / n, top5 / n, len(words),
                  len(flags) / total, len(isolated) / total, tuple(missed), tuple(wrong),
                  tuple(flags))


def prose_flags(checker: SpellChecker, name: str) -> list[str]:
    """The Devanagari words of a prose set that ``checker.check`` reports in context (each
    passage is checked as one text, as the editor checks an article), of any severity: a
    word reported as "possibly a name" counts as a flag."""
    flags = []
    for passage in read_passages(name):
        for finding in checker.check(passage, suggestions=False):
            tokens = [t for t in tokenize(finding.text) if t.kind is TokenKind.WORD]
            if tokens and tokens[0].script is Script.DEVANAGARI:
                flags.append(finding.text)
    return flags


def full_checker() -> SpellChecker:
    hindi, english = load_enchant_dicts()
    return SpellChecker(hindi, english)


def checker_without_curated() -> SpellChecker:
    """The full checker with ``hi_misspellings.tsv`` emptied: the mechanisms alone."""
    lexicon = load_lexicon(resources.resource_path("spelling"))
    hindi, english = load_enchant_dicts()
    return SpellChecker(hindi, english,
                        lexicon=dataclasses.replace(lexicon, misspellings={}))


class _HunspellOnly(SpellChecker):
    """Reference: bare hunspell-hi verdicts and suggestions."""

    def is_correct(self, word: str) -> bool:
        return bool(self._hindi is None or self._hindi.check(word))

    def check(self, text: str, *, suggestions: bool = True,
              limit: int = 5) -> list[Finding]:
        from editor_app.core.text.findings import Severity

        found = []
        for token in tokenize(text):
            if token.kind is TokenKind.WORD and not self.is_correct(token.text):
                sugg = tuple(self._hindi.suggest(token.text)[:limit]) if self._hindi else ()
                found.append(Finding(rule="spelling", start=token.start, end=token.end,
                                     text=token.text, severity=Severity.ERROR, message="",
                                     message_hi="", suggestions=sugg))
        return found

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        return list(self._hindi.suggest(word)[:limit]) if self._hindi else []


def hunspell_only() -> SpellChecker:
    hindi, english = load_enchant_dicts()
    return _HunspellOnly(hindi, english)


#: Development sets: their misses may be read and mechanisms designed from them
#: (eval_v2 was the frozen evaluation set of rounds one and two, retired in round three;
#: eval_v3 the frozen set of round three, retired in round four; eval_v4 the frozen set of
#: round four, retired in round five).
DEV_SETS = ("eval_v4", "eval_v3", "eval_v2", "dev_v2", "dev_v3", "tune")
#: The project's older held-out sets (written for the project; scored, never tuned on).
HELDOUT_SETS = ("heldout", "heldout2")
SETS = (*DEV_SETS, *HELDOUT_SETS)


def _set_name(name: str) -> str:
    """``--set`` values: a known set, or any other set folder of ``tests/data/spelling``."""
    if name in SETS or (DATA / name / "typos.tsv").is_file():
        return name
    raise argparse.ArgumentTypeError(f"no spelling set {name!r} in {DATA}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", type=_set_name,
                        help=f"a set to score (default: {', '.join(SETS)}); repeatable")
    parser.add_argument("--misses", action="store_true", help="list misses and false flags")
    parser.add_argument("--no-hunspell", action="store_true")
    args = parser.parse_args(argv)
    makers: list[tuple[str, Callable[[], SpellChecker]]] = [
        ("full", full_checker), ("no curated list", checker_without_curated)]
    if not args.no_hunspell:
        makers.append(("hunspell-hi alone", hunspell_only))
    print("| set | checker | typos | recall | first right | top-5 right | prose tokens "
          "| false flags (in context) | false flags (isolated words) |")
    print("|---|---|---|---|---|---|---|---|---|")
    extra: list[str] = []
    for name in args.sets or SETS:
        for label, make in makers:
            scores = score(make(), name)
            print(f"| {name} | {label} | {scores.cases} | {scores.recall:.3f} | "
                  f"{scores.first_right:.3f} | {scores.top5_right:.3f} | "
                  f"{scores.prose_tokens} | {scores.false_flag_rate:.2%} | "
                  f"{scores.isolated_false_flag_rate:.2%} |")
            if args.misses and label != "hunspell-hi alone":
                extra.append(f"\n[{name} / {label}] missed: {' '.join(scores.missed)}")
                extra.append(f"[{name} / {label}] wrong first: {'; '.join(scores.wrong_first)}")
                extra.append(f"[{name} / {label}] false flags: {' '.join(scores.false_flags)}")
    for line in extra:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Apertium's Hindi morphological analyser as an independent word list (acceptor only).

Debian's ``apertium-hin`` ships the analyser as AT&T text (``hin.automorf.att.gz``, ~70k
arcs, 31k lemmas with inflection paradigms). Only its surface side matters here: a word is
*known* when the transducer accepts it, whatever the analyses. It rejects many web
misspellings that hunspell-hi lists (व्यवहारिक) but lacks names, many loanwords and some
anusvara spellings, so the spell checker treats it as one vote among several, never as an
oracle.

Contract:
- :func:`load_apertium` returns an :class:`ApertiumLexicon`, or ``None`` (logged once) when
  the package is not installed or its file is unreadable or malformed: spell-check then works
  without this evidence. It never raises. Cached per path; ``load_apertium.cache_clear()``
  resets it (tests).
- :meth:`ApertiumLexicon.knows` takes an NFC word. Chandrabindu and anusvara are folded
  together on both sides (the analyser writes पहुँच, house style writes पहुंच), so the two
  spellings get the same answer. Thread-safe: the automaton is immutable after loading; the
  answer and transition caches are only ever filled (or dropped whole when full), and a
  lost update only costs recomputation.
- Pure Python, no subprocess (``lt-proc`` is not needed). Parsing the AT&T text takes
  ~0.2-0.4 s, so the parsed automaton is cached (``marshal``) in ``cache_dir`` (default: the
  per-user cache folder, ``SAMPADAK_SPELL_CACHE`` overrides), keyed by the source file's path,
  size and mtime; a cached load takes ~20-40 ms. A missing, stale or corrupt cache is rebuilt;
  a cache that cannot be written is skipped (logged). Meant for the background warm-up.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import marshal
import os
import unicodedata
from array import array
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

__all__ = ["APERTIUM_DIRS", "ApertiumLexicon", "default_cache_dir", "find_apertium_file",
           "load_apertium", "parse_att"]

log = logging.getLogger(__name__)

ATT_NAME = "hin.automorf.att.gz"
#: Folders searched for the analyser; ``SAMPADAK_APERTIUM_HIN`` (a file) overrides them.
APERTIUM_DIRS = (
    "/usr/share/apertium/apertium-hin",
    "/usr/local/share/apertium/apertium-hin",
    "/opt/homebrew/share/apertium/apertium-hin",
)
_EPSILON = frozenset({"ε", "@0@", ""})
_FOLD = str.maketrans({"\u0901": "\u0902"})  # chandrabindu -> anusvara
_MAX_CACHE = 200_000
_EMPTY: frozenset[int] = frozenset()
#: (arc offsets, arc characters, arc targets, epsilon offsets, epsilon targets).
_Rows = tuple["array[int]", str, "array[int]", "array[int]", "array[int]"]


class ApertiumLexicon:
    """An epsilon-NFA over surface characters built from an AT&T transducer.

    Storage is compact and read-only (compressed sparse rows): states are renumbered
    ``0..n-1``; the arcs leaving state ``s`` are ``_arc_chars[_arc_off[s]:_arc_off[s + 1]]``
    (one character each, one ``str`` for the whole automaton) with their targets at the same
    positions of ``_arc_dst`` (an ``array('I')``), and the epsilon arcs likewise in
    ``_eps_off``/``_eps_dst``. That is ~0.7 MiB where the dictionaries of tuples it replaces
    took ~13 MiB of Python objects; :meth:`knows` answers exactly as before (a test compares
    it with a walk over the parsed dictionaries).
    """

    def __init__(self, arcs: Mapping[int, Mapping[str, Sequence[int]]],
                 epsilons: Mapping[int, Sequence[int]], finals: Iterable[int],
                 starts: Sequence[int]) -> None:
        """Build from the parsed form: ``arcs[state][char]`` and ``epsilons[state]`` are the
        target states; state numbers are any ints (they are renumbered)."""
        numbers: set[int] = set(arcs) | set(epsilons) | set(finals) | set(starts)
        for targets_of in arcs.values():
            for targets in targets_of.values():
                numbers.update(targets)
        for targets in epsilons.values():
            numbers.update(targets)
        dense = {state: index for index, state in enumerate(sorted(numbers))}
        arc_off, arc_dst, eps_off, eps_dst = (array("I", [0]), array("I"), array("I", [0]),
                                              array("I"))
        chars: list[str] = []
        for state in sorted(numbers):
            for char, targets in sorted(arcs.get(state, {}).items()):
                for target in targets:
                    chars.append(char)
                    arc_dst.append(dense[target])
            arc_off.append(len(arc_dst))
            eps_dst.extend(dense[target] for target in epsilons.get(state, ()))
            eps_off.append(len(eps_dst))
        self._init((arc_off, "".join(chars), arc_dst, eps_off, eps_dst),
                   frozenset(dense[s] for s in finals), tuple(dense[s] for s in starts))

    @classmethod
    def _from_rows(cls, rows: _Rows, finals: frozenset[int],
                   starts: tuple[int, ...]) -> ApertiumLexicon:
        lexicon = cls.__new__(cls)
        lexicon._init(rows, finals, starts)
        return lexicon

    def _init(self, rows: _Rows, finals: frozenset[int], starts: tuple[int, ...]) -> None:
        self._arc_off, self._arc_chars, self._arc_dst, self._eps_off, self._eps_dst = rows
        if not (len(self._arc_off) == len(self._eps_off) >= 1
                and len(self._arc_chars) == len(self._arc_dst) == self._arc_off[-1]
                and len(self._eps_dst) == self._eps_off[-1]):
            raise ValueError("inconsistent apertium automaton rows")
        self._finals = finals
        self._starts = starts
        self._start = self._closure(frozenset(starts))
        self._cache: dict[str, bool] = {}
        self._delta: dict[frozenset[int], dict[str, frozenset[int]]] = {}

    def to_data(self) -> tuple[bytes, str, bytes, bytes, bytes, tuple[int, ...],
                               tuple[int, ...]]:
        """The automaton as plain values (what the marshal cache stores)."""
        return (self._arc_off.tobytes(), self._arc_chars, self._arc_dst.tobytes(),
                self._eps_off.tobytes(), self._eps_dst.tobytes(), tuple(sorted(self._finals)),
                self._starts)

    @classmethod
    def from_data(cls, data: object) -> ApertiumLexicon:
        """The inverse of :meth:`to_data`; ``ValueError``/``TypeError`` when malformed."""
        if not isinstance(data, tuple) or len(data) != 7:
            raise ValueError("not an apertium automaton")
        arc_off, chars, arc_dst, eps_off, eps_dst, finals, starts = data
        if not isinstance(chars, str):
            raise TypeError("arc characters must be a str")
        rows = [array("I") for _ in range(4)]
        for row, raw in zip(rows, (arc_off, arc_dst, eps_off, eps_dst), strict=True):
            row.frombytes(raw)
        size = len(rows[0]) - 1
        if any(not 0 <= s < size for s in (*finals, *starts)) or max(
                (*rows[1], *rows[3]), default=0) >= max(size, 1):
            raise ValueError("apertium automaton state out of range")
        return cls._from_rows((rows[0], chars, rows[1], rows[2], rows[3]),
                              frozenset(finals), tuple(starts))

    @property
    def state_count(self) -> int:
        """Number of states with outgoing arcs (a size figure for logs and tests)."""
        arc_off, eps_off = self._arc_off, self._eps_off
        return sum(1 for s in range(len(arc_off) - 1)
                   if arc_off[s] != arc_off[s + 1] or eps_off[s] != eps_off[s + 1])

    def _closure(self, states: frozenset[int]) -> frozenset[int]:
        off, dst = self._eps_off, self._eps_dst
        stack = list(states)
        seen = set(states)
        while stack:
            state = stack.pop()
            for index in range(off[state], off[state + 1]):
                nxt = dst[index]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return frozenset(seen)

    def knows(self, word: str) -> bool:
        """True when the analyser accepts ``word`` (see the module contract)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        current = self._start
        for char in word.translate(_FOLD):
            current = self._step(current, char)
            if not current:
                break
        result = not self._finals.isdisjoint(current)
        if len(self._cache) < _MAX_CACHE:
            self._cache[word] = result
        return result

    def _step(self, states: frozenset[int], char: str) -> frozenset[int]:
        """The epsilon-closed successor of ``states`` on ``char``, memoised (a lazily built
        DFA: after a few hundred words most steps are one dictionary look-up)."""
        row = self._delta.get(states)
        if row is None:
            if len(self._delta) >= _MAX_CACHE:
                self._delta.clear()
            row = self._delta[states] = {}
        nxt = row.get(char)
        if nxt is None:
            off, chars, dst = self._arc_off, self._arc_chars, self._arc_dst
            step: set[int] = set()
            for state in states:
                low, high = off[state], off[state + 1]
                if low == high:
                    continue
                index = chars.find(char, low, high)
                while index != -1:
                    step.add(dst[index])
                    index = chars.find(char, index + 1, high)
            nxt = row[char] = self._closure(frozenset(step)) if step else _EMPTY
        return nxt


def find_apertium_file() -> Path | None:
    """The analyser's AT&T file, if installed (environment override first)."""
    override = os.environ.get("SAMPADAK_APERTIUM_HIN")
    if override:
        return Path(override)
    for folder in APERTIUM_DIRS:
        candidate = Path(folder) / ATT_NAME
        if candidate.is_file():
            return candidate
    return None


def _parse(text: str) -> ApertiumLexicon:
    return ApertiumLexicon(*parse_att(text))


def parse_att(text: str) -> tuple[dict[int, dict[str, tuple[int, ...]]],
                                  dict[int, tuple[int, ...]], frozenset[int], tuple[int, ...]]:
    """The AT&T text as ``(arcs, epsilons, finals, starts)`` dictionaries (see
    :class:`ApertiumLexicon`); surface symbols NFC-normalised and chandrabindu folded."""
    arcs: dict[int, dict[str, list[int]]] = {}
    eps: dict[int, list[int]] = {}
    finals: set[int] = set()
    starts: list[int] = []
    symbols: dict[str, str] = {}  # ~150 distinct symbols: normalise each once
    offset = 0  # each "--" section is its own transducer: renumber and union them
    top = 0
    fresh = -1  # states added to split a symbol that NFC turns into two characters
    section_start = True
    for raw in text.split("\n"):
        if raw.startswith("--"):
            offset = top + 1
            section_start = True
            continue
        fields = raw.split("\t")
        if len(fields) <= 2:
            if fields[0]:
                state = int(fields[0]) + offset
                finals.add(state)
                top = max(top, state)
            continue
        src, dst = int(fields[0]) + offset, int(fields[1]) + offset
        if dst > top:
            top = dst
        if src > top:
            top = src
        if section_start:
            starts.append(offset)
            section_start = False
        symbol = fields[2]
        chars = symbols.get(symbol)
        if chars is None:
            chars = symbols[symbol] = ("" if symbol in _EPSILON else
                                       unicodedata.normalize("NFC", symbol).translate(_FOLD))
        if not chars:
            eps.setdefault(src, []).append(dst)
        elif len(chars) == 1:
            arcs.setdefault(src, {}).setdefault(chars, []).append(dst)
        else:
            state = src
            for index, char in enumerate(chars):
                target = dst if index == len(chars) - 1 else fresh
                if target == fresh:
                    fresh -= 1
                arcs.setdefault(state, {}).setdefault(char, []).append(target)
                state = target
    frozen_arcs = {s: {c: tuple(t) for c, t in m.items()} for s, m in arcs.items()}
    frozen_eps = {s: tuple(t) for s, t in eps.items()}
    return frozen_arcs, frozen_eps, frozenset(finals), tuple(starts) or (0,)


_CACHE_VERSION = 2  # 2: compact rows instead of dictionaries


def default_cache_dir() -> Path:
    """Where the parsed analyser is cached (``SAMPADAK_SPELL_CACHE`` overrides)."""
    override = os.environ.get("SAMPADAK_SPELL_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("sampadak", appauthor=False)) / "spelling"


def _cache_file(path: Path, cache_dir: Path) -> Path:
    stat = path.stat()
    key = f"{_CACHE_VERSION}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"apertium-hin-{digest}.marshal"


def _from_cache(cached: Path) -> ApertiumLexicon | None:
    try:
        return ApertiumLexicon.from_data(marshal.loads(cached.read_bytes()))
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:  # I/O boundary: corrupt cache
        log.warning("apertium cache %s unusable (%s): rebuilding it", cached, exc)
        return None


def _to_cache(lexicon: ApertiumLexicon, cached: Path) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_bytes(marshal.dumps(lexicon.to_data()))
        partial.replace(cached)
    except (OSError, ValueError) as exc:  # I/O boundary: read-only or full disk
        log.warning("cannot cache the apertium analyser in %s: %s", cached.parent, exc)


@lru_cache(maxsize=4)
def _load(path: Path, cache_dir: Path | None) -> ApertiumLexicon | None:
    try:
        cached = _cache_file(path, cache_dir) if cache_dir is not None else None
        lexicon = _from_cache(cached) if cached is not None else None
        if lexicon is None:
            with gzip.open(path, "rb") as handle:
                text = handle.read().decode("utf-8")
            lexicon = _parse(text)
            if cached is not None:
                _to_cache(lexicon, cached)
    except (OSError, EOFError, ValueError, IndexError, UnicodeDecodeError) as exc:  # I/O
        log.warning("apertium-hin analyser %s unusable (%s): spell-check works without it",
                    path, exc)
        return None
    log.info("apertium-hin analyser loaded from %s (%d states)", path, lexicon.state_count)
    return lexicon


def load_apertium(path: Path | None = None, *,
                  cache_dir: Path | bool | None = True) -> ApertiumLexicon | None:
    """The analyser at ``path`` (default: :func:`find_apertium_file`), or ``None``.

    ``cache_dir``: ``True`` for :func:`default_cache_dir`, a folder, or ``None``/``False``
    for no cache.
    """
    path = path if path is not None else find_apertium_file()
    if path is None:
        log.info("apertium-hin is not installed: spell-check works without its evidence "
                 "(apt install apertium-hin)")
        return None
    folder: Path | None
    if cache_dir is True:
        folder = default_cache_dir()
    elif cache_dir is False or cache_dir is None:
        folder = None
    else:
        folder = Path(cache_dir)
    return _load(path, folder)


load_apertium.cache_clear = _load.cache_clear  # type: ignore[attr-defined]

"""Evidence that an unknown Devanagari word is an English loanword written in Devanagari
(डस्टबिन = dustbin, कॉन्वेंट = convent, डेडीकेटेड = dedicated).

Hindi news writes many English words in Devanagari that no Hindi lexicon lists. Such a word
sounds like its English source: the two spellings share a *consonant key* (consonants by
sound class, vowels dropped: both डस्टबिन and dustbin give ``DSTBN``). The English side is
hunspell's ``en_US`` word list (Debian ``hunspell-en-us``, already needed for Latin words).

Contract:
- :func:`latin_key` and :func:`devanagari_key` map a word to its consonant key (see the
  tables below); :func:`latin_key` returns ``""`` for anything but lowercase ASCII letters.
- :func:`looks_english` is true when the Devanagari word has the sound pattern of an English
  loan (ॉ, an English cluster such as स्ट/स्प/क्ट, or an ending such as -िंग, -ेड, -शन):
  native Hindi words rarely do, so a native misspelling is rarely taken for a loanword.
- :meth:`LoanwordIndex.explains` is true when ``word`` looks English, its key has at least
  :data:`MIN_KEY` consonants, and the key (or the key of its stem plus an English
  ending -ing/-ed/-s/-er) is the key of an English word.
- :func:`load_loanword_index` reads the ``en_US`` list once (~0.3 s) and caches the key
  set with ``marshal`` beside the Apertium cache (a cached load takes ~15 ms); ``None``
  when no list is installed (the checker then works without this evidence).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import regex

from editor_app.core.text.compact_strings import FrozenStrMap
from editor_app.core.text.romanize import romanize_word
from editor_app.core.text.tokenize import akshara_split

__all__ = ["MIN_KEY", "LoanwordIndex", "consonant_key", "devanagari_key", "devanagari_pattern",
           "latin_key", "latin_pattern", "load_loanword_index", "looks_english"]

log = logging.getLogger(__name__)

#: Fewest consonants in a key that may vouch for a word (short keys collide too often).
MIN_KEY = 4
#: Where Debian, Fedora and Homebrew put hunspell's English list.
EN_US_PATHS = (Path("/usr/share/hunspell/en_US.dic"), Path("/usr/share/myspell/en_US.dic"),
               Path("/usr/share/myspell/dicts/en_US.dic"),
               Path("/opt/homebrew/share/hunspell/en_US.dic"))
_CACHE_VERSION = 4  # 4: the FrozenStrMap table instead of a dict

# English spelling -> sound classes, most specific first (applied to lowercase words):
# literal replacements, then the contextual ones.
_LATIN_LITERAL = (("tion", "S@n"), ("sion", "S@n"), ("ture", "C@r"), ("ph", "f"),
                  ("ck", "k"), ("ch", "C"), ("sh", "S"), ("th", "t"), ("gh", ""),
                  ("wh", "v"), ("qu", "kv"), ("x", "ks"), ("q", "k"), ("z", "j"), ("w", "v"))
_LATIN_CONTEXT = tuple((regex.compile(a), b) for a, b in (
    ("^kn", "n"), ("^wr", "r"), ("^ps", "s"), ("c(?=[eiy])", "s"), ("c", "k"),
    ("e$", ""), ("[mn](?=[^aeiouy@])", "N"), ("m", "M"), ("n", "N"),
))
#: Romanised Hindi aspirates -> plain (English has no aspiration to match them with).
_DEVA_LITERAL = (("chh", "ch"), ("kh", "k"), ("gh", "g"), ("jh", "j"), ("th", "t"),
                 ("dh", "d"), ("bh", "b"))
_CLASSES = str.maketrans({"k": "K", "g": "G", "j": "J", "t": "T", "d": "D", "p": "P",
                          "f": "F", "b": "B", "v": "V", "l": "L", "r": "R", "s": "s",
                          "h": "H", "S": "S", "C": "C", "N": "N", "M": "M",
                          **dict.fromkeys("aeiouy@", "a")})
_DOUBLES = regex.compile(r"(.)\1+")
_VOWEL = regex.compile("a")
_ASCII_WORD = regex.compile("[a-z]+")
_SOFT_G = regex.compile("g(?=[eiy])")
#: Sound patterns of English loans in Devanagari (see the module contract).
_ENGLISH_LOOK = regex.compile(
    "[\u0949\u0911]|स्[टकपलमनफ]|[कप]्[टस]|ल्ड|्स$|"
    "(?:िंग|ेड|शन|ेंट|ेंस|र्ट|टर|डर|ेशन)$")
#: English endings (as Devanagari writes them) and their patterns, for inflected loans.
_ENDINGS = (("िंग", "aNG"), ("इंग", "aNG"), ("ेड", "aD"), ("एड", "aD"), ("्स", "s"),
            ("र्स", "aRs"), ("र", "aR"))


def _pattern(spelled: str) -> str:
    """Sound classes with every vowel run as one ``a`` (``dustbin`` -> ``DasTBaN``)."""
    return _DOUBLES.sub(r"\1", spelled.translate(_CLASSES))


def latin_pattern(word: str) -> str:
    """The sound pattern of a lowercase English word (``""`` for anything else)."""
    if not _ASCII_WORD.fullmatch(word):
        return ""
    for old, new in _LATIN_LITERAL:
        word = word.replace(old, new)
    for rule, repl in _LATIN_CONTEXT:
        word = rule.sub(repl, word)
    return _pattern(word)


def devanagari_pattern(word: str) -> str:
    """The sound pattern of a Devanagari word, read through :func:`romanize_word`."""
    spelled = romanize_word(word).lower()
    for old, new in _DEVA_LITERAL:
        spelled = spelled.replace(old, new)
    return latin_pattern(spelled) if _ASCII_WORD.fullmatch(spelled) else ""


def consonant_key(pattern: str) -> str:
    """The pattern's consonants, doubles merged (``DasTBaN`` -> ``DsTBN``)."""
    return _DOUBLES.sub(r"\1", _VOWEL.sub("", pattern))


def latin_key(word: str) -> str:
    """The consonant key of a lowercase English word (module contract)."""
    return consonant_key(latin_pattern(word))


def devanagari_key(word: str) -> str:
    """The consonant key of a Devanagari word (module contract)."""
    return consonant_key(devanagari_pattern(word))


def looks_english(word: str) -> bool:
    """True when ``word`` has the sound pattern of an English loan (module contract)."""
    return _ENGLISH_LOOK.search(word) is not None


def _near(a: str, b: str) -> bool:
    """At most one vowel slot inserted or dropped between patterns of the same consonants
    (Hindi schwa deletion is not exact: ``dastabin`` for dustbin)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return any(long[i] == "a" and long[:i] + long[i + 1:] == short for i in range(len(long)))


class LoanwordIndex:
    """The sound patterns of an English word list, by consonant key (``|`` between the
    patterns of one key: one string per key loads several times faster than lists).

    Stored as a :class:`FrozenStrMap` (~1 MiB; a ``dict`` of the same 38k keys took ~5 MiB):
    a key is looked up only for unknown words that look English."""

    def __init__(self, patterns: Mapping[str, str]) -> None:
        self._patterns = (patterns if isinstance(patterns, FrozenStrMap)
                          else FrozenStrMap(patterns))

    def _of(self, key: str) -> list[str]:
        joined = self._patterns.get(key)
        return joined.split("|") if joined else []

    def __len__(self) -> int:
        return len(self._patterns)

    @property
    def table(self) -> FrozenStrMap:
        """Consonant key -> ``|``-joined patterns (what the cache stores)."""
        return self._patterns

    def explains(self, word: str) -> bool:
        """True when ``word`` is plausibly an English loan (module contract)."""
        if not looks_english(word) or len(akshara_split(word)) < 3:
            return False  # (the cheap test first: most unknown words look Hindi)
        pattern = devanagari_pattern(word)
        key = consonant_key(pattern)
        if len(key) < MIN_KEY:
            return False
        if any(_near(pattern, other) for other in self._of(key)):
            return True
        for ending, ending_pattern in _ENDINGS:
            if word.endswith(ending) and pattern.endswith(ending_pattern):
                stem = pattern[: -len(ending_pattern)]
                if any(_near(stem, other) or _near(stem + "a", other)
                       for other in self._of(consonant_key(stem))):
                    return True
        return False


def _read_patterns(path: Path) -> dict[str, str]:
    patterns: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        next(handle, None)  # the first line is the entry count
        for line in handle:
            word = line.split("/", 1)[0].strip()
            spellings = [word]
            if _SOFT_G.search(word):  # digital: the g of ge/gi/gy is often ज (डिजिटल)
                spellings.append(_SOFT_G.sub("j", word))
            for spelled in spellings:
                pattern = latin_pattern(spelled)
                key = consonant_key(pattern)
                if len(key) >= 2:
                    group = patterns.setdefault(key, [])
                    if pattern not in group:
                        group.append(pattern)
    return {key: "|".join(group) for key, group in patterns.items()}


@lru_cache(maxsize=4)
def _load(path: Path, cache_dir: Path | None) -> LoanwordIndex | None:
    cached: Path | None = None
    try:
        if cache_dir is not None:
            stat = path.stat()
            stamp = f"{_CACHE_VERSION}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
            digest = hashlib.sha1(stamp.encode("utf-8")).hexdigest()[:16]
            cached = cache_dir / f"loanword-keys-{digest}.marshal"
            try:
                return LoanwordIndex(FrozenStrMap.from_data(marshal.loads(cached.read_bytes())))
            except FileNotFoundError:
                pass
            except (OSError, EOFError, ValueError, TypeError) as exc:  # corrupt cache
                log.warning("loanword cache %s unusable (%s): rebuilding it", cached, exc)
        patterns = _read_patterns(path)
    except OSError as exc:  # I/O boundary: unreadable list
        log.warning("English word list %s unusable (%s): no loanword evidence", path, exc)
        return None
    index = LoanwordIndex(patterns)
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".tmp")
            partial.write_bytes(marshal.dumps(index.table.to_data()))
            partial.replace(cached)
        except (OSError, ValueError) as exc:  # I/O boundary: read-only or full disk
            log.warning("cannot cache the loanword keys in %s: %s", cached.parent, exc)
    return index


def load_loanword_index(path: Path | None = None, *,
                        cache_dir: Path | None = None) -> LoanwordIndex | None:
    """The index of the English list at ``path`` (default: the first of
    :data:`EN_US_PATHS` that exists), cached in ``cache_dir``; ``None`` without a list."""
    if path is None:
        path = next((p for p in EN_US_PATHS if p.is_file()), None)
        if path is None:
            log.info("no en_US hunspell list: spell-check works without loanword evidence "
                     "(apt install hunspell-en-us)")
            return None
    return _load(path, cache_dir)

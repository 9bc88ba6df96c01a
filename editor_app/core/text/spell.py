"""Spell-check service: enchant ``hi_IN``/``en_US`` plus Hindi morphology, frequency evidence,
a newsroom dictionary, a personal ignore list and caches. No Qt here.

Contracts
---------
- :func:`create_spell_checker` never raises for a missing enchant library or dictionary: it
  returns a checker whose ``available`` is ``False`` and whose ``unavailable_reason`` says what
  to install. Such a checker accepts every word and finds nothing. Call
  :meth:`SpellChecker.require_available` where spell-check is mandatory (it raises
  :class:`SpellCheckUnavailable`).
- Words are NFC-normalised before every lookup. Numbers are never misspelled. Tokens of a
  script other than Devanagari and Latin are not checked.
- A Devanagari word is *correct* when it is on the newsroom dictionary or the personal list;
  otherwise it is *wrong* when it is a curated known misspelling, contains RRA/NNNA/LLLA, or is
  a *variant misspelling*: a nukta (ड़ ढ़), nasal or vowel-length repair of it is much more
  frequent in wordfreq's Hindi list and is itself a trusted word (hunspell, the supplement or
  the newsroom). Curated valid forms (``resources/spelling/hi_valid_forms.txt``) are exempt.
  Otherwise it is correct when hunspell, the curated supplement or wordfreq knows it, or when
  :mod:`inflection` maps it to a known lemma, or it is a compound of two known content words.
- Results are cached per word; :meth:`SpellChecker.add_to_newsroom`, :meth:`ignore` and
  :meth:`refresh` clear the caches so the change is visible at once.
- ``check`` offsets are code points into ``to_nfc(text)``. Findings are ``error`` except
  *name-like* unknown words, reported as ``info`` (they do not fail ``sampadak check``):
  a capitalised Latin word the English dictionary lacks (``Sensex``, ``Paytm``), or an
  unknown Devanagari word that occurs at least :data:`NAME_REPEATS` times in the text and
  is not a known misspelling (a reporter types a name the same way each time; a typo is
  rarely repeated letter for letter, and repeated known misspellings stay errors).
- An unknown Devanagari word (not a known misspelling) that its context marks as a name
  (after श्री, ग्राम, निवासी, a designation; before जी, कुमार, निवासी, थाना ...; see
  :mod:`name_evidence`) gets no finding at all; a spelled acronym (एसडीओ) is correct.
- Thread safety: one checker may be used from one worker thread while the GUI thread calls
  ``add_to_newsroom``/``ignore``; caches are replaced, never mutated in place, under a lock.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from editor_app.core.db import Database
from editor_app.core.dictionary import NewsroomDictionary, PersonalWordList, user_name
from editor_app.core.errors import NotFoundError, SpellCheckUnavailable
from editor_app.core.resources import resource_path
from editor_app.core.text.devanagari_letters import NON_HINDI_LETTERS
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.hindi_lexicon import HindiLexicon, load_lexicon
from editor_app.core.text.markup_spans import NonProse
from editor_app.core.text.name_evidence import is_spelled_acronym, name_context_indexes
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell_dicts import (
    EN_TAG,
    HI_TAG,
    INSTALL_HINT,
    SpellDict,
    load_enchant_dicts,
)
from editor_app.core.text.tokenize import Script, Token, TokenKind, tokenize
from editor_app.core.text.word_judge import WordJudge

__all__ = [
    "EN_TAG",
    "HI_TAG",
    "INSTALL_HINT",
    "SpellChecker",
    "SpellDict",
    "create_spell_checker",
    "is_spelled_acronym",
    "load_enchant_dicts",
]

log = logging.getLogger(__name__)

RULE = "spelling"
#: An unknown Devanagari word seen this often in one checked text is most likely a name
#: (a person, village, brand): reported with severity ``info``, not ``error``.
NAME_REPEATS = 2
#: A known misspelling whose correct form is rarer than this (Zipf; wordfreq's list starts
#: at 3.0) is weak evidence: a name context may still mark the word as a name.
WEAK_CORRECTION_ZIPF = 3.0
# --------------------------------------------------------------------------- checker


@dataclass
class _State:
    """Everything a cache entry may depend on; replaced as a whole on change."""

    newsroom: frozenset[str] = frozenset()
    personal: frozenset[str] = frozenset()
    correct: dict[str, bool] = field(default_factory=dict)
    suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict)


class SpellChecker:
    """Per-user spell checker (see the module contract).

    ``available``: False when enchant or ``hi_IN`` is missing; then ``unavailable_reason``
    says what to install and every word is accepted.
    """

    def __init__(
        self,
        hindi: SpellDict | None,
        english: SpellDict | None = None,
        *,
        lexicon: HindiLexicon | None = None,
        newsroom: NewsroomDictionary | None = None,
        personal: PersonalWordList | None = None,
        user_label: str = "",
        unavailable_reason: str = "",
    ) -> None:
        self._hindi = hindi
        self._english = english
        self.unavailable_reason = unavailable_reason if hindi is None else ""
        if hindi is None and not self.unavailable_reason:
            self.unavailable_reason = f"spell-check unavailable: {INSTALL_HINT}"
        # The lexicon (word lists + wordfreq, ~1 s) is loaded on first use, or by
        # preload() on a worker thread, so a window opens without waiting for it.
        self._lexicon = lexicon
        self._load_lock = threading.Lock()
        self._judge_obj: WordJudge | None = None
        self._newsroom = newsroom
        self._personal = personal
        self.user_label = user_label
        self._lock = threading.Lock()
        self._session_ignored: frozenset[str] = frozenset()
        self._state = self._load_state()

    # -- loading ------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once the word lists are loaded (checks no longer wait for them)."""
        return self._judge_obj is not None

    def preload(self) -> None:
        """Load the word lists now (call it on a worker thread at start-up)."""
        _ = self._judge

    @property
    def _judge(self) -> WordJudge:
        judge = self._judge_obj
        if judge is None:
            with self._load_lock:
                if self._judge_obj is None:
                    self._judge_obj = self._make_judge()
                judge = self._judge_obj
        return judge

    @_judge.setter
    def _judge(self, judge: WordJudge) -> None:
        self._judge_obj = judge

    @property
    def quality_note(self) -> str:
        """What evidence is missing once the word lists are loaded ('' when none is, while
        they are still loading, or when spell-check is off): shown in the status bar so a
        desk knows the checker works with lower quality."""
        if not self.available or not self.ready:
            return ""
        lexicon = self._lexicon
        missing = []
        if lexicon is not None and lexicon.morph is None:
            missing.append(("apertium-hin नहीं", "no apertium-hin"))
        if lexicon is not None and not lexicon.zipf:
            missing.append(("wordfreq नहीं", "no wordfreq"))
        if lexicon is not None and lexicon.loanwords is None:
            missing.append(("hunspell-en-us नहीं", "no hunspell-en-us"))
        if not missing:
            return ""
        hindi = ", ".join(hi for hi, _ in missing)
        english = ", ".join(en for _, en in missing)
        return f"वर्तनी जांच सीमित: {hindi} (limited spell-check: {english})"

    # -- availability -----------------------------------------------------------------
    @property
    def available(self) -> bool:
        """True when enchant and the Hindi dictionary were loaded."""
        return self._hindi is not None

    def require_available(self) -> None:
        """Raise :class:`SpellCheckUnavailable` (with the install hint) if not available."""
        if not self.available:
            raise SpellCheckUnavailable(self.unavailable_reason)

    # -- queries ------------------------------------------------------------------------
    def is_correct(self, word: str) -> bool:
        """True when ``word`` (any normalisation) is spelled acceptably. Cached."""
        word = to_nfc(word)
        state = self._state
        cached = state.correct.get(word)
        if cached is not None:
            return cached
        result = self._judge_word(word, state)
        state.correct[word] = result
        return result

    def misspelling_of(self, word: str) -> str | None:
        """The preferred form when ``word`` is a known misspelling (curated or variant rule)."""
        if not self.available:
            return None
        word = to_nfc(word)
        if self._is_accepted_by_user(word, self._state):
            return None
        return self._judge.preferred_form(word)

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` replacements for ``word``, best first (may be empty). Cached.

        Candidates come from the typo models in :mod:`suggest` (and enchant's own suggestions
        when those find too few) and are ranked by akshara edit distance and frequency.
        A suggestion may hold a space when ``word`` looks like two merged words.
        """
        if not self.available or limit <= 0:
            return []
        word = to_nfc(word)
        state = self._state
        cached = state.suggestions.get(word)
        if cached is None:
            cached = tuple(self._compute_suggestions(word))
            state.suggestions[word] = cached
        return list(cached[:limit])

    def check(self, text: str, *, suggestions: bool = True,
              limit: int = 5) -> list[Finding]:
        """Spelling findings for ``text`` (offsets into ``to_nfc(text)``), in text order.

        Words inside URLs, e-mail addresses, Markdown link targets, inline code, tags,
        hashtags and handles are not checked. With ``suggestions=False`` the findings carry
        no suggestions (fast path for painting).
        """
        if not self.available:
            return []
        nfc = to_nfc(text)
        non_prose = NonProse(nfc)
        words = []
        wrong: list[int] = []
        for token in tokenize(nfc):
            if token.kind is TokenKind.NUMBER:
                continue
            if token.script is Script.OTHER or (non_prose and non_prose.covers(token.start)):
                words.append(token)  # not checked, but it separates its neighbours
                continue
            if not self.is_correct(token.text):
                wrong.append(len(words))
            words.append(token)
        names = self._names_in_context(nfc, words, wrong) if wrong else set()
        flagged = [words[i] for i in wrong if i not in names]
        counts = Counter(token.text for token in flagged)
        return [self._finding(token.text, token.start, token.end, suggestions=suggestions,
                              limit=limit, repeated=counts[token.text] >= NAME_REPEATS)
                for token in flagged]

    def _names_in_context(self, text: str, words: list[Token], wrong: list[int]) -> set[int]:
        """Indexes of unknown Devanagari words that their context marks as names
        (:mod:`name_evidence`); known misspellings never count as names."""
        judge = self._judge
        unknown = {i for i in wrong if words[i].script is Script.DEVANAGARI
                   and self._may_be_name(judge, words[i].text)}
        if not unknown:
            return set()
        return name_context_indexes(text, words, unknown)

    @staticmethod
    def _may_be_name(judge: WordJudge, word: str) -> bool:
        """An unknown word that context may mark as a name: no known correct form, or only
        weak evidence of one (two words run together, जानकी -> जान की, or a form the web
        does not use, कवचे -> कवचें; or a one-mark edit of a word the web does not use,
        नामिक -> नामक); never a curated misspelling."""
        preferred = judge.preferred_form(word)
        if preferred is None:
            return True
        if judge.is_curated_misspelling(word):
            return False
        return (" " in preferred or judge.zipf(preferred) < WEAK_CORRECTION_ZIPF
                or judge.has_weak_correction(word))

    def misspelled_spans(self, text: str) -> list[tuple[int, int]]:
        """``[start, end)`` code-point spans of misspelled words in ``to_nfc(text)``."""
        return [(f.start, f.end) for f in self.check(text, suggestions=False)]

    # -- changes ------------------------------------------------------------------------
    def add_to_newsroom(self, word: str, user: str | None = None) -> bool:
        """Add ``word`` to the shared newsroom dictionary (audited) and accept it at once.

        ``user`` defaults to this checker's user. Without a database the word is accepted
        for this session only. Returns ``False`` when nothing changed.
        """
        word = to_nfc(word).strip()
        changed = True
        if self._newsroom is not None:
            changed = self._newsroom.add(word, user or self.user_label or "unknown")
        with self._lock:
            state = self._state
            self._state = _State(state.newsroom | {word}, state.personal)
            self._judge = self._make_judge()
        return changed

    def remove_from_newsroom(self, word: str, user: str | None = None) -> bool:
        """Soft-remove ``word`` from the newsroom dictionary (audited); caches cleared."""
        word = to_nfc(word).strip()
        changed = True
        if self._newsroom is not None:
            changed = self._newsroom.remove(word, user or self.user_label or "unknown")
        with self._lock:
            state = self._state
            self._state = _State(state.newsroom - {word}, state.personal)
            self._judge = self._make_judge()
        return changed

    def ignore(self, word: str) -> bool:
        """Put ``word`` on this user's personal ignore list (stored when there is a user)."""
        word = to_nfc(word).strip()
        changed = True
        if self._personal is not None:
            changed = self._personal.add(word)
        else:
            self._session_ignored = self._session_ignored | {word}
        with self._lock:
            state = self._state
            self._state = _State(state.newsroom, state.personal | {word})
        return changed

    def unignore(self, word: str) -> bool:
        """Take ``word`` off the personal ignore list."""
        word = to_nfc(word).strip()
        changed = True
        if self._personal is not None:
            changed = self._personal.remove(word)
        self._session_ignored = self._session_ignored - {word}
        with self._lock:
            state = self._state
            self._state = _State(state.newsroom, state.personal - {word})
        return changed

    def switch_user(self, personal: PersonalWordList | None, user_label: str) -> None:
        """Check for another user from now on (Switch user): their personal ignore list
        and name; the lists are reloaded and the caches cleared (reads the database: call
        it off the GUI thread)."""
        self._personal = personal
        self.user_label = user_label
        self._session_ignored = frozenset()
        self.refresh()

    def refresh(self) -> None:
        """Reload the newsroom and personal lists from the database and clear caches."""
        with self._lock:
            self._state = self._load_state()
            self._judge = self._make_judge()

    def clear_cache(self) -> None:
        """Forget cached results (lists unchanged)."""
        with self._lock:
            state = self._state
            self._state = _State(state.newsroom, state.personal)

    # -- internals ----------------------------------------------------------------------
    def _load_state(self) -> _State:
        newsroom = frozenset(self._newsroom.words()) if self._newsroom is not None else frozenset()
        personal = set(self._session_ignored)
        if self._personal is not None:
            personal |= self._personal.words()
        return _State(newsroom, frozenset(personal))

    def _make_judge(self) -> WordJudge:
        if self._hindi is not None and self._lexicon is None:
            self._lexicon = load_lexicon(resource_path("spelling"))
        if self._hindi is None or self._lexicon is None:
            return WordJudge.null()
        return WordJudge(self._hindi, self._lexicon, extra_words=self._state.newsroom)

    @staticmethod
    def _is_accepted_by_user(word: str, state: _State) -> bool:
        return word in state.newsroom or word in state.personal

    def _judge_word(self, word: str, state: _State) -> bool:
        if not self.available or not word:
            return True
        if self._is_accepted_by_user(word, state):
            return True
        script = self._script_of(word)
        if script is Script.DEVANAGARI:
            return self._judge.is_correct(word)
        if script is Script.LATIN:
            return self._latin_correct(word)
        return True

    def _latin_correct(self, word: str) -> bool:
        if self._english is None or any(ch.isdigit() for ch in word):
            return True
        if word.isupper() and len(word) <= 6:
            return True  # acronyms: PM, ISPR, BRICS
        return self._english.check(word) or (
            word[:1].isupper() and self._english.check(word.lower()))

    def _compute_suggestions(self, word: str) -> list[str]:
        script = self._script_of(word)
        if script is Script.DEVANAGARI:
            return self._judge.suggest(word, 10)
        if script is Script.LATIN and self._english is not None:
            try:
                return [s for s in self._english.suggest(word) if s != word][:10]
            except Exception as exc:  # I/O boundary: broken dictionary
                log.warning("enchant suggest failed for %r: %s", word, exc)
        return []

    @staticmethod
    def _script_of(word: str) -> Script:
        return _script_of(word)

    def _finding(self, word: str, start: int, end: int, *, suggestions: bool,
                 limit: int, repeated: bool = False) -> Finding:
        preferred = self._judge.preferred_form(word) if self._judge else None
        script = self._script_of(word)
        name_like = preferred is None and (
            (script is Script.LATIN and word[:1].isupper())
            or (script is Script.DEVANAGARI and (repeated or is_spelled_acronym(word))))
        found = tuple(self.suggest(word, limit)) if suggestions else ()
        if preferred and suggestions and (not found or found[0] != preferred):
            found = (preferred, *[s for s in found if s != preferred])[:limit]
        deterministic = preferred if any(ch in NON_HINDI_LETTERS for ch in word) else None
        if preferred:
            message = f"common misspelling of {preferred}"
            message_hi = f"वर्तनी की आम भूल; सही रूप: {preferred}"
        elif name_like:
            message = "unknown word, possibly a name: check it once and add it to the dictionary"
            message_hi = "अज्ञात शब्द, संभवतः नाम: एक बार जांचकर शब्दकोश में जोड़ें"
        else:
            message = "unknown word or misspelling"
            message_hi = "अज्ञात शब्द या वर्तनी की भूल"
        severity = Severity.INFO if name_like else Severity.ERROR
        return Finding(rule=RULE, start=start, end=end, text=word, severity=severity,
                       message=message, message_hi=message_hi, suggestions=found,
                       fix=deterministic)


@lru_cache(maxsize=65536)
def _script_of(word: str) -> Script:
    for token in tokenize(word):
        return token.script
    return Script.OTHER


def create_spell_checker(
    database: Database | None,
    user_id: int | None,
    *,
    loader: Callable[[], tuple[SpellDict, SpellDict | None]] = load_enchant_dicts,
) -> SpellChecker:
    """A checker for ``user_id`` on ``database`` (either may be ``None``).

    Never raises for missing enchant/dictionaries (see the module contract); the reason is
    logged once and kept in ``unavailable_reason``. An unknown ``user_id`` is treated as no
    user (logged). ``loader`` exists for tests.
    """
    newsroom = NewsroomDictionary(database) if database is not None else None
    personal: PersonalWordList | None = None
    label = ""
    if database is not None and user_id is not None:
        try:
            personal = PersonalWordList(database, user_id)
            label = user_name(database, user_id)
        except NotFoundError:
            log.warning("spell-check: no user profile %s; personal list disabled", user_id)
    try:
        hindi, english = loader()
    except SpellCheckUnavailable as exc:
        log.warning("%s", exc)
        return SpellChecker(None, None, newsroom=newsroom, personal=personal,
                            user_label=label, unavailable_reason=str(exc))
    return SpellChecker(hindi, english, newsroom=newsroom, personal=personal, user_label=label)


def known_words(checker: SpellChecker, words: Iterable[str]) -> list[str]:
    """The subset of ``words`` the checker accepts (helper for dictionaries and tests)."""
    return [w for w in words if checker.is_correct(w)]

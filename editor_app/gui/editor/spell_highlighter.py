"""``SpellHighlighter``: red wavy underlines under misspelled words, as you type.

Contract
--------
- Words are the core tokenizer's (:func:`editor_app.core.text.tokenize.tokenize`, never
  ``re``'s ``\\w``); numbers and scripts other than Devanagari/Latin are never underlined.
  The checker decides (``SpellChecker.is_correct``, which NFC-normalises); ``suggest`` is
  never called here.
- Each underline covers exactly one whole token, converted from code points to UTF-16
  offsets (:class:`~editor_app.gui.editor.utf16.Utf16Map`), so it never splits a grapheme
  cluster and emoji before a word do not shift it.
- Markdown-ish non-words are skipped when a block shows them: URLs, e-mail addresses, link
  and image targets ``](...)``, whole image references ``![..](..)``, inline code, HTML
  tags, ``#hashtags`` and ``@handles``.
- Every highlighted block carries a :class:`SpellBlockData` (``block.userData()``) with its
  misspelled spans (UTF-16 offsets in the block) for context menus and dialogs.
- An unavailable checker underlines nothing; :attr:`unavailable_reason` says why.
- After a dictionary change call :meth:`recheck_word` (only blocks holding the word are
  redone) or :meth:`rehighlight_all`; :func:`notify_dictionary_changed` does it for every
  live highlighter sharing a checker.
- Opening big documents stays fast: verdicts are cached per highlighter, and when deciding
  new words in one burst of highlighting costs more than ``sync_budget_ms``, the remaining
  unknown words are decided by a ``QThreadPool`` worker; their blocks are underlined when it
  finishes (:attr:`warmup_finished`). While a worker runs the GUI thread does not call the
  checker for unknown words (enchant handles are not thread-safe); code that calls the
  checker directly from the GUI thread should hold :func:`checker_lock` (the spell menu
  and dialog do).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
    QTextDocument,
)

from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.editor.spell_words import BlockWords, checkable_words
from editor_app.gui.palette import LIGHT, AppColours
from editor_app.gui.theme import colours, follow_theme

__all__ = [
    "MisspelledSpan",
    "SpellBlockData",
    "SpellHighlighter",
    "checkable_words",
    "checker_lock",
    "notify_dictionary_changed",
]

log = logging.getLogger(__name__)

#: The light theme's underline (the live one: ``theme.colours().spell_underline``).
UNDERLINE_COLOR = QColor(LIGHT.spell_underline)
_BLOCK_CACHE_LIMIT = 4096
#: Most words the per-block candidate cache holds (all blocks together) before it is
#: dropped whole: a 20k-word document fits twice, so typing and re-painting keep hitting it,
#: while the stale entries typing leaves behind (every keystroke makes a new block text)
#: stay bounded.
WORD_CACHE_LIMIT = 60_000

_Verdict = Callable[[str], "bool | None"]

_locks: weakref.WeakKeyDictionary[SpellChecker, threading.RLock] = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()
_live: weakref.WeakSet[SpellHighlighter] = weakref.WeakSet()


def checker_lock(checker: SpellChecker) -> threading.RLock:
    """The lock serialising enchant calls on ``checker`` between warm-up workers and the GUI."""
    with _locks_guard:
        lock = _locks.get(checker)
        if lock is None:
            lock = _locks[checker] = threading.RLock()
        return lock


def notify_dictionary_changed(checker: SpellChecker, word: str | None = None) -> int:
    """Recheck ``word`` (or everything) in every live highlighter using ``checker``.

    Returns how many highlighters were updated.
    """
    count = 0
    for highlighter in list(_live):
        if highlighter.checker is checker:
            if word is None:
                highlighter.rehighlight_all()
            else:
                highlighter.recheck_word(word)
            count += 1
    return count


@dataclass(frozen=True, slots=True)
class MisspelledSpan:
    """A misspelled ``word`` at UTF-16 offsets ``[start, end)`` (block or document)."""

    word: str
    start: int
    end: int


class SpellBlockData(QTextBlockUserData):
    """Per-block user data: the block's misspelled spans (UTF-16 offsets in the block)."""

    def __init__(self, spans: tuple[MisspelledSpan, ...], pending: bool = False) -> None:
        super().__init__()
        self.spans = spans
        self.pending = pending  # some words still wait for the warm-up worker


class _WarmupSignals(QObject):
    done = Signal(int, object)  # generation, dict[str, bool]


class _Warmup(QRunnable):
    """Decides ``words`` with the checker off the GUI thread (under the checker lock)."""

    def __init__(self, checker: SpellChecker, words: list[str], generation: int) -> None:
        super().__init__()
        self.checker = checker
        self.words = words
        self.generation = generation
        self.signals = _WarmupSignals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        verdicts: dict[str, bool] = {}
        lock = checker_lock(self.checker)
        try:
            for start in range(0, len(self.words), 256):
                if self.cancelled.is_set():
                    break
                with lock:
                    for word in self.words[start:start + 256]:
                        verdicts[word] = self.checker.is_correct(word)
        except Exception:  # worker boundary: never kill the pool thread
            log.exception("spell warm-up failed")
        try:
            self.signals.done.emit(self.generation, verdicts)
        except RuntimeError:  # the highlighter (and its signal object) is gone
            log.debug("spell warm-up finished after its highlighter was deleted")


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words of a ``QTextDocument`` (see the module contract)."""

    warmup_finished = Signal()

    def __init__(self, checker: SpellChecker, document: QTextDocument | None = None, *,
                 sync_budget_ms: float = 40.0, skip_markup: bool = True) -> None:
        super().__init__(document)  # type: ignore[arg-type]  # None is accepted at runtime
        self._checker = checker
        self._lock = checker_lock(checker)  # the same lock for the checker's lifetime
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(colours().spell_underline))
        self._verdicts: dict[str, bool] = {}
        self._blocks: dict[str, tuple[tuple[MisspelledSpan, ...], bool]] = {}
        self._words: dict[str, BlockWords] = {}  # block text -> candidates
        self._word_pool: dict[str, str] = {}  # one str per distinct word of those candidates
        self._cached_words = 0  # words in self._words (bounded by WORD_CACHE_LIMIT)
        self._enabled = True
        self._skip_markup = skip_markup
        self.sync_budget_ms = sync_budget_ms
        self._burst_spent = 0.0
        self._burst_open = False
        self._generation = 0
        self._warmup: _Warmup | None = None
        self._queued: set[str] = set()
        self._pending_blocks: list[QTextBlock] = []
        _live.add(self)
        follow_theme(self, self._recolour)  # the underline follows the theme, live

    # ------------------------------------------------------------------ state

    @property
    def checker(self) -> SpellChecker:
        """The checker deciding words (may be shared with other highlighters)."""
        return self._checker

    @property
    def available(self) -> bool:
        """False when the checker is unavailable: nothing is underlined."""
        return self._checker.available

    @property
    def unavailable_reason(self) -> str:
        """Why spell-check is off ('' when available)."""
        return self._checker.unavailable_reason

    @property
    def warming(self) -> bool:
        """True while a warm-up worker is deciding words."""
        return self._warmup is not None

    def is_enabled(self) -> bool:
        """Whether underlines are drawn."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn underlining on or off (rehighlights)."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight_all()

    def setDocument(self, doc: QTextDocument | None) -> None:  # noqa: N802 (Qt API)
        """Attach to ``doc`` (``None`` detaches); any running warm-up is cancelled."""
        self._cancel_warmup()
        super().setDocument(doc)

    # ------------------------------------------------------------------ queries

    def is_correct(self, word: str) -> bool:
        """Cached verdict for ``word`` (GUI thread; takes the checker lock on a miss)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            with self._lock:
                verdict = self._checker.is_correct(word)
            self._verdicts[word] = verdict
        return verdict

    def block_spans(self, block: QTextBlock) -> tuple[MisspelledSpan, ...]:
        """Misspelled spans of ``block`` (UTF-16 offsets in the block), computed if needed."""
        data = block.userData()
        if isinstance(data, SpellBlockData) and not data.pending:
            return data.spans
        if not self._enabled or not self._checker.available:
            return ()
        text = block.text()
        return self._scan(text, self.is_correct)[0]

    def misspelling_at(self, position: int) -> MisspelledSpan | None:
        """The misspelled word touching document ``position``, in document positions."""
        doc = self.document()
        if doc is None:
            return None
        block = doc.findBlock(position)
        if not block.isValid():
            return None
        offset = position - block.position()
        for span in self.block_spans(block):
            if span.start <= offset <= span.end:
                return MisspelledSpan(span.word, block.position() + span.start,
                                      block.position() + span.end)
        return None

    def misspellings(self, start: int = 0) -> Iterator[MisspelledSpan]:
        """Misspelled words from document ``start`` on, in order, in document positions."""
        doc = self.document()
        if doc is None:
            return
        block = doc.findBlock(start)
        while block.isValid():
            base = block.position()
            for span in self.block_spans(block):
                if base + span.start >= start:
                    yield MisspelledSpan(span.word, base + span.start, base + span.end)
            block = block.next()

    # ------------------------------------------------------------------ changes

    def recheck_word(self, word: str) -> None:
        """Forget verdicts and redo the blocks containing ``word`` (after add/ignore)."""
        self._forget()
        doc = self.document()
        if doc is None or not word:
            return
        nfc = to_nfc(word)
        block = doc.begin()
        while block.isValid():
            text = block.text()
            if word in text or nfc in to_nfc(text):
                self.rehighlightBlock(block)
            block = block.next()

    def rehighlight_all(self) -> None:
        """Forget every cached verdict and rehighlight the whole document."""
        self._forget()
        if self.document() is not None:
            self.rehighlight()

    def clear_caches(self) -> None:
        """Forget cached verdicts and block results (no rehighlight)."""
        self._forget()

    def _forget(self) -> None:
        self._cancel_warmup()
        self._verdicts = {}
        self._blocks = {}

    def _recolour(self, theme: AppColours) -> None:
        colour = QColor(theme.spell_underline)
        if self._format.underlineColor() == colour:
            return
        self._format.setUnderlineColor(colour)
        if self.document() is not None:
            self.rehighlight()

    # ------------------------------------------------------------------ painting

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Underline the misspelled words of one block; never calls ``suggest``."""
        if not self._enabled or not self._checker.available or not text:
            self.setCurrentBlockUserData(None)  # type: ignore[arg-type]
            return
        cached = self._blocks.get(text)
        if cached is None:
            cached = self._scan(text, self._verdict_for_paint)
            if not cached[1]:
                if len(self._blocks) >= _BLOCK_CACHE_LIMIT:
                    self._blocks.clear()
                self._blocks[text] = cached
        spans, pending = cached
        for span in spans:
            self.setFormat(span.start, span.end - span.start, self._format)
        if pending:
            self._pending_blocks.append(self.currentBlock())
        self.setCurrentBlockUserData(SpellBlockData(spans, pending))

    def _scan(self, text: str, verdict: _Verdict) -> tuple[tuple[MisspelledSpan, ...], bool]:
        """Misspelled spans of ``text`` (UTF-16) and whether some verdicts are pending."""
        spans: list[MisspelledSpan] = []
        pending = False
        known = self._verdicts.get
        for word, start, end in self._candidates(text):
            ok = known(word)  # cached verdicts first: no call for the common word
            if ok is None:
                ok = verdict(word)
            if ok is None:
                pending = True
            elif not ok:
                spans.append(MisspelledSpan(word, start, end))
        return tuple(spans), pending

    def _candidates(self, text: str) -> BlockWords:
        """The checkable words of ``text`` with UTF-16 spans (cached per block text; the
        cache holds at most :data:`WORD_CACHE_LIMIT` words and ``_BLOCK_CACHE_LIMIT``
        blocks, then starts again empty)."""
        found = self._words.get(text)
        if found is None:
            found = BlockWords(checkable_words(text, skip_markup=self._skip_markup),
                                self._word_pool)
            if (len(self._words) >= _BLOCK_CACHE_LIMIT
                    or self._cached_words + len(found) > WORD_CACHE_LIMIT):
                self._words.clear()
                self._word_pool.clear()
                self._cached_words = 0
            self._words[text] = found
            self._cached_words += len(found)
        return found

    @property
    def cached_word_count(self) -> int:
        """Words held by the per-block candidate cache (a bounded figure; tests)."""
        return self._cached_words

    def _verdict_for_paint(self, word: str) -> bool | None:
        """Verdict while painting: cached, decided now within budget, or ``None`` (queued)."""
        verdict = self._verdicts.get(word)
        if verdict is not None:
            return verdict
        if self._warmup is None and self._checker.ready and \
                self._burst_spent * 1000 < self.sync_budget_ms:
            self._open_burst()
            started = time.perf_counter()
            with self._lock:
                verdict = self._checker.is_correct(word)
            self._burst_spent += time.perf_counter() - started
            self._verdicts[word] = verdict
            return verdict
        self._open_burst()
        self._queued.add(word)
        return None

    def _open_burst(self) -> None:
        """Count checker time per event-loop turn; queued words go to a worker after it."""
        if not self._burst_open:
            self._burst_open = True
            QTimer.singleShot(0, self._close_burst)

    def _close_burst(self) -> None:
        self._burst_open = False
        self._burst_spent = 0.0
        if self._queued and self._warmup is None:
            self._start_warmup(sorted(self._queued))
            self._queued = set()

    def _start_warmup(self, words: Iterable[str]) -> None:
        self._generation += 1
        job = _Warmup(self._checker, list(words), self._generation)
        job.signals.done.connect(self._on_warmup_done)
        self._warmup = job
        log.debug("spell warm-up of %d words started", len(job.words))
        QThreadPool.globalInstance().start(job)

    def _cancel_warmup(self) -> None:
        if self._warmup is not None:
            self._warmup.cancelled.set()
            self._warmup = None
        self._queued = set()
        self._pending_blocks = []

    def _settle_block(self, block: QTextBlock) -> bool:
        """Finish a pending ``block`` without repainting when its underlines stay the same.

        True when every word of the block is now decided and the misspelled spans equal
        those already drawn (the usual case: the worker found its words correct); the
        block's data is then marked complete and cached. False when it must be
        rehighlighted (a new misspelling, words still undecided, or no data of ours).
        """
        data = block.userData()
        if not isinstance(data, SpellBlockData) or not self._enabled:
            return False
        text = block.text()
        spans, pending = self._scan(text, self._verdicts.get)
        if pending or spans != data.spans:
            return False
        data.pending = False
        if len(self._blocks) >= _BLOCK_CACHE_LIMIT:
            self._blocks.clear()
        self._blocks[text] = (spans, False)
        return True

    def _on_warmup_done(self, generation: int, verdicts: dict[str, bool]) -> None:
        if self._warmup is None or generation != self._generation:
            return  # cancelled or superseded
        self._warmup = None
        self._verdicts.update(verdicts)
        doc = self.document()
        pending, self._pending_blocks = self._pending_blocks, []
        # A block edited or removed since it was queued was rehighlighted by that edit (or
        # is gone); a stale handle at worst redoes another block, which is harmless.
        done: set[int] = set()
        repainted = 0
        if doc is not None:
            for block in pending:
                if block.isValid() and block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    if not self._settle_block(block):
                        self.rehighlightBlock(block)
                        repainted += 1
        log.debug("spell warm-up done: %d words, %d blocks, %d repainted", len(verdicts),
                  len(pending), repainted)
        if self._queued:  # words typed meanwhile
            self._close_burst()
        else:
            self.warmup_finished.emit()

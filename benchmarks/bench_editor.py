"""Editor benchmark: Sampadak's spell-checked editor against a bare enchant QTextEdit.

Run (one run measures every variant, each in its own subprocess, same window size)::

    xvfb-run -a .venv/bin/python benchmarks/bench_editor.py            # table + JSON
    xvfb-run -a .venv/bin/python benchmarks/bench_editor.py --rounds 5

Documents (``--document``): ``news`` (default) is 20,000 words of generated news prose
from :mod:`benchmarks.newsgen` (names, places, numbers in both digit systems, English words
in Latin script, quotations, ~3% real copy-desk typos: a bare enchant highlighter flags
hundreds of words); ``dictionary`` is the older text of hunspell-hi words in templates.

Variants
  baseline   bare ``QTextEdit`` + a minimal enchant ``hi_IN`` ``QSyntaxHighlighter``
             (words by ``regex`` ``[\\p{L}\\p{M}]+``, one ``Dict.check`` per word, no cache)
  sampadak   ``RichEditor`` (Markdown bridge, toolbar) + ``SpellHighlighter`` (full checker:
             hunspell + inflection + frequency + newsroom dictionary)
  plain      bare ``QTextEdit`` + ``SpellHighlighter`` (isolates the highlighter's cost)
  rich       ``RichEditor`` without spell-check (isolates the editor's own cost)
  window     the real ``MainWindow`` (``open_main_window`` on a database holding the
             document as its only article): list, metadata, checks panel, autosave, counts
  memory     not timed: RSS after each start-up stage of the window variant and the
             ``tracemalloc`` top Python allocations per stage (where the memory goes)

Measures per variant: ``open_ms`` (load the article with spell-check on until the GUI is
idle, every underline is drawn and Qt's incremental layout is finished), ``interactive_ms``
(until the first idle event loop, when typing is possible), keystroke p50/p95 over 200 keys
typed mid-document (key event sent -> ``processEvents`` returned, highlighter and repaint
included), highlighter time per keystroke, ``save_ms`` (serialising the document once after
the typing, what an autosave costs on the GUI thread: ``RichEditor.markdown()``, or
``QTextEdit.toMarkdown()`` for the bare variants) and peak RSS (``ru_maxrss``).
``window`` adds ``stall_after_typing_ms``: the longest event-loop gap (5 ms watchdog timer)
in the 4 s after the last key, which covers the word count and the 2 s autosave, and
``autosave_ms`` (the save it ran: serialisation plus ``ArticleService.save``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = 20_000
KEYS = 200
WARM_KEYS = 20
SIZE = (1000, 800)
SEED = 20240611

SUBJECTS = ["सरकार", "मुख्यमंत्री", "जिलाधिकारी", "पुलिस", "अदालत", "विभाग", "किसान",
            "विधायक", "प्रशासन", "समिति", "मंत्रालय", "आयोग", "अधिकारी", "जनता", "संगठन"]
VERBS = ["कहा", "बताया", "घोषणा की", "निर्देश दिए", "आरोप लगाया", "जानकारी दी",
         "फैसला किया", "मांग की", "विरोध किया", "समर्थन किया", "जांच शुरू की"]
TEMPLATES = [
    "{s} ने {w} के बारे में {w} और {w} पर {v}।",
    "{w} में {w} की {w} को लेकर {s} ने {v}।",
    "इस {w} के बाद {w} के {w} में {w} देखी गई और {s} ने {v}।",
    "{s} के अनुसार {w} से {w} तक {w} का काम पूरा होगा।",
    "स्थानीय {w} ने बताया कि {w} में {w} की कमी है, इसलिए {s} ने {v}।",
    "{w} और {w} के बीच {w} पर चर्चा हुई, जिसमें {w} भी शामिल थे।",
    "पिछले साल {w} के दौरान {w} में {w} की संख्या बढ़ी थी।",
]
HEADINGS = ["{w} पर नई पहल", "{w} और {w} का सवाल", "{s} की {w}"]


def _vocabulary(rng: random.Random) -> list[str]:
    dic = Path("/usr/share/hunspell/hi_IN.dic")
    lines = dic.read_text(encoding="utf-8").splitlines()[1:] if dic.exists() else []
    words = [ln.split("/")[0].strip() for ln in lines]
    words = [w for w in words if len(w) >= 3 and " " not in w]
    rng.shuffle(words)
    return words[:6000] or SUBJECTS


def _typo(word: str, rng: random.Random) -> str:
    """A plausible typo: drop a matra/nasal, double a letter or swap two code points."""
    marks = [i for i, ch in enumerate(word) if "\u093e" <= ch <= "\u094c" or ch in "\u0902"]
    if marks and rng.random() < 0.6:
        i = rng.choice(marks)
        return word[:i] + word[i + 1:]
    i = rng.randrange(len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def make_article(words: int = WORDS, seed: int = SEED) -> str:
    """A seeded Markdown article of about ``words`` Hindi words (~2% typos, Zipf-ish)."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(vocab))]

    def word() -> str:
        w = rng.choices(vocab, weights)[0]
        return _typo(w, rng) if rng.random() < 0.02 else w

    def fill(template: str) -> str:
        text = template
        while "{w}" in text:
            text = text.replace("{w}", word(), 1)
        return text.replace("{s}", rng.choice(SUBJECTS)).replace("{v}", rng.choice(VERBS))

    blocks: list[str] = []
    count = 0
    while count < words:
        if blocks and rng.random() < 0.12:
            blocks.append("## " + fill(rng.choice(HEADINGS)))
        if rng.random() < 0.08:
            items = ["- " + fill(rng.choice(TEMPLATES)) for _ in range(3)]
            blocks.append("\n".join(items))
        sentences = [fill(rng.choice(TEMPLATES)) for _ in range(rng.randint(3, 6))]
        para = " ".join(sentences)
        tokens = para.split(" ")
        i = rng.randrange(len(tokens))
        tokens[i] = f"**{tokens[i]}**" if not tokens[i].endswith("।") else tokens[i]
        blocks.append(" ".join(tokens))
        count = sum(len(b.split()) for b in blocks)
    return "\n\n".join(blocks) + "\n"


# ------------------------------------------------------------------ child process


def make_document(kind: str) -> str:
    """The benchmark document: ``news`` (newsgen prose) or ``dictionary`` (the old one)."""
    if kind == "dictionary":
        return make_article()
    from benchmarks.newsgen import news_document

    return news_document(WORDS, SEED)


def _child(variant: str, document: str = "news") -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    if variant == "window":
        from benchmarks.bench_editor_window import window_child

        return window_child(make_document(document), SIZE, KEYS, WARM_KEYS)
    if variant in ("memory", "memory-trace"):
        from benchmarks.bench_editor_window import memory_child

        return memory_child(make_document(document), trace=variant == "memory-trace")
    from PySide6.QtCore import QEvent, QEventLoop, Qt
    from PySide6.QtGui import QFont, QKeyEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication([])
    from editor_app.gui.fonts import load_bundled_fonts

    families = load_bundled_fonts()
    font = QFont(families[0] if families else "Noto Sans Devanagari", 13)
    article = make_document(document)
    highlight_time = [0.0]

    if variant == "baseline":
        import enchant
        import regex

        word_re = regex.compile(r"[\p{L}\p{M}]+")
        hi = enchant.Dict("hi_IN")

        class Baseline(QSyntaxHighlighter):
            def __init__(self, parent: Any) -> None:
                super().__init__(parent)
                self.fmt = QTextCharFormat()
                self.fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                self.fmt.setUnderlineColor(Qt.GlobalColor.red)

            def highlightBlock(self, text: str) -> None:  # noqa: N802
                t = time.perf_counter()
                for m in word_re.finditer(text):
                    if not hi.check(m.group()):
                        self.setFormat(m.start(), m.end() - m.start(), self.fmt)
                highlight_time[0] += time.perf_counter() - t

        edit = QTextEdit()
        edit.setFont(font)
        edit.document().setDefaultFont(font)
        highlighter: Any = Baseline(edit.document())
        widget: Any = edit
        text_edit = edit
        load: Callable[[], object] = lambda: edit.setMarkdown(article)  # noqa: E731
        done: Callable[[], bool] = lambda: True  # noqa: E731
        save: Callable[[], str] = edit.toMarkdown
    else:
        import tempfile

        from editor_app.core.db import open_database
        from editor_app.core.text.spell import create_spell_checker
        from editor_app.gui.editor.spell_highlighter import SpellHighlighter

        tmp = tempfile.mkdtemp()
        db = open_database(f"sqlite:///{tmp}/bench.sqlite")
        # "rich" measures the editor alone: a checker without dictionaries underlines nothing.
        checker = create_spell_checker(db, None, loader=_no_spelling) if variant == "rich" \
            else create_spell_checker(db, None)
        assert checker.available or variant == "rich", checker.unavailable_reason

        class Timed(SpellHighlighter):
            def highlightBlock(self, text: str) -> None:  # noqa: N802
                t = time.perf_counter()
                super().highlightBlock(text)
                highlight_time[0] += time.perf_counter() - t

        highlighter = Timed(checker)
        if variant in ("sampadak", "rich"):
            try:
                from editor_app.gui.editor.rich_editor import RichEditor
            except ImportError as exc:  # pragma: no cover - reported in the output
                print(f"RichEditor not importable ({exc}); using QTextEdit", file=sys.stderr)
                variant = "plain"
        if variant in ("sampadak", "rich"):
            editor = RichEditor()
            editor.set_editor_font(font)
            editor.attach_highlighter(highlighter)
            widget, text_edit = editor, editor.text_edit
            load = lambda: editor.set_markdown(article)  # noqa: E731
            save = editor.markdown
        else:
            edit = QTextEdit()
            edit.setFont(font)
            edit.document().setDefaultFont(font)
            highlighter.setDocument(edit.document())
            widget = text_edit = edit
            load = lambda: edit.setMarkdown(article)  # noqa: E731
            save = edit.toMarkdown
        done = lambda: not highlighter.warming  # noqa: E731

    widget.resize(*SIZE)
    widget.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)

    highlight_time[0] = 0.0
    t0 = time.perf_counter()
    load()
    app.processEvents()
    interactive = time.perf_counter() - t0
    if not done():  # wait in Qt's own loop, as the app does (polling would steal the GIL)
        loop = QEventLoop()
        highlighter.warmup_finished.connect(loop.quit)
        if not done():
            loop.exec()
    app.processEvents()
    text_edit.document().pageCount()  # finishes Qt's incremental layout of the document
    opened = time.perf_counter() - t0
    open_highlight = highlight_time[0]

    doc = text_edit.document()
    block = doc.findBlockByNumber(doc.blockCount() // 2)
    while block.isValid() and block.length() < 200:
        block = block.next()
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().find(" ", block.length() // 2))
    text_edit.setTextCursor(cursor)
    text_edit.ensureCursorVisible()
    text_edit.setFocus()
    for _ in range(30):  # settle: no background layout or timers left
        app.processEvents()
        time.sleep(0.01)
    keys = ("नया शब्द लिखा जाता है, " * 20)[: KEYS + WARM_KEYS]
    latencies: list[float] = []
    highlight_time[0] = 0.0
    for i, char in enumerate(keys):
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        t = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(text_edit, QKeyEvent(kind, key,
                                                        Qt.KeyboardModifier.NoModifier, char))
        app.processEvents()
        dt = time.perf_counter() - t
        if i == WARM_KEYS - 1:
            highlight_time[0] = 0.0
        if i >= WARM_KEYS:
            latencies.append(dt)
    latencies.sort()
    t = time.perf_counter()  # what an autosave costs after the typing above
    saved = save()
    save_ms = (time.perf_counter() - t) * 1000
    underlined = sum(
        1 for b in _blocks(doc) for r in b.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    return {
        "variant": variant,
        "open_ms": opened * 1000,
        "interactive_ms": interactive * 1000,
        "open_highlight_ms": open_highlight * 1000,
        "key_p50_ms": statistics.median(latencies) * 1000,
        "key_p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "highlight_per_key_ms": highlight_time[0] / len(latencies) * 1000,
        "save_ms": save_ms,
        "saved_chars": len(saved),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "blocks": doc.blockCount(),
        "underlined_ranges": underlined,
        "platform": app.platformName(),
    }


def _no_spelling() -> Any:
    from editor_app.core.errors import SpellCheckUnavailable
    raise SpellCheckUnavailable("benchmark: editor without spell-check")


def _blocks(doc: Any) -> Any:
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


# ------------------------------------------------------------------ parent


def _run(variant: str, document: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", variant, "--document", document],
                         check=False, capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if out.returncode:
        raise SystemExit(f"{variant} failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6
    return (f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, Python "
            f"{platform.python_version()}, PySide6 {PySide6.__version__}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3, help="runs per variant (median)")
    parser.add_argument("--variants", default="baseline,sampadak,plain,rich,window")
    parser.add_argument("--document", choices=("news", "dictionary"), default="news")
    parser.add_argument("--memory", action="store_true",
                        help="also run the memory breakdown (tracemalloc; not timed)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.document)))
        return
    variants = args.variants.split(",")
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    for _ in range(args.rounds):  # interleaved, so drift hits every variant alike
        for variant in variants:
            runs[variant].append(_run(variant, args.document))
    fields = ["open_ms", "interactive_ms", "open_highlight_ms", "key_p50_ms", "key_p95_ms",
              "highlight_per_key_ms", "save_ms", "peak_rss_mib"]
    extra = ["stall_after_typing_ms", "autosave_ms", "count_ms"]
    medians = {v: {f: statistics.median(r[f] for r in rs)
                   for f in fields + [e for e in extra if e in rs[0]]}
               for v, rs in runs.items()}
    article = make_document(args.document)
    print(f"machine: {_machine()}")
    print(f"platform: {runs[variants[0]][0]['platform']}, window {SIZE[0]}x{SIZE[1]}, "
          f"{args.document} document {len(article.split())} words, {args.rounds} rounds "
          f"(median)")
    print(f"{'variant':10}" + "".join(f"{f:>22}" for f in fields))
    base = medians.get("baseline")
    for variant, values in medians.items():
        cells = []
        for f in fields:
            ratio = f" ({values[f] / base[f]:.2f}x)" if base and base[f] else ""
            cells.append(f"{values[f]:.1f}{ratio}".rjust(22))
        print(f"{variant:10}" + "".join(cells))
    for variant in variants:
        print(f"{variant}: underlined ranges {runs[variant][0]['underlined_ranges']}, "
              f"blocks {runs[variant][0]['blocks']}")
        for e in extra:
            if e in medians[variant]:
                print(f"{variant}: {e} {medians[variant][e]:.1f}")
    memory = _run("memory", args.document) if args.memory else None
    if memory:
        traced = _run("memory-trace", args.document)
        memory["traced_stages"] = traced["stages"]
        print("memory by start-up stage (RSS MiB untraced, delta; Python heap added per "
              "tracemalloc; top files):")
        for stage, tr in zip(memory["stages"], traced["stages"], strict=True):
            print(f"  {stage['stage']:42} {stage['rss_mib']:7.1f} {stage['delta_mib']:+7.1f}"
                  f"  python heap {tr['traced_mib']:+.1f}")
            for line in tr["top"]:
                print(f"      {line}")
    if args.json:
        args.json.write_text(json.dumps({"machine": _machine(), "document": args.document,
                                         "runs": runs, "medians": medians, "memory": memory},
                                        indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

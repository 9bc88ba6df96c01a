"""The ``window`` and ``memory`` variants of :mod:`benchmarks.bench_editor` (child process).

``window``: the 20,000-word document is the only article of a fresh database; the real
``MainWindow`` is built by ``editor_app.gui.application.open_main_window`` (which opens the
newest article), then keys are typed into its body editor exactly as in the other variants.
After the last key a 5 ms watchdog timer records the longest event-loop gap for 4 s (word
count, checks panel, the 2 s autosave and whatever follows it). Then, on the GUI thread:
``count_ms`` (``RichEditor.counts()``), ``save_ms`` (``MainWindow.current_data()``: the
autosave's serialisation) and ``autosave_ms`` (``MainWindow.save_now()`` after one more key,
what the autosave costs the GUI thread) and ``save_landed_ms`` (until ``saved`` fired).

``memory``: RSS after each start-up stage of that window; with ``trace`` also the
``tracemalloc`` top Python allocations (by file) each stage added (tracing inflates RSS, so
the RSS column comes from the untraced run).
"""

from __future__ import annotations

import importlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks.scale_gui import Watchdog, _spin, is_dirty

AFTER_TYPING_S = 4.0


def _app_import_order() -> None:
    """Import as ``editor_app.app.main`` does: configuration and core first, then PySide6
    through :mod:`editor_app.gui` (which makes PySide6's per-module import scan light)."""
    importlib.import_module("editor_app.config")
    importlib.import_module("editor_app.gui")


def _opened_and_checked(window: Any) -> bool:
    """The article is in the editor (it loads on a worker after the list), the word lists
    are loaded and no spell warm-up is running: the document is fully underlined. Waiting
    only for "no warm-up" could pass before the article had even arrived."""
    return (window.record is not None and window.speller.ready
            and not window.spell_highlighter.warming)


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _database_with(document: str) -> tuple[Any, str, str]:
    """(db, url, profile dir) of a fresh database whose only article is ``document``.

    The database is made by another process (:func:`make_database`), as a user's database
    exists before the app starts: creating it here would run the migrations (Alembic, Mako,
    Pygments: ~15 MiB) in the measured process, which an app opening an existing database
    never does."""
    from editor_app.core.db import open_database

    folder = tempfile.mkdtemp(prefix="sampadak-bench-editor-")
    url = f"sqlite:///{folder}/bench.sqlite"
    source = Path(folder) / "document.md"
    source.write_text(document, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "benchmarks.bench_editor_window", url, str(source)],
                   check=True, cwd=Path(__file__).resolve().parent.parent,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return open_database(url), url, folder


def make_database(url: str, document: str) -> None:
    """Create the benchmark database at ``url``: a profile and the one long article."""
    from editor_app.core.article_data import ArticleData, BylineData
    from editor_app.core.articles import ArticleService
    from editor_app.core.db import open_database
    from editor_app.core.profiles import Role, create_profile

    db = open_database(url)
    try:
        profile = create_profile(db, "बेंच संपादक", Role.DESK_CHIEF)  # edits in every status
        ArticleService(db, profile.name).create(ArticleData(
            headline="बीस हजार शब्दों की लंबी रिपोर्ट: शहर, गांव और मंडी", dek="बेंचमार्क दस्तावेज",
            body=document, category="शहर", tags=("लखनऊ", "बेंचमार्क"),
            bylines=(BylineData("नेहा त्रिपाठी", "Neha Tripathi", "वरिष्ठ संवाददाता",
                                "सम्पादक समाचार"),)))
    finally:
        db.close()


def _underlined(doc: Any) -> int:
    from PySide6.QtGui import QTextCharFormat

    count = 0
    block = doc.begin()
    while block.isValid():
        count += sum(1 for r in block.layout().formats() if r.format.underlineStyle()
                     == QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        block = block.next()
    return count


def window_child(document: str, size: tuple[int, int], keys: int,
                 warm_keys: int) -> dict[str, Any]:
    """Open, type into and autosave the real window; return the figures."""
    _app_import_order()
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from editor_app.config import load_config
    from editor_app.gui.application import ensure_application, open_main_window

    app = ensure_application()
    db, url, folder = _database_with(document)
    config = load_config(folder, url)
    config.ensure_dirs()
    t0 = time.perf_counter()
    window = open_main_window(config, db, ask_profile=lambda: None)
    assert window is not None
    if os.environ.get("SAMPADAK_BENCH_NO_CHECKS"):  # diagnosis: is the checks panel the stall?
        window.checks.schedule = lambda: None  # type: ignore[method-assign]
    window.show()
    app.processEvents()
    interactive = time.perf_counter() - t0
    _spin(60.0, lambda: _opened_and_checked(window))
    app.processEvents()
    text_edit = window.editor.text_edit
    doc = text_edit.document()
    doc.pageCount()
    opened = time.perf_counter() - t0
    rss_opened = _rss_mib()

    block = doc.findBlockByNumber(doc.blockCount() // 2)
    while block.isValid() and block.length() < 200:
        block = block.next()
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().find(" ", block.length() // 2))
    text_edit.setTextCursor(cursor)
    text_edit.ensureCursorVisible()
    text_edit.setFocus()
    _spin(0.5)
    typed = ("नया शब्द लिखा जाता है, " * 20)[: keys + warm_keys]
    latencies: list[float] = []

    def key(char: str) -> float:
        code = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        t = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(text_edit, QKeyEvent(kind, code,
                                                        Qt.KeyboardModifier.NoModifier, char))
        app.processEvents()
        return time.perf_counter() - t

    for i, char in enumerate(typed):
        dt = key(char)
        if i >= warm_keys:
            latencies.append(dt)
    rss_typed = _rss_mib()
    dog = Watchdog()
    saves: list[float] = []
    saved_signal = getattr(window, "saved", None)
    if saved_signal is not None:
        saved_signal.connect(lambda *_a: saves.append(time.perf_counter()))
    typing_stopped = time.perf_counter()
    dog.start()
    _spin(AFTER_TYPING_S)
    stall_at = dog.longest_at
    stall = dog.take()
    rss_checked = _rss_mib()
    latencies.sort()
    start = time.perf_counter()
    counts = window.editor.counts()
    count_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    data = window.current_data()
    save_ms = (time.perf_counter() - start) * 1000
    key(" ")
    saves.clear()
    start = time.perf_counter()
    window.save_now()  # synchronous before issue 7; starts a background save after it
    autosave_ms = (time.perf_counter() - start) * 1000
    _spin(60.0, lambda: bool(saves) and not is_dirty(window))
    save_landed_ms = (saves[0] - start) * 1000 if saves else None
    result = {
        "variant": "window",
        "open_ms": opened * 1000,
        "interactive_ms": interactive * 1000,
        "open_highlight_ms": 0.0,
        "key_p50_ms": statistics.median(latencies) * 1000,
        "key_p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "highlight_per_key_ms": 0.0,
        "save_ms": save_ms,
        "saved_chars": len(data.body),
        "count_ms": count_ms,
        "words_counted": counts.words,
        "stall_after_typing_ms": stall,
        "stall_starts_after_s": stall_at,
        "autosave_landed_s": (saves[0] - typing_stopped) if saves else None,
        "autosave_ms": autosave_ms,
        "save_landed_ms": save_landed_ms,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # where the peak comes from: RSS once open and underlined, after typing, after the
        # checks and autosave that follow typing, after the explicit save
        "rss_opened_mib": rss_opened,
        "rss_typed_mib": rss_typed,
        "rss_after_typing_mib": rss_checked,
        "rss_saved_mib": _rss_mib(),
        "blocks": doc.blockCount(),
        "underlined_ranges": _underlined(doc),
        "platform": app.platformName(),
        "window_size": [window.width(), window.height()],
        "editor_size": [text_edit.width(), text_edit.height()],
    }
    db.close()
    return result


def memory_child(document: str, trace: bool = False) -> dict[str, Any]:
    """RSS (and, with ``trace``, top Python allocations) after each start-up stage."""
    if trace:
        tracemalloc.start(1)
    stages: list[dict[str, Any]] = []
    last_rss = _rss_mib()
    last_snap = tracemalloc.take_snapshot() if trace else None

    def stage(name: str) -> None:
        nonlocal last_rss, last_snap
        rss = _rss_mib()
        entry: dict[str, Any] = {"stage": name, "rss_mib": rss, "delta_mib": rss - last_rss,
                                 "traced_mib": 0.0, "top": []}
        if trace and last_snap is not None:
            snap = tracemalloc.take_snapshot().filter_traces(
                (tracemalloc.Filter(False, tracemalloc.__file__),))
            diff = snap.compare_to(last_snap, "filename")
            entry["traced_mib"] = sum(d.size_diff for d in diff) / 2**20
            entry["top"] = [f"{_short(d.traceback[0].filename)}: {d.size_diff / 2**20:+.1f} MiB"
                            for d in diff[:6] if d.size_diff > 256 * 1024]
            last_snap = snap
        stages.append(entry)
        last_rss = rss

    stage("python + benchmark document")
    importlib.import_module("editor_app.gui")  # PySide6 as the app loads it (light scan)
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    stage("PySide6 + QApplication")
    db, url, folder = _database_with(document)
    stage("core (SQLAlchemy) + existing database opened")
    from editor_app.core.text.spell import create_spell_checker
    from editor_app.gui.editor.spell_highlighter import checkable_words

    checker = create_spell_checker(db, None)
    words = {w for w, _s, _e in checkable_words(document)}
    for word in words:
        checker.is_correct(word)
    stage(f"spell checker + {len(words):,} words judged")
    from editor_app.config import load_config
    from editor_app.gui.application import open_main_window

    config = load_config(folder, url)
    config.ensure_dirs()
    window = open_main_window(config, db, ask_profile=lambda: None)
    assert window is not None
    window.show()
    _spin(60.0, lambda: _opened_and_checked(window))
    app.processEvents()
    window.editor.text_edit.document().pageCount()
    stage("main window, document open, underlined")
    db.close()
    return {"stages": stages, "traced": trace,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _short(filename: str) -> str:
    for marker in ("site-packages/", "editor_app/", "lib/python3"):
        if marker in filename:
            return filename[filename.index(marker):]
    return filename


if __name__ == "__main__":  # python -m benchmarks.bench_editor_window URL DOCUMENT_FILE
    make_database(sys.argv[1], Path(sys.argv[2]).read_text(encoding="utf-8"))

"""Child-process halves of :mod:`benchmarks.bench_scale` that need Qt.

- :func:`cold_start` runs the real app (``editor_app.app.main`` with ``--profile`` and
  ``--database``: the same start-up path as ``sampadak``) or, for the baseline, a bare
  ``QMainWindow`` + ``QTableView``; it prints one JSON line with the wall-clock time the
  window first painted, the article list first painted with rows, and when the event loop
  was next idle ("usable"), then the longest event-loop stall in the following seconds and
  the peak RSS.
- :func:`gui_stalls` builds the real ``MainWindow`` through
  ``editor_app.gui.application.open_main_window`` and drives it: open another article, type
  and let autosave run, search from the list's search box, clear the search. An event-loop
  watchdog (a 5 ms ``QTimer`` recording the largest gap between ticks) gives the longest
  GUI-thread stall of each phase.

Both are started by ``bench_scale.py`` as ``python -m benchmarks.scale_gui MODE ...``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

WATCHDOG_MS = 5
AFTER_OPEN_S = 3.0


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Watchdog:
    """A 5 ms timer on the GUI thread; :meth:`take` returns the longest gap since the last
    call (ms) — how long the event loop could not run."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(WATCHDOG_MS)
        self._timer.timeout.connect(self._tick)
        self._last = self._origin = time.perf_counter()
        self.longest = 0.0
        #: When the longest gap began, in seconds after :meth:`start` (or the last take).
        self.longest_at = 0.0

    def start(self) -> None:
        self._last = self._origin = time.perf_counter()
        self.longest = 0.0
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if gap > self.longest:
            self.longest, self.longest_at = gap, self._last - self._origin
        self._last = now

    def take(self) -> float:
        self._tick()
        longest, self.longest = self.longest, 0.0
        self._origin = time.perf_counter()
        return longest


def _spin(seconds: float, until: Any = None) -> float:
    """Run the event loop for ``seconds`` or until ``until()`` is true; return elapsed s."""
    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)

    def check() -> None:
        if (until is not None and until()) or time.perf_counter() - start >= seconds:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return time.perf_counter() - start


def _list_table(window: Any) -> Any:
    """The article list's table view (the window's first ``QTableView`` as a fallback)."""
    from PySide6.QtWidgets import QTableView

    table = getattr(getattr(window, "article_list", None), "table", None)
    if isinstance(table, QTableView):
        return table
    tables = window.findChildren(QTableView)
    return tables[0] if tables else None


def is_dirty(window: Any) -> bool:
    """True while the window has unsaved edits or a save in flight (either design)."""
    saver = getattr(window, "saver", None)
    if saver is not None:
        return bool(saver.dirty or saver.saving)
    return bool(getattr(window, "dirty", False))


def _emit(result: dict[str, Any]) -> None:
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------- cold start
class _PaintProbe:
    """Records the first window paint and the first list paint with rows, then reports."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.first_paint: float | None = None
        self.list_paint: float | None = None
        self.article_shown: float | None = None
        self.table: Any = None
        self.done = False
        #: More figures for the report (the skeleton path adds its own).
        self.extra: Any = dict

    def attach(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        probe = self
        self.table = _list_table(window)
        shown = getattr(window, "article_shown", None)  # the first article in the editor
        if shown is not None:
            shown.connect(lambda *_a: probe.article_shown is None and setattr(
                probe, "article_shown", time.time()))

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    now = time.time()
                    if probe.first_paint is None:
                        probe.first_paint = now
                    if (probe.list_paint is None and probe.table is not None
                            and obj is probe.table.viewport()
                            and probe.table.model() is not None
                            and probe.table.model().rowCount() > 0):
                        probe.list_paint = now
                        from PySide6.QtCore import QTimer
                        QTimer.singleShot(0, probe.ready)
                return False

        self._filter = Filter()
        window.installEventFilter(self._filter)
        if self.table is not None:
            self.table.viewport().installEventFilter(self._filter)

    def ready(self) -> None:
        if self.done:
            return
        self.done = True
        usable = time.time()
        rss_ready = _current_rss_mib()
        dog = Watchdog()
        dog.start()
        _spin(AFTER_OPEN_S)
        stall_at = dog.longest_at
        stall = dog.take()
        rows = self.table.model().rowCount() if self.table is not None else 0
        _emit({"first_paint_s": (self.first_paint or usable) - self.started,
               "list_paint_s": (self.list_paint or usable) - self.started,
               "usable_s": usable - self.started, "stall_after_open_ms": stall,
               # when the opened article was in the editor (it loads on a worker after the
               # list; None when nothing opened within AFTER_OPEN_S)
               **({"article_shown_s": self.article_shown - self.started}
                  if self.article_shown is not None else {}),
               "stall_starts_after_s": stall_at,
               "rss_ready_mib": rss_ready, "peak_rss_mib": _rss_mib(), "rows": rows,
               **self.extra()})
        os._exit(0)


def cold_start(kind: str, started: float, database: str, profile: str) -> None:
    """``kind`` is ``baseline``, ``floor``, ``app`` (the start-up skeleton first, as
    ``sampadak`` opens), ``app-noskel`` (``SAMPADAK_SKELETON=0``: the window alone, as
    before the skeleton) or ``app-watch`` (``app`` with an event-loop watchdog from the
    skeleton's first paint, for the stalls while it is up: the watchdog's own ticks compete
    for the GIL, so its timings are not the ones reported); ``started`` is the parent's
    ``time.time()`` just before it spawned this process. ``floor`` is the bare window after
    importing the app's database stack (SQLAlchemy's ORM, the models and the article
    service) the way the app does before PySide6: the least any window whose list comes
    through that stack can cost."""
    if kind == "floor":
        import importlib

        for name in ("editor_app.config", "editor_app.core.articles", "editor_app.gui"):
            importlib.import_module(name)
        kind = "baseline"
    if kind == "baseline":
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        model = QStandardItemModel(50, 4)
        for row in range(50):
            for col in range(4):
                model.setItem(row, col, QStandardItem(f"मानसून से पहले नालों की सफ़ाई {row}.{col}"))
        table = QTableView()
        table.setModel(model)
        window.setCentralWidget(table)
        window.resize(1400, 860)
        probe = _PaintProbe(started)
        probe.attach(window)
        window.show()
        app.exec()
        return
    if kind == "app-noskel":
        os.environ["SAMPADAK_SKELETON"] = "0"
        _probe_window_path(started, database, profile)
        return
    _probe_skeleton_path(started, database, profile, watch=kind == "app-watch")


def _probe_window_path(started: float, database: str, profile: str) -> None:
    """The real window without a skeleton (``open_main_window`` patched to attach the probe;
    importing the application first costs what ``run_gui`` imports anyway)."""
    import editor_app.gui.application as application
    from editor_app.app import main

    if os.environ.get("SAMPADAK_BENCH_NO_CHECKS"):  # diagnosis: is the first check the stall?
        from editor_app.gui.lint_panel import ChecksPanel

        ChecksPanel.refresh = lambda self: 0  # type: ignore[method-assign]

    original = application.open_main_window
    probe = _PaintProbe(started)

    def probed(*args: Any, **kwargs: Any) -> Any:
        window = original(*args, **kwargs)
        if window is not None:
            probe.attach(window)
        return window

    application.open_main_window = probed
    main(["--profile", profile, "--database", database])


class _GapLog:
    """A 5 ms timer on the GUI thread keeping every gap over 20 ms with when it started."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[tuple[float, float]] = []  # (start time.time(), length ms)
        self._timer = QTimer()
        self._timer.setInterval(WATCHDOG_MS)
        self._timer.timeout.connect(self._tick)
        self._last = time.time()

    def start(self) -> None:
        self._last = time.time()
        self._timer.start()

    def _tick(self) -> None:
        now = time.time()
        gap = (now - self._last) * 1000
        if gap > 20:
            self.gaps.append((self._last, gap))
        self._last = now

    def longest(self, begin: float, end: float) -> float:
        """The longest gap that ended in (begin, end] (ms; 0 when none over 20 ms): a gap
        is the event loop waiting for what ran before its end."""
        return max((length for at, length in self.gaps if begin < at + length / 1000 <= end),
                   default=0.0)


def _probe_skeleton_path(started: float, database: str, profile: str, *, watch: bool) -> None:
    """``sampadak`` as it opens: the skeleton's first list paint, then the real window's
    (the probe attaches to it when it is built, before it is shown)."""
    from PySide6.QtCore import QEvent, QObject

    import editor_app.gui.startup as startup
    from editor_app.app import main

    probe = _PaintProbe(started)
    marks: dict[str, float] = {}
    gaps = _GapLog() if watch else None
    original_start, original_imported = startup.Handover.start, startup.Handover._imported
    original_run = startup._Imports._run

    def timed_run(self: Any) -> None:  # on the import thread: when the imports are done
        begin = time.time()
        original_run(self)  # emits done at its end
        marks.setdefault("imports_s", time.time() - begin)

    def start(self: Any) -> None:
        table = self.skeleton.table

        class FirstPaint(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
                if (event.type() == QEvent.Type.Paint and "skeleton" not in marks
                        and table.model().rowCount() > 0):
                    marks["skeleton"] = time.time()
                    if gaps is not None:
                        gaps.start()
                return False

        self._bench_probe = FirstPaint()
        table.viewport().installEventFilter(self._bench_probe)
        original_start(self)

    def imported(self: Any, failure: Any) -> None:
        marks["imported"] = time.time()
        original_imported(self, failure)
        marks["built"] = time.time()
        if self.window is not None:
            probe.attach(self.window)
            probe.extra = lambda: _skeleton_figures(marks, started, gaps)
        elif not self.skeleton.window.isVisible():
            _emit({"error": "no skeleton window built", **_skeleton_figures(marks, started,
                                                                           gaps)})
            os._exit(1)

    startup.Handover.start = start  # type: ignore[method-assign]
    startup.Handover._imported = imported  # type: ignore[method-assign]
    startup._Imports._run = timed_run  # type: ignore[method-assign]
    main(["--profile", profile, "--database", database])
    _emit({"error": "the window closed before it was usable (no skeleton shown?)",
           **_skeleton_figures(marks, started, gaps)})


def _skeleton_figures(marks: dict[str, float], started: float, gaps: _GapLog | None
                      ) -> dict[str, Any]:
    figures: dict[str, Any] = {key + "_s": value - started for key, value in marks.items()
                               if key in ("skeleton", "imported", "built")}
    if "imports_s" in marks:
        figures["imports_thread_s"] = marks["imports_s"]
    if gaps is not None and "skeleton" in marks:
        imported = marks.get("imported", time.time())
        built = marks.get("built", imported)
        settle = built + 0.05  # the tick after the build ends its gap
        figures["stall_imports_ms"] = gaps.longest(marks["skeleton"], imported)
        figures["stall_build_ms"] = gaps.longest(imported, settle)
        figures["stall_reveal_ms"] = gaps.longest(settle, time.time())
    return figures


# ---------------------------------------------------------------- stalls in the window
def gui_stalls(database: str, profile: str) -> None:
    """Drive the real window on ``database``; print the longest stall per phase."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from editor_app.config import load_config
    from editor_app.core.db import open_database
    from editor_app.gui.application import ensure_application, open_main_window

    config = load_config(profile, database)
    config.ensure_dirs()
    app = ensure_application()
    db = open_database(database)
    t = time.perf_counter()
    window = open_main_window(config, db, ask_profile=lambda: None)
    assert window is not None, "the archive has no profile"
    window.show()
    _spin(30.0, lambda: window.isVisible())
    build_s = time.perf_counter() - t
    highlighter = window.spell_highlighter
    _spin(30.0, lambda: not highlighter.warming)
    _spin(0.5)
    result: dict[str, Any] = {"build_window_s": build_s}
    dog = Watchdog()
    table = _list_table(window)

    # open another article from the list
    dog.start()
    first_id = window.record.id if window.record else None
    t = time.perf_counter()
    table.setCurrentIndex(table.model().index(min(4, table.model().rowCount() - 1), 0))
    _spin(30.0, lambda: window.record is not None and window.record.id != first_id
          and not highlighter.warming)
    result["open_article_s"] = time.perf_counter() - t
    _spin(0.5)
    result["open_stall_ms"] = dog.take()

    # type, then let the autosave run (2 s after typing stops)
    edit = window.editor.text_edit
    edit.setFocus()
    saves: list[int] = []
    window.saved.connect(saves.append)
    for char in " बेंच अद्यतन":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                   Qt.KeyboardModifier.NoModifier, char))
        app.processEvents()
    dog.take()
    t = time.perf_counter()
    _spin(120.0, lambda: bool(saves) and not is_dirty(window))
    result["typing_stop_to_saved_s"] = time.perf_counter() - t
    _spin(0.5)
    result["save_stall_ms"] = dog.take()

    # search from the list's search box (250 ms debounce), then clear it
    box = window.article_list.search_box
    model = table.model()
    resets: list[int] = []
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                   model.rowsRemoved):
        signal.connect(lambda *_a: resets.append(1))
    dog.take()
    t = time.perf_counter()
    box.setText("नगर निगम बैठक")
    _spin(120.0, lambda: bool(resets))
    result["search_shown_s"] = time.perf_counter() - t
    _spin(0.5)
    result["search_stall_ms"] = dog.take()
    result["search_rows"] = model.rowCount()
    resets.clear()
    t = time.perf_counter()
    box.setText("")
    _spin(120.0, lambda: bool(resets))
    result["clear_shown_s"] = time.perf_counter() - t
    _spin(0.5)
    result["clear_stall_ms"] = dog.take()
    result["peak_rss_mib"] = _rss_mib()
    _emit(result)
    os._exit(0)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM",
                          "xcb" if os.environ.get("DISPLAY") else "offscreen")
    mode = sys.argv[1]
    if mode == "cold":
        cold_start(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5])
    elif mode == "stalls":
        gui_stalls(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")

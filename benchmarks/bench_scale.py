"""Newsroom-scale benchmark (issue 7): archives of 100, 10k and 100k generated articles.

    xvfb-run -a env PYTHONPATH=. .venv/bin/python benchmarks/bench_scale.py [--json out.json]
        [--sizes 100,10000,100000] [--rounds 3] [--skip-gui | --cold-start-only]

One run measures, each against a baseline taken in the same run:
- **bulk create**: articles/s through the article service (``create_many`` when present)
  and database bytes per article, from :mod:`benchmarks.gen_archive` (archives are cached
  in /tmp/sampadak-bench; the build figures are the cached build's);
- **cold start** to a usable window: the real app (``editor_app.app.main --profile DIR
  --database URL``, the ``sampadak`` start-up path) on the first-run sample database and on
  each archive, vs a bare PySide6 ``QMainWindow`` + ``QTableView`` process; wall clock from
  spawning the process to the first paint of the article list with rows ("list paint") and
  the next idle event loop ("usable"), and when the opened article was in the editor
  ("article shown"); rounds interleaved, medians; the longest event-loop stall in the 3 s
  after "usable" and RSS at "usable". The app runs as ``sampadak`` opens (the start-up
  skeleton first: "skeleton paint" is its list's first paint with rows; "list paint" and
  "usable" stay the REAL window's), without the skeleton (``SAMPADAK_SKELETON=0``, the
  window as before), and once more with a watchdog from the skeleton's paint on (the
  longest stall while the imports run on their thread, while the GUI thread builds the
  real window, and after). A *floor* process (the bare window after importing
  the app's configuration, core and ``editor_app.gui``, as the app does before building its
  window) shows what the database stack alone costs. Byte code is compiled first (as an
  install does; this machine sets PYTHONDONTWRITEBYTECODE);
- **save** p50/p95: ``ArticleService.save`` of a one-sentence edit on articles spread over the
  archive, at each size; the target is the ratio to the smallest archive (~1.0x); also the
  search-index rows written per save (1 = only the saved article);
- **search** p50/p95: ``ArticleService.search`` top 50 for one- to three-word Hindi queries
  (nukta/nasal variants included) with snippets, and *ranked* p50/p95: the same without
  snippets (what the list asks for; it then asks snippets only for the rows it paints),
  vs a single FTS5 ``MATCH`` on the raw index as the floor;
- **GUI stalls** in the real ``MainWindow`` (event-loop watchdog, 5 ms timer): opening
  another article, the autosave after typing, a search from the list box and clearing it.

Saves write revisions into the cached archives (a few dozen per run; the article count
does not change). Disk caches are warm (the archives were just built or read): "cold
start" means a new process, not a cold page cache.
"""

from __future__ import annotations

import argparse
import compileall
import json
import logging
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from benchmarks.gen_archive import CACHE_DIR, ensure_archive, ensure_sample_db  # noqa: E402
from editor_app.core.sqlite_urls import sqlite_url_for  # noqa: E402

log = logging.getLogger("bench_scale")

QUERIES: tuple[str, ...] = (
    "नगर निगम", "डेंगू", "सड़क", "सडक", "बिजली विभाग", "जिलाधिकारी जांच", "बारिश अलर्ट",
    "साइबर ठगी", "शिक्षक भर्ती परीक्षा", "गेहूं खरीद", "गेहूँ", "मेट्रो", "GST",
    "पुलिस अधीक्षक", "लखनऊ नाला", "कुंभ मेला", "टीकाकरण", "फर्जी कॉल सेंटर", "महंगाई",
    "किसान संघ धरना", "ज़िला प्रशासन", "स्वागत", "विधानसभा चुनाव गठबंधन", "पटना बाढ़",
)
SAVES = 30
LIST_ROUNDS = 10
CHILD_TIMEOUT_S = 600


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _child(args: list[str], env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(_ROOT))
    env.update(env_extra or {})
    try:
        out = subprocess.run([sys.executable, "-m", "benchmarks.scale_gui", *args],
                             capture_output=True, text=True, cwd=_ROOT, env=env,
                             timeout=CHILD_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {CHILD_TIMEOUT_S} s"}
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT "):])
            return result
    return {"error": (out.stderr or out.stdout)[-2000:]}


# ---------------------------------------------------------------- cold start
#: Cold-start variants of the app per database: the start-up skeleton first (as
#: ``sampadak`` opens), the window alone (``SAMPADAK_SKELETON=0``, as before the
#: skeleton), and the skeleton with an event-loop watchdog (stalls while it is up; its
#: ticks compete for the GIL, so its timings are not the reported ones).
APP_KINDS = {"": "app", ", no skeleton": "app-noskel", ", watchdog": "app-watch"}


def cold_starts(targets: dict[str, str], rounds: int) -> dict[str, dict[str, Any]]:
    """Median cold-start figures per run (``baseline``, ``floor`` and each database URL in
    each of :data:`APP_KINDS`), rounds interleaved."""
    plan: dict[str, tuple[str, str]] = {"baseline": ("baseline", ""),
                                        "floor: bare + core imports": ("floor", "")}
    for target, url in targets.items():
        for suffix, kind in APP_KINDS.items():
            plan[target + suffix] = (kind, url)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in plan}
    for _ in range(rounds):
        for name, (kind, url) in plan.items():
            with tempfile.TemporaryDirectory(prefix="sampadak-bench-profile-") as profile:
                started = time.time()
                result = _child(["cold", kind, repr(started), url, profile])
            runs[name].append(result)
            log.info("cold start %s: %s", name, result)
    medians: dict[str, dict[str, Any]] = {}
    for name, results in runs.items():
        ok = [r for r in results if "error" not in r]
        if not ok:
            medians[name] = {"error": results[0].get("error", "?")}
            continue
        keys = {key for r in ok for key, value in r.items() if isinstance(value, int | float)}
        medians[name] = {key: statistics.median(r[key] for r in ok if key in r)
                         for key in sorted(keys)}
        medians[name]["runs"] = [r["usable_s"] for r in ok]
    return medians


# ---------------------------------------------------------------- core
class _IndexCounter:
    """Counts rows written to ``search_documents`` through one engine."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.rows = 0
        event.listen(engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, _conn: Any, _cursor: Any, statement: str, parameters: Any,
                    _context: Any, executemany: bool) -> None:
        head = statement.lstrip()[:40].upper()
        if head.startswith("INSERT INTO SEARCH_DOCUMENTS") or (
                head.startswith("UPDATE SEARCH_DOCUMENTS")):
            self.rows += len(parameters) if executemany else 1


def _floor_ms(conn: Any, rounds: int = 3) -> list[float]:
    """The raw full-text query alone, top 50 by rank, on the index itself: FTS5 ``MATCH``
    on SQLite, ``@@`` + ``ts_rank`` on PostgreSQL (empty when the database has neither)."""
    from sqlalchemy import text

    if conn.dialect.name == "sqlite":
        if not conn.execute(text(
                "SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'")).scalar():
            return []
        statement = text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q "
                         "ORDER BY rank LIMIT 50")
        quote = lambda words: " ".join(f'"{w}"' for w in words)  # noqa: E731
    else:
        statement = text("SELECT article_id FROM search_vectors "  # migration 0009
                         "WHERE search_vector @@ CAST(:q AS tsquery) ORDER BY ts_rank("
                         "search_vector, CAST(:q AS tsquery)) DESC LIMIT 50")
        quote = lambda words: " & ".join(f"'{w}'" for w in words)  # noqa: E731
    from editor_app.core.search_text import index_key_text

    found: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            words = index_key_text(query).split()
            start = time.perf_counter()
            conn.execute(statement, {"q": quote(words)}).fetchall()
            found.append((time.perf_counter() - start) * 1000)
    return found


def core_figures(url: str, count: int, seed: int) -> dict[str, Any]:
    """Save, list and search timings on one archive database (in this process, no Qt)."""
    from sqlalchemy import text

    from editor_app.core.article_queries import ListQuery
    from editor_app.core.articles import ArticleService
    from editor_app.core.db import open_database
    from editor_app.core.profiles import local_profile

    db = open_database(url)
    try:
        profile = local_profile(db)
        service = ArticleService(db, profile.name if profile else "bench")
        with db.session() as session:
            ids = [row[0] for row in session.execute(
                text("SELECT id FROM articles ORDER BY id"))]
        rng = random.Random(f"saves:{seed}:{count}")
        picks = rng.sample(ids, min(SAVES + 2, len(ids)))
        counter = _IndexCounter(db.engine)
        save_ms: list[float] = []
        index_rows: list[int] = []
        for n, article_id in enumerate(picks):
            record = service.get(article_id)
            body = record.data.body.rstrip("\n") + f"\n\nबेंचमार्क अद्यतन {time.time_ns()} {n}।\n"
            counter.rows = 0
            start = time.perf_counter()
            service.save(article_id, replace(record.data, body=body), record.version)
            elapsed = (time.perf_counter() - start) * 1000
            if n >= 2:  # the first saves warm caches (statements, pages)
                save_ms.append(elapsed)
                index_rows.append(counter.rows)
        list_ms: list[float] = []  # the list's first page (200 rows, newest change first)
        for n in range(LIST_ROUNDS + 1):
            start = time.perf_counter()
            rows = service.list_page(ListQuery(), limit=200)
            if n:  # the first round warms caches
                list_ms.append((time.perf_counter() - start) * 1000)
        assert len(rows) == min(200, count)
        for query in QUERIES:  # warm-up pass
            service.search(query, limit=50)
        search_ms: list[float] = []
        hits: list[int] = []
        for _ in range(3):
            for query in QUERIES:
                start = time.perf_counter()
                found = service.search(query, limit=50)
                search_ms.append((time.perf_counter() - start) * 1000)
                hits.append(len(found))
        ranked_ms: list[float] = []  # what the list asks for: ranked hits, no snippets
        for _ in range(3):
            for query in QUERIES:
                start = time.perf_counter()
                service.search(query, limit=50, snippets=False)
                ranked_ms.append((time.perf_counter() - start) * 1000)
        with db.engine.connect() as conn:
            floor_ms = _floor_ms(conn)
    finally:
        db.close()
    return {
        "save_p50_ms": statistics.median(save_ms), "save_p95_ms": _pct(save_ms, 0.95),
        "index_rows_per_save_p50": statistics.median(index_rows),
        "index_rows_per_save_max": max(index_rows),
        "list_page_p50_ms": statistics.median(list_ms), "list_page_p95_ms": _pct(list_ms, 0.95),
        "search_p50_ms": statistics.median(search_ms), "search_p95_ms": _pct(search_ms, 0.95),
        "search_hits_median": statistics.median(hits),
        "ranked_p50_ms": statistics.median(ranked_ms), "ranked_p95_ms": _pct(ranked_ms, 0.95),
        "fts_floor_p50_ms": statistics.median(floor_ms) if floor_ms else None,
        "fts_floor_p95_ms": _pct(floor_ms, 0.95) if floor_ms else None,
    }


def _machine() -> str:
    cpu = platform.machine()
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


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=_ROOT, check=False).stdout.strip()
    except OSError:
        return "?"


# ---------------------------------------------------------------- report
def _fmt(value: Any, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def report(results: dict[str, Any]) -> str:
    """Markdown tables of ``results`` (ratios against the same run's baselines)."""
    lines = [f"machine: {results['machine']}", f"commit: {results['commit']}, "
             f"platform {results['platform']}, {results['rounds']} cold-start rounds (median)",
             ""]
    builds = results["archives"]
    lines += ["| archive | articles | build method | create rate /s | DB MiB | KiB/article |",
              "|---|---|---|---|---|---|"]
    for name, meta in builds.items():
        lines.append(f"| {name} | {meta['count']:,} | {meta['method']} | "
                     f"{_fmt(meta['rate_per_s'], 0)} | {meta['bytes'] / 2**20:,.0f} | "
                     f"{meta['bytes_per_article'] / 1024:.1f} |")
    cold = results.get("cold_start", {})
    if cold:
        base = cold.get("baseline", {})
        bare = base.get("usable_s")
        lines += ["", "| cold start | skeleton paint s (vs bare) | real list paint s | "
                  "usable s (vs bare) | article shown s | stall after open ms | RSS MiB |",
                  "|---|---|---|---|---|---|---|"]
        for name, fig in cold.items():
            if name.endswith(", watchdog"):
                continue
            if "error" in fig:
                lines.append(f"| {name} | error: {fig['error'][:80]} | | | | | |")
                continue
            skeleton = fig.get("skeleton_s")
            shown = (f"{skeleton:.2f} ({_fmt(skeleton / bare, 2)}x)"
                     if skeleton is not None and bare else "—")
            ratio = fig["usable_s"] / bare if bare else None
            lines.append(f"| {name} | {shown} | {fig['list_paint_s']:.2f} | "
                         f"{fig['usable_s']:.2f} ({_fmt(ratio, 2)}x) | "
                         f"{_fmt(fig.get('article_shown_s'), 2)} | "
                         f"{fig['stall_after_open_ms']:.0f} | {fig['rss_ready_mib']:.0f} |")
        watched = {name: fig for name, fig in cold.items()
                   if name.endswith(", watchdog") and "error" not in fig}
        if watched:
            lines += ["", "| skeleton up (watchdog run) | imports on the thread s | longest "
                      "stall while importing ms | building the real window ms | after it, to "
                      "usable + 3 s ms |", "|---|---|---|---|---|"]
            for name, fig in watched.items():
                lines.append(f"| {name.removesuffix(', watchdog')} | "
                             f"{_fmt(fig.get('imports_thread_s'), 2)} | "
                             f"{_fmt(fig.get('stall_imports_ms'), 0)} | "
                             f"{_fmt(fig.get('stall_build_ms'), 0)} | "
                             f"{_fmt(fig.get('stall_reveal_ms'), 0)} |")
    core = results.get("core", {})
    if core:
        first = next(iter(core.values()))
        lines += ["", "| archive | save p50 ms | save p95 ms | p50 vs smallest | index rows "
                  "per save | list page p50/p95 ms | search p50 ms | search p95 ms | "
                  "ranked, no snippets p50/p95 ms | FTS floor p50/p95 ms |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for name, fig in core.items():
            lines.append(
                f"| {name} | {fig['save_p50_ms']:.1f} | {fig['save_p95_ms']:.1f} | "
                f"{fig['save_p50_ms'] / first['save_p50_ms']:.2f}x | "
                f"{fig['index_rows_per_save_p50']:.0f} (max {fig['index_rows_per_save_max']}) "
                f"| {_fmt(fig.get('list_page_p50_ms'))} / {_fmt(fig.get('list_page_p95_ms'))} "
                f"| {fig['search_p50_ms']:.1f} | {fig['search_p95_ms']:.1f} | "
                f"{fig['ranked_p50_ms']:.1f} / {fig['ranked_p95_ms']:.1f} | "
                f"{_fmt(fig['fts_floor_p50_ms'])} / {_fmt(fig['fts_floor_p95_ms'])} |")
    stalls = results.get("gui_stalls", {})
    if stalls:
        lines += ["", "| window on | open article: s / stall ms | autosave: saved s / stall "
                  "ms | search: shown s / stall ms | clear search: s / stall ms | RSS MiB |",
                  "|---|---|---|---|---|---|"]
        for name, fig in stalls.items():
            if "error" in fig:
                lines.append(f"| {name} | error: {fig['error'][-120:]!r} | | | | |")
                continue
            lines.append(
                f"| {name} | {fig['open_article_s']:.2f} / {fig['open_stall_ms']:.0f} | "
                f"{fig['typing_stop_to_saved_s']:.2f} / {fig['save_stall_ms']:.0f} | "
                f"{fig['search_shown_s']:.2f} / {fig['search_stall_ms']:.0f} | "
                f"{fig['clear_shown_s']:.2f} / {fig['clear_stall_ms']:.0f} | "
                f"{fig['peak_rss_mib']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,10000,100000",
                        help="archive sizes (comma-separated)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="cold-start rounds")
    parser.add_argument("--skip-gui", action="store_true", help="core figures only")
    parser.add_argument("--cold-start-only", action="store_true",
                        help="only the cold-start rounds (no core figures, no stall run)")
    parser.add_argument("--stall-sizes", help="sizes for the in-window stall run "
                                              "(default: all sizes)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    # An installed app has its byte code compiled (pip does it); this machine's environment
    # sets PYTHONDONTWRITEBYTECODE, which would make every child compile the whole package
    # from source (~0.35 s of each cold start). Compile once, as an install would.
    compileall.compile_dir(_ROOT / "editor_app", quiet=1)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    archives: dict[str, tuple[Path, dict[str, Any]]] = {}
    for size in sizes:
        log.info("archive of %d articles…", size)
        archives[f"{size:,}"] = ensure_archive(size, args.seed)
    results: dict[str, Any] = {
        "machine": _machine(), "commit": _commit(), "rounds": args.rounds,
        "platform": os.environ.get("QT_QPA_PLATFORM") or (
            "xcb" if os.environ.get("DISPLAY") else "offscreen"),
        "archives": {name: meta for name, (_path, meta) in archives.items()},
    }
    if not args.skip_gui:
        sample = ensure_sample_db(CACHE_DIR / "sample")
        targets = {"sample article": sqlite_url_for(sample),
                   **{name: sqlite_url_for(path) for name, (path, _m) in archives.items()}}
        results["cold_start"] = cold_starts(targets, args.rounds)
    if args.cold_start_only:
        sys.stdout.write(report(results) + "\n")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False),
                                 encoding="utf-8")
        return
    results["core"] = {}
    for name, (path, meta) in archives.items():
        log.info("core figures on %s…", name)
        results["core"][name] = core_figures(sqlite_url_for(path), meta["count"], args.seed)
    if not args.skip_gui:
        stall_sizes = ({f"{int(s):,}" for s in args.stall_sizes.split(",")}
                       if args.stall_sizes else set(archives))
        results["gui_stalls"] = {}
        for name, (path, _meta) in archives.items():
            if name not in stall_sizes:
                continue
            log.info("window stalls on %s…", name)
            with tempfile.TemporaryDirectory(prefix="sampadak-bench-profile-") as profile:
                results["gui_stalls"][name] = _child(
                    ["stalls", sqlite_url_for(path), profile])
    text = report(results)
    sys.stdout.write(text + "\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False),
                             encoding="utf-8")


if __name__ == "__main__":
    main()

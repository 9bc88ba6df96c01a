"""CLI start-up benchmark: ``sampadak`` commands as whole processes, against baselines run in
the same session.

    .venv/bin/python benchmarks/bench_cli.py [--rounds 15] [--articles 2000] [--archive DB]

Rows: a bare interpreter (``python -c pass``), importing SQLAlchemy's ORM (the floor of any
command that opens the database), ``sampadak --version`` (target 0.25 s), ``sampadak list
--limit 50`` on a profile of ``--articles`` generated articles (target 0.6 s) and
``sampadak doctor`` on it; with ``--archive`` (a SQLite file made by
``benchmarks/gen_archive.py``, e.g. its 100k archive) also ``list --limit 50`` on that.
The package's byte code is compiled first, as an install does (this machine sets
PYTHONDONTWRITEBYTECODE, which would make every run compile the package). Wall time and
CPU time (user + system of the child) are medians over the rounds; on a shared, loaded
machine wall time swings with the load, CPU time much less. Figures go in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.config import load_config
from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.profiles import create_profile

ROOT = Path(__file__).resolve().parent.parent
_SENTENCES = (
    "जिले में आज सुबह से बारिश हो रही है।", "नगर निगम ने नालों की सफाई का काम तेज़ किया।",
    "मुख्यमंत्री ने अधिकारियों के साथ बैठक की।", "किसानों को फसल बीमा का भुगतान जल्द होगा।",
    "पुलिस ने बताया कि जांच जारी है।", "स्कूलों में नया सत्र एक जुलाई से शुरू होगा।",
)


def _profile(folder: Path, articles: int) -> Path:
    config = load_config(folder, environ={})
    config.ensure_dirs()
    db = open_database(config.database_url)
    try:
        create_profile(db, "सीमा", "reporter")
        service = ArticleService(db, "सीमा")
        items = (ArticleData(
            headline=f"{_SENTENCES[n % 6][:-1]} ({n})",
            body=" ".join(_SENTENCES[(n + k) % 6] for k in range(60)),
            tags=("मौसम", f"जिला {n % 40}"),
            bylines=(BylineData(name=f"संवाददाता {n % 25}"),)) for n in range(articles))
        service.create_many(items)
    finally:
        db.close()
    return folder


def _run(argv: list[str], rounds: int) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls, cpus = [], []
    for _ in range(rounds + 1):  # the first run warms the file cache and is dropped
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls[1:]), statistics.median(cpus[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--archive", type=Path, help="also list the first 50 of this SQLite "
                                                     "archive (e.g. gen_archive's 100k)")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "editor_app", quiet=1)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        profile = str(_profile(Path(tmp) / "profile", args.articles))
        rows = [
            ("python -c pass (baseline)", [py, "-c", "pass"]),
            ("import sqlalchemy.orm (floor)", [py, "-c", "import sqlalchemy.orm"]),
            ("sampadak --version", [py, "-m", "editor_app", "--version"]),
            (f"sampadak list --limit 50 ({args.articles:,} articles)",
             [py, "-m", "editor_app", "--profile", profile, "list", "--limit", "50"]),
            ("sampadak doctor", [py, "-m", "editor_app", "--profile", profile, "doctor"]),
        ]
        if args.archive is not None:
            rows.insert(4, (f"sampadak list --limit 50 ({args.archive.name[:22]})",
                            [py, "-m", "editor_app", "--profile", profile, "--database",
                             f"sqlite:///{args.archive.resolve()}", "list", "--limit", "50"]))
        print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.rounds} runs")
        print(f"{'command':<48} {'wall s':>8} {'cpu s':>8}")
        for name, argv in rows:
            wall, cpu = _run(argv, args.rounds)
            print(f"{name:<48} {wall:>8.3f} {cpu:>8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

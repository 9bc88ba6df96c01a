"""Field sync speed: N generated stories pushed from a laptop (SQLite) to a newsroom.

Measures, in one run: the first sync (every story pushed), a second sync with nothing
changed (skipped by the version counters in ``sync_state``), the same with the recorded
state deleted (every story compared by revision lineage), and as the baseline the
in-memory bundle snapshot of every story alone (what any comparison has to read).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py --count 200
    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py --count 200 \
        --newsroom postgresql+psycopg://postgres@127.0.0.1:54336/bench   # an empty database
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, select

from benchmarks.newsgen import articles
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.models import Article, SyncState
from editor_app.core.sync import SyncEngine
from editor_app.core.sync.snapshot import article_bundle
from editor_app.core.users import UserService
from editor_app.core.workflow.service import WorkflowService

log = logging.getLogger(__name__)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--newsroom", help="URL of an empty newsroom database "
                        "(default: a SQLite file)")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sampadak-sync-bench-"))
    laptop = open_database(f"sqlite:///{folder / 'laptop.sqlite'}")
    newsroom = open_database(args.newsroom or f"sqlite:///{folder / 'newsroom.sqlite'}")
    admin = UserService(newsroom, None).create("प्रशासक", "admin", login="admin")
    UserService(newsroom, admin).create("मीरा", "reporter", login="meera")
    reporter = UserService(laptop, None).create("मीरा", "reporter", login="meera")
    service = ArticleService(laptop, reporter)
    flow = WorkflowService(laptop, reporter)
    for data in articles(7, args.count):
        flow.transition(service.create(data).id, "submitted")
    with laptop.session() as session:
        ids = list(session.scalars(select(Article.id).order_by(Article.id)))

    def timed(label: str, work: object) -> float:
        start = time.perf_counter()
        work()  # type: ignore[operator]
        seconds = time.perf_counter() - start
        print(f"{label:<40} {seconds:8.2f} s  {args.count / seconds:8.1f} stories/s")
        return seconds

    figures = {
        "snapshot_all": timed("baseline: snapshot every story",
                              lambda: [article_bundle(service, i) for i in ids]),
        "first_sync": timed("first sync (all pushed)",
                            lambda: SyncEngine(laptop, newsroom, reporter).run()),
        "unchanged_sync": timed("second sync (nothing changed)",
                                lambda: SyncEngine(laptop, newsroom, reporter).run()),
    }

    def forget() -> None:
        with laptop.session() as session:
            session.execute(delete(SyncState))

    forget()
    figures["compare_sync"] = timed("sync without recorded state (compare all)",
                                    lambda: SyncEngine(laptop, newsroom, reporter).run())
    figures["count"] = args.count
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    laptop.close()
    newsroom.close()


if __name__ == "__main__":
    main()

"""Child process of the concurrency test: one desk saving one article many times.

Usage: python -m tests.core.concurrent_writer DATABASE_URL ARTICLE_ID NAME SAVES

Opens the database, prints ``READY`` and waits for a line on stdin (the parent starts every
writer together), then makes SAVES edits through :class:`ArticleService` with optimistic
locking. Edit ``n`` appends the paragraph :func:`edit_line` ``(NAME, n)``; a save that
raises :class:`ConflictError` is retried by re-reading the article and re-applying the same
edit to what is stored now. After each successful save it pauses :data:`THINK_S`. Prints
one JSON line at the end: ``{"saves": ..., "conflicts": ..., "seconds": ...}``.
Any other error ends the process with a traceback (exit 1).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace

from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.errors import ConflictError

#: A writer that meets more conflicts than this in one edit is stuck (the test fails).
MAX_RETRIES_PER_EDIT = 1_000
#: Pause after each successful save, as a desk does between two saves. Without it one
#: writer can starve the other on SQLite: the loser sleeps in SQLite's busy handler (up to
#: 100 ms a try) while the winner re-takes the write lock within microseconds, so on a busy
#: machine one writer finished all its saves before the other made its first.
THINK_S = 0.01


def edit_line(name: str, number: int) -> str:
    """The paragraph edit ``number`` of writer ``name`` appends."""
    return f"{name} का संपादन {number:03d}"


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    url, article_id, name, saves = argv[0], int(argv[1]), argv[2], int(argv[3])
    db = open_database(url)
    try:
        service = ArticleService(db, name)
        service.get(article_id)  # connected and warm before the start signal
        _say("READY")
        sys.stdin.readline()
        started = time.monotonic()
        conflicts = 0
        for number in range(1, saves + 1):
            line = edit_line(name, number)
            for _attempt in range(MAX_RETRIES_PER_EDIT):
                record = service.get(article_id)
                body = record.data.body.rstrip("\n") + "\n\n" + line + "\n"
                try:
                    service.save(article_id, replace(record.data, body=body), record.version,
                                 note=line)
                    time.sleep(THINK_S)
                    break
                except ConflictError:
                    conflicts += 1
            else:
                raise RuntimeError(f"{name}: edit {number} lost {MAX_RETRIES_PER_EDIT} races")
        seconds = time.monotonic() - started
    finally:
        db.close()
    _say(json.dumps({"saves": saves, "conflicts": conflicts, "seconds": round(seconds, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

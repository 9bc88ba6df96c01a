"""Comments at 20,000 words: what re-anchoring adds to a save, and the panel's highlight pass.

    xvfb-run -a env PYTHONPATH=. .venv/bin/python benchmarks/bench_comments.py [--rounds 5]

Cases, each against a baseline measured in the same run:
- save: ``ArticleService.save`` of a 5-word edit on a 20,000-word article with no comments
  (baseline) and with 100 comments anchored in the body (every save re-anchors them inside
  its transaction);
- highlight: the Comments panel's pass over 100 open threads on the GUI thread (map each
  anchor onto the shown text, build the extra selections), when the editor shows what is
  stored and after typing (one diff of stored and shown text per pass), vs one
  ``toPlainText()`` of the same document.
Medians over the rounds, in milliseconds; a temp SQLite database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_diff import _edit_words
from bench_editor import make_article

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.profiles import Role, create_profile
from editor_app.core.review.anchors import visible_body
from editor_app.core.review.comments import CommentService

COMMENTS = 100


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _save_ms(service: ArticleService, article_id: int, rounds: int) -> float:
    times = []
    for index in range(rounds):
        record = service.get(article_id)
        body = _edit_words(record.data.body, 5, 100 + index)
        start = time.perf_counter()
        service.save(article_id, replace(record.data, body=body), record.version)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    article = make_article(20_000)
    folder = Path(tempfile.mkdtemp(prefix="sampadak-bench-comments-"))
    db = open_database(f"sqlite:///{folder / 'bench.sqlite'}")
    actor = create_profile(db, "नेहा त्रिपाठी", Role.COPY_EDITOR)
    service = ArticleService(db, "bench")
    plain = service.create(ArticleData(headline="बिना टिप्पणी", body=article)).id
    commented = service.create(ArticleData(headline="टिप्पणियों सहित", body=article)).id
    comments = CommentService(db, actor)
    visible = visible_body(service.get(commented).data.body)
    rng = random.Random(7)
    for _ in range(COMMENTS):
        start = rng.randrange(0, len(visible) - 40)
        comments.add(commented, "body", start, start + rng.randrange(5, 40), "देखें")
    print(f"article: {len(visible):,} code points shown, {COMMENTS} comments")
    base = _save_ms(service, plain, args.rounds)
    with_comments = _save_ms(service, commented, args.rounds)
    print("| case | ms | x baseline |")
    print("|---|---|---|")
    print(f"| save, no comments (baseline) | {base:.1f} | 1.0 |")
    print(f"| save, {COMMENTS} comments re-anchored | {with_comments:.1f} | "
          f"{with_comments / base:.2f} |")

    from PySide6.QtWidgets import QApplication, QTextEdit

    from editor_app.gui.editor.markdown_bridge import set_document_markdown
    from editor_app.gui.review.comments_panel import CommentsPanel
    from editor_app.gui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    edit = QTextEdit()
    record = service.get(commented)
    set_document_markdown(edit.document(), record.data.body)
    panel = CommentsPanel(TaskRunner(), db, lambda: actor, {"body": edit},
                          lambda then: then())
    panel._article_id = commented  # the panel as loaded by show_article, without waiting
    panel._threads = comments.list(commented)
    panel._texts = comments.field_texts(commented)
    read = _median_ms(edit.toPlainText, args.rounds)
    same = _median_ms(panel._highlight, args.rounds)
    cursor = edit.textCursor()
    cursor.setPosition(len(edit.toPlainText()) // 2)
    cursor.insertText("नया शब्द ")
    typed = _median_ms(panel._highlight, args.rounds)
    print(f"| toPlainText of the document (baseline) | {read:.1f} | 1.0 |")
    print(f"| highlight pass, shown = stored | {same:.1f} | {same / read:.1f} |")
    print(f"| highlight pass after typing (one diff) | {typed:.1f} | {typed / read:.1f} |")
    panel.deleteLater()
    app.processEvents()
    db.close()


if __name__ == "__main__":
    main()

"""Import speed (no GUI): WordPress WXR parsing, storing one by one vs in bulk, scraped
recognition.

    .venv/bin/python benchmarks/bench_intake.py [--posts 1000] [--rounds 3]

- wxr parse: ``parse_wxr`` on a generated archive of N Hindi posts (HTML bodies, a tag).
- store one by one: ``store_result`` per post (create + audit: what the GUI does per entry)
  vs ``store_results`` (``create_many`` chunks + the audit events of a chunk together:
  what ``sampadak import`` does), each into a fresh SQLite file.
- scraped: ``parse_scraped`` on the project's four site fixtures (per article).
Medians over the rounds; figures go in docs/IMPORT.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.intake.decode import decode_text
from editor_app.core.intake.scraped import parse_scraped
from editor_app.core.intake.store import store_result, store_results
from editor_app.core.intake.wxr import parse_wxr

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "intake" / "scraped"


def archive(posts: int) -> bytes:
    """A WXR file with ``posts`` Hindi posts."""
    items = "".join(
        f"<item><title>खबर {i}: भोपाल में साइकिल ट्रैक का विस्तार</title><dc:creator>ravi"
        f"</dc:creator><content:encoded><![CDATA[<p>भोपाल नगर निगम ने शहर में साइकिल ट्रैक "
        f"का <strong>विस्तार</strong> करने का फैसला किया है {i}।</p><h2>आगे</h2><p>दूसरा "
        f"अनुच्छेद।</p>]]></content:encoded><wp:post_date>2024-03-05 06:10:00</wp:post_date>"
        f"<wp:post_name>post-{i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>"
        f'post</wp:post_type><category domain="post_tag" nicename="t{i % 50}"><![CDATA[टैग '
        f"{i % 50}]]></category></item>" for i in range(posts))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content='
            '"http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/'
            'elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            f"<wp:wxr_version>1.2</wp:wxr_version>{items}</channel></rss>").encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = archive(args.posts)
    texts = [decode_text(p.read_bytes()) for p in sorted(FIXTURES.glob("*.txt"))]
    figures: dict[str, list[float]] = {"wxr parse": [], "store one by one": [],
                                       "store in bulk": [], "scraped per article": []}
    for _ in range(args.rounds):
        start = time.perf_counter()
        results = parse_wxr(data)
        figures["wxr parse"].append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as folder:
            for name, store in (("store one by one", "single"), ("store in bulk", "bulk")):
                db = open_database(f"sqlite:///{folder}/{store}.sqlite")
                service = ArticleService(db, "bench")
                start = time.perf_counter()
                if store == "bulk":
                    store_results(service, results)
                else:
                    for result in results:
                        store_result(service, result)
                figures[name].append(time.perf_counter() - start)
                db.close()
        start = time.perf_counter()
        for text in texts:
            parse_scraped(text)
        figures["scraped per article"].append((time.perf_counter() - start) / len(texts))
    for name, values in figures.items():
        median = statistics.median(values)
        per = f"  ({median / args.posts * 1000:.2f} ms/post)" if "article" not in name else ""
        sys.stdout.write(f"{name:22} {median * 1000:10.1f} ms{per}\n")


if __name__ == "__main__":
    main()

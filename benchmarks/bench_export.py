"""Export benchmark: 1,000 articles to bundles (articles per second, peak memory).

    .venv/bin/python benchmarks/bench_export.py [--articles 1000]

Creates the articles in a temporary SQLite profile (a ~600-word Hindi body with subheads,
a list, a link and one image each, two bylines, three tags), then runs the batch export
(`export_articles(..., "bundle", folder)`: read, render HTML + fragment + ninjs, zip with
manifest, fsync, rename, per article) and, as a baseline in the same run, only
`render_document` for the same articles already loaded. Peak memory: the process's maximum
resident set (ru_maxrss) before and after the export, and tracemalloc's peak of Python
allocations in a second, traced export of 100 articles.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.assets import add_image
from editor_app.core.db import open_database
from editor_app.core.publish.export import export_articles
from editor_app.core.publish.html import render_document
from editor_app.core.publish.source import PublishOptions, load_article

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82") + b"\x00" * 40_000
PARAGRAPH = ("नगर निगम की बैठक में शहर की सड़कों, नालों और पार्कों के लिए नया बजट पास किया गया। "
             "महापौर ने कहा कि **बरसात से पहले** सभी नालों की सफाई पूरी कर ली जाएगी और "
             "[विवरण](https://example.in/budget) वेबसाइट पर रहेगा। ")
BYLINES = (BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "दर्पण"),
           BylineData("रवि प्रकाश", "Ravi Prakash", "फोटो पत्रकार", ""))


def body(i: int) -> str:
    parts = [PARAGRAPH * 3, "## बजट का ब्योरा", PARAGRAPH * 3, "- सड़कें\n- नाले\n- पार्क",
             "### आगे क्या", PARAGRAPH * 4, f"अंतिम अनुच्छेद {i}।"]
    return "\n\n".join(parts) + "\n"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(f"sqlite:///{root / 'bench.sqlite'}")
        service = ArticleService(db, "bench")
        ids = service.create_many(
            ArticleData(headline=f"नगर निगम ने बजट पास किया {i}", dek="बरसात से पहले सफाई",
                        body=body(i), slug=f"nagar-nigam-budget-{i}", bylines=BYLINES,
                        tags=("नगर निगम", "बजट", "शहर")) for i in range(args.articles))
        image = root / "photo.png"
        image.write_bytes(PNG)
        for article_id in ids:
            add_image(db, article_id, image, caption="बैठक", credit="फोटो: रवि")
        options = PublishOptions(site_url="https://news.example.in")
        before = rss_mib()
        out = root / "bundles"
        out.mkdir()
        start = time.perf_counter()
        results = export_articles(service, ids, "bundle", out, options)
        elapsed = time.perf_counter() - start
        after = rss_mib()
        assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
        size = sum(p.stat().st_size for p in out.iterdir())
        loaded = [load_article(service, i) for i in ids]
        start = time.perf_counter()
        for article in loaded:
            render_document(article, options)
        baseline = time.perf_counter() - start
        traced = root / "traced"
        traced.mkdir()
        tracemalloc.start()
        export_articles(service, ids[:100], "bundle", traced, options)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        db.close()
    n = args.articles
    print(f"bundles: {n} articles in {elapsed:.1f} s = {n / elapsed:.0f} articles/s "
          f"({size / n / 1024:.0f} KiB per bundle)")
    print(f"baseline render_document only: {n / baseline:.0f} articles/s")
    print(f"max RSS: {before:.0f} MiB before export, {after:.0f} MiB after; "
          f"tracemalloc peak over 100 bundles: {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()

""""Read also" links are part of a story: stored, revisioned, imported from scraped text,
carried by bundles, printed by export, and never a way in for unsafe link targets."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from editor_app.core.article_data import (
    ArticleData,
    RelatedLink,
    data_from_snapshot,
    related_as_lines,
    related_from_json,
    related_from_lines,
)
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.intake.decode import decode_text
from editor_app.core.intake.scraped import parse_scraped
from editor_app.core.intake.store import store_result
from editor_app.core.publish.html import render_document, render_fragment
from editor_app.core.publish.source import load_article
from editor_app.core.text.normalize import to_nfc

SCRAPED = Path(__file__).resolve().parents[1] / "data" / "intake" / "scraped"
LINK = RelatedLink("जयपुर मेट्रो के दूसरे चरण को मिली मंजूरी", "https://example.in/metro-2")


def test_links_are_stored_and_come_back_clean(db: Database) -> None:
    service = ArticleService(db, "desk")
    decomposed = "न\u093cई सड़क"  # न + nukta: stored as the precomposed ऩ
    record = service.create(ArticleData(headline="पुल", related=(
        LINK, RelatedLink(f"  {decomposed}  बनी ", ""), LINK,
        RelatedLink("खतरनाक", "javascript:alert(1)"), RelatedLink(" ", " "))))
    assert service.get(record.id).data.related == (
        LINK, RelatedLink(to_nfc("न\u093cई सड़क बनी"), ""), RelatedLink("खतरनाक", ""))


def test_a_changed_link_is_a_new_revision_and_in_its_snapshot(db: Database) -> None:
    service = ArticleService(db, "desk")
    record = service.create(ArticleData(headline="पुल", related=(LINK,)))
    same = service.save(record.id, record.data, record.version)
    assert len(service.revisions(record.id)) == 1 and same.version == record.version
    moved = service.save(record.id, replace(record.data, related=()), record.version)
    first, second = service.revisions(record.id)
    assert first.metadata["related"] == [LINK.to_json()] and second.metadata["related"] == []
    rebuilt = data_from_snapshot(first.headline, first.dek, first.body, first.metadata)
    assert rebuilt.related == (LINK,) and moved.data.related == ()


def test_snapshots_of_older_builds_have_no_links() -> None:
    old = {"slug": "pul", "tags": ["गांव"], "bylines": [], "dateline_date": "2024-06-12"}
    data = data_from_snapshot("पुल", "", "पाठ", old)
    assert data.related == () and data.dateline_date == date(2024, 6, 12)


def test_malformed_stored_json_reads_as_no_links() -> None:
    assert related_from_json("{not json") == ()
    assert related_from_json('{"title": "x"}') == ()
    assert related_from_json(json.dumps([LINK.to_json(), 3])) == (LINK,)


def test_editable_lines_round_trip() -> None:
    links = (LINK, RelatedLink("केवल शीर्षक", ""))
    assert related_from_lines(related_as_lines(links)) == links
    assert related_from_lines("शीर्षक https://example.in/x\n\n  ") == (
        RelatedLink("शीर्षक", "https://example.in/x"),)
    assert related_from_lines("दो शब्द") == (RelatedLink("दो शब्द", ""),)


def test_scraped_read_also_lines_become_the_stories_links(db: Database) -> None:
    name = "site-a-portal-hi.txt"
    result = parse_scraped(decode_text((SCRAPED / name).read_bytes()), name,
                           today=date(2024, 12, 1))
    assert result.related and result.data.related == ()
    record = store_result(ArticleService(db, "desk"), result)
    assert record is not None
    assert record.data.related == result.related


def test_export_prints_the_links_with_safe_targets_only(db: Database) -> None:
    service = ArticleService(db, "desk")
    record = service.create(ArticleData(headline="पुल", body="पाठ।\n", related=(
        LINK, RelatedLink("दूसरी खबर", "data:text/html,<script>x</script>"))))
    article = load_article(service, record.id)
    for page in (render_document(article), render_fragment(article)):
        assert '<aside class="related">' in page
        assert f'<a href="{LINK.url}"' in page and f">{LINK.title}</a>" in page
        assert "<li>दूसरी खबर</li>" in page and "data:" not in page
    plain = load_article(service, service.create(ArticleData(headline="बिना लिंक")).id)
    assert "related" not in render_fragment(plain)

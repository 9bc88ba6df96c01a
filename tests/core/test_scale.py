"""Newsroom scale, as behaviour (not time): work per save and per created article is
constant, list pages never read bodies, lists and searches filter in the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core import search_index
from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.article_queries import ListQuery
from editor_app.core.articles import ArticleService
from editor_app.core.db import _alembic_config, open_database

PEOPLE = (BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines"),
          BylineData("अजय कुमार", "Ajay Kumar", "फ़ोटो पत्रकार", "The Printlines"))


def story(n: int) -> ArticleData:
    return ArticleData(
        headline=f"ज़िले में बाढ़ की तैयारी, रिपोर्ट {n}",
        dek=f"प्रशासन ने {n} नालों की सफ़ाई शुरू की",
        body=f"पहला अनुच्छेद {n}।\n\nदूसरा अनुच्छेद, अस्पताल और स्कूल {n}।\n",
        category="शहर", dateline_place="पटना", dateline_date=date(2026, 7, 1 + n % 28),
        tags=("बाढ़", "पटना", f"वार्ड {n % 7}"), bylines=PEOPLE[: 1 + n % 2])


@pytest.fixture
def service(db) -> ArticleService:
    return ArticleService(db, "सीमा")


@contextmanager
def statements(db) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)


@pytest.fixture
def reindexed(monkeypatch) -> list[set[int]]:
    """Every call of the flush hook's re-index, as the set of article ids it re-indexed."""
    calls: list[set[int]] = []
    real = search_index.reindex_articles

    def spy(conn, article_ids):
        ids = set(article_ids)
        calls.append(ids)
        return real(conn, ids)

    monkeypatch.setattr(search_index, "reindex_articles", spy)
    return calls


def test_a_save_reindexes_exactly_the_saved_article(service, reindexed):
    ids = service.create_many(story(n) for n in range(60))
    record = service.get(ids[10])
    reindexed.clear()
    service.save(record.id, replace(record.data, body="नया पाठ।\n"), record.version)
    assert reindexed == [{record.id}]
    # a byline with a new designation for a person in 30 other stories: still one article
    record = service.get(ids[10])
    changed = (replace(PEOPLE[0], designation="वरिष्ठ संवाददाता"),)
    reindexed.clear()
    service.save(record.id, replace(record.data, bylines=changed), record.version)
    assert reindexed == [{record.id}]


def test_renaming_a_persons_latin_name_reindexes_their_articles(service, reindexed):
    ids = service.create_many(story(n) for n in range(6))
    record = service.get(ids[0])
    renamed = (replace(PEOPLE[0], name_latin="Seema Yadav Singh"),)
    reindexed.clear()
    service.save(record.id, replace(record.data, bylines=renamed), record.version)
    assert reindexed == [set(ids)]  # her name is in every story's index row
    assert service.search("singh")


def test_an_unchanged_save_writes_no_link_rows(service, db):
    record = service.create(story(1))
    with statements(db) as seen:
        service.save(record.id, replace(record.data, body="बदला हुआ पाठ।\n"), record.version)
    writes = [s for s in seen if s.lstrip().upper().startswith(("INSERT", "DELETE", "UPDATE"))]
    touched = {s.split()[2].strip('"') if s.upper().startswith(("INSERT", "DELETE")) else
               s.split()[1].strip('"') for s in writes}
    assert "bylines" not in touched and "article_tags" not in touched and "people" not in touched
    assert "articles" in touched and "revisions" in touched


def count_writes(db, service, n: int) -> tuple[int, int]:
    with statements(db) as seen:
        ids = service.create_many((story(i) for i in range(n)), chunk_size=250)
    assert len(ids) == n and len(set(ids)) == n
    rows = 0
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(sa.func.count()).select_from(
            search_index.search_documents).where(
            search_index.search_documents.c.article_id.in_(ids))).scalar_one()
    return len(seen), rows


def test_bulk_create_is_linear_in_statements_and_index_rows(service, db, reindexed):
    first_statements, first_rows = count_writes(db, service, 1000)
    second_statements, second_rows = count_writes(db, service, 2000)
    assert first_rows == 1000 and second_rows == 2000  # one index row per article
    # the same statements per chunk, whatever is already stored: exactly twice the work
    assert second_statements <= 2 * first_statements + 5
    # one row-insert per article, byline and revision (+ audit); lookups and the index are
    # per chunk: no per-article SELECT, so a constant small number of statements each
    assert first_statements / 1000 <= 5.0
    assert max(len(ids) for ids in reindexed) <= 250  # indexed per chunk, never re-scanned
    assert sum(len(ids) for ids in reindexed) == 3000  # each new article indexed once


def test_create_many_gives_revisions_bylines_tags_and_audit(service, db):
    ids = service.create_many(story(n) for n in range(5))
    record = service.get(ids[3])
    assert record.data.bylines == PEOPLE[:2] and "वार्ड 3" in record.data.tags
    assert [r.note for r in service.revisions(ids[3])] == ["imported"]
    with db.engine.connect() as conn:
        audits = conn.execute(sa.text(
            "SELECT count(*) FROM audit_events WHERE action = 'article.create'")).scalar_one()
        people = conn.execute(sa.text("SELECT count(*) FROM people")).scalar_one()
    assert audits == 5 and people == 2


def test_list_pages_never_read_bodies(service, db):
    service.create_many(story(n) for n in range(30))
    with statements(db) as seen:
        page = service.list_page(ListQuery(), offset=0, limit=10)
        service.count_articles(ListQuery(tag="बाढ़", text="रिपोर्ट"))
        service.list_page(ListQuery(status="draft", tag="पटना", sort="byline",
                                    descending=False), offset=10, limit=10)
        service.summary(page[0].id)
    assert len(page) == 10
    joined = "\n".join(seen).lower()
    assert "body" not in joined and "dek" not in joined and "revisions" not in joined


def test_list_sorts_filters_and_pages_in_the_database(service):
    ids = service.create_many(story(n) for n in range(12))
    service.trash(ids[0])
    newest_first = service.list_page(ListQuery(), limit=None)
    assert [r.id for r in newest_first] == sorted(ids[1:], reverse=True)
    pages = [r.id for off in (0, 4, 8) for r in service.list_page(ListQuery(), offset=off,
                                                                  limit=4)]
    assert pages == [r.id for r in newest_first]  # pages neither overlap nor skip
    by_headline = service.list_page(ListQuery(sort="headline", descending=False), limit=None)
    assert [r.headline for r in by_headline] == sorted(r.headline for r in newest_first)
    ward = service.list_page(ListQuery(tag="वार्ड 3"), limit=None)
    assert {r.id for r in ward} == {ids[3], ids[10]}
    assert service.count_articles(ListQuery(tag="वार्ड 3")) == 2
    assert [r.id for r in service.list_page(ListQuery(trashed=True))] == [ids[0]]
    # headline filter: nukta- and case-insensitive, on the folded keys
    assert {r.id for r in service.list_page(ListQuery(text="रिपोर्ट 1"), limit=None)} == {
        ids[1], ids[10], ids[11]}
    assert len(service.list_page(ListQuery(text="जिले"), limit=None)) == 11
    assert service.list_page(ListQuery(text="नालों")) == []  # the dek is not the headline
    assert newest_first[0].byline == "सीमा यादव, संवाददाता, The Printlines; " \
        "अजय कुमार, फ़ोटो पत्रकार, The Printlines"


def test_search_filters_and_pages_in_the_database(service):
    ids = service.create_many(story(n) for n in range(9))
    service.trash(ids[1])
    everything = [row.id for row, _hit in service.search("अस्पताल", limit=50)]
    assert set(everything) == set(ids) - {ids[1]}
    paged = [row.id for off in (0, 3, 6) for row, _hit in
             service.search("अस्पताल", limit=3, offset=off)]
    assert paged == everything
    assert [r.id for r, _h in service.search("अस्पताल", trashed=True)] == [ids[1]]
    assert {r.id for r, _h in service.search("अस्पताल", tag="वार्ड 2")} == {ids[2]}
    assert service.search("अस्पताल", status="approved") == []


def test_upgrade_from_0002_fills_the_byline_column(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    database = open_database(url)
    record = ArticleService(database, "x").create(story(1))
    cfg = _alembic_config(url)
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002_search_index")
    database.close()
    upgraded = open_database(url)
    try:
        row = ArticleService(upgraded, "x").summary(record.id)
        assert row.byline == "सीमा यादव, संवाददाता, The Printlines; " \
            "अजय कुमार, फ़ोटो पत्रकार, The Printlines"
    finally:
        upgraded.close()


def test_very_common_queries_come_in_tiers_headline_first_newest_first(service, monkeypatch):
    """On both database backends (FTS5 on SQLite, tsvector on PostgreSQL)."""
    from editor_app.core import search_postgres, search_sqlite

    ids = service.create_many(story(n) for n in range(10))
    in_headline = service.create(ArticleData(headline="अस्पताल में नई मशीन",
                                             body="मशीन आई।\n"))
    older_headline = ids[2]
    record = service.get(older_headline)
    service.save(older_headline, replace(record.data, headline="अस्पताल का नया भवन"),
                 record.version)
    ranked = [r.id for r, _h in service.search("अस्पताल", limit=50)]
    monkeypatch.setattr(search_sqlite, "RANK_ALL_LIMIT", 3)
    monkeypatch.setattr(search_postgres, "RANK_ALL_LIMIT", 3)
    tiered = [r.id for r, _h in service.search("अस्पताल", limit=50)]
    assert set(tiered) == set(ranked)
    assert tiered[:2] == [in_headline.id, older_headline]  # headline tier, newest first
    assert tiered[2:] == sorted(set(ids) - {older_headline}, reverse=True)
    paged = [r.id for off in range(0, 12, 5) for r, _h in
             service.search("अस्पताल", limit=5, offset=off)]
    assert paged == tiered
    service.trash(ids[9])
    assert ids[9] not in {r.id for r, _h in service.search("अस्पताल", limit=50)}
    assert {r.id for r, _h in service.search("अस्पताल", tag="वार्ड 3")} == {ids[3]}


def test_snippets_only_when_asked_and_from_the_matching_paragraph(service):
    paragraphs = [f"पहला हिस्सा {n}, इसमें कुछ नहीं।" for n in range(30)]
    paragraphs[17] = "बीच में ज़रूरी बात: नगर निगम ने बजट पास किया।"
    record = service.create(ArticleData(headline="बजट", body="\n\n".join(paragraphs)))
    ((_row, hit),) = service.search("जरूरी", snippets=False)
    assert hit.snippet == "" and hit.spans("snippet") == []
    snippet, highlights = service.snippets("जरूरी", [record.id])[record.id]
    assert snippet.startswith("…बीच में ज़रूरी") and snippet.endswith("…")
    (start, end), = [(h.start, h.end) for h in highlights]
    assert snippet[start:end] == "ज़रूरी"
    ((_row, full),) = service.search("जरूरी")
    assert full.snippet == snippet


DEVANAGARI_NEWS = "कखगज़ड़फ़िीुूेैोौंँःॅ़् ।,.'’\u200c\u200d0123४५abcßÉé-"


@settings(max_examples=300)
@given(st.text(alphabet=DEVANAGARI_NEWS, max_size=80))
def test_index_keys_are_the_keys_of_terms(text):
    from editor_app.core.search_text import index_key_text, terms

    assert index_key_text(text) == " ".join(t.key for t in terms(text))

"""Search parity: ONE query set with expectations written once, over one fixture corpus of
invented Hindi news stories (tests/data/search/parity_corpus.json), run on whichever
database the suite runs on (FTS5 on SQLite, tsvector on PostgreSQL).

Each expectation is a list of *rank groups*: every story of a group must outrank every story
of the later groups (used only where the ranks are clearly separated, such as a headline hit
over a body-only hit); inside a group the order is free. The hit set must be exactly the
union of the groups.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.search import SearchHit, search, snippets_for
from editor_app.core.search_postgres import tsvector_available
from editor_app.core.search_sqlite import fts_available
from editor_app.core.text.normalize import fold
from tests.conftest import DatabaseFactory

CORPUS = Path(__file__).resolve().parent.parent / "data" / "search" / "parity_corpus.json"

SEEMA = ["dengue_lucknow", "road_sinks", "teacher_exam", "kumbh_trains", "rain_alert",
         "pm_visit"]
RAJESH = ["road_opened", "wheat_queues", "farmers_dharna", "sp_inspection", "power_village",
          "market_nagar"]
AMIT = ["hospital_beds_patna", "cyber_fraud", "election_alliance", "flood_patna", "ranji_win"]

#: query -> rank groups. Whole words unless the query ends in ``*`` (see AS_YOU_TYPE).
EXPECTED: dict[str, list[list[str]]] = {
    # one Hindi word, headline over body
    "डेंगू": [["dengue_lucknow"], ["hospital_beds_patna"]],
    "परीक्षा": [["teacher_exam"], ["school_exam_result"]],
    "टीकाकरण": [["vaccination"]],
    "मौसम": [["rain_alert"], ["flood_patna"]],
    "विभाग": [["rain_alert", "power_village"], ["dengue_lucknow", "road_sinks", "flood_patna"]],
    "पटना": [["hospital_beds_patna", "flood_patna"]],  # the trashed story is left out
    "अस्पताल": [["hospital_beds_patna"]],  # whole word: not अस्पतालों
    # nukta and nasal variants find each other both ways
    "सड़क": [["road_sinks", "road_opened"]],
    "सडक": [["road_sinks", "road_opened"]],
    "गेहूं": [["wheat_queues"], ["farmers_dharna"]],
    "गेहूँ": [["wheat_queues"], ["farmers_dharna"]],
    "महंगाई": [["inflation_kitchen"], ["fuel_prices"]],
    "महँगी": [["inflation_kitchen", "fuel_prices"]],
    "ज़िला प्रशासन": [["vaccination"]],
    "फर्जी कॉल सेंटर": [["cyber_fraud"]],
    "120 मरीज": [["dengue_lucknow"]],
    # two and three words (AND), phrases
    "नगर निगम": [["dengue_lucknow"], ["flood_patna", "market_nagar"]],
    '"नगर निगम"': [["dengue_lucknow"], ["flood_patna"]],
    "पुलिस अधीक्षक": [["sp_inspection"]],
    "साइबर ठगी": [["cyber_fraud"]],
    "शिक्षक भर्ती परीक्षा": [["teacher_exam"]],
    "विधानसभा चुनाव गठबंधन": [["election_alliance"]],
    "पटना बाढ़": [["flood_patna"]],
    "कुंभ मेला": [["kumbh_trains"]],
    "किसान संघ": [["farmers_dharna"]],
    "मोदी प्रधानमंत्री": [["pm_visit"]],
    '"प्रधानमंत्री मोदी"': [["pm_visit"]],
    '"मोदी प्रधानमंत्री"': [],  # a phrase keeps its order
    "फॉगिंग स्वास्थ्य": [["dengue_lucknow"]],  # headline's last word, dek's first
    '"फॉगिंग स्वास्थ्य"': [],  # a phrase never spans two fields
    "बिजली -विभाग": [["power_village"]],  # operators are plain text
    # English words, numbers
    "GST": [["gst_council"]],
    "gst परिषद": [["gst_council"]],
    "goods services tax": [["gst_council"]],
    "Ranji Trophy": [["ranji_win"]],
    "रणजी ट्रॉफी": [["ranji_win"]],
    "2025": [["metro_kanpur"]],  # २०२५ in the headline, 2025 in the body
    "१२००": [["metro_kanpur"]],  # 1,200 in the dek
    "120": [["dengue_lucknow"]],
    # names (bylines)
    "सीमा यादव": [SEEMA],
    "Rajesh Kumar": [RAJESH],
    "अमित सिन्हा": [AMIT],
    # prefixes
    "अस्पताल*": [["hospital_beds_patna"], ["dengue_lucknow"]],
    "विद्यालय*": [["school_exam_result"]],
    # no hits
    "भूकंप": [],
    "earthquake": [],
    "सारस": [],  # only in a trashed story
    "कुम्भ मेला": [],  # a spelled-out nasal is another word (not folded)
    "डेंगू भूकंप": [],
}
#: Queries typed without a trailing space: the last word is a prefix (as in the list's box).
AS_YOU_TYPE: dict[str, list[list[str]]] = {
    "मेट्र": [["metro_kanpur"]],
    "कुंभ मे": [["kumbh_trains"]],
    "GS": [["gst_council"]],
}


def _story(item: dict[str, object]) -> ArticleData:
    bylines = tuple(BylineData(hi, latin, "संवाददाता", "Sampadak Test Desk")
                    for hi, latin in item["bylines"])  # type: ignore[attr-defined]
    return ArticleData(headline=str(item["headline"]), dek=str(item["dek"]),
                       body=str(item["body"]), tags=tuple(item["tags"]),  # type: ignore[arg-type]
                       bylines=bylines)


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory, database_factory: DatabaseFactory,
           ) -> Iterator[tuple[Database, dict[str, int]]]:
    """The parity corpus in one database (read-only tests); story key -> article id."""
    url = database_factory.new_url(tmp_path_factory.mktemp("parity"))
    database = open_database(url)
    try:
        stories = json.loads(CORPUS.read_text(encoding="utf-8"))["stories"]
        service = ArticleService(database, "सीमा")
        ids: dict[str, int] = {}
        for item in stories:
            ids[item["key"]] = service.create(_story(item)).id
            if item.get("trashed"):
                service.trash(ids[item["key"]])
        yield database, ids
    finally:
        database.close()
        database_factory.drop(url)


def _search(db: Database, query: str, **kwargs: object) -> list[SearchHit]:
    with db.session() as session:
        return search(session, query, **kwargs)  # type: ignore[arg-type]


def _check(ids: dict[str, int], hits: list[SearchHit], groups: list[list[str]],
           query: str) -> None:
    names = {article_id: key for key, article_id in ids.items()}
    found = [names[hit.article_id] for hit in hits]
    assert sorted(found) == sorted(key for group in groups for key in group), query
    position = 0
    for group in groups:
        assert set(found[position:position + len(group)]) == set(group), (query, found)
        position += len(group)


def test_the_backend_under_test_is_the_full_text_one(parity: tuple[Database, dict[str, int]],
                                                     database_factory: DatabaseFactory,
                                                     ) -> None:
    db, _ = parity
    with db.engine.connect() as conn:
        if database_factory.backend == "sqlite":
            assert fts_available(conn)
        else:
            assert tsvector_available(conn)


@pytest.mark.parametrize("query", list(EXPECTED))
def test_whole_word_queries(parity: tuple[Database, dict[str, int]], query: str) -> None:
    db, ids = parity
    hits = _search(db, query, prefix_last=False, limit=100)
    _check(ids, hits, EXPECTED[query], query)


@pytest.mark.parametrize("query", list(AS_YOU_TYPE))
def test_as_you_type_queries(parity: tuple[Database, dict[str, int]], query: str) -> None:
    db, ids = parity
    _check(ids, _search(db, query, limit=100), AS_YOU_TYPE[query], query)


def test_paging_continues_the_same_order(parity: tuple[Database, dict[str, int]]) -> None:
    db, _ = parity
    whole = [hit.article_id for hit in _search(db, "विभाग", prefix_last=False)]
    pages = [hit.article_id for offset in range(0, len(whole), 2)
             for hit in _search(db, "विभाग", prefix_last=False, limit=2, offset=offset)]
    assert pages == whole and len(whole) == 5


def test_snippets_only_for_rows_shown_and_they_mark_query_words(
        parity: tuple[Database, dict[str, int]]) -> None:
    db, ids = parity
    ranked = _search(db, "नगर निगम", prefix_last=False, snippets=False)
    assert [hit.snippet for hit in ranked] == ["", "", ""]
    shown = [hit.article_id for hit in ranked[:2]]
    with db.session() as session:
        found = snippets_for(session, "नगर निगम", shown, prefix_last=False)
    assert set(found) == set(shown)
    for snippet, highlights in found.values():
        marked = {fold(snippet[h.start:h.end]) for h in highlights}
        assert marked == {"नगर निगम"} or marked <= {"नगर", "निगम"}, marked
        assert marked
    full = _search(db, "फर्जी", prefix_last=False)
    assert [hit.article_id for hit in full] == [ids["cyber_fraud"]]
    (start, end), = full[0].spans("snippet")
    assert full[0].snippet[start:end] == "फ़र्ज़ी"  # the original spelling, nukta and all

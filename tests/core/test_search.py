"""Full-text search: Hindi tokens, folding, phrases, ranking, trash, sync, hostile input."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from datetime import datetime

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from editor_app.core.db import Database, _alembic_config, open_database
from editor_app.core.errors import ValidationError
from editor_app.core.models import Article, Byline, Person, Tag
from editor_app.core.search import (
    SearchHit,
    install_search_sync,
    rebuild_index,
    search,
    search_for_cli,
)
from editor_app.core.search_sqlite import fts_available, fts_integrity_check, match_expression
from editor_app.core.search_text import index_key_text, parse_query, terms
from editor_app.core.text.normalize import fold
from tests.conftest import DatabaseFactory

FTS5_ONLY = pytest.mark.sqlite_only(reason="FTS5 exists only on SQLite")
TSVECTOR_ONLY = pytest.mark.postgres_only(reason="tsvector search exists only on PostgreSQL")
BACKENDS = [pytest.param("fts5", marks=FTS5_ONLY), pytest.param("tsvector", marks=TSVECTOR_ONLY),
            "portable"]

PLACES = ["भोपाल", "इंदौर", "जयपुर", "लखनऊ", "पटना", "रांची", "देहरादून", "शिमला", "कानपुर"]
SUBJECTS = ["जिला प्रशासन", "नगर निगम", "पुलिस अधीक्षक", "किसान संगठन", "शिक्षा विभाग",
            "स्वास्थ्य विभाग", "व्यापारी संघ", "छात्र संघ"]
OBJECTS = ["सड़क निर्माण", "पेयजल आपूर्ति", "बिजली कटौती", "फसल बीमा", "परीक्षा परिणाम",
           "अस्पताल की व्यवस्था", "यातायात", "बाजार की रौनक", "गेहूं की खरीद"]
SENTENCES = [
    "{place} में {subject} ने {object} को लेकर बैठक की।",
    "{subject} ने कहा कि {object} पर जल्द फैसला होगा।",
    "{place} के {subject} {object} की जांच कर रहे हैं।",
    "पिछले सप्ताह {place} में {object} के कारण लोगों को परेशानी हुई।",
    "{subject} के अनुसार {object} के लिए {amount} करोड़ रुपये का बजट रखा गया है।",
    "स्थानीय लोगों ने {object} की शिकायत {subject} से की थी।",
]
HEADLINES = ["{place}: {object} पर {subject} सख्त", "{object} को लेकर {place} में बैठक",
             "{subject} ने {object} की समीक्षा की"]
# Words that only the probe articles contain (checked by the corpus fixture).
PROBES = ["जरूर", "हंसते", "प्रधानमंत्री", "मोदी", "गुलमोहर", "कचनार", "तेंदुआ", "सारस",
          "विद्या", "सुनीता", "sunita", "पर्यावरण"]
HOSTILE = ['"', '""', '"""', "*", "**", "-", "--", "-मोदी", "NEAR", "NEAR(a b)", "(", ")",
           "((", "AND", "OR", "NOT", "a OR", "^", ":", "headline:मोदी", "{headline}: x",
           "मोदी*", "*मोदी", "'", "\\", "%", "_", "%_%", "'; DROP TABLE articles; --",
           "\u200d", "\u093c", "ँ", "।", "😀", "\x00", "a\x00b", "\ufeff", " ", "\n\t",
           '"प्रधानमंत्री', 'मोदी"', "“प्रधानमंत्री मोदी”", "a" * 300, "क" * 900]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(place=rng.choice(PLACES), subject=rng.choice(SUBJECTS),
                           object=rng.choice(OBJECTS), amount=rng.randint(2, 90))


def _random_article(rng: random.Random) -> Article:
    body = "\n\n".join(
        " ".join(_fill(rng, rng.choice(SENTENCES)) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(2, 5))
    )
    return Article(headline=_fill(rng, rng.choice(HEADLINES)),
                   dek=_fill(rng, rng.choice(SENTENCES)), body=body)


def _add_corpus(session: Session, count: int, seed: int = 20240601) -> None:
    rng = random.Random(seed)
    session.add_all(_random_article(rng) for _ in range(count))


def _probes(session: Session) -> dict[str, int]:
    """The articles the assertions are about; returns name -> id."""
    filler = "सरकारी योजनाओं का लाभ गांव के लोगों तक पहुंचाने के लिए शिविर लगाए गए।"
    person = Person(name_hi="सुनीता शर्मा", name_latin="Sunita Sharma")
    specs = {
        "nukta": Article(headline="बैठक हुई", body=f"{filler} अधिकारियों ने \u095bरूर आने को कहा।"),
        "plain": Article(headline="बैठक हुई", body=f"उन्होंने कहा कि वे जरूर आएंगे। {filler}"),
        "chandra": Article(headline="मेला", dek="बच्चे हँसते हुए घर लौटे।", body=filler),
        "anusvara": Article(headline="मेला", body=f"{filler} सब हंसते रहे।"),
        "phrase": Article(headline="दौरा", body=f"{filler} प्रधानमंत्री मोदी ने कहा।"),
        "reversed": Article(headline="दौरा", body=f"मोदी और प्रधानमंत्री कार्यालय। {filler}"),
        "apart": Article(headline="दौरा", body=f"प्रधानमंत्री श्री मोदी पहुंचे। {filler}"),
        "both": Article(headline="बगीचा", body=f"गुलमोहर और कचनार खिले। {filler}"),
        "one": Article(headline="बगीचा", body=f"गुलमोहर खिला। {filler}"),
        "in_headline": Article(headline="गांव में तेंदुआ दिखा", body=filler * 3),
        "in_body": Article(headline="वन विभाग", body=f"{filler} जंगल में तेंदुआ दिखा। {filler}"),
        "trashed": Article(headline="सारस लौटे", body=filler, trashed=True),
        "vidyalayon": Article(headline="स्कूल", body=f"विद्यालयों में छुट्टी। {filler}"),
        "vidya": Article(headline="ज्ञान", body=f"विद्या ही धन है। {filler}"),
        "byline": Article(headline="खबर", body=filler, bylines=[Byline(person=person)],
                          tags=[Tag(name="पर्यावरण", slug="paryavaran")]),
    }
    session.add_all(specs.values())
    session.flush()
    return {name: article.id for name, article in specs.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, database_factory: DatabaseFactory,
           ) -> Iterator[tuple[Database, dict[str, int]]]:
    """300 generated articles plus the probe articles, in one database for read-only tests."""
    url = database_factory.new_url(tmp_path_factory.mktemp("search"))
    database = open_database(url)
    try:
        with database.session() as session:
            _add_corpus(session, 300)
            ids = _probes(session)
        with database.session() as session:
            texts = session.execute(sa.select(Article.headline, Article.dek, Article.body)
                                    .where(Article.id.not_in(ids.values()))).all()
        keys = {term.key for row in texts for text in row for term in terms(text)}
        clash = [(p, k) for p in PROBES for k in keys if k.startswith(fold(p))]
        assert not clash, clash
        yield database, ids
    finally:
        database.close()
        database_factory.drop(url)


def _ids(hits: list[SearchHit]) -> set[int]:
    return {hit.article_id for hit in hits}


def _find(db: Database, query: str, backend: str = "auto", **kwargs: object) -> list[SearchHit]:
    with db.session() as session:
        return search(session, query, backend=backend, **kwargs)  # type: ignore[arg-type]


# --- the tokenizer question -------------------------------------------------------------------

@FTS5_ONLY
def test_unicode61_splits_hindi_words_so_we_do_not_use_it() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    conn.execute("INSERT INTO t VALUES ('विद्यालयों')")
    assert "विद्यालयों" not in {row[0] for row in conn.execute("SELECT term FROM v")}


@FTS5_ONLY
def test_index_keeps_hindi_words_whole(corpus: tuple[Database, dict[str, int]]) -> None:
    db, _ = corpus
    with db.engine.connect() as conn:
        conn.execute(sa.text(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, 'row')"))
        vocab = {row[0] for row in conn.execute(sa.text("SELECT term FROM temp.vocab"))}
    assert {"विद्यालयों", "विद्या", "प्रधानमंत्री", "हंसते", "जरूर"} <= vocab
    assert not {"लय", "द", "ज़रूर", "हँसते"} & vocab  # no fragments, no unfolded forms


def test_terms_fold_and_keep_original_spans() -> None:
    text = "क्\u200dष ज़रूर हँसी don't २०२४ 1,200"
    found = terms(text)
    assert [t.key for t in found] == ["क्ष", "जरूर", "हंसी", "dont", "2024", "1200"]
    assert [text[t.start:t.end] for t in found][:3] == ["क्‍ष", "ज़रूर", "हँसी"]


# --- matching semantics (both backends) --------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("query", ["जरूर", "ज़रूर", "\u095bरूर"])
def test_nukta_insensitive_both_ways(corpus: tuple[Database, dict[str, int]], backend: str,
                                     query: str) -> None:
    db, ids = corpus
    hits = _find(db, query + " ", backend)
    assert _ids(hits) == {ids["nukta"], ids["plain"]}
    for hit in hits:
        ((start, end),) = hit.spans("snippet")
        assert hit.snippet[start:end] in {"ज़रूर", "जरूर"}
    nukta_hit = next(h for h in hits if h.article_id == ids["nukta"])
    ((start, end),) = nukta_hit.spans("snippet")
    assert nukta_hit.snippet[start:end] == "ज़रूर"  # the original spelling is what is marked


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("query", ["हंसते", "हँसते"])
def test_nasal_insensitive(corpus: tuple[Database, dict[str, int]], backend: str,
                           query: str) -> None:
    db, ids = corpus
    hits = _find(db, query, backend)
    assert _ids(hits) == {ids["chandra"], ids["anusvara"]}
    dek_hit = next(h for h in hits if h.article_id == ids["chandra"])
    assert dek_hit.snippet == "बच्चे हँसते हुए घर लौटे।"  # only the dek matched: dek snippet
    assert dek_hit.spans("snippet") == [(6, 11)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_phrase_matches_adjacent_words_in_order(corpus: tuple[Database, dict[str, int]],
                                                backend: str) -> None:
    db, ids = corpus
    assert _ids(_find(db, '"प्रधानमंत्री मोदी"', backend)) == {ids["phrase"]}
    assert _ids(_find(db, "“प्रधानमंत्री मोदी”", backend)) == {ids["phrase"]}
    all_three = {ids["phrase"], ids["reversed"], ids["apart"]}
    assert _ids(_find(db, "प्रधानमंत्री मोदी", backend)) == all_three
    (hit,) = _find(db, '"प्रधानमंत्री मोदी"', backend)
    ((start, end),) = hit.spans("snippet")
    assert hit.snippet[start:end] == "प्रधानमंत्री मोदी"


@pytest.mark.parametrize("backend", BACKENDS)
def test_all_words_must_match(corpus: tuple[Database, dict[str, int]], backend: str) -> None:
    db, ids = corpus
    assert _ids(_find(db, "गुलमोहर ", backend)) == {ids["both"], ids["one"]}
    assert _ids(_find(db, "गुलमोहर कचनार", backend)) == {ids["both"]}
    assert _ids(_find(db, "कचनार गुलमोहर", backend)) == {ids["both"]}
    assert _find(db, "गुलमोहर सारस", backend, include_trashed=True) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_prefix_versus_whole_word(corpus: tuple[Database, dict[str, int]], backend: str) -> None:
    db, ids = corpus
    both = {ids["vidya"], ids["vidyalayon"]}
    assert _ids(_find(db, "विद्या", backend)) == both  # still typing: prefix
    assert _ids(_find(db, "विद्या*", backend)) == both
    assert _ids(_find(db, "विद्या ", backend)) == {ids["vidya"]}  # trailing space: whole word
    assert _ids(_find(db, '"विद्या"', backend)) == {ids["vidya"]}
    assert _ids(_find(db, "विद्या", backend, prefix_last=False)) == {ids["vidya"]}
    assert _ids(_find(db, "विद्यालय ", backend)) == set()
    (hit,) = _find(db, "विद्यालयों", backend)
    assert hit.spans("snippet") == [(0, len("विद्यालयों"))]


@pytest.mark.parametrize("backend", BACKENDS)
def test_headline_hit_ranks_above_body_hit(corpus: tuple[Database, dict[str, int]],
                                           backend: str) -> None:
    db, ids = corpus
    hits = _find(db, "तेंदुआ", backend)
    assert [h.article_id for h in hits] == [ids["in_headline"], ids["in_body"]]
    assert hits[0].score > hits[1].score
    start = hits[0].headline.index("तेंदुआ")
    assert hits[0].spans("headline") == [(start, start + len("तेंदुआ"))]


@pytest.mark.parametrize("backend", BACKENDS)
def test_tags_and_bylines_are_searched(corpus: tuple[Database, dict[str, int]],
                                       backend: str) -> None:
    db, ids = corpus
    for query in ("सुनीता", "Sunita sharma", "पर्यावरण", "paryavaran"):
        assert _ids(_find(db, query, backend)) == {ids["byline"]}, query


@pytest.mark.parametrize("backend", BACKENDS)
def test_trashed_never_appear(corpus: tuple[Database, dict[str, int]], backend: str) -> None:
    db, ids = corpus
    assert _find(db, "सारस", backend) == []
    assert _ids(_find(db, "सारस", backend, include_trashed=True)) == {ids["trashed"]}


@pytest.mark.parametrize("backend", BACKENDS)
def test_hostile_queries_never_raise(corpus: tuple[Database, dict[str, int]],
                                     backend: str) -> None:
    db, ids = corpus
    for query in HOSTILE:
        hits = _find(db, query, backend)
        assert isinstance(hits, list), query
    assert _ids(_find(db, "-मोदी", backend)) == _ids(_find(db, "मोदी", backend))
    assert _ids(_find(db, "((मोदी) AND", backend)) == set()  # "and" is a word no article has
    assert _ids(_find(db, 'मोदी" प्रधानमंत्री', backend)) == {ids["phrase"], ids["reversed"],
                                                            ids["apart"]}


def test_over_long_query_is_a_validation_error(corpus: tuple[Database, dict[str, int]]) -> None:
    db, _ = corpus
    with pytest.raises(ValidationError):
        _find(db, "क " * 600)
    with pytest.raises(ValidationError):
        _find(db, " ".join(f"शब्द{i}" for i in range(40)))


def test_match_expression_is_only_quoted_strings() -> None:
    plan = parse_query('NEAR(a "b c") d* -e')
    assert match_expression(plan) == '"near" AND "a" AND "b c" AND "d"* AND "e"*'


@FTS5_ONLY
def test_backends_agree_on_generated_corpus(corpus: tuple[Database, dict[str, int]]) -> None:
    db, _ = corpus
    queries = ["भोपाल", "नगर निगम", '"नगर निगम"', "बजट करोड़", "परीक्षा", "गेहूं खरीद",
               '"की खरीद"', "पट", "शिकायत पुलिस"]
    for query in queries:
        fts = _find(db, query, "fts5", limit=1000)
        portable = _find(db, query, "portable", limit=1000)
        assert _ids(fts) == _ids(portable), query
        assert fts, query


def test_every_highlight_marks_a_query_word(corpus: tuple[Database, dict[str, int]]) -> None:
    db, _ = corpus
    for hit in _find(db, "बजट लोगों", limit=200):
        assert hit.snippet and hit.spans("snippet")
        for start, end in hit.spans("snippet"):
            assert fold(hit.snippet[start:end]) in {"बजट", "लोगों"}


def test_limit_and_cli_rows(corpus: tuple[Database, dict[str, int]]) -> None:
    db, ids = corpus
    assert len(_find(db, "भोपाल", limit=7)) == 7
    rows = search_for_cli(db, "तेंदुआ")
    assert [row["id"] for row in rows] == [ids["in_headline"], ids["in_body"]]
    assert set(rows[0]) == {"id", "uuid", "headline", "score", "snippet"}
    assert len(rows[0]["uuid"]) == 36
    json.dumps(rows, ensure_ascii=False)


# --- keeping the index in sync ---------------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
def test_index_follows_edit_trash_restore_delete(db: Database, backend: str) -> None:
    with db.session() as session:
        article = Article(headline="नदी में बाढ़", body="पानी बढ़ा।")
        session.add(article)
        session.flush()
        article_id = article.id
    assert _ids(_find(db, "बाढ", backend)) == {article_id}
    with db.session() as session:
        article = session.get_one(Article, article_id)
        article.headline = "नदी का जलस्तर"
    assert _find(db, "बाढ", backend) == []
    assert _ids(_find(db, "जलस्तर", backend)) == {article_id}
    with db.session() as session:
        session.get_one(Article, article_id).trashed = True
    assert _find(db, "जलस्तर", backend) == []
    with db.session() as session:
        session.get_one(Article, article_id).trashed = False
    assert _ids(_find(db, "जलस्तर", backend)) == {article_id}
    with db.session() as session:
        session.delete(session.get_one(Article, article_id))
    assert _find(db, "जलस्तर", backend, include_trashed=True) == []
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM search_documents")).scalar() == 0
        assert not fts_available(conn) or fts_integrity_check(conn)


def test_index_follows_tags_bylines_and_renames(db: Database) -> None:
    with db.session() as session:
        person = Person(name_hi="अमित", name_latin="Amit")
        tag = Tag(name="खेल", slug="khel")
        article = Article(headline="मैच", body="भारत जीता।")
        session.add(article)
        session.flush()
        article.tags.append(tag)
        article.bylines.append(Byline(person=person))
        session.flush()
        article_id, person_id, tag_id = article.id, person.id, tag.id
    assert _ids(_find(db, "खेल अमित")) == {article_id}
    with db.session() as session:
        session.get_one(Person, person_id).name_hi = "अमिताभ"
        session.get_one(Tag, tag_id).name = "क्रिकेट"
    assert _find(db, "अमित ") == [] and _find(db, "खेल ") == []
    assert _ids(_find(db, "अमिताभ क्रिकेट")) == {article_id}
    with db.session() as session:
        article = session.get_one(Article, article_id)
        article.bylines.clear()
    assert _find(db, "अमिताभ") == []
    with db.session() as session:
        session.delete(session.get_one(Tag, tag_id))
    assert _find(db, "क्रिकेट") == []
    assert _ids(_find(db, "मैच")) == {article_id}


def test_rollback_leaves_index_unchanged(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Article(headline="अफवाह"))
        session.flush()
        raise RuntimeError("abort")
    assert _find(db, "अफवाह") == []


def test_install_is_idempotent_and_rebuild_repairs(db: Database) -> None:
    install_search_sync()
    install_search_sync()
    with db.session() as session:
        _add_corpus(session, 20)
        session.add(Article(headline="हिमपात"))
    with db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM search_documents"))
    assert _find(db, "हिमपात") == []
    with db.session() as session:
        assert rebuild_index(session) == 21
    assert len(_find(db, "हिमपात")) == 1
    with db.engine.connect() as conn:
        assert not fts_available(conn) or fts_integrity_check(conn)


def test_migration_indexes_existing_articles(empty_db_url: str) -> None:
    url = empty_db_url
    command.upgrade(_alembic_config(url), "0001_initial")
    engine = sa.create_engine(url)
    when = datetime(2024, 1, 1)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO articles (uuid, headline, dek, body, slug, language, category, "
            "dateline_place, status, created_at, updated_at, version, trashed) VALUES "
            "('u-1', 'पुरानी ख़बर', '', 'पहले से मौजूद लेख।', '', 'hi', '', '', 'draft', "
            ":when, :when, 1, :trashed)"), {"when": when, "trashed": False})
    engine.dispose()
    database = open_database(url)
    try:
        assert [h.headline for h in _find(database, "खबर")] == ["पुरानी ख़बर"]
        command.downgrade(_alembic_config(url), "0001_initial")
        command.upgrade(_alembic_config(url), "head")
        assert len(_find(database, "मौजूद")) == 1
    finally:
        database.close()


# --- properties ------------------------------------------------------------------------------

_TEXT = st.text(st.one_of(
    st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
    st.sampled_from(list(" \"“”*-()'’.,:^%_\\\u200c\u200d\u200b\ufeffabXYß019\n")),
    st.characters(blacklist_categories=["Cs"]),
), max_size=60)


@FTS5_ONLY
@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fts5_ascii_tokenizer_sees_exactly_our_keys(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='ascii')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t VALUES (?)", (index_key_text(text),))
    stored = [row[0] for row in conn.execute("SELECT term FROM v ORDER BY offset")]
    assert stored == [term.key for term in terms(text)]


@FTS5_ONLY
@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_query_is_valid_fts5(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='ascii')")
    conn.execute("INSERT INTO t VALUES ('क ख ग')")
    plan = parse_query(text)
    if not plan.is_empty:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (match_expression(plan),)).fetchall()


def test_search_sees_pending_edits_of_its_own_session(db: Database) -> None:
    with db.session() as session:
        session.add(Article(headline="ओलावृष्टि से नुकसान"))
        assert len(search(session, "ओलावृष्टि")) == 1

"""ArticleService: CRUD, optimistic locking, revisions, filters, NFC storage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import MAX_BODY_CHARS, ArticleService
from editor_app.core.db import open_database
from editor_app.core.errors import ConflictError, NotFoundError, ValidationError

STORY = ArticleData(
    headline="बाढ़ से निपटने के लिए ज़िले में नई योजना",
    dek="प्रशासन ने नालों की सफ़ाई शुरू की",
    body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n",
    category="शहर",
    dateline_place="पटना",
    dateline_date=date(2026, 7, 1),
    tags=("बाढ़", "पटना"),
    bylines=(BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines"),
             BylineData("अजय कुमार", "Ajay Kumar", "फ़ोटो पत्रकार", "The Printlines")),
)


@pytest.fixture
def service(db):
    return ArticleService(db, "सीमा")


def test_create_get_roundtrip(service):
    created = service.create(STORY)
    got = service.get(created.id)
    assert got.data.headline == STORY.headline
    assert got.data.bylines == STORY.bylines
    assert set(got.data.tags) == {"बाढ़", "पटना"}
    assert got.data.dateline_date == date(2026, 7, 1)
    assert got.status == "draft" and got.version == 1 and len(got.uuid) == 36
    assert got.data.slug == "badh-se-nipatne-ke-lie-zile-men-nai-yojna"
    assert service.get_by_uuid(created.uuid).id == created.id


def test_every_save_writes_one_revision_with_parent(service):
    record = service.create(STORY)
    for n in range(3):
        record = service.save(record.id, replace(record.data, body=f"संस्करण {n}"),
                              record.version)
    revisions = service.revisions(record.id)
    assert len(revisions) == 4
    assert [r.article_version for r in revisions] == [1, 2, 3, 4]
    assert revisions[0].parent_id is None
    assert all(r.parent_id == p.id for p, r in pairwise(revisions))
    assert revisions[-1].body == "संस्करण 2\n" and revisions[-1].author == "सीमा"
    assert revisions[-1].metadata["tags"] == sorted(STORY.tags)


def test_unchanged_save_writes_nothing(service):
    record = service.create(STORY)
    again = service.save(record.id, record.data, record.version)
    assert again.version == record.version
    assert len(service.revisions(record.id)) == 1


def test_stale_save_raises_conflict_and_keeps_first_text(db_url):
    first_db, second_db = open_database(db_url), open_database(db_url)
    try:
        alice, bob = ArticleService(first_db, "alice"), ArticleService(second_db, "bob")
        created = alice.create(STORY)
        alice_copy = alice.get(created.id)
        bob_copy = bob.get(created.id)
        saved = alice.save(created.id, replace(alice_copy.data, body="ऐलिस का पाठ"),
                           alice_copy.version)
        with pytest.raises(ConflictError) as info:
            bob.save(created.id, replace(bob_copy.data, body="बॉब का पाठ"), bob_copy.version)
        assert info.value.expected == bob_copy.version
        assert info.value.actual == saved.version
        stored = alice.get(created.id)
        assert stored.data.body == "ऐलिस का पाठ\n"
        assert len(alice.revisions(created.id)) == 2
    finally:
        first_db.close()
        second_db.close()


def test_racing_writer_gets_conflict_from_the_version_guard(db_url, monkeypatch):
    """Bob loads version 1, Alice commits version 2, then Bob's UPDATE … WHERE version = 1
    matches no row: the version column (not the early check) must turn that into a conflict."""
    first_db, second_db = open_database(db_url), open_database(db_url)
    try:
        alice, bob = ArticleService(first_db, "alice"), ArticleService(second_db, "bob")
        created = alice.create(STORY)
        check = ArticleService._check_version

        def alice_saves_in_between(article, expected):
            check(article, expected)
            monkeypatch.setattr(ArticleService, "_check_version", staticmethod(check))
            alice.save(created.id, replace(created.data, body="ऐलिस पहले"), created.version)

        monkeypatch.setattr(ArticleService, "_check_version", staticmethod(alice_saves_in_between))
        with pytest.raises(ConflictError):
            bob.save(created.id, replace(created.data, body="बॉब बाद में"), created.version)
        stored = alice.get(created.id)
        assert stored.data.body == "ऐलिस पहले\n" and stored.version == created.version + 1
        assert [r.author for r in alice.revisions(created.id)] == ["alice", "alice"]
    finally:
        first_db.close()
        second_db.close()


def test_list_filters(service):
    a = service.create(STORY)
    b = service.create(ArticleData(headline="क्रिकेट: भारत जीता", tags=("खेल",)))
    service.create(ArticleData(headline="मौसम"))
    assert {r.id for r in service.list_articles(tag="खेल")} == {b.id}
    assert len(service.list_articles(status="draft")) == 3
    assert service.list_articles(status="exported") == []
    assert [r.id for r in service.list_articles(text="बाढ")] == [a.id]  # nukta-insensitive
    service.trash(b.id)
    assert b.id not in {r.id for r in service.list_articles()}
    assert [r.id for r in service.list_articles(trashed=True)] == [b.id]
    assert len(service.list_articles(trashed=None)) == 3
    row = next(r for r in service.list_articles() if r.id == a.id)
    assert row.byline.startswith("सीमा यादव, संवाददाता, The Printlines")


def test_trash_restore_duplicate(service):
    record = service.create(STORY)
    trashed = service.trash(record.id, record.version)
    assert trashed.trashed
    restored = service.restore(record.id)
    assert not restored.trashed
    copy = service.duplicate(record.id)
    assert copy.id != record.id and copy.uuid != record.uuid
    assert copy.data.body == STORY.body and copy.data.bylines == STORY.bylines


def test_trash_with_stale_version_conflicts(service):
    record = service.create(STORY)
    service.save(record.id, replace(record.data, body="नया"), record.version)
    with pytest.raises(ConflictError):
        service.trash(record.id, record.version)
    assert not service.get(record.id).trashed


def test_missing_article_and_oversize_body(service):
    with pytest.raises(NotFoundError):
        service.get(999)
    record = service.create(STORY)
    with pytest.raises(ValidationError):
        service.save(record.id, replace(record.data, body="क" * (MAX_BODY_CHARS + 1)),
                     record.version)
    assert service.get(record.id).version == record.version


def test_tags_and_people_are_shared(service):
    service.create(STORY)
    service.create(ArticleData(headline="दूसरा", tags=("पटना",),
                               bylines=(BylineData("सीमा यादव"),)))
    assert service.all_tags() == sorted(["बाढ़", "पटना"])
    people = {p.name: p for p in service.known_people()}
    assert people["सीमा यादव"].designation == "संवाददाता"


def test_edited_slug_is_kept_and_cleaned(service):
    record = service.create(replace(STORY, slug="Flood Plan 2026!"))
    assert record.data.slug == "flood-plan-2026"


def test_broken_text_is_stored_safely(service):
    record = service.create(ArticleData(headline="शीर्षक\x00", body="टूटा\ud800 पाठ"))
    stored = service.get(record.id).data
    assert stored.headline == "शीर्षक" and stored.body == "टूटा\ufffd पाठ\n"


def test_save_over_latest_retries_a_racing_writer_and_keeps_theirs_in_history(service,
                                                                              monkeypatch):
    record = service.create(STORY)
    other = ArticleService(service.db, "दूसरा")
    other.save(record.id, replace(record.data, body="उनका पाठ\n"), record.version)
    real_get = service.get
    raced: list[int] = []

    def get_and_race(article_id: int):
        latest = real_get(article_id)
        if not raced:  # the other desk saves again right after we read
            raced.append(1)
            other.save(article_id, replace(latest.data, body="उनका दूसरा पाठ\n"),
                       latest.version)
        return latest

    monkeypatch.setattr(service, "get", get_and_race)
    saved = service.save_over_latest(record.id, replace(record.data, body="मेरा पाठ\n"))
    assert saved.data.body == "मेरा पाठ\n"
    bodies = [r.body for r in service.revisions(record.id)]
    assert "उनका दूसरा पाठ\n" in bodies and bodies[-1] == "मेरा पाठ\n"
    assert service.revisions(record.id)[-1].note == "kept after a conflict"


def test_save_over_latest_gives_up_with_a_conflict_when_every_attempt_loses(service,
                                                                            monkeypatch):
    record = service.create(STORY)
    other = ArticleService(service.db, "दूसरा")
    real_get = service.get

    def always_race(article_id: int):
        latest = real_get(article_id)
        other.save(article_id, replace(latest.data, body=f"{latest.version}\n"),
                   latest.version)
        return latest

    monkeypatch.setattr(service, "get", always_race)
    with pytest.raises(ConflictError):
        service.save_over_latest(record.id, replace(record.data, body="मेरा\n"), attempts=2)

"""Field sync: push, pull, lineage, conflicts kept both ways, statuses, users by login."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import NotFoundError, ValidationError
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.sync import SyncEngine
from editor_app.core.sync.state import load_states
from editor_app.core.workflow.assignments import AssignmentService
from editor_app.core.workflow.service import WorkflowService
from tests.core.sync.helpers import (
    Field,
    bodies,
    count_articles,
    count_revisions,
    current_bodies,
)


def sync(f: Field, **kwargs: object) -> tuple[SyncEngine, object]:
    engine = SyncEngine(f.laptop, f.newsroom, f.reporter, **kwargs)  # type: ignore[arg-type]
    return engine, engine.run()


def test_submitted_stories_are_pushed_with_history_and_drafts_stay(field_dbs: Field) -> None:
    f = field_dbs
    story = f.write("बाढ़ से गांव घिरे", "पहला अनुच्छेद।")
    mine = ArticleService(f.laptop, f.reporter)
    record = mine.get(story)
    f.write("अधूरा मसौदा", "अभी नहीं भेजना।", submit=False)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.summary() == {"pushed": 1, "pulled": 0, "conflicts": 0, "unchanged": 0,
                                "failed": 0}
    there = ArticleService(f.newsroom, f.desk).get_by_uuid(record.uuid)
    assert there.data.headline == "बाढ़ से गांव घिरे"
    assert there.status == "submitted"
    assert count_articles(f.newsroom, "अधूरा मसौदा") == 0
    # the newsroom's copy belongs to the newsroom user with the reporter's login
    from sqlalchemy import select

    from editor_app.core.models import Article
    with f.newsroom.session() as session:
        owner = session.scalar(select(Article.owner_id).where(Article.uuid == record.uuid))
    assert owner == f.reporter_there.id != f.reporter.id
    # the laptop's history arrived before the newsroom's own import revision
    history = ArticleService(f.newsroom, f.desk).revisions(there.id)
    assert history[0].body.strip() == "पहला अनुच्छेद।"
    again = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert again.summary()["unchanged"] == 1 and again.summary()["pushed"] == 0


def test_desk_edits_come_back_with_the_status(field_dbs: Field) -> None:
    f = field_dbs
    story = f.write("नगर निगम का बजट", "बजट पेश हुआ।")
    uuid = ArticleService(f.laptop, f.reporter).get(story).uuid
    sync(f)
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "in_copy_edit")
    there = desk.get(there.id)
    desk.save(there.id, replace(there.data, body="बजट पेश हुआ। विपक्ष ने विरोध किया।"),
              there.version)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="स्रोत जोड़ें")
    _, report = sync(f)
    assert report.summary()["pulled"] == 1  # type: ignore[attr-defined]
    back = ArticleService(f.laptop, f.reporter).get(story)
    assert back.data.body.strip() == "बजट पेश हुआ। विपक्ष ने विरोध किया।"
    assert back.status == "returned"
    # the reporter edits and resubmits offline: the move is made in the newsroom
    mine = ArticleService(f.laptop, f.reporter)
    mine.save(story, replace(back.data, body=back.data.body + "\n\nमहापौर ने कहा।"),
              back.version)
    WorkflowService(f.laptop, f.reporter).transition(story, "submitted")
    _, report = sync(f)
    assert report.summary()["pushed"] == 1  # type: ignore[attr-defined]
    there = desk.get(there.id)
    assert there.status == "submitted"
    assert there.data.body.strip().endswith("महापौर ने कहा।")


def test_round_trip_with_a_conflict_keeps_both_texts(field_dbs: Field) -> None:
    """The bar: laptop → newsroom → laptop, both sides edit the same story in between;
    nothing is lost and a second sync changes nothing."""
    f = field_dbs
    story = f.write("पुल का उद्घाटन", "मंत्री ने पुल खोला।")
    uuid = ArticleService(f.laptop, f.reporter).get(story).uuid
    sync(f)
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="फोटो भेजें")
    sync(f)  # the laptop learns it was returned
    mine = ArticleService(f.laptop, f.reporter)
    here = mine.get(story)
    assert here.status == "returned"
    desk_text = "मंत्री ने नए पुल का उद्घाटन किया। (डेस्क)"
    field_text = "मंत्री ने पुल खोला। लोग खुश हैं। (संवाददाता)"
    there = desk.get(there.id)
    desk.save(there.id, replace(there.data, body=desk_text), there.version)
    mine.save(story, replace(here.data, body=field_text), here.version)
    before_laptop = count_articles(f.laptop)
    _, report = sync(f)
    conflicts = report.conflicts  # type: ignore[attr-defined]
    assert [c.uuid for c in conflicts] == [uuid]
    assert conflicts[0].fields == ("body",) and conflicts[0].copy_uuid
    # newsroom: the article keeps the desk's text, the laptop's is a copy with its history
    assert desk.get(there.id).data.body.strip() == desk_text
    copy = desk.get_by_uuid(conflicts[0].copy_uuid)
    assert copy.data.body.strip() == field_text and copy.status == "draft"
    assert "मंत्री ने पुल खोला।" in {r.body.strip() for r in desk.revisions(copy.id)}
    # laptop: the article now has the desk's text, its own stays in its history, and the
    # copy arrived
    assert mine.get(story).data.body.strip() == desk_text
    assert field_text in {r.body.strip() for r in mine.revisions(story)}
    assert mine.get_by_uuid(copy.uuid).data.body.strip() == field_text
    assert count_articles(f.laptop) == before_laptop + 1
    for db in (f.laptop, f.newsroom):
        assert {desk_text, field_text} <= bodies(db)
        assert sorted(current_bodies(db)) == sorted([desk_text, field_text])
    # converged: nothing more to do, no new copies
    counts = (count_articles(f.laptop), count_articles(f.newsroom),
              count_revisions(f.laptop), count_revisions(f.newsroom))
    _, report = sync(f)
    assert report.summary() == {"pushed": 0, "pulled": 0,  # type: ignore[attr-defined]
                                "conflicts": 0, "unchanged": 2, "failed": 0}
    assert counts == (count_articles(f.laptop), count_articles(f.newsroom),
                      count_revisions(f.laptop), count_revisions(f.newsroom))


def test_report_policy_writes_nothing_for_a_conflict(field_dbs: Field) -> None:
    f = field_dbs
    story = f.write("चुनाव की तारीख", "तारीख घोषित।")
    uuid = ArticleService(f.laptop, f.reporter).get(story).uuid
    sync(f)
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="देखें")
    sync(f)
    mine = ArticleService(f.laptop, f.reporter)
    here = mine.get(story)
    there = desk.get(there.id)
    desk.save(there.id, replace(there.data, headline="चुनाव की तारीख तय"), there.version)
    mine.save(story, replace(here.data, headline="चुनाव अगले महीने"), here.version)
    counts = (count_revisions(f.laptop), count_revisions(f.newsroom))
    _, report = sync(f, policy="report")
    assert [c.fields for c in report.conflicts] == [("headline",)]  # type: ignore[attr-defined]
    assert counts == (count_revisions(f.laptop), count_revisions(f.newsroom))
    assert mine.get(story).data.headline == "चुनाव अगले महीने"
    assert desk.get(there.id).data.headline == "चुनाव की तारीख तय"
    # still a conflict on the next run (a reported conflict is not recorded as agreed)
    _, report = sync(f, policy="report")
    assert len(report.conflicts) == 1  # type: ignore[attr-defined]


def test_assigned_stories_are_pulled_for_a_copy_editor(field_dbs: Field) -> None:
    f = field_dbs
    from editor_app.core.users import UserService

    admin = ProfileInfo(1, "प्रशासक", Role.ADMIN, login="admin")
    editor_there = UserService(f.newsroom, admin).create("सीमा", "copy_editor", login="seema")
    editor_here = UserService(f.laptop, f.reporter).create  # the laptop's first user is set
    del editor_here
    from editor_app.core.profiles import create_profile

    laptop_editor = create_profile(f.laptop, "सीमा", "copy_editor")
    laptop_editor = replace(laptop_editor, login="seema")
    from sqlalchemy import update

    from editor_app.core.models import UserProfile
    with f.laptop.session() as session:
        session.execute(update(UserProfile).where(UserProfile.id == laptop_editor.id)
                        .values(login="seema"))
    desk = ArticleService(f.newsroom, f.desk)
    mine_there = desk.create(ArticleData(headline="सौंपी गई खबर", body="संपादन करें।"))
    other = desk.create(ArticleData(headline="किसी और की खबर", body="नहीं आनी चाहिए।"))
    WorkflowService(f.newsroom, f.desk).transition(mine_there.id, "submitted")
    WorkflowService(f.newsroom, f.desk).transition(mine_there.id, "in_copy_edit")
    AssignmentService(f.newsroom, f.desk).assign(mine_there.id, editor_there.id)
    report = SyncEngine(f.laptop, f.newsroom, laptop_editor).run()
    assert report.summary()["pulled"] == 1
    here = ArticleService(f.laptop, laptop_editor).get_by_uuid(mine_there.uuid)
    assert here.status == "in_copy_edit" and here.desk.assignee_id == laptop_editor.id
    with pytest.raises(NotFoundError):
        ArticleService(f.laptop, laptop_editor).get_by_uuid(other.uuid)
    # the copy editor edits offline: the edit goes back
    ArticleService(f.laptop, laptop_editor).save(
        here.id, replace(here.data, body="संपादन किया।"), here.version)
    report = SyncEngine(f.laptop, f.newsroom, laptop_editor).run()
    assert report.summary()["pushed"] == 1
    assert desk.get(mine_there.id).data.body.strip() == "संपादन किया।"


def test_users_are_matched_by_login(field_dbs: Field) -> None:
    f = field_dbs
    with pytest.raises(ValidationError):
        SyncEngine(f.laptop, f.newsroom, replace(f.reporter, login=None))
    with pytest.raises(NotFoundError):
        SyncEngine(f.laptop, f.newsroom, replace(f.reporter, login="nobody"))
    engine = SyncEngine(f.laptop, f.newsroom, f.reporter)
    assert engine.newsroom_actor.id == f.reporter_there.id


def test_progress_is_recorded_per_article(field_dbs: Field) -> None:
    f = field_dbs
    ids = [f.write(f"खबर {n}", f"पाठ {n}") for n in range(3)]
    seen: list[tuple[int, int]] = []
    engine = SyncEngine(f.laptop, f.newsroom, f.reporter)
    engine.run(progress=lambda done, total, _item: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    states = load_states(f.laptop, engine.remote)
    uuids = {ArticleService(f.laptop, f.reporter).get(i).uuid for i in ids}
    assert set(states) == uuids
    assert {s.status for s in states.values()} == {"submitted"}

"""The approval gate: one test per reason (each fails if the reason is not checked), the
spelling warning without a dictionary, and the desk chief's override in the audit log."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.dictionary import NewsroomDictionary
from editor_app.core.house_style import default_style
from editor_app.core.lint_ignores import add_ignore
from editor_app.core.models import AuditEvent, Comment, Suggestion, utcnow
from editor_app.core.profiles import Role
from editor_app.core.text.spell import SpellChecker, create_spell_checker
from editor_app.core.workflow.gate import approval_problems, blocking, body_plain_text
from editor_app.core.workflow.service import TransitionRefused, WorkflowService
from editor_app.core.workflow.statuses import Status
from tests.conftest import skip_unless_spelling
from tests.core.workflow.conftest import StoryFactory, Team


def _codes(db: Database, article_id: int, **kwargs: object) -> list[str]:
    return [p.code for p in blocking(approval_problems(db, article_id, **kwargs))]  # type: ignore[arg-type]


@pytest.fixture
def speller(db: Database) -> SpellChecker:
    checker = create_spell_checker(db, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    return checker


def test_a_complete_story_passes(db: Database, story: StoryFactory,
                                 speller: SpellChecker) -> None:
    assert approval_problems(db, story(Status.IN_COPY_EDIT), speller=speller) == []


@pytest.mark.parametrize(("field", "empty", "code"), [
    ("headline", "", "missing.headline"),
    ("bylines", (), "missing.byline"),
    ("dateline_place", "", "missing.dateline"),
    ("category", "", "missing.category"),
    ("tags", (), "missing.tags"),
])
def test_each_missing_field_is_a_reason(db: Database, story: StoryFactory, field: str,
                                        empty: object, code: str) -> None:
    article_id = story(**{field: empty})
    assert _codes(db, article_id) == [code]


def test_a_missing_slug_is_a_reason(db: Database, story: StoryFactory) -> None:
    article_id = story(headline="", slug="")  # no headline: no slug is made either
    assert _codes(db, article_id) == ["missing.headline", "missing.slug"]


def test_a_headline_over_the_akshara_limit(db: Database, story: StoryFactory) -> None:
    # प्रधानमंत्री is 12 code points but 5 aksharas: 4 of them make 20 aksharas (+3 spaces)
    headline = " ".join(["प्रधानमंत्री"] * 4)
    article_id = story(headline=headline)
    style = replace(default_style(), headline_max=20)
    assert _codes(db, article_id, style=style) == []
    (problem,) = blocking(approval_problems(db, article_id, replace(style, headline_max=19)))
    assert problem.code == "headline.length"
    assert "20" in problem.message and "19" in problem.message and "aksharas" in problem.message


def test_open_comments_block_including_orphaned_ones(db: Database, team: Team,
                                                     story: StoryFactory) -> None:
    article_id = story()
    with db.session() as session:
        thread = Comment(article_id=article_id, author_name="नेहा", text="स्रोत?")
        session.add(thread)
        session.flush()
        session.add(Comment(article_id=article_id, parent_id=thread.id, text="जवाब"))
        orphan = Comment(article_id=article_id, text="यह हटा", orphaned=True)
        session.add(orphan)
        session.add(Comment(article_id=article_id, text="हल", resolved_at=utcnow()))
    (problem,) = blocking(approval_problems(db, article_id))
    assert problem.code == "comments"
    assert "2 open comments" in problem.message and "1 orphaned" in problem.message
    with db.session() as session:
        for row in session.scalars(select(Comment).where(Comment.parent_id.is_(None))):
            row.resolved_at = row.resolved_at or utcnow()
    assert _codes(db, article_id) == []


def test_undecided_suggestions_block(db: Database, story: StoryFactory) -> None:
    article_id = story()
    with db.session() as session:
        session.add(Suggestion(article_id=article_id, old_text="अच्छी", new_text="तेज़",
                               state="open"))
        session.add(Suggestion(article_id=article_id, old_text="दो", new_text="तीन",
                               state="rejected"))
    (problem,) = blocking(approval_problems(db, article_id))
    assert problem.code == "suggestions" and "1 undecided" in problem.message
    with db.session() as session:
        for row in session.scalars(select(Suggestion)):
            row.state = "accepted" if row.state == "open" else row.state
    assert _codes(db, article_id) == []


def test_copy_desk_errors_block_until_fixed_or_ignored(db: Database, team: Team,
                                                       story: StoryFactory) -> None:
    article_id = story(body="पटना औऱ गया में बारिश हुई।\n")
    (problem,) = blocking(approval_problems(db, article_id))
    assert problem.code == "lint" and "औऱ" in problem.message
    add_ignore(db, article_id, "unicode.rra", "औऱ", reason="उद्धरण", user="नेहा")
    assert _codes(db, article_id) == []


def test_spelling_errors_block_until_fixed_or_accepted(db: Database, team: Team,
                                                       story: StoryFactory,
                                                       speller: SpellChecker) -> None:
    article_id = story(body="सरकार मजूबत कदम उठाएगी।\n")
    (problem,) = approval_problems(db, article_id, speller=speller)
    assert problem.code == "spelling" and "मजूबत" in problem.message
    assert problem.blocking
    speller.add_to_newsroom("मजूबत", "नेहा")  # accepted by the newsroom: no longer an error
    assert approval_problems(db, article_id, speller=speller) == []


def test_without_a_dictionary_spelling_is_a_warning_that_does_not_block(
        db: Database, team: Team, story: StoryFactory) -> None:
    article_id = story(Status.IN_COPY_EDIT, body="सरकार मजूबत कदम उठाएगी।\n")
    unavailable = SpellChecker(None, unavailable_reason="hi_IN dictionary not installed")
    (warning,) = approval_problems(db, article_id, speller=unavailable)
    assert warning.code == "spelling.unchecked" and not warning.blocking
    assert "hi_IN dictionary not installed" in warning.message
    record = WorkflowService(db, team[Role.COPY_EDITOR], speller=unavailable).transition(
        article_id, Status.APPROVED)
    assert record.status == "approved"


def test_body_plain_text_drops_markup() -> None:
    text = body_plain_text("## उपशीर्षक\n\n**ज़ोर** और [कड़ी](https://example.com)\n\n"
                           '![चित्र](asset:3 "कैप्शन")\n')
    assert "https" not in text and "**" not in text and "##" not in text
    assert "उपशीर्षक" in text and "ज़ोर और कड़ी" in text


def test_approval_is_refused_with_every_reason(db: Database, team: Team) -> None:
    service = ArticleService(db, team[Role.REPORTER])
    article_id = service.create(ArticleData(headline="अधूरी खबर", body="पाठ।\n")).id
    WorkflowService(db, team[Role.REPORTER]).transition(article_id, Status.SUBMITTED)
    editor = WorkflowService(db, team[Role.COPY_EDITOR])
    editor.transition(article_id, Status.IN_COPY_EDIT)
    with pytest.raises(TransitionRefused) as caught:
        editor.transition(article_id, Status.APPROVED)
    reasons = caught.value.reasons
    for english in ("no byline", "no dateline place", "no category", "no tags"):
        assert any(english in r for r in reasons), english
    assert len(reasons) == 4 and not caught.value.may_override  # a copy editor cannot
    with pytest.raises(TransitionRefused) as again:
        editor.transition(article_id, Status.APPROVED, override="जल्दी है")
    assert any("only a desk chief or admin may override" in r for r in again.value.reasons)
    assert ArticleService(db, "test").get(article_id).status == "in_copy_edit"


def test_a_desk_chief_overrides_with_a_reason_in_the_audit_log(db: Database, team: Team,
                                                               story: StoryFactory) -> None:
    article_id = story(Status.IN_COPY_EDIT, category="", tags=())
    chief = WorkflowService(db, team[Role.DESK_CHIEF])
    with pytest.raises(TransitionRefused) as caught:
        chief.transition(article_id, Status.APPROVED)
    assert caught.value.may_override and len(caught.value.problems) == 2
    with pytest.raises(TransitionRefused, match="written reason"):
        chief.transition(article_id, Status.APPROVED, override="  ")
    record = chief.transition(article_id, Status.APPROVED,
                              override="ब्रेकिंग खबर, श्रेणी बाद में")
    assert record.status == "approved"
    with db.session() as session:
        event = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "workflow.transition", AuditEvent.article_id == article_id))
        assert event is not None and event.user_id == team[Role.DESK_CHIEF].id
        detail = json.loads(event.detail_json)
    assert detail["override"] == "ब्रेकिंग खबर, श्रेणी बाद में"
    assert detail["from"] == "in_copy_edit" and detail["to"] == "approved"
    assert len(detail["problems"]) == 2 and any("no tags" in p for p in detail["problems"])


def test_an_override_of_a_passing_gate_is_not_recorded(db: Database, team: Team,
                                                       story: StoryFactory) -> None:
    article_id = story(Status.IN_COPY_EDIT)
    WorkflowService(db, team[Role.DESK_CHIEF]).transition(article_id, Status.APPROVED,
                                                          override="बेवजह")
    with db.session() as session:
        event = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "workflow.transition"))
        assert event is not None and "override" not in json.loads(event.detail_json)


def test_the_gate_uses_the_newsroom_dictionary_of_the_database(db: Database, team: Team,
                                                               story: StoryFactory,
                                                               speller: SpellChecker) -> None:
    NewsroomDictionary(db).add("मजूबत", team[Role.DESK_CHIEF])
    article_id = story(body="सरकार मजूबत कदम उठाएगी।\n")
    fresh = create_spell_checker(db, None)
    assert approval_problems(db, article_id, speller=fresh) == []

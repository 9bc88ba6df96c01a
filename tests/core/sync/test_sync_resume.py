"""An interrupted sync resumes: no duplicate articles or revisions, everything arrives."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from editor_app.core.articles import ArticleService
from editor_app.core.errors import StorageError
from editor_app.core.intake.bundle import import_bundle
from editor_app.core.sync import SyncEngine
from editor_app.core.sync import engine as engine_module
from editor_app.core.sync.snapshot import article_bundle
from editor_app.core.sync.state import load_states
from editor_app.core.workflow.service import WorkflowService
from tests.core.sync.helpers import Field, count_articles, count_revisions

real_import = import_bundle


def failing_after(k: int, *, only: Any = None) -> Any:
    """``import_bundle`` that loses the connection on its (k+1)-th writing call (only calls
    into the database ``only``, when given)."""
    calls = {"n": 0}

    def fake(service: Any, bundle: Any, **kwargs: Any) -> Any:
        if not kwargs.get("dry_run") and (only is None or service.db is only):
            calls["n"] += 1
            if calls["n"] > k:
                raise StorageError("the connection to the newsroom was lost")
        return real_import(service, bundle, **kwargs)
    return fake


def test_interrupted_after_k_articles_resumes_without_duplicates(
        field_dbs: Field, monkeypatch: pytest.MonkeyPatch) -> None:
    f = field_dbs
    for n in range(5):
        f.write(f"खबर संख्या {n}", f"पहला पाठ {n}।")
    monkeypatch.setattr(engine_module, "import_bundle", failing_after(2))
    engine = SyncEngine(f.laptop, f.newsroom, f.reporter)
    report = engine.run()
    assert report.error is not None and "lost" in report.error
    assert len(report.items) == 2 and not report.complete
    assert count_articles(f.newsroom) == 2
    assert len(load_states(f.laptop, engine.remote)) == 2
    monkeypatch.setattr(engine_module, "import_bundle", real_import)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.complete
    assert report.summary()["pushed"] == 3 and report.summary()["unchanged"] == 2
    assert count_articles(f.newsroom) == 5
    for n in range(5):
        assert count_articles(f.newsroom, f"खबर संख्या {n}") == 1
    # what a sync without the fault writes: one revision per story (the laptop's only one
    # is the current text, stored as the newsroom's newest)
    assert count_revisions(f.newsroom) == 5
    assert len(load_states(f.laptop, engine.remote)) == 5


def test_a_conflict_interrupted_after_the_copy_makes_no_second_copy(
        field_dbs: Field, monkeypatch: pytest.MonkeyPatch) -> None:
    f = field_dbs
    story = f.write("मेले की तैयारी", "मेला लगेगा।")
    mine = ArticleService(f.laptop, f.reporter)
    uuid = mine.get(story).uuid
    SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="और जानकारी")
    SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    here, there = mine.get(story), desk.get(there.id)
    desk.save(there.id, replace(there.data, body="मेला कल से लगेगा।"), there.version)
    mine.save(story, replace(here.data, body="मेला लगेगा। दुकानें सजीं।"), here.version)
    # the copy is made in the newsroom, then the laptop's write fails
    monkeypatch.setattr(engine_module, "import_bundle", failing_after(0, only=f.laptop))
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.error is not None
    assert count_articles(f.newsroom) == 2  # the article and its copy
    monkeypatch.setattr(engine_module, "import_bundle", real_import)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.complete and len(report.conflicts) == 1
    assert count_articles(f.newsroom) == 2 and count_articles(f.laptop) == 2
    assert mine.get(story).data.body.strip() == "मेला कल से लगेगा।"
    copy = mine.get_by_uuid(report.conflicts[0].copy_uuid)
    assert copy.data.body.strip() == "मेला लगेगा। दुकानें सजीं।"
    again = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert again.summary()["unchanged"] == 2 and count_articles(f.newsroom) == 2


def test_articles_nobody_touched_are_not_read_again(
        field_dbs: Field, monkeypatch: pytest.MonkeyPatch) -> None:
    f = field_dbs
    ids = [f.write(f"स्थिर खबर {n}", f"पाठ {n}") for n in range(3)]
    SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    read: list[int] = []
    real_bundle = article_bundle

    def counting(service: Any, article_id: int) -> Any:
        read.append(article_id)
        return real_bundle(service, article_id)

    monkeypatch.setattr(engine_module, "article_bundle", counting)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.summary()["unchanged"] == 3 and read == []
    # one side saves one story: only that one is compared (and pushed)
    mine = ArticleService(f.laptop, f.reporter)
    WorkflowService(f.laptop, f.reporter).transition(ids[1], "draft")
    record = mine.get(ids[1])
    mine.save(ids[1], replace(record.data, body="नया पाठ"), record.version)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.summary()["pushed"] == 1 and report.summary()["unchanged"] == 2
    assert set(read) == {ids[1]}

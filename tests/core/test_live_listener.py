"""The live listener on a real PostgreSQL server: payloads of every kind of change, the
acting user, reconnection, and soft locks that vanish with their connection."""

from __future__ import annotations

import time

import psycopg
import pytest
import sqlalchemy as sa

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.live.events import ListenerState
from editor_app.core.live.listener import LiveListener, conninfo_of
from editor_app.core.live.presence import application_name, claim, read_presence
from editor_app.core.models import Article
from editor_app.core.profiles import Role
from editor_app.core.workflow.service import WorkflowService
from tests.core.live_helpers import LIMIT_SECONDS, event_of, listening, presence_where, state_is
from tests.core.workflow.desk_fixtures import add_user

pytestmark = pytest.mark.postgres_only("LISTEN/NOTIFY and advisory locks")


def test_every_change_is_heard_with_its_user(db: Database, db_url: str) -> None:
    kamal = add_user(db, "कमल शर्मा", Role.REPORTER, "kamal")
    chief = add_user(db, "नेहा त्रिपाठी", Role.DESK_CHIEF, "neha")
    with listening(db_url, None) as (_listener, heard):
        record = ArticleService(db, kamal).create(ArticleData(headline="बारिश से राहत"))
        inserted = heard.wait_for(event_of(record.id, "insert"))
        assert (inserted.user_id, inserted.status, inserted.version) == (kamal.id, "draft", 1)

        saved = ArticleService(db, kamal).save(
            record.id, ArticleData(headline="बारिश से बड़ी राहत"), record.version)
        update = heard.wait_for(event_of(record.id, "update", saved.version))
        assert update.user_id == kamal.id and update.version == 2

        moved = WorkflowService(db, kamal).transition(record.id, "submitted")
        transition = heard.wait_for(event_of(record.id, "transition"))
        assert (transition.status, transition.version, transition.user_id) == (
            "submitted", moved.version, kamal.id)

        trashed = ArticleService(db, chief).trash(record.id, moved.version)
        trash = heard.wait_for(event_of(record.id, "trash"))
        assert trash.trashed and trash.user_id == chief.id and trash.version == trashed.version

        with db.session() as session:  # a maintenance delete: nobody is named
            session.execute(sa.delete(Article).where(Article.id == record.id))
        gone = heard.wait_for(event_of(record.id, "delete"))
        assert gone.user_id is None


def test_a_rolled_back_change_notifies_nobody(db: Database, db_url: str) -> None:
    record = ArticleService(db, "test").create(ArticleData(headline="पहला"))
    with listening(db_url, None) as (_listener, heard):
        with pytest.raises(RuntimeError), db.session() as session:
            session.execute(sa.update(Article).where(Article.id == record.id)
                            .values(headline="छोड़ा गया"))
            raise RuntimeError("abandon the transaction")
        second = ArticleService(db, "test").save(record.id, ArticleData(headline="दूसरा"),
                                                 record.version)
        heard.wait_for(event_of(record.id, "update", second.version))
        # the only update heard is the committed one
        assert [e.version for e in heard.events(record.id)] == [second.version]


def test_reconnects_after_the_connection_is_cut(db: Database, db_url: str) -> None:
    record = ArticleService(db, "test").create(ArticleData(headline="खबर"))
    with listening(db_url, None, backoff=(0.05, 0.1)) as (listener, heard):
        pid = listener.backend_pid()
        assert pid is not None
        with db.session() as session:
            session.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        heard.wait_for(state_is(ListenerState.DISCONNECTED))
        heard.wait_for(state_is(ListenerState.RECONNECTED))
        assert listener.connections == 2 and listener.backend_pid() != pid
        saved = ArticleService(db, "test").save(record.id, ArticleData(headline="नई खबर"),
                                                record.version)
        heard.wait_for(event_of(record.id, "update", saved.version))


def test_keeps_trying_while_the_server_is_unreachable(db_url: str) -> None:
    url = sa.engine.make_url(db_url).set(port=1).render_as_string(hide_password=False)
    states: list[object] = []
    listener = LiveListener(url, user_id=None, on_event=states.append,
                            on_state=states.append, backoff=(0.01,))
    listener.start()
    try:
        # several attempts fail quietly: the thread stays alive and reports nothing
        limit = time.monotonic() + LIMIT_SECONDS
        while listener.attempts < 3 and time.monotonic() < limit:
            time.sleep(0.01)
        assert listener.attempts >= 3
        assert listener.running
    finally:
        listener.stop()
    assert listener.connections == 0 and states == []
    assert not listener.running


def test_soft_lock_shows_and_goes_with_its_client(db: Database, db_url: str) -> None:
    kamal = add_user(db, "कमल शर्मा", Role.REPORTER, "kamal")
    story = ArticleService(db, "test").create(ArticleData(headline="चुनाव")).id
    with listening(db_url, 1) as (_me, heard):
        with listening(db_url, kamal.id) as (other, _):
            other.set_editing(story)
            editing = heard.wait_for(presence_where(lambda p: p.of(story) == (kamal.id,)))
            assert editing.editors == {story: (kamal.id,)}
            other.set_editing(None)
            heard.wait_for(presence_where(lambda p: p.of(story) == ()))
            other.set_editing(story)
            heard.wait_for(presence_where(lambda p: p.of(story) == (kamal.id,)))
        # the other client closed: its lock went with its connection
        heard.wait_for(presence_where(lambda p: p.of(story) == ()))


def test_a_crashed_clients_lock_vanishes(db: Database, db_url: str) -> None:
    kamal = add_user(db, "कमल शर्मा", Role.REPORTER, "kamal")
    story = ArticleService(db, "test").create(ArticleData(headline="बजट")).id
    crashed = psycopg.connect(conninfo_of(db_url), autocommit=True,
                              application_name=application_name(kamal.id))
    with listening(db_url, 1, presence_seconds=0.2) as (_me, heard):
        claim(crashed, story)
        heard.wait_for(presence_where(lambda p: p.of(story) == (kamal.id,)))
        pid = crashed.info.backend_pid
        with db.session() as session:  # the client dies: no release, no nudge
            session.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        heard.wait_for(presence_where(lambda p: p.of(story) == ()))
    crashed.close()


def test_presence_leaves_out_the_asking_connection(db: Database, db_url: str) -> None:
    story = ArticleService(db, "test").create(ArticleData(headline="मौसम")).id
    with psycopg.connect(conninfo_of(db_url), autocommit=True,
                         application_name=application_name(5)) as mine, \
            psycopg.connect(conninfo_of(db_url), autocommit=True,
                            application_name=application_name(6)) as theirs:
        claim(mine, story)
        assert read_presence(mine).of(story) == ()
        assert read_presence(theirs).of(story) == (5,)
        claim(mine, story)  # claiming twice never blocks; still one editor
        claim(theirs, story)
        assert read_presence(mine).of(story) == (6,)

"""The live listener's own connection logs in with the newsroom login's password, which is
never in the URL (wip-pgauth with wip-pglive)."""

from __future__ import annotations

import pytest

from editor_app.core.live.events import ListenerState
from editor_app.core.newsroom.identity import database_actor
from tests.core.live_helpers import listening, state_is
from tests.core.newsroom.conftest import Newsroom

pytestmark = pytest.mark.postgres_only("database logins and LISTEN")


def test_listener_connects_with_the_databases_password(newsroom: Newsroom) -> None:
    db = newsroom.connect("neha")
    assert db.password == newsroom.passwords["neha"] and db.password not in db.url
    assert db.password not in repr(db)
    user = database_actor(db)
    assert user is not None
    with listening(db.url, user.id, password=db.password) as (listener, heard):
        assert listener.attempts == 1  # connected at the first try
        assert state_is(ListenerState.CONNECTED)(heard.seen[-1])

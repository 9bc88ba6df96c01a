"""Live refresh pieces that need no server: payloads, names, the SQLite case."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from editor_app.core.db import Database
from editor_app.core.errors import ValidationError
from editor_app.core.live.actor_tag import acting_user_in
from editor_app.core.live.events import Presence, parse_article_event
from editor_app.core.live.listener import conninfo_of, live_supported
from editor_app.core.live.presence import application_name, user_of_application
from editor_app.core.models import AuditEvent, Revision

PAYLOAD = {"article_id": 7, "version": 3, "status": "in_copy_edit", "trashed": False,
           "kind": "transition", "user_id": 12, "at": 1_764_590_400.25}


def test_payload_becomes_an_event() -> None:
    event = parse_article_event(json.dumps(PAYLOAD))
    assert (event.article_id, event.version, event.status, event.kind, event.user_id) == (
        7, 3, "in_copy_edit", "transition", 12)
    assert event.trashed is False
    assert event.at == datetime.fromtimestamp(1_764_590_400.25, UTC)
    anonymous = parse_article_event(json.dumps({**PAYLOAD, "user_id": None}))
    assert anonymous.user_id is None


@pytest.mark.parametrize("broken", [
    "not json", "[1, 2]", json.dumps({**PAYLOAD, "kind": "explode"}),
    json.dumps({**PAYLOAD, "article_id": "7"}), json.dumps({**PAYLOAD, "version": True}),
    json.dumps({k: v for k, v in PAYLOAD.items() if k != "status"}),
    json.dumps({**PAYLOAD, "at": "noon"}), json.dumps({**PAYLOAD, "user_id": "kamal"}),
])
def test_broken_payloads_are_refused(broken: str) -> None:
    with pytest.raises(ValidationError):
        parse_article_event(broken)


def test_application_name_round_trip() -> None:
    assert user_of_application(application_name(42)) == 42
    assert user_of_application(application_name(None)) is None
    assert user_of_application("psql") is None
    assert user_of_application(None) is None
    assert user_of_application(application_name(42) + "x") is None


def test_presence_lookup() -> None:
    presence = Presence({3: (1, 2)})
    assert presence.of(3) == (1, 2)
    assert presence.of(4) == ()


def test_acting_user_comes_from_new_revisions_and_audit_events() -> None:
    assert acting_user_in([]) is None
    assert acting_user_in([Revision(author_id=None)]) is None
    assert acting_user_in([Revision(author_id=5)]) == 5
    assert acting_user_in([Revision(author_id=5), AuditEvent(action="x", user_id=9)]) == 9


def test_conninfo_drops_the_sqlalchemy_driver() -> None:
    assert conninfo_of("postgresql+psycopg://kamal:pw@db.local:5433/desk") == \
        "postgresql://kamal:pw@db.local:5433/desk"


def test_live_refresh_only_on_postgresql(db: Database) -> None:
    assert live_supported(db) == (db.engine.dialect.name == "postgresql")

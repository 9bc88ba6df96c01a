"""Users in core: first-run creation, admin-only changes, logins, look-ups, the actor."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role, local_profile
from editor_app.core.users import (
    UserService,
    actor_id,
    as_actor,
    find_user,
    list_users,
    resolve_actor,
)
from tests.core.workflow.conftest import Team


def test_first_user_needs_no_rights_and_is_the_local_profile(db: Database) -> None:
    first = UserService(db, None).create("सीमा यादव", "reporter", login="Seema")
    assert first.role == Role.REPORTER and first.login == "seema" and first.active
    assert local_profile(db) == first
    with pytest.raises(PermissionDenied, match="admin"):
        UserService(db, None).create("दूसरा", Role.REPORTER)
    with pytest.raises(PermissionDenied, match="प्रशासक"):
        UserService(db, first).create("दूसरा", Role.REPORTER)
    assert [u.name for u in list_users(db)] == ["सीमा यादव"]


def test_admin_adds_users_with_nfc_names_and_unique_logins(db: Database, team: Team) -> None:
    users = UserService(db, team[Role.ADMIN])
    decomposed = "मु\u0928\u093cा  अली"  # न + nukta: NFC composes it to ऩ; spaces collapse
    added = users.create(f"  {decomposed}  ", "copy_editor", login="Qamar",
                         name_latin=" Qamar  Ali ")
    assert added.name == "मु\u0929ा अली" and added.name_latin == "Qamar Ali"
    with pytest.raises(ValidationError, match="taken"):
        users.create("और कोई", Role.REPORTER, login="QAMAR")
    with pytest.raises(ValidationError, match="not valid"):
        users.create("और कोई", Role.REPORTER, login="two words")
    with pytest.raises(ValidationError, match="unknown role"):
        users.create("और कोई", "editor")
    with pytest.raises(ValidationError, match="required"):
        users.create("   ", Role.REPORTER)
    with db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.add")
                                .order_by(AuditEvent.id.desc())).first()
        assert event is not None and event.user_id == team[Role.ADMIN].id
        assert json.loads(event.detail_json)["login"] == "qamar"


def test_find_by_login_any_case_or_by_name(db: Database, team: Team) -> None:
    assert find_user(db, "NEHA") == team[Role.COPY_EDITOR]
    assert find_user(db, "सुधा वर्मा") == team[Role.DESK_CHIEF]
    assert find_user(db, "seema yadav") == team[Role.REPORTER]  # the Latin name
    with pytest.raises(NotFoundError, match="no user"):
        find_user(db, "nobody")
    UserService(db, team[Role.ADMIN]).create("सुधा वर्मा", Role.REPORTER)
    with pytest.raises(ValidationError, match="several users"):
        find_user(db, "सुधा वर्मा")
    assert find_user(db, "sudha").role == Role.DESK_CHIEF  # the login still names one


def test_deactivate_and_change_role_are_admin_only(db: Database, team: Team) -> None:
    reporter = team[Role.REPORTER]
    with pytest.raises(PermissionDenied):
        UserService(db, team[Role.DESK_CHIEF]).set_active(reporter.id, False)
    with pytest.raises(PermissionDenied):
        UserService(db, reporter).set_role(reporter.id, Role.DESK_CHIEF)
    admin = UserService(db, team[Role.ADMIN])
    assert not admin.set_active(reporter.id, False).active
    with pytest.raises(PermissionDenied, match="deactivated"):
        resolve_actor(db, "seema")
    assert reporter.id not in [u.id for u in list_users(db, include_inactive=False)]
    assert admin.set_active(reporter.id, True).active
    assert resolve_actor(db, "seema").id == reporter.id
    assert admin.set_role(reporter.id, "copy_editor").role == Role.COPY_EDITOR
    with pytest.raises(NotFoundError):
        admin.set_role(9999, Role.REPORTER)


def test_the_last_active_admin_stays(db: Database, team: Team) -> None:
    admin = team[Role.ADMIN]
    users = UserService(db, admin)
    with pytest.raises(ValidationError, match="last active admin"):
        users.set_active(admin.id, False)
    with pytest.raises(ValidationError, match="last active admin"):
        users.set_role(admin.id, Role.DESK_CHIEF)
    second = users.create("दूसरे प्रशासक", Role.ADMIN, login="admin2")
    assert users.set_role(admin.id, Role.DESK_CHIEF).role == Role.DESK_CHIEF
    with pytest.raises(ValidationError):
        UserService(db, second).set_active(second.id, False)


def test_a_string_actor_is_unattributed_maintenance() -> None:
    actor = as_actor("import script")
    assert actor.name == "import script" and actor.role == Role.ADMIN
    assert actor_id(actor) is None

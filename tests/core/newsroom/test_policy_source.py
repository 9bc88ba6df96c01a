"""The database rules are written from the Python tables (one source of truth), and the
newsroom parts refuse SQLite clearly."""

from __future__ import annotations

import pytest

from editor_app.core.db import Database
from editor_app.core.errors import ConfigError, ValidationError
from editor_app.core.newsroom import policies
from editor_app.core.newsroom.credentials import needs_login, with_login
from editor_app.core.newsroom.roles import group_role, newsroom_prefix
from editor_app.core.profiles import Role
from editor_app.core.users import UserService
from editor_app.core.workflow import statuses
from editor_app.core.workflow.statuses import Status, Transition


def _sql() -> str:
    return "\n".join(policies.policy_statements('"public"', "sampadak"))


def test_every_transition_and_edit_right_is_in_the_sql() -> None:
    sql = _sql()
    for t in statuses.TRANSITIONS:
        for role in t.roles:
            assert f"('{t.source.value}', '{t.target.value}', '{role.value}')" in sql
    for status, roles in statuses.EDIT_RIGHTS.items():
        for role in roles:
            assert f"('{status.value}', '{role.value}')" in sql
    assert "('draft', 'approved', 'reporter')" not in sql


def test_changing_the_python_table_changes_the_sql(monkeypatch) -> None:
    extra = Transition(Status.DRAFT, Status.APPROVED, frozenset({Role.REPORTER}), "x", "x")
    monkeypatch.setattr(policies, "TRANSITIONS", (*statuses.TRANSITIONS, extra))
    assert "('draft', 'approved', 'reporter')" in _sql()
    monkeypatch.setattr(policies, "EDIT_RIGHTS",
                        {**statuses.EDIT_RIGHTS, Status.APPROVED: frozenset(Role)})
    assert "('approved', 'reporter')" in _sql()


def test_group_role_names() -> None:
    assert [group_role(r) for r in Role] == ["sampadak_reporter", "sampadak_copy_editor",
                                             "sampadak_desk_chief", "sampadak_admin"]


def test_urls_without_a_password_need_a_login() -> None:
    assert needs_login("postgresql://seema@db.example/desk")
    assert not needs_login("postgresql://seema:pw@db.example/desk")
    assert not needs_login("sqlite:///x.sqlite")
    assert with_login("postgresql://a:pw@h:5433/desk", "seema") == "postgresql://seema@h:5433/desk"
    assert with_login("postgresql://a:pw@h/desk", "") == "postgresql://h/desk"


@pytest.mark.sqlite_only("SQLite has no database logins")
def test_sqlite_refuses_newsroom_init_and_passwords(db: Database) -> None:
    with pytest.raises(ConfigError, match="needs a PostgreSQL database"):
        policies.init_newsroom(db)
    with db.session() as session:
        assert newsroom_prefix(session) is None
    admin = UserService(db, None).create("अनिल", Role.ADMIN, login="anil", password="x")
    with pytest.raises(ValidationError, match="PostgreSQL newsroom"):
        UserService(db, admin).set_password(admin.id, "secret")

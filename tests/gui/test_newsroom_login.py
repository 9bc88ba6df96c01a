"""The newsroom login (issue 8 item 2): the dialog (password hidden, "remember" off by
default, disabled with the reason when no keyring works), and opening a PostgreSQL
newsroom as the user's own login: asked again after a refusal, remembered in the keyring
only when asked, the window acting as the login's user, no password in settings or logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from editor_app.config import load_config
from editor_app.core.errors import ConfigError
from editor_app.core.newsroom import credentials
from editor_app.core.newsroom.credentials import with_login
from editor_app.core.newsroom.identity import database_actor
from editor_app.core.profiles import Role
from editor_app.gui.application import open_main_window
from editor_app.gui.dialogs.login_dialog import LoginDialog
from editor_app.gui.newsroom_login import (
    LOGIN_SETTING,
    LoginAnswer,
    LoginRequest,
    ask_login_with_dialog,
    open_with_login,
)
from tests.core.newsroom.conftest import Newsroom, newsroom  # noqa: F401 (fixture)


class MemoryKeyring(KeyringBackend):
    """A keyring that works and keeps passwords in this process only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _ok(dialog: LoginDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_dialog_hides_the_password_and_remember_is_off(qtbot) -> None:
    dialog = LoginDialog("db.example:5432/desk", "seema", keyring_problem=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.remember_box.isEnabled() and not dialog.remember_box.isChecked()
    assert not _ok(dialog).isEnabled()  # no password yet
    qtbot.keyClicks(dialog.password_edit, "s3cret-pass")
    assert _ok(dialog).isEnabled()
    assert dialog.password() == "s3cret-pass" and not dialog.remember()
    qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
    assert dialog.remember()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert not dialog.error_label.isVisible()


def test_dialog_without_a_keyring_says_so_and_cannot_remember(qtbot) -> None:
    dialog = LoginDialog("desk", "", keyring_problem="no system keyring is available",
                         error="the database desk refused the login")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_box.isEnabled()
    assert dialog.keyring_label.isVisible()
    assert "no system keyring is available" in dialog.keyring_label.text()
    assert dialog.error_label.isVisible() and "refused" in dialog.error_label.text()
    qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)  # disabled: no effect
    assert not dialog.remember()


def test_without_a_keyring_nothing_is_stored(no_keyring) -> None:
    assert credentials.keyring_problem() is not None
    with pytest.raises(ConfigError, match="keyring"):
        credentials.save_password("postgresql://h/db", "seema", "secret")
    assert credentials.load_password("postgresql://h/db", "seema") is None


def test_keyring_round_trip(memory_keyring: MemoryKeyring) -> None:
    url = "postgresql+psycopg://h:5433/desk"
    assert credentials.keyring_problem() is None
    credentials.save_password(url, "seema", "secret")
    assert memory_keyring.items == {("sampadak:h:5433/desk", "seema"): "secret"}
    assert credentials.load_password(url, "seema") == "secret"
    credentials.delete_password(url, "seema")
    assert credentials.load_password(url, "seema") is None


@pytest.mark.postgres_only("database logins")
def test_window_opens_as_the_users_own_login(qtbot, monkeypatch, tmp_path: Path, caplog,
                                             newsroom: Newsroom,  # noqa: F811
                                             memory_keyring: MemoryKeyring) -> None:
    caplog.set_level(logging.DEBUG)
    secret = newsroom.passwords["seema"]
    login = newsroom.login("seema")
    url = with_login(newsroom.url, login)  # the newsroom's URL: a login, no password
    config = load_config(tmp_path / "profile", environ={"SAMPADAK_DATABASE_URL": url})
    config.ensure_dirs()
    answers = iter([("wrong-password", False), (secret, True)])
    requests: list[LoginRequest] = []

    def fill_dialog(self: LoginDialog) -> int:
        # what the user does in the real dialog: type the login and password, tick, OK
        requests.append(LoginRequest("", self.login(), None, self.error_label.text()))
        password, remember = next(answers)
        self.show()
        qtbot.waitExposed(self)
        assert not self.remember_box.isChecked()  # off by default, every time
        self.login_edit.clear()
        qtbot.keyClicks(self.login_edit, login)
        qtbot.keyClicks(self.password_edit, password)
        if remember:
            qtbot.mouseClick(self.remember_box, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(_ok(self), Qt.MouseButton.LeftButton)
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fill_dialog)
    db = open_with_login(config, ask_login_with_dialog)
    assert db is not None
    newsroom.opened.append(db)
    assert [r.login for r in requests] == [login, login]  # the URL's login, then the typed
    assert "refused the login" in requests[0].error and "refused the login" in requests[1].error
    user = database_actor(db)
    assert user is not None and user.login == login and user.role == Role.REPORTER
    window = open_main_window(config, db, lambda: pytest.fail("no first-run dialog"))
    assert window is not None
    qtbot.addWidget(window)
    assert window.profile.login == login
    assert window.service.actor.id == newsroom.users["seema"].id
    window.close()
    # remembered on request, in the keyring only; the setting keeps just the login
    assert list(memory_keyring.items.values()) == [secret]
    assert config.settings[LOGIN_SETTING] == login
    settings_text = config.settings_path.read_text(encoding="utf-8")
    assert login in settings_text and secret not in settings_text
    assert secret not in caplog.text and "wrong-password" not in caplog.text
    for path in config.log_dir.rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(encoding="utf-8", errors="replace")
    # the next start uses the remembered password without asking
    def never(_request: LoginRequest) -> LoginAnswer | None:
        raise AssertionError("asked although the keyring has the password")

    again = open_with_login(load_config(tmp_path / "profile", environ={
        "SAMPADAK_DATABASE_URL": url}), never)
    assert again is not None
    newsroom.opened.append(again)
    actor = database_actor(again)
    assert actor is not None and actor.login == login


@pytest.mark.postgres_only("database logins")
def test_cancelled_login_opens_nothing(tmp_path: Path, newsroom: Newsroom,  # noqa: F811
                                       no_keyring) -> None:
    config = load_config(tmp_path / "p", environ={
        "SAMPADAK_DATABASE_URL": with_login(newsroom.url, newsroom.login("neha"))})
    seen: list[LoginRequest] = []

    def ask(request: LoginRequest) -> None:
        seen.append(request)
        return None

    assert open_with_login(config, ask) is None
    assert seen and seen[0].login == newsroom.login("neha")
    assert seen[0].keyring_problem is not None

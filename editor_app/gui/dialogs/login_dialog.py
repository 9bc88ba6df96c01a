"""The newsroom login dialog: the database login and password for a PostgreSQL newsroom
whose URL carries no password (issue 8 item 2).

Contract: the password field never shows what is typed; "remember in the system keyring"
is off by default and, when no keyring backend works, disabled with the reason shown (then
nothing can be remembered). A refused earlier attempt is shown above the fields (the
message never holds the password). OK needs a login and a password.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor_app.gui.i18n import translate
from editor_app.gui.theme import colours

__all__ = ["LoginDialog"]


class LoginDialog(QDialog):
    """Asks for a login and password for the database ``label``."""

    def __init__(self, label: str, login: str = "", *, keyring_problem: str | None = None,
                 error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sampadak — " + translate("LoginDialog", "Newsroom login"))
        layout = QFormLayout(self)
        intro = QLabel(translate("LoginDialog", "Log in to the newsroom database {database}.")
                       .format(database=label))
        intro.setWordWrap(True)
        layout.addRow(intro)
        self.error_label = QLabel(error)
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {colours().error_text}")
        self.error_label.setVisible(bool(error))
        layout.addRow(self.error_label)
        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("loginEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(translate("LoginDialog", "Login"), self.login_edit)
        layout.addRow(translate("LoginDialog", "Password"), self.password_edit)
        self.remember_box = QCheckBox(translate("LoginDialog",
                                                "Remember in the system keyring"))
        self.remember_box.setObjectName("rememberBox")
        self.remember_box.setChecked(False)
        layout.addRow(self.remember_box)
        self.keyring_label = QLabel()
        self.keyring_label.setObjectName("keyringProblem")
        self.keyring_label.setWordWrap(True)
        if keyring_problem is not None:
            self.remember_box.setEnabled(False)
            self.keyring_label.setText(
                translate("LoginDialog", "The password cannot be remembered.") + " "
                + keyring_problem)
        self.keyring_label.setVisible(keyring_problem is not None)
        layout.addRow(self.keyring_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.login_edit.textChanged.connect(self._update_ok)
        self.password_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        (self.password_edit if login else self.login_edit).setFocus()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.login_edit.text().strip()) and bool(self.password_edit.text()))

    def login(self) -> str:
        """The typed login, trimmed."""
        return self.login_edit.text().strip()

    def password(self) -> str:
        """The typed password, exactly as typed."""
        return self.password_edit.text()

    def remember(self) -> bool:
        """Whether to remember the password in the keyring (only when one works)."""
        return self.remember_box.isEnabled() and self.remember_box.isChecked()

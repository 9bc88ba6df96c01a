"""Publishing control in the window: embargo (and update, kill), the embargo badge.

Contract of :func:`install_publishing` (called by :func:`~.desk.install_desk`):
- "रोक… (Embargo…)" in the Desk menu asks for a time in IST (or lifting it) and stores it
  through :class:`~editor_app.core.workflow.publishing.PublishingService` on the writer;
  the core checks the role, a refusal becomes an error dialog.
- :class:`EmbargoBadge` in the status bar shows the open story's embargo while it is in the
  future; the list's status column marks such stories with :func:`embargo_mark` (see
  ``ArticleTableModel``).
- Export of the open story during its embargo is refused with the reason before anything
  is written; a desk chief is asked for an override reason instead (:func:`embargo_gate`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from editor_app.core.article_data import ArticleRecord, ArticleSummary
from editor_app.core.errors import SampadakError
from editor_app.core.models import utcnow
from editor_app.core.workflow.publishing import (
    EMBARGO_SETTERS,
    Override,
    PublishingService,
    embargo_refusal,
)
from editor_app.core.workflow.statuses import DESK
from editor_app.core.workflow.times import IST, ist_text
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.article_table import embargo_mark
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.theme import colours, follow_theme

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = [
    "EmbargoBadge",
    "EmbargoDialog",
    "PublishingActions",
    "embargo_gate",
    "embargo_mark",
    "install_publishing",
]

log = logging.getLogger(__name__)

class EmbargoDialog(QDialog):
    """Ask for an embargo time in IST, or none (lift it)."""

    def __init__(self, until: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EmbargoDialog", "Embargo"))
        self.enabled = QCheckBox(translate("EmbargoDialog", "not before") + ", IST")
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.set_time(until or (datetime.now(UTC) + timedelta(hours=6)).replace(
            minute=0, second=0, microsecond=0))
        self.enabled.setChecked(until is not None)
        self.when.setEnabled(until is not None)
        self.enabled.toggled.connect(self.when.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(translate("EmbargoDialog", "Time"), self.when)
        form.addRow(buttons)
        name_from_labels(self)

    def set_time(self, moment: datetime) -> None:
        """Show ``moment`` (aware) in IST."""
        local = moment.astimezone(IST)
        self.when.setDateTime(QDateTime(local.year, local.month, local.day, local.hour,
                                        local.minute, 0))

    def chosen(self) -> datetime | None:
        """The embargo time (aware UTC), or None to lift it."""
        if not self.enabled.isChecked():
            return None
        local = self.when.dateTime().toPython()
        assert isinstance(local, datetime)
        return local.replace(tzinfo=IST).astimezone(UTC)


class EmbargoBadge(QLabel):
    """Status-bar badge: the open story's embargo, while it lies ahead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow_theme(self, lambda theme: self.setStyleSheet(
            f"color: {theme.error_text}; font-weight: bold") if self.text() else None)

    def show_record(self, record: ArticleRecord | None) -> None:
        """Show or hide the badge for ``record``."""
        until = record.desk.embargo_until if record is not None else None
        if until is None or until <= utcnow():
            self.hide()
            self.clear()
            return
        self.setText("⏸ " + short_label("EmbargoBadge", QT_TRANSLATE_NOOP(
            "EmbargoBadge", "Embargo until {time}")).format(time=ist_text(until)))
        self.setStyleSheet(f"color: {colours().error_text}; font-weight: bold")
        self.setToolTip(translate("EmbargoBadge",
                                  "not exported before then unless a desk chief overrides"))
        self.show()


class PublishingActions:
    """The publishing-control actions of one window."""

    def __init__(self, window: MainWindow, refresh: Callable[[], None]) -> None:
        self.window = window
        self.refresh = refresh
        self.embargo = QAction(translate("PublishingActions", "&Embargo…"), window)
        self.embargo.triggered.connect(self.ask_embargo)
        self.badge = EmbargoBadge()
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        window.article_shown.connect(self.badge.show_record)
        window.workflow.moved.connect(lambda _id: self.badge.show_record(window.record))

    def update_enabled(self) -> None:
        """Enable what the acting user may do on the open story."""
        window = self.window
        live = (window.record is not None and not window.record.trashed
                and not window.service.db.read_only)
        self.embargo.setEnabled(live and window.profile.role in EMBARGO_SETTERS)

    def ask_embargo(self) -> None:
        """Ask for the open story's embargo time, then store it."""
        record = self.window.record
        if record is None:
            return
        dialog = EmbargoDialog(record.desk.embargo_until, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        until = dialog.chosen()
        self.run(lambda s: s.set_embargo(record.id, until),
                 lambda r: replace(r, desk=replace(r.desk, embargo_until=until)),
                 translate("PublishingActions", "embargo set") if until
                 else translate("PublishingActions", "embargo lifted"))

    def run(self, work: Callable[[PublishingService], object],
            update: Callable[[ArticleRecord], ArticleRecord], message: str) -> None:
        """``work`` on the writer as the acting user; then the row, record and badge."""
        window = self.window
        if window.record is None:
            return
        article_id = window.record.id
        service = PublishingService(window.service.db, window.profile)
        articles = window.service

        def job() -> ArticleSummary:
            work(service)
            return articles.summary(article_id)

        def done(summary: ArticleSummary) -> None:
            window.article_list.model.update_row(summary)
            if window.record is not None and window.record.id == article_id:
                window.record = update(window.record)
                self.badge.show_record(window.record)
            window.statusBar().showMessage(message, 5000)
            self.refresh()

        def failed(error: BaseException) -> None:
            if not isinstance(error, SampadakError):
                raise error
            show_error(window, translate("PublishingActions", "Not done"), error)

        window.tasks.run(job, done=done, failed=failed, write=True, kind="publishing")


def embargo_gate(window: MainWindow) -> tuple[bool, Override | None]:
    """Before exporting the open story: ``(True, None)`` when it is not embargoed,
    ``(False, None)`` when the export is refused (the reason was shown), ``(True,
    override)`` when a desk chief gave a reason to export anyway."""
    record = window.record
    refusal = embargo_refusal(record.id, record.desk.embargo_until) if record else None
    if refusal is None:
        return True, None
    if window.profile.role not in DESK:
        QMessageBox.warning(window, translate("PublishingActions", "Embargo"), str(refusal))
        return False, None
    reason, accepted = QInputDialog.getText(
        window, translate("PublishingActions", "Override embargo"),
        f"{refusal}\n\n" + translate("PublishingActions", "reason for the override") + ":")
    if not accepted or not reason.strip():
        return False, None
    return True, Override(window.profile, reason)


def install_publishing(window: MainWindow, refresh: Callable[[], None]) -> PublishingActions:
    """Create the publishing-control actions and the badge (see the module contract)."""
    actions = PublishingActions(window, refresh)
    actions.update_enabled()
    window.publishing.before_export = lambda choice: (
        embargo_gate(window) if choice.scope == "current" else (True, None))
    return actions

"""File → Sync with newsroom: the newsroom's URL, a background sync with progress and Stop,
the result summary with the conflicts listed.

Contract of :class:`SyncDialog`:
- The URL field starts with the one remembered in the settings (``sync_url``); starting a
  sync remembers the URL given (without its password, which is never written to the
  settings file) and saves the settings.
- The sync (:func:`editor_app.core.sync.open_and_sync`) runs as one background job of the
  window's :class:`~editor_app.gui.tasks.TaskRunner` (beside the writer thread, so
  autosaves are not held back); each article done moves the progress
  bar and adds a line to the log. Stop asks the engine to stop after the article it is on
  (what was synced stays; syncing again resumes).
- When it ends, the summary (pushed, pulled, conflicts, unchanged, failed) is shown in the
  dialog and in a message box, each conflict is listed with its conflict copy, and
  :attr:`SyncDialog.synced` is emitted so the window reloads its list. A failure to start
  (bad URL, unknown login) is shown as an error message; nothing was synced then.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from editor_app.config import Config
from editor_app.core.db import Database
from editor_app.core.profiles import Actor
from editor_app.core.sync import ConflictPolicy, SyncItem, SyncReport, open_and_sync
from editor_app.gui.i18n import translate
from editor_app.gui.tasks import TaskRunner

__all__ = ["SETTING", "SyncDialog", "remembered_url"]

log = logging.getLogger(__name__)

SETTING = "sync_url"


def remembered_url(url: str) -> str:
    """``url`` as the settings keep it: without a password."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url.strip()
    if parsed.password is None:
        return url.strip()
    return parsed._replace(password=None).render_as_string(hide_password=False)


class SyncDialog(QDialog):
    """Sync this database with the newsroom (see the module contract)."""

    # (done, total, item) from the worker thread; delivered on the GUI thread.
    progressed = Signal(int, int, object)
    # A sync ended (complete or not): the window reloads its list.
    synced = Signal(object)

    def __init__(self, db: Database, actor: Actor, config: Config, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._config, self._tasks = db, actor, config, tasks
        self._stop = threading.Event()
        self.report: SyncReport | None = None
        self.setWindowTitle(translate("SyncDialog", "Sync with newsroom"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url_edit = QLineEdit(config.get_str(SETTING))
        self.url_edit.setPlaceholderText("postgresql://reporter@newsroom.example/sampadak")
        form.addRow(translate("SyncDialog", "Newsroom database"), self.url_edit)
        self.report_only = QCheckBox(translate(
            "SyncDialog", "Only list conflicts (keep no copy, change nothing)"))
        form.addRow("", self.report_only)
        layout.addLayout(form)
        self.who = QLabel(translate("SyncDialog", "Syncing as {name} (login {login})").format(
            name=actor.name, login=actor.login or "—"))
        layout.addWidget(self.who)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        layout.addWidget(self.log_view, 2)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.conflicts_label = QLabel(translate("SyncDialog", "Conflicts"))
        self.conflicts = QListWidget()
        self.conflicts_label.hide()
        self.conflicts.hide()
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        buttons = QDialogButtonBox()
        self.sync_button = QPushButton(translate("SyncDialog", "Sync"))
        self.stop_button = QPushButton(translate("SyncDialog", "Stop"))
        self.stop_button.setEnabled(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.sync_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.progressed.connect(self._on_progress)

    # ----------------------------------------------------------------- actions
    def start(self) -> None:
        """Remember the URL and run the sync in the background."""
        url = self.url_edit.text().strip()
        if not url:
            QMessageBox.warning(self, self.windowTitle(), translate(
                "SyncDialog", "Enter the newsroom's database URL."))
            return
        self._config.settings[SETTING] = remembered_url(url)
        try:
            self._config.save_settings()
        except Exception as exc:  # the settings file is not essential to a sync
            log.warning("could not remember the sync URL: %s", exc)
        self._stop.clear()
        self.report = None
        self.log_view.clear()
        self.summary.clear()
        self.conflicts.clear()
        self.conflicts_label.hide()
        self.conflicts.hide()
        self.progress.setRange(0, 0)  # busy until the first article is done
        self._set_running(True)
        policy: ConflictPolicy = "report" if self.report_only.isChecked() else "copy"
        self._append(translate("SyncDialog", "Connecting to the newsroom…"))

        def work() -> SyncReport:
            return open_and_sync(self._db, url, self._actor, policy=policy,
                                 progress=lambda d, t, i: self.progressed.emit(d, t, i),
                                 should_stop=self._stop.is_set)

        # Not on the writer thread: a sync over a slow link would hold the editor's
        # autosaves back for its whole length. Its writes are short transactions under
        # the optimistic lock, so a save racing one is a ConflictError, never a loss.
        self._tasks.run(work, done=self._finished, failed=self._failed, kind="sync")

    def stop(self) -> None:
        """Ask the sync to stop after the current article."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        self._append(translate("SyncDialog", "Stopping after the current story…"))

    def reject(self) -> None:
        """Closing while a sync runs stops it first (the dialog stays until it ends)."""
        if not self.sync_button.isEnabled():  # running
            if not self._stop.is_set():
                self.stop()
            return
        super().reject()

    # ----------------------------------------------------------------- results
    def _on_progress(self, done: int, total: int, item: SyncItem) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._append(f"[{done}/{total}] {_action_label(item.action)}: {item.headline}"
                     + (f" ({item.detail})" if item.detail else ""))

    def _finished(self, report: SyncReport) -> None:
        self.report = report
        self._set_running(False)
        counts = report.summary()
        text = translate(
            "SyncDialog", "Pushed {pushed}, pulled {pulled}, conflicts {conflicts}, "
            "unchanged {unchanged}, failed {failed}.").format(**counts)
        if report.error:
            text += " " + translate(
                "SyncDialog", "The sync stopped: {error}. Sync again to resume.").format(
                    error=report.error)
        elif report.stopped:
            text += " " + translate("SyncDialog", "Stopped; sync again to resume.")
        self.summary.setText(text)
        self.progress.setRange(0, max(report.planned, 1))
        self.progress.setValue(len(report.items))
        for item in report.conflicts:
            line = f"{item.headline}: " + translate(
                "SyncDialog", "{fields} changed on both sides").format(
                    fields=", ".join(item.fields) or "—")
            if item.copy_uuid:
                line += " — " + translate("SyncDialog", "your version kept as a copy")
            self.conflicts.addItem(line)
        self.conflicts_label.setVisible(bool(report.conflicts))
        self.conflicts.setVisible(bool(report.conflicts))
        self.synced.emit(report)
        show = QMessageBox.warning if (report.error or counts["failed"]) else \
            QMessageBox.information
        show(self, self.windowTitle(), text)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = translate("SyncDialog", "The sync could not start: {error}").format(
            error=error)
        self.summary.setText(message)
        self._append(message)
        QMessageBox.warning(self, self.windowTitle(), message)

    def _set_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.url_edit.setEnabled(not running)
        self.report_only.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def _append(self, line: str) -> None:
        self.log_view.appendPlainText(line)


def _action_label(action: str) -> str:
    labels = {
        "pushed": translate("SyncDialog", "sent"),
        "pulled": translate("SyncDialog", "received"),
        "conflict": translate("SyncDialog", "conflict"),
        "unchanged": translate("SyncDialog", "unchanged"),
        "failed": translate("SyncDialog", "failed"),
    }
    return labels.get(action, action)


def open_sync(window: QWidget) -> SyncDialog:
    """File → Sync with newsroom: the dialog for the window's database and acting user;
    the list reloads after each sync."""
    service = window.service  # type: ignore[attr-defined]
    dialog = SyncDialog(service.db, service.actor, window.config,  # type: ignore[attr-defined]
                        window.tasks, window)  # type: ignore[attr-defined]
    dialog.synced.connect(lambda _report: window.reload_list())  # type: ignore[attr-defined]
    dialog.open()
    return dialog

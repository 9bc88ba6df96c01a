"""Start-up on a damaged database: a dialog that says so and offers the latest backup."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from editor_app.config import load_config
from editor_app.core.article_data import ArticleData
from editor_app.core.backups import latest_backup, make_backup
from editor_app.core.errors import DatabaseDamaged, DiskFull, ReadOnlyDatabase
from editor_app.core.profiles import Role
from editor_app.gui import application
from editor_app.gui.dialogs import errors
from editor_app.gui.dialogs.damaged_database import (
    DamagedChoice,
    build_damaged_dialog,
    choice_of,
)
from tests.storage_helpers import PAGE, damage_pages, populated_sqlite

#: The tests that damage a database file (the dialogs and start-up recovery of a SQLite
#: profile); the excepthook and the healthy start run on both backends.
DAMAGES_SQLITE = pytest.mark.sqlite_only(reason="damages a SQLite file")


def _profile_with_damaged_db(tmp_path, *, backup: bool = True):
    profile = tmp_path / "profile"
    config = load_config(profile, environ={})
    config.ensure_dirs()
    path = config.data_dir / "sampadak.sqlite"
    populated_sqlite(path, articles=3)
    made = make_backup(path) if backup else None
    return config, path, made


def _buttons(box: QMessageBox) -> dict[str, QPushButton]:
    return {b.property("choice"): b for b in box.findChildren(QPushButton)
            if b.property("choice")}


@DAMAGES_SQLITE
def test_dialog_offers_backup_and_reports_the_click(qtbot, tmp_path):
    _config, path, backup = _profile_with_damaged_db(tmp_path)
    error = DatabaseDamaged(f"the database {path} is damaged", path=path, backup=backup)
    box = build_damaged_dialog(None, error, latest_backup(path))
    qtbot.addWidget(box)
    box.show()
    assert "damaged" in box.text() and str(path) in box.text()
    assert "autosaved" not in box.text() + box.informativeText()
    assert backup.name in box.informativeText() and "UTC" in box.informativeText()
    buttons = _buttons(box)
    assert set(buttons) == {c.value for c in DamagedChoice}
    qtbot.mouseClick(buttons[DamagedChoice.RESTORE_BACKUP.value], Qt.MouseButton.LeftButton)
    assert choice_of(box) is DamagedChoice.RESTORE_BACKUP


@DAMAGES_SQLITE
def test_dialog_without_backup_only_quits(qtbot, tmp_path):
    _config, path, _ = _profile_with_damaged_db(tmp_path, backup=False)
    box = build_damaged_dialog(None, DatabaseDamaged("damaged", path=path), None)
    qtbot.addWidget(box)
    box.show()
    assert set(_buttons(box)) == {DamagedChoice.QUIT.value}
    assert "No backup was found" in box.informativeText()


def _click_when_shown(qtbot, choice: DamagedChoice, seen: list[str]) -> None:
    """Click ``choice`` in the modal damaged-database dialog as soon as it is up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.windowTitle() + "\n" + box.text())
        qtbot.mouseClick(_buttons(box)[choice.value], Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _first_run(*_args):
    raise AssertionError("the profile already exists")


@pytest.fixture(autouse=True)
def _no_error_boxes(monkeypatch):
    """An error box would wait for a click forever: fail the test instead."""

    def fail(_parent, title, error):
        raise AssertionError(f"unexpected error dialog {title}: {error}")

    monkeypatch.setattr(application, "show_error", fail)


@DAMAGES_SQLITE
def test_start_on_damaged_file_restores_the_backup(qtbot, tmp_path):
    config, path, _backup = _profile_with_damaged_db(tmp_path)
    damage_pages(path, first_page=2)
    seen: list[str] = []
    _click_when_shown(qtbot, DamagedChoice.RESTORE_BACKUP, seen)
    db, window = application.build_window(config, _first_run)
    assert window is not None and db is not None
    qtbot.addWidget(window)
    try:
        assert seen and "Database damaged" in seen[0] and "autosaved" not in seen[0]
        assert not db.read_only
        assert len(window.service.list_articles()) == 3
        assert window.findChild(QLabel, "readOnlyBackupLabel") is None
        aside = list(path.parent.glob("sampadak.damaged-*.sqlite"))
        assert len(aside) == 1
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        window.close()
        db.close()


@DAMAGES_SQLITE
def test_start_on_damaged_file_opens_the_backup_read_only(qtbot, tmp_path):
    config, path, backup = _profile_with_damaged_db(tmp_path)
    damage_pages(path, first_page=2)
    damaged_bytes, backup_bytes = path.read_bytes(), backup.read_bytes()
    seen: list[str] = []
    _click_when_shown(qtbot, DamagedChoice.OPEN_BACKUP_READ_ONLY, seen)
    db, window = application.build_window(config, _first_run)
    assert window is not None and db is not None
    qtbot.addWidget(window)
    try:
        assert db.read_only
        label = window.findChild(QLabel, "readOnlyBackupLabel")
        assert label is not None and "read-only" in label.text()
        assert len(window.service.list_articles()) == 3
        with pytest.raises(ReadOnlyDatabase):
            window.service.create(ArticleData(headline="नया"))
    finally:
        window.close()
        db.close()
    assert path.read_bytes() == damaged_bytes  # nothing restored
    assert backup.read_bytes() == backup_bytes  # the backup itself never written


def _damage_table(path, table: str) -> None:
    """Damage only the root page of ``table`` (opening the file still works)."""
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(b"\xff" * PAGE)


@DAMAGES_SQLITE
def test_damage_found_while_building_the_window_also_asks(qtbot, tmp_path):
    config, path, _ = _profile_with_damaged_db(tmp_path)
    _damage_table(path, "user_profiles")
    seen: list[str] = []
    _click_when_shown(qtbot, DamagedChoice.QUIT, seen)
    db, window = application.build_window(config, _first_run)
    assert (db, window) == (None, None)
    assert seen and "Database damaged" in seen[0]


def test_excepthook_never_says_autosaved_for_storage_faults(qtbot, monkeypatch):
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    errors.install_excepthook()
    try:
        for exc in (DatabaseDamaged("the database x is damaged"), DiskFull("disk is full")):
            try:
                raise exc
            except Exception:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(shown) == 2
    assert "Close Sampadak and start it again" in shown[0] and "autosaved" not in shown[0]
    assert "disk is full" in shown[1] and "not saved yet" in shown[1]
    assert "autosaved" not in shown[1]


def test_healthy_start_shows_no_damage_dialog(qtbot, tmp_path, db_url):
    """A healthy start goes straight to the window (no damage dialog)."""
    config = load_config(tmp_path / "fresh", database=db_url, environ={})
    config.ensure_dirs()

    def no_damage(*_args):
        raise AssertionError("no damage dialog on a healthy database")

    db, window = application.build_window(config, lambda: ("नेहा", Role.COPY_EDITOR),
                                          no_damage)
    assert window is not None and db is not None
    qtbot.addWidget(window)
    window.close()
    db.close()

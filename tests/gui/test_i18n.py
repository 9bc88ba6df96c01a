"""UI language through Qt's translation mechanism (editor_app/gui/i18n.py)."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from editor_app.config import load_config
from editor_app.core.db import open_database
from editor_app.core.profiles import Role
from editor_app.gui import i18n
from editor_app.gui.application import open_main_window
from editor_app.gui.dialogs.profile_dialog import ProfileDialog
from tests.conftest import REPO_ROOT

TS = REPO_ROOT / "resources" / "translations" / "sampadak_hi.ts"
QM = TS.with_suffix(".qm")


def qt_tool(name: str) -> str:
    """A PySide6 command-line tool: beside the interpreter (a venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found (it comes with the PySide6 wheel)")
    return found


@pytest.fixture(autouse=True)
def default_language(qapp) -> Iterator[None]:
    """Every test here starts and ends with the default language and the shipped catalogue."""
    i18n.setup(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.setup(i18n.DEFAULT_LANGUAGE)


def form_label(dialog: ProfileDialog, field: QWidget) -> str:
    layout = dialog.layout()
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


@pytest.mark.parametrize(("language", "name", "welcome"), [
    ("hi-en", "नाम (Name)", "संपादक में आपका स्वागत है। (Welcome to Sampadak.)"),
    ("hi", "नाम", "संपादक में आपका स्वागत है।"),
    ("en", "Name", "Welcome to Sampadak."),
], ids=["hi-en", "hi", "en"])
def test_profile_dialog_in_each_ui_language(qtbot, language, name, welcome):
    assert i18n.setup(language) is (language != "en")
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    assert form_label(dialog, dialog.name_edit) == name
    assert welcome in {label.text() for label in dialog.findChildren(QLabel)}
    assert dialog.windowTitle().startswith("Sampadak — ")


def test_untranslated_text_and_unknown_setting_fall_back(caplog, monkeypatch):
    assert i18n.translate("ProfileDialog", "No such label") == "No such label"
    i18n.setup("hi")
    assert i18n.translate("ProfileDialog", "No such label") == "No such label"
    monkeypatch.setattr(i18n, "system_language", lambda locale_name=None: "hi")
    assert i18n.setup("klingon") and i18n.current_language() == "hi"
    assert "klingon" in caplog.text


def test_missing_catalogue_leaves_english(tmp_path, caplog):
    assert not i18n.setup("hi", catalogue=tmp_path / "missing.qm")
    assert i18n.translate("ProfileDialog", "Name") == "Name"
    assert "labels stay English" in caplog.text


def test_mnemonic_stays_in_the_english_part(tmp_path):
    ts = tmp_path / "t_hi.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
<context><name>Menu</name>
<message><source>&amp;File</source><translation>&amp;फ़ाइल</translation></message>
<message><source>Save &amp;&amp; close</source>
  <translation>सहेजें &amp;&amp; बंद</translation></message>
</context></TS>
""", "utf-8")
    qm = tmp_path / "t_hi.qm"
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)
    assert i18n.setup("hi-en", catalogue=qm)
    assert i18n.translate("Menu", "&File") == "फ़ाइल (&File)"
    assert i18n.translate("Menu", "Save && close") == "सहेजें && बंद (Save && close)"
    i18n.setup("hi", catalogue=qm)
    assert i18n.translate("Menu", "&File") == "&फ़ाइल"


def test_first_run_dialog_follows_the_setting(qtbot, profile_dir, db_url):
    config = load_config(profile_dir, database=db_url, environ={})
    config.ensure_dirs()
    config.settings["ui_language"] = "en"
    seen: list[str] = []

    def ask() -> tuple[str, Role]:
        dialog = ProfileDialog()
        qtbot.addWidget(dialog)
        seen.append(form_label(dialog, dialog.name_edit))
        return "Neha", Role.REPORTER

    db = open_database(config.database_url)
    try:
        window = open_main_window(config, db, ask)
        assert window is not None
        qtbot.addWidget(window)
    finally:
        db.close()
    assert seen == ["Name"]


def test_catalogue_is_complete_and_compiled(tmp_path):
    """Every translate() string in editor_app is in the .ts with its Hindi, and the .qm
    is the compiled .ts (packaging/update_translations.sh keeps them so)."""
    text = TS.read_text("utf-8")
    assert 'type="unfinished"' not in text and 'type="vanished"' not in text
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (REPO_ROOT / "editor_app").rglob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete",
                    "-locations", "none", *sources, "-ts", str(fresh)], check=True)
    assert fresh.read_text("utf-8") == text, "run: bash packaging/update_translations.sh"
    qm = tmp_path / QM.name
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)],
                   check=True)
    assert filecmp.cmp(qm, QM, shallow=False), "run: bash packaging/update_translations.sh"


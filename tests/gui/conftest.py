"""GUI fixtures: a real main window on a temp profile, shown offscreen.

The window's database comes from the shared ``database_factory`` (``db_url``): a SQLite file
in the test's temp folder, or a fresh PostgreSQL copy when ``SAMPADAK_TEST_POSTGRES_URL`` is
set (``packaging/postgres_test.sh``), so every GUI test runs on the backend under test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from editor_app.config import Config, load_config
from editor_app.core.db import Database, open_database
from editor_app.core.profiles import Role, create_profile
from editor_app.core.text.spell import SpellChecker, create_spell_checker
from editor_app.gui import i18n
from editor_app.gui.application import open_main_window
from editor_app.gui.editor.rich_editor import RichEditor
from editor_app.gui.main_window import MainWindow
from editor_app.gui.translations import install_qt_translations
from tests.conftest import skip_unless_spelling

WindowFactory = Callable[..., MainWindow]

#: The first-run profile of ``make_window``: a desk chief, who may edit in every status
#: (tests of the workflow switch to a reporter or copy editor themselves).
WINDOW_USER = ("नेहा त्रिपाठी", Role.DESK_CHIEF)


@pytest.fixture(autouse=True)
def bilingual_ui(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts in the bilingual UI the tests were written against, whatever
    an earlier test in the process left installed: a test that builds its window without
    :func:`open_main_window` (which applies the profile's language) would otherwise see the
    labels of the previous test's language, and pass or fail by the order of the run."""
    i18n.setup(i18n.DEFAULT_LANGUAGE)
    yield


@pytest.fixture
def gui_config(profile_dir, db_url) -> Config:
    """A temp profile whose database is the test's ``db_url`` (the backend under test)."""
    config = load_config(profile_dir, database=db_url, environ={})
    config.ensure_dirs()
    # the bilingual form the GUI tests were written against, whatever the machine's locale
    # (the default, "", follows the system: tests/gui/test_ui_language.py)
    config.settings["ui_language"] = "hi-en"
    return config


@pytest.fixture
def gui_db(gui_config) -> Iterator[Database]:
    database = open_database(gui_config.database_url)
    yield database
    database.close()


def close_and_settle(window: MainWindow) -> None:
    """Close ``window`` the way a user does (pending edits are saved first, in the
    background) and wait until that save landed: the test's database is dropped right
    after the test on PostgreSQL, and a save still running then would fail.

    A window that stays open (the test left edits that cannot be saved: a conflict it
    cancelled, a failing database) drops those edits and closes, so no later close starts
    a save against a database that is going away."""
    window.close()
    window.tasks.wait_idle(timeout=60)
    if window.isVisible():
        window.saver.set_record(None)
        window.close()
        window.tasks.wait_idle(timeout=60)


@pytest.fixture
def make_window(qtbot, gui_config, gui_db) -> Iterator[WindowFactory]:
    """Open a main window (first run answers the profile dialog with :data:`WINDOW_USER`,
    or ``factory(role=...)`` for another role)."""

    def factory(role: Role = WINDOW_USER[1]) -> MainWindow:
        window = open_main_window(gui_config, gui_db, lambda: (WINDOW_USER[0], role))
        assert window is not None
        qtbot.addWidget(window, before_close_func=close_and_settle)
        window.show()
        qtbot.waitExposed(window)
        assert window.tasks.wait_idle(), "the first list load and open did not finish"
        return window

    yield factory
    # start-up installed Hindi for Qt's own strings; later tests start from Qt's English
    install_qt_translations(QApplication.instance(), "en")


@pytest.fixture
def user_id(db: Database) -> int:
    """A copy editor's profile on the ``db`` fixture."""
    return create_profile(db, "नेहा त्रिपाठी", Role.COPY_EDITOR).id


@pytest.fixture
def checker(db: Database, user_id: int) -> SpellChecker:
    """A real spell-checker (skips where enchant or hi_IN is missing)."""
    speller = create_spell_checker(db, user_id)
    if not speller.available:
        skip_unless_spelling(speller.unavailable_reason)
    return speller


@pytest.fixture
def rich(qtbot) -> RichEditor:
    """A shown rich editor."""
    editor = RichEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.text_edit.setFocus()
    return editor


@pytest.fixture
def editor(rich: RichEditor) -> RichEditor:
    """The rich editor, focused (the name the editor's own tests use)."""
    return rich


@pytest.fixture(autouse=True)
def _unfreeze_gc() -> Iterator[None]:
    """A window freezes its start-up objects out of the collector; give them back after
    each test so windows of earlier tests can be collected."""
    yield
    import gc

    gc.unfreeze()

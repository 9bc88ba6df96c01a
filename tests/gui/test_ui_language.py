"""The UI language end to end: menus in Hindi or English, the system default, display names
of core tables, numbers and dates, and every translate() call visible to the catalogue."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date
from xml.etree import ElementTree

import pytest
import regex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolBar

from editor_app.core.profiles import Role
from editor_app.core.text.counts import TextCounts
from editor_app.core.workflow.queues import Queue
from editor_app.core.workflow.statuses import TRANSITIONS, Status
from editor_app.gui import i18n
from editor_app.gui.application import open_main_window
from editor_app.gui.display_names import (
    field_label,
    move_label,
    queue_label,
    role_label,
    status_label,
)
from editor_app.gui.locale_format import format_count, format_date, format_day_month
from editor_app.gui.translations import install_qt_translations
from tests.conftest import REPO_ROOT
from tests.gui.conftest import WINDOW_USER

TS = REPO_ROOT / "resources" / "translations" / "sampadak_hi.ts"
_LATIN = regex.compile(r"[A-Za-z]")
_DEVANAGARI = regex.compile(r"[\u0900-\u097f]")
#: Latin that may stay in a Hindi menu: names of formats, products and keys, as printed.
ALLOWED_LATIN = ("Markdown", "HTML", "CMS", "PDF", "TOML", "URL", "Sampadak", "IPTC",
                 "ninjs", "JSON", "WordPress", "WXR", "Ctrl", "Shift", "Alt", "Del", "Tab")


@pytest.fixture(autouse=True)
def restore_language(qapp) -> Iterator[None]:
    yield
    i18n.setup(i18n.DEFAULT_LANGUAGE)
    install_qt_translations(QApplication.instance(), "en")


def menu_texts(menu: QMenu) -> list[str]:
    """The menu's title and every action's text, submenus recursively."""
    texts = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            texts += menu_texts(sub)
        else:
            texts.append(action.text())
    return texts


def window_menu_texts(window) -> list[str]:
    texts: list[str] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()  # menus filled on demand (the Workflow menu) fill now
        texts += menu_texts(menu)
    return [t.replace("&&", "\0").replace("&", "").replace("\0", "&") for t in texts if t]


def open_window(qtbot, gui_config, gui_db, language: str):
    gui_config.settings["ui_language"] = language
    window = open_main_window(gui_config, gui_db, lambda: WINDOW_USER)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.tasks.wait_idle()
    return window




def latin_left(text: str) -> str:
    """The Latin letters of a menu text (mnemonics already stripped of their ``&``) besides
    the allowed words and the mnemonic key the Hindi form adds: ``फ़ाइल (F)``."""
    text = regex.sub(r" \([A-Z0-9]\)", "", text)
    for word in ALLOWED_LATIN:
        text = text.replace(word, "")
    return "".join(_LATIN.findall(text))


def test_hindi_menus_have_no_latin_letters(qtbot, gui_config, gui_db):
    window = open_window(qtbot, gui_config, gui_db, "hi")
    texts = window_menu_texts(window)
    assert len(texts) > 50  # File, Edit, View, Checks, Desk, Workflow, Help and their actions
    assert "फ़ाइल (F)" in texts and "वर्तनी जांचें (C)…" in texts
    assert [t for t in texts if latin_left(t)] == []
    # Alt+F still opens the File menu: the key of the English source, after the Hindi
    assert window.menuBar().actions()[0].text() == "फ़ाइल (&F)"
    assert window.spelling_action.text() == "वर्तनी जांचें (&C)…"
    toolbar = window.findChild(QToolBar, "article_toolbar")
    assert toolbar.widgetForAction(window.new_action).text() == "नया लेख"  # no "(N)" there


def test_english_menus_have_no_devanagari(qtbot, gui_config, gui_db):
    window = open_window(qtbot, gui_config, gui_db, "en")
    texts = window_menu_texts(window)
    assert len(texts) > 50
    assert "File" in texts and "Check spelling…" in texts
    assert [t for t in texts if _DEVANAGARI.search(t)] == []


def test_default_language_follows_the_system_locale(qtbot, gui_config, gui_db, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda locale_name=None: "en")
    window = open_window(qtbot, gui_config, gui_db, i18n.SYSTEM)
    assert i18n.current_language() == "en"
    assert window.menuBar().actions()[0].text() == "&File"


def test_unset_setting_is_the_system_language(qtbot, gui_config, gui_db, monkeypatch):
    """A profile that never chose (no ui_language in settings.toml) follows the system."""
    monkeypatch.setattr(i18n, "system_language", lambda locale_name=None: "hi")
    del gui_config.settings["ui_language"]
    window = open_main_window(gui_config, gui_db, lambda: WINDOW_USER)
    assert window is not None
    qtbot.addWidget(window)
    assert i18n.current_language() == "hi"
    assert window.menuBar().actions()[0].text() == "फ़ाइल (&F)"


@pytest.mark.parametrize(("locale_name", "language"), [
    ("hi_IN", "hi"), ("hi", "hi"), ("hi-IN", "hi"), ("HI_in", "hi"),
    ("en_US", "en"), ("en_IN", "en"), ("C", "en"), ("mr_IN", "en"), ("", "en"),
])
def test_system_locale_maps_to_a_ui_language(locale_name, language):
    assert i18n.system_language(locale_name) == language


def test_display_names_in_each_language():
    """"hi-en" gives exactly the core's bilingual label, so the Hindi was carried over; "hi"
    and "en" give one script each."""
    tables = ([(status_label(s), s.label) for s in Status]
              + [(role_label(r), r.label) for r in Role]
              + [(queue_label(q), q.label) for q in Queue]
              + [(move_label(t), t.label) for t in TRANSITIONS])
    i18n.setup("hi-en")
    assert [shown for shown, _ in tables] == [core for _, core in tables]
    names = [f(v) for f, values in ((status_label, Status), (role_label, Role),
                                    (queue_label, Queue)) for v in values]
    i18n.setup("hi")
    hindi = [f(v) for f, values in ((status_label, Status), (role_label, Role),
                                    (queue_label, Queue)) for v in values]
    hindi += [move_label(t) for t in TRANSITIONS] + [field_label("dateline_place")]
    assert hindi[0] == "मसौदा" and [h for h in hindi if _LATIN.search(h)] == []
    i18n.setup("en")
    english = [f(v) for f, values in ((status_label, Status), (role_label, Role),
                                      (queue_label, Queue)) for v in values]
    assert english[0] == "Draft" and [e for e in english if _DEVANAGARI.search(e)] == []
    assert len(set(names)) == len(names)
    assert status_label("no_such_status") == "no_such_status"


def test_numbers_and_dates_follow_the_language():
    i18n.setup("hi")
    assert format_count(1234567) == "12,34,567"  # Indian grouping from Qt's hi_IN
    assert format_date(date(2026, 12, 1)) == "1 दिसंबर 2026"
    assert format_day_month(date(2026, 4, 22)) == "22 अप्रैल"
    i18n.setup("en")
    assert format_date(date(2026, 12, 1)) == "1 December 2026"
    assert "," in format_count(1234567)


def test_status_bar_counts_use_indian_grouping_in_hindi(qtbot, gui_config, gui_db):
    window = open_window(qtbot, gui_config, gui_db, "hi")
    window._show_counts(TextCounts(words=1234567, aksharas=2345678, characters=3456789,
                                   code_points=3456789,
                                   reading_minutes=6000))
    text = window.counts_label.text()
    assert text.startswith("शब्द 12,34,567 · अक्षर 23,45,678")
    assert "(" not in text  # one language in the status bar, also for "hi-en"


def test_preferences_offer_system_hindi_english_and_bilingual(qtbot, make_window,
                                                              monkeypatch):
    from editor_app.gui.dialogs.preferences_dialog import PreferencesDialog
    from editor_app.preferences import read_preferences

    window = make_window()
    monkeypatch.setattr(i18n, "system_language", lambda locale_name=None: "hi")
    current = read_preferences(window.config, window.profile)
    dialog = PreferencesDialog(current, window.profile, ["default"], [], parent=window)
    qtbot.addWidget(dialog)
    values = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert values == [i18n.SYSTEM, "hi", "en", "hi-en"]
    assert "हिंदी" in dialog.language.itemText(0)  # says what "system" gives now
    assert dialog.language.currentData() == "hi-en"  # what gui_config chose
    dialog.language.setCurrentIndex(values.index("en"))
    assert dialog.preferences().ui_language == "en"
    dialog.language.setCurrentIndex(0)
    assert dialog.preferences().ui_language == i18n.SYSTEM
    hints = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "next start" in hints


def _catalogue() -> set[tuple[str, str]]:
    root = ElementTree.parse(TS).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_every_literal_translate_call_is_in_the_catalogue():
    """pyside6-lupdate silently skips translate() inside f-strings, with keyword arguments,
    or under another name (short_label): each literal call must reach the catalogue."""
    catalogue = _catalogue()
    missing, hidden = [], []
    for path in sorted((REPO_ROOT / "editor_app").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        in_fstrings = {id(node) for joined in ast.walk(tree) if isinstance(joined, ast.JoinedStr)
                       for node in ast.walk(joined)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call)
                    and _name(node) in ("translate", "short_label", "QT_TRANSLATE_NOOP")):
                continue
            args = node.args[:2]
            if len(args) < 2 or not all(isinstance(a, ast.Constant) for a in args):
                continue  # a variable: its literal is marked with QT_TRANSLATE_NOOP
            where = f"{path.name}:{node.lineno}"
            if id(node) in in_fstrings or node.keywords:
                hidden.append(where)
            key = (args[0].value, args[1].value)  # type: ignore[attr-defined]
            if key not in catalogue:
                missing.append((where, *key))
    assert hidden == [] and missing == []


def test_menu_actions_change_with_the_language(qtbot, gui_config, gui_db):
    """The same action in both languages: a real translation, not a fallback."""
    hindi = open_window(qtbot, gui_config, gui_db, "hi")
    assert hindi.editor.findChild(QAction, "editor_bold").text() == "गहरा"
    assert hindi.side_tabs.tabText(0) == "विवरण"
    hindi.close()
    english = open_window(qtbot, gui_config, gui_db, "en")
    # keyboard_access gives every menu entry a mnemonic: compare the words.
    assert english.editor.findChild(QAction, "editor_bold").text().replace("&", "") == "Bold"
    assert english.side_tabs.tabText(0) == "Details"


def test_every_translation_keeps_its_placeholders_and_is_hindi():
    """A translation that drops ``{n}`` would raise or lie at .format() time; one without
    Devanagari would show English in the Hindi UI."""
    root = ElementTree.parse(TS).getroot()
    placeholder = regex.compile(r"\{\w*\}")
    wrong = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        hindi = message.findtext("translation") or ""
        if (sorted(placeholder.findall(source)) != sorted(placeholder.findall(hindi))
                or not _DEVANAGARI.search(hindi)):
            wrong.append((source, hindi))
    assert len(list(root.iter("message"))) > 400
    assert wrong == []


def test_checks_panel_shows_core_rule_titles_in_the_ui_language(qtbot, gui_config, gui_db):
    """Lint rule titles come from core in both languages; the panel shows one form."""
    from editor_app.core.text.lint.engine import rule_catalog

    rule = next(r for r in rule_catalog() if r["title"] and r["title_hi"])
    hindi = open_window(qtbot, gui_config, gui_db, "hi")
    assert hindi.checks.rule_title(rule["id"]) == rule["title_hi"]
    hindi.close()
    english = open_window(qtbot, gui_config, gui_db, "en")
    assert english.checks.rule_title(rule["id"]) == rule["title"]
    i18n.setup("hi-en")
    assert i18n.in_language("हल", "resolved") == "हल (resolved)"
    assert i18n.in_language("हल", "resolved", "\n") == "हल\nresolved"
    assert i18n.in_language("", "resolved") == "resolved"

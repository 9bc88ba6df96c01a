"""Dark theme and the high-contrast check (issue 13 item 5.3)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.gui import theme
from editor_app.gui.palette import (
    CONTRAST_PAIRS,
    DARK,
    LIGHT,
    NON_TEXT,
    TEXT,
    AppColours,
    contrast_ratio,
)
from editor_app.gui.preferences_actions import open_preferences
from editor_app.gui.review.diff_view import DiffView, diff_css

GUI = Path(__file__).resolve().parents[2] / "editor_app" / "gui"
#: Colour literals that are not theme colours, with the reason.
ALLOWED_LITERALS = {
    "palette.py": "the palette itself",
    "text_edit.py": "the image placeholder is drawn as a paper card of its own",
}


@pytest.fixture
def light_again(qapp) -> Iterator[None]:
    """Tests that switch the theme leave the app light for the next test."""
    yield
    theme.apply_theme("light")
    theme.reset()


def test_contrast_formula_matches_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=lambda c: c.name)
def test_every_colour_pair_meets_wcag_in_both_themes(colours: AppColours):
    failures = []
    for foreground, background, minimum in CONTRAST_PAIRS:
        ratio = contrast_ratio(getattr(colours, foreground), getattr(colours, background))
        if ratio < minimum:
            failures.append(f"{foreground} on {background}: {ratio:.2f} < {minimum}")
    for colour in colours.authors:  # tracked-change text, one colour per author
        ratio = contrast_ratio(colour, colours.base)
        if ratio < TEXT:
            failures.append(f"author colour {colour} on base: {ratio:.2f} < {TEXT}")
    for colour in colours.chart_status:
        ratio = contrast_ratio(colour, colours.window)
        if ratio < NON_TEXT:
            failures.append(f"chart bar {colour} on window: {ratio:.2f} < {NON_TEXT}")
    assert not failures, "\n".join(failures)


def test_the_check_fails_on_a_bad_pair():
    grey_on_white = AppColours(**{**{f: getattr(LIGHT, f) for f in LIGHT.__slots__},
                                  "muted_text": "#aaaaaa"})
    ratio = contrast_ratio(grey_on_white.muted_text, grey_on_white.base)
    assert ratio < TEXT  # the pair ("muted_text", "base") would fail the test above
    assert ("muted_text", "base", TEXT) in CONTRAST_PAIRS


def test_every_theme_colour_is_checked_against_a_background():
    checked = {name for pair in CONTRAST_PAIRS for name in pair[:2]}
    structural = {"disabled_text", "light", "mid", "dark", "tag_chip_border"}
    assert set(LIGHT.names()) - checked == structural


def test_no_colour_literal_outside_the_palette():
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\"[a-z]+\"\)|GlobalColor\.(?:red|"
                         r"darkGray|gray|white|black)")
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name in ALLOWED_LITERALS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if literal.search(line):
                found.append(f"{path.relative_to(GUI)}:{number}: {line.strip()}")
    assert not found, "colours belong in gui/palette.py:\n" + "\n".join(found)


def test_dark_palette_is_applied_to_the_application(qapp, light_again):
    applied = theme.apply_theme("dark")
    assert applied is DARK and theme.colours() is DARK
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Base).name() == DARK.base
    assert palette.color(QPalette.ColorRole.Text).name() == DARK.text
    assert theme.apply_theme("light") is LIGHT
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == LIGHT.base


def test_system_follows_the_desktop_scheme(qapp, light_again, monkeypatch):
    monkeypatch.setattr(theme, "_system_is_dark", lambda: True)
    assert theme.resolve("system") == "dark"
    assert theme.apply_theme("system") is DARK
    monkeypatch.setattr(theme, "_system_is_dark", lambda: False)
    theme._system_changed()  # the desktop switched back
    assert theme.colours() is LIGHT and theme.current_choice() == "system"
    assert theme.normalise_theme("purple") == "system"


def test_the_diff_view_recolours_live(qtbot, light_again):
    view = DiffView()
    qtbot.addWidget(view)
    assert view.browser.document().defaultStyleSheet() == diff_css(LIGHT)
    theme.apply_theme("dark")
    assert view.browser.document().defaultStyleSheet() == diff_css(DARK)
    assert DARK.diff_added_strong in diff_css(DARK)


def test_choosing_dark_in_preferences_recolours_the_open_window_at_once(
        qtbot, make_window, gui_db, gui_config, light_again):
    service = ArticleService(gui_db)
    service.create(ArticleData(headline="सरकार ने मजूबत कदम उठाया", body="पहला अनुच्छेद।\n"))
    window = make_window()
    assert theme.colours() is LIGHT  # "system" on a desktop that says nothing: light
    highlighter = window.spell_highlighter
    assert highlighter._format.underlineColor().name() == LIGHT.spell_underline
    dialog = open_preferences(window)
    index = dialog.theme.findData("dark")
    dialog.theme.setCurrentIndex(index)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert gui_config.settings["theme"] == "dark"
    assert theme.colours() is DARK
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).name()
                    == DARK.base)  # the palette reaches every widget
    assert window.palette().color(QPalette.ColorRole.Base).name() == DARK.base
    assert window.editor.text_edit.palette().color(QPalette.ColorRole.Text).name() == DARK.text
    assert highlighter._format.underlineColor().name() == DARK.spell_underline
    assert window.history.view.browser.document().defaultStyleSheet() == diff_css(DARK)
    strip = window.workflow.strip
    if strip.status_label.autoFillBackground():
        chip = strip.status_label.palette().color(QPalette.ColorRole.Window)
        assert chip.name() in {DARK.chip(s) for s in ("draft", "submitted", "in_copy_edit",
                                                      "returned", "approved", "exported",
                                                      "spiked")}
    brush = window.article_list.model.data(window.article_list.model.index(0, 0))
    assert brush is not None  # the list still paints
    assert QColor(theme.colours().overdue_text).name() == DARK.overdue_text

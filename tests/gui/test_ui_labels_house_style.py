"""The app's own labels follow the shipped house style (it used to flag its own "जाँच").

Two nets: every visible string of a built main window and its spelling dialog (menu and
toolbar actions, tooltips, tab titles, buttons, labels, placeholders, combo items, headers),
and every Devanagari string literal in ``editor_app/gui`` (so dialogs not opened here are
covered too). Both are linted with the shipped default house style and must give nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree import ElementTree

import regex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from editor_app.core.house_style import default_style
from editor_app.core.text.lint import lint_text
from editor_app.gui.dialogs.spelling_dialog import SpellingDialog
from tests.conftest import REPO_ROOT

#: Labels that quote what the user types or what search folds, on purpose.
EXAMPLES = {
    "ज़=ज, हँ=हं": "shows which spellings search treats as the same",
    'सभी लेखों में खोजें — "वाक्यांश" भी (search all articles)…':
        "straight quotes are the phrase-search syntax the user types",
    'सभी लेखों में खोजें — "वाक्यांश" भी': "the same, as its catalogue translation",
}
_DEVANAGARI = regex.compile(r"[\u0900-\u097f]")


def widget_strings(root: QWidget) -> set[str]:
    """Every user-visible string of ``root`` and its children."""
    texts: set[str] = {root.windowTitle()}
    for action in root.findChildren(QAction):
        texts |= {action.text(), action.toolTip(), action.iconText(), action.statusTip()}
    for widget in root.findChildren(QWidget):
        texts |= {widget.toolTip(), widget.windowTitle(), widget.statusTip()}
        if isinstance(widget, QAbstractButton | QLabel):
            texts.add(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i) for i in range(widget.count())}
            texts |= {widget.tabToolTip(i) for i in range(widget.count())}
        if isinstance(widget, QComboBox):
            texts |= {widget.itemText(i) for i in range(widget.count())}
        if isinstance(widget, QMenu):
            texts.add(widget.title())
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts |= {header.text(i) for i in range(header.columnCount())}
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                if item is not None:
                    texts |= {item.text(), item.toolTip()}
    return {text for text in texts if text and _DEVANAGARI.search(text)}


def flagged(texts: set[str]) -> list[tuple[str, str, str]]:
    style = default_style()
    return [(text, f.rule, f.text) for text in sorted(texts - EXAMPLES.keys())
            for f in lint_text(text, style)]


def test_main_window_labels_pass_the_house_style(make_window) -> None:
    window = make_window()
    texts = widget_strings(window)
    dialog = SpellingDialog(window.metadata.spelling_fields(), window.speller, parent=window)
    texts |= widget_strings(dialog)
    dialog.close()
    assert len(texts) > 60  # the collection really saw the window
    assert "जांच (&Checks)" in texts
    assert flagged(texts) == []


def _gui_literals() -> dict[str, str]:
    """Devanagari string constants of ``editor_app/gui`` (docstrings left out)."""
    found: dict[str, str] = {}
    for path in sorted((REPO_ROOT / "editor_app" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and _DEVANAGARI.search(node.value)):
                found.setdefault(node.value, f"{Path(path).name}:{node.lineno}")
    return found


def test_every_gui_string_literal_passes_the_house_style() -> None:
    """What is left as a Devanagari literal (examples, sample text, the names of the
    languages); the labels themselves are in the catalogue, checked below."""
    literals = _gui_literals()
    assert len(literals) > 5
    problems = [(literals[text], rule, word) for text, rule, word in flagged(set(literals))]
    assert problems == []


def test_hindi_translations_pass_the_house_style() -> None:
    """The Qt Linguist catalogue's Hindi (gui/i18n.py) follows the same sheet."""
    catalogue = REPO_ROOT / "resources" / "translations" / "sampadak_hi.ts"
    root = ElementTree.parse(catalogue).getroot()
    translations = {node.text for node in root.iter("translation") if node.text}
    assert translations
    assert flagged(translations) == []

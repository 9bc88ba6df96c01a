"""The "Check spelling" dialog walked with real buttons on a real document and checker."""

from __future__ import annotations

import unicodedata

import regex
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from editor_app.core.db import Database
from editor_app.core.errors import SpellCheckUnavailable
from editor_app.core.text.spell import SpellChecker, SpellDict, create_spell_checker
from editor_app.gui.dialogs.spelling_dialog import (
    SpellingDialog,
    context_snippet,
    done_text,
    find_misspellings,
)
from editor_app.gui.editor.rich_editor import RichEditor
from editor_app.gui.editor.spell_highlighter import SpellHighlighter

TYPO, FIXED = "मजूबत", "मजबूत"
PLACE = "खटखटौली"


def test_walk_change_all_is_one_undo_step(rich: RichEditor, checker: SpellChecker,
                                          qtbot: QtBot) -> None:
    highlighter = SpellHighlighter(checker)
    rich.attach_highlighter(highlighter)
    body = (f"सरकार ने **{TYPO}** कदम उठाया। लोग पढें।\n\n"
            f"## {TYPO} इरादा\n\nगाँव {PLACE} में {TYPO} पुल बना।\n")
    rich.set_markdown(body)
    QApplication.processEvents()
    dialog = SpellingDialog(rich.text_edit, checker, highlighter)
    qtbot.addWidget(dialog)
    edit = rich.text_edit

    assert dialog.current is not None and dialog.current.word == TYPO
    assert edit.textCursor().selectedText() == TYPO  # the word is selected in the editor
    assert dialog.suggestions.item(0).text() == FIXED
    assert dialog.change_to.text() == FIXED
    assert TYPO in dialog.context.text() and "सरकार" in dialog.context.text()

    dialog.buttons["change_all"].click()
    assert rich.markdown() == body.replace(TYPO, FIXED)
    assert dialog.current is not None and dialog.current.word == "पढें"
    assert edit.textCursor().selectedText() == "पढें"
    rich.text_edit.undo()  # Change all is a single undo step
    assert rich.markdown() == body
    rich.text_edit.redo()
    assert rich.markdown() == body.replace(TYPO, FIXED)

    dialog.buttons["change"].click()  # first suggestion पढ़ें
    assert "लोग पढ़ें।" in rich.markdown()
    assert dialog.current is not None and dialog.current.word == PLACE
    dialog.buttons["add"].click()
    assert dialog.current is None
    assert dialog.status.text() == done_text()
    assert not dialog.buttons["change"].isEnabled()
    assert checker.is_correct(PLACE)
    assert find_misspellings(edit.document(), checker) == []


def test_skip_ignore_and_ignore_all(qtbot: QtBot, checker: SpellChecker, db: Database,
                                    user_id: int) -> None:
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(f"{TYPO} और {PLACE}, फिर {TYPO} और {PLACE}; पढें")
    highlighter = SpellHighlighter(checker, edit.document())
    dialog = SpellingDialog(edit, checker, highlighter)
    qtbot.addWidget(dialog)
    seen = []
    assert dialog.current is not None
    seen.append(dialog.current.word)
    dialog.buttons["skip"].click()  # this occurrence only
    assert dialog.current is not None
    seen.append(dialog.current.word)
    dialog.buttons["ignore"].click()  # PLACE for the rest of this check
    assert dialog.current is not None
    seen.append(dialog.current.word)
    dialog.buttons["ignore_all"].click()  # TYPO on the personal list
    assert dialog.current is not None
    seen.append(dialog.current.word)
    assert seen == [TYPO, PLACE, TYPO, "पढें"]
    assert not checker.is_correct(PLACE)  # session ignore is not stored
    assert create_spell_checker(db, user_id).is_correct(TYPO)
    dialog.change_to.setText("पढ़ें")
    dialog.buttons["change"].click()
    assert edit.toPlainText().endswith("; पढ़ें")
    assert dialog.current is None and dialog.status.text() == done_text()


def test_unavailable_checker_says_why(qtbot: QtBot, db: Database, user_id: int) -> None:
    def broken() -> tuple[SpellDict, SpellDict | None]:
        raise SpellCheckUnavailable("spell-check unavailable: install hunspell-hi")

    speller = create_spell_checker(db, user_id, loader=broken)
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(f"{TYPO} पढें")
    dialog = SpellingDialog(edit, speller)
    qtbot.addWidget(dialog)
    assert dialog.current is None
    assert "hunspell-hi" in dialog.status.text()
    assert not any(b.isEnabled() for b in dialog.buttons.values())


def _context_plain(dialog: SpellingDialog) -> str:
    document = QTextDocument()
    document.setHtml(dialog.context.text())
    return document.toPlainText()


def test_context_is_cut_at_word_and_akshara_boundaries(qtbot: QtBot,
                                                       checker: SpellChecker) -> None:
    """The old 60-code-point cut started the context on a vowel sign (a dotted circle)
    and ended it inside a word; now it starts and ends on whole words."""
    left = "प्रधानमंत्री ने कहा कि राज्य सरकार बाढ़ प्रभावित क्षेत्रों में राहत पहुंचाएगी और "
    right = " से बने मजबूत पुल का उद्घाटन अगले महीने होगा जिसमें मुख्यमंत्री भी शामिल होंगे"
    text = left + TYPO + right
    # the old cut points fall inside a cluster / a word here
    assert unicodedata.category(left[-60]) in ("Mn", "Mc")
    assert not right[59].isspace() and not right[60].isspace()
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    dialog = SpellingDialog(edit, checker)
    qtbot.addWidget(dialog)
    assert dialog.current is not None and dialog.current.word == TYPO
    shown = _context_plain(dialog)
    before, _, after = shown.partition(TYPO)
    assert before.startswith("…") and after.endswith("…")
    first_word, last_word = before[1:].split()[0], after[:-1].split()[-1]
    assert first_word in left.split() and last_word in right.split()  # whole words
    assert unicodedata.category(before[1]) not in ("Mn", "Mc")  # no dotted circle


def test_context_snippet_falls_back_to_whole_clusters() -> None:
    """Inside one huge word (no space near) the cut falls between aksharas."""
    word = "क्षत्रिय" * 20  # clusters क्ष, त्रि, य
    before, shown, after = context_snippet(word + " " + TYPO + " " + word,
                                           len(word) + 1, len(word) + 1 + len(TYPO), 20)
    assert shown == TYPO
    for part in (before.lstrip("…"), after.rstrip("…")):
        clusters = regex.findall(r"\X", part.strip())
        assert clusters and all(c in ("क्ष", "त्रि", "य") for c in clusters)
    assert context_snippet("छोटा वाक्य", 0, 4) == ("", "छोटा", " वाक्य")  # nothing cut

"""Devanagari editing comfort and find/replace in the rich editor (real key events).

Chosen behaviour (see ``text_edit`` docstring): arrows move by akshara (Qt's grapheme
clusters, equal to the core's ``\\X``), Backspace deletes one code point, Delete deletes one
akshara.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor_app.core.text.tokenize import akshara_split
from editor_app.gui.editor.rich_editor import RichEditor
from tests.gui.typing import type_text

WORDS = "क्षि र्त्य ज़्यादा"




def position(editor: RichEditor) -> int:
    return editor.text_edit.textCursor().position()


def test_left_arrow_moves_by_akshara(editor: RichEditor) -> None:
    type_text(editor.text_edit, WORDS)
    stops = [len(WORDS)]
    for _ in akshara_split(WORDS):
        QTest.keyClick(editor.text_edit, Qt.Key.Key_Left)
        stops.append(position(editor))
    expected = [len(WORDS)]
    for cluster in reversed(akshara_split(WORDS)):
        expected.append(expected[-1] - len(cluster))
    assert stops == expected  # the same clusters as the core's regex \X
    assert [WORDS[a:b] for b, a in itertools.pairwise(stops)][:3] == [
        "दा", "ज़्या", " "]


def test_right_arrow_and_shift_selection_take_whole_conjuncts(editor: RichEditor) -> None:
    editor.set_markdown(WORDS + "\n")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.text_edit.textCursor().selectedText() == "क्षि"
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Right)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Right)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.text_edit.textCursor().selectedText() == "र्त्य"


def test_backspace_deletes_one_code_point(editor: RichEditor) -> None:
    type_text(editor.text_edit, "ज़्यादा")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    assert editor.markdown() == "ज़्याद\n"
    type_text(editor.text_edit, " क्षि")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    assert editor.markdown() == "ज़्याद क्ष\n"  # the i-matra went, the conjunct stays
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    assert editor.markdown() == "ज़्याद क्\n"


def test_delete_removes_a_whole_akshara(editor: RichEditor) -> None:
    editor.set_markdown(WORDS + "\n")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Delete)
    assert editor.markdown() == "र्त्य ज़्यादा\n"


def test_typed_zwj_zwnj_survive(editor: RichEditor) -> None:
    type_text(editor.text_edit, "क्\u200dष क्\u200cष")
    assert editor.markdown() == "क्\u200dष क्\u200cष\n"


# --------------------------------------------------------------------------- find/replace

def test_find_ignoring_nukta_selects_whole_word(editor: RichEditor) -> None:
    editor.set_markdown("ज़रूर आना, जरूर\n")
    bar = editor.find_bar
    editor.action("find").trigger()
    bar.find_edit.setText("जरूर")
    assert len(bar.matches()) == 1
    bar.ignore_marks.setChecked(True)
    assert bar.matches() == [(0, 5), (11, 15)]
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    assert bar.find_next()
    assert editor.text_edit.textCursor().selectedText() == "ज़रूर"
    assert bar.find_next()
    assert editor.text_edit.textCursor().selectedText() == "जरूर"


def test_replace_all_is_one_undo_step_and_keeps_format(editor: RichEditor) -> None:
    original = "**ज़रूर** आना, जरूर और हँसना, हंसना\n"
    editor.set_markdown(original)
    bar = editor.find_bar
    editor.action("replace").trigger()
    bar.ignore_marks.setChecked(True)
    bar.find_edit.setText("जरूर")
    bar.replace_edit.setText("अवश्य")
    assert bar.replace_all() == 2
    assert editor.markdown() == "**अवश्य** आना, अवश्य और हँसना, हंसना\n"
    editor.action("undo").trigger()
    assert editor.markdown() == original


def test_replace_current_then_next_and_whole_word(editor: RichEditor) -> None:
    editor.set_markdown("की कीमत की\n")
    bar = editor.find_bar
    bar.find_edit.setText("की")
    bar.whole_word.setChecked(True)
    bar.replace_edit.setText("का")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    assert bar.find_next()
    assert bar.replace_current()
    assert editor.markdown() == "का कीमत की\n"
    assert editor.text_edit.textCursor().selectionStart() == 8


def test_regex_and_astral_offsets(editor: RichEditor) -> None:
    editor.set_markdown("😀 दिल्ली 2024\n")
    bar = editor.find_bar
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"([\p{L}\p{M}]+) (\d+)")
    bar.replace_edit.setText(r"\2 \1")
    assert bar.matches() == [(3, 14)]  # UTF-16: the emoji is two units
    assert bar.replace_all() == 1
    assert editor.markdown() == "😀 2024 दिल्ली\n"
    bar.find_edit.setText("(")
    assert bar.matches() == []
    assert "invalid" in bar.status.text()

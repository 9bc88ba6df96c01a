"""Phonetic typing (Roman -> Devanagari at word end, undo gives Roman back) and the
legacy-font paste dialog (convert only on confirmation, with a preview)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QDialog, QLineEdit, QTextEdit

from editor_app.gui.dialogs import legacy_paste_dialog
from editor_app.gui.dialogs.legacy_paste_dialog import LegacyPasteDialog, maybe_convert_paste
from editor_app.gui.editor.phonetic import PhoneticTyping
from tests.gui.typing import type_text


def make(qtbot, widget_type):
    widget = widget_type()
    qtbot.addWidget(widget)
    mode = PhoneticTyping(widget)
    mode.attach(widget)
    return widget, mode


def test_phonetic_mode_converts_words_at_word_end(qtbot):
    edit, mode = make(qtbot, QTextEdit)
    mode.set_enabled(True)
    type_text(edit, "bharat ka samachar, ")
    assert edit.toPlainText() == "भारत का समाचार, "
    mode.set_enabled(False)
    type_text(edit, "ok ")
    assert edit.toPlainText().endswith("ok ")


def test_undo_returns_roman_text(qtbot):
    edit, mode = make(qtbot, QTextEdit)
    mode.set_enabled(True)
    type_text(edit, "zyada ")
    assert edit.toPlainText() == "ज़्यादा "
    edit.undo()
    assert edit.toPlainText() == "zyada"
    assert "\u0931" not in edit.toPlainText()


def test_phonetic_in_headline_line_edit(qtbot):
    line, mode = make(qtbot, QLineEdit)
    mode.set_enabled(True)
    type_text(line, "dilli mein barish.")
    assert line.text() == "दिल्ली में बारिश."
    line.undo()
    assert line.text() == "दिल्ली में barish"


def test_toggle_signal(qtbot):
    _edit, mode = make(qtbot, QTextEdit)
    with qtbot.waitSignal(mode.toggled) as blocker:
        mode.set_enabled(True)
    assert blocker.args == [True]


KRUTI = "Hkkjr ds lekpkj i=dkj us fy[kk gS"


def test_legacy_dialog_previews_and_converts_only_on_confirm(qtbot, monkeypatch):
    dialog = LegacyPasteDialog(KRUTI, "krutidev", 0.9)
    qtbot.addWidget(dialog)
    assert dialog.preview.toPlainText().startswith("भारत के समाचार")
    assert dialog.converted().startswith("भारत के समाचार पत्रकार")
    monkeypatch.setattr(LegacyPasteDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert maybe_convert_paste(None, KRUTI) == KRUTI  # declined: pasted as is
    monkeypatch.setattr(LegacyPasteDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert maybe_convert_paste(None, KRUTI).startswith("भारत के समाचार")


def test_plain_english_is_not_offered_conversion(monkeypatch):
    def fail(*_a, **_k):
        raise AssertionError("dialog must not open")

    monkeypatch.setattr(legacy_paste_dialog, "LegacyPasteDialog", fail)
    text = "The minister said the new policy would take effect next month."
    assert maybe_convert_paste(None, text) == text


def paste(window, text):
    mime = QMimeData()
    mime.setText(text)
    window.editor.text_edit.insertFromMimeData(mime)


def test_window_paste_offers_conversion_and_refuses_huge_text(qtbot, make_window,
                                                              monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import editor_app.gui.tool_commands as tool_commands

    window = make_window()
    window.new_action.trigger()
    monkeypatch.setattr(LegacyPasteDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    paste(window, KRUTI)
    assert window.editor.text_edit.toPlainText().startswith("भारत के समाचार")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(tool_commands, "MAX_PASTE_CHARS", 100)
    before = window.editor.text_edit.toPlainText()
    paste(window, "क" * 101)
    assert warnings and "limit" in warnings[0]
    assert window.editor.text_edit.toPlainText() == before

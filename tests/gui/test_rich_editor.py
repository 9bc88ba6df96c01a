"""RichEditor widget tests: real key clicks and action triggers, asserting the Markdown."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QSyntaxHighlighter, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.core.markdown_model import ImageBlock
from editor_app.core.text.counts import TextCounts
from editor_app.gui.editor.rich_editor import RichEditor
from tests.gui.typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier




def select(editor: RichEditor, start: int, end: int) -> None:
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def to_end(editor: RichEditor) -> None:
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)


def test_set_markdown_is_silent_and_resets_undo(editor: RichEditor, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.set_markdown("## शीर्ष\n\nपाठ **मोटा**\n")
    assert editor.markdown() == "## शीर्ष\n\nपाठ **मोटा**\n"
    assert not editor.document().isUndoAvailable()
    assert not editor.document().isModified()


def test_typing_emits_content_changed_and_stores_nfc(editor: RichEditor, qtbot: QtBot) -> None:
    with qtbot.waitSignal(editor.content_changed):
        type_text(editor.text_edit, "नमस्ते दुनिया")
    assert editor.markdown() == "नमस्ते दुनिया\n"
    editor.set_markdown("")
    type_text(editor.text_edit, "र\u093c")  # NFC composes र + nukta into ऱ
    assert editor.markdown() == "\u0931\n"


def test_bold_toggle_while_typing(editor: RichEditor, qtbot: QtBot) -> None:
    type_text(editor.text_edit, "क्षेत्र ")
    editor.action("bold").trigger()
    assert editor.action("bold").isChecked()
    type_text(editor.text_edit, "ज़्यादा")
    editor.action("bold").trigger()
    type_text(editor.text_edit, " अब")
    assert editor.markdown() == "क्षेत्र **ज़्यादा** अब\n"


def test_italic_on_selection_and_single_undo(editor: RichEditor) -> None:
    editor.set_markdown("एक दो तीन\n")
    select(editor, 3, 5)
    editor.action("italic").trigger()
    assert editor.markdown() == "एक *दो* तीन\n"
    editor.action("undo").trigger()
    assert editor.markdown() == "एक दो तीन\n"
    editor.action("redo").trigger()
    assert editor.markdown() == "एक *दो* तीन\n"


def test_bold_inside_word_formats_whole_word(editor: RichEditor) -> None:
    editor.set_markdown("प्रधानमंत्री आए\n")
    select(editor, 4, 4)
    editor.action("bold").trigger()
    assert editor.markdown() == "**प्रधानमंत्री** आए\n"


def test_shortcuts_ctrl_b_and_ctrl_k(editor: RichEditor, qtbot: QtBot) -> None:
    editor.set_markdown("एक दो\n")
    select(editor, 0, 2)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B, CTRL)
    assert editor.markdown() == "**एक** दो\n"
    editor.link_prompt = lambda current: "https://example.com"
    select(editor, 3, 5)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_K, CTRL)  # QTextEdit's kill-line must not win
    assert editor.markdown() == "**एक** [दो](https://example.com)\n"


def test_subheadings_toggle_and_enter_after_heading(editor: RichEditor, qtbot: QtBot) -> None:
    type_text(editor.text_edit, "मुख्य बातें")
    editor.action("heading2").trigger()
    assert editor.markdown() == "## मुख्य बातें\n"
    editor.action("heading3").trigger()
    assert editor.markdown() == "### मुख्य बातें\n"
    to_end(editor)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    type_text(editor.text_edit, "सामान्य पाठ")
    assert editor.markdown() == "### मुख्य बातें\n\nसामान्य पाठ\n"
    editor.action("heading3").trigger()  # same level again: back to body
    editor.action("heading2").trigger()
    assert editor.markdown() == "### मुख्य बातें\n\n## सामान्य पाठ\n"


def test_strong_inside_heading_survives(editor: RichEditor) -> None:
    editor.set_markdown("## एक **दो**\n")
    assert editor.markdown() == "## एक **दो**\n"
    select(editor, 0, 2)
    editor.action("paragraph").trigger()
    assert editor.markdown() == "एक **दो**\n"


def test_lists_enter_and_leave(editor: RichEditor, qtbot: QtBot) -> None:
    type_text(editor.text_edit, "पहला")
    editor.action("bullets").trigger()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    type_text(editor.text_edit, "दूसरा")
    assert editor.markdown() == "- पहला\n- दूसरा\n"
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)  # empty item: leave the list
    type_text(editor.text_edit, "बाद में")
    assert editor.markdown() == "- पहला\n- दूसरा\n\nबाद में\n"
    editor.action("numbered").trigger()
    assert editor.markdown() == "- पहला\n- दूसरा\n\n1. बाद में\n"
    select(editor, 0, 0)
    editor.action("bullets").trigger()  # toggles the first item back to a paragraph
    assert editor.markdown() == "पहला\n\n- दूसरा\n\n1. बाद में\n"


def test_quote(editor: RichEditor, qtbot: QtBot) -> None:
    type_text(editor.text_edit, "उन्होंने कहा")
    editor.action("quote").trigger()
    assert editor.markdown() == "> उन्होंने कहा\n"
    assert editor.action("quote").isChecked()
    editor.action("quote").trigger()
    assert editor.markdown() == "उन्होंने कहा\n"


def test_typing_after_link_does_not_extend_it(editor: RichEditor, qtbot: QtBot) -> None:
    editor.set_markdown("[दौरा](https://a.in)\n")
    to_end(editor)
    type_text(editor.text_edit, " किया")
    assert editor.markdown() == "[दौरा](https://a.in) किया\n"
    select(editor, 0, 4)
    editor.apply_link(None)
    assert editor.markdown() == "दौरा किया\n"


def test_insert_image_with_caption_and_credit(editor: RichEditor, qtbot: QtBot) -> None:
    editor.set_markdown("पहला पैरा\n")
    to_end(editor)
    editor.set_asset_provider(lambda: [("asset:3", "रैली", "पीटीआई", "भीड़")])
    editor.image_chooser = lambda: ImageBlock("asset:3", "भीड़", "रैली | मंच", "पीटीआई")
    editor.action("image").trigger()
    type_text(editor.text_edit, "अगला")
    assert editor.markdown() == (
        'पहला पैरा\n\n![भीड़](asset:3 "रैली \\| मंच | पीटीआई")\n\nअगला\n')
    image = editor.text_edit.render_image(ImageBlock("asset:3", "भीड़", "रैली", "पीटीआई"))
    assert image.width() > 0 and image.height() > 0


def test_source_view_round_trip_and_undo(editor: RichEditor, qtbot: QtBot) -> None:
    editor.set_markdown("एक **दो**\n")
    editor.action("source").trigger()
    assert editor.is_source_mode()
    assert editor.source_edit.toPlainText() == "एक **दो**\n"
    editor.source_edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.content_changed):
        type_text(editor.source_edit, "\n## नया *शीर्षक*")
    assert editor.markdown() == "एक **दो**\n\n## नया *शीर्षक*\n"
    editor.action("source").trigger()
    assert not editor.is_source_mode()
    assert editor.markdown() == "एक **दो**\n\n## नया *शीर्षक*\n"
    editor.action("undo").trigger()  # the whole source edit is one step
    assert editor.markdown() == "एक **दो**\n"


def test_source_toggle_without_edits_keeps_undo(editor: RichEditor, qtbot: QtBot) -> None:
    type_text(editor.text_edit, "पाठ")
    editor.set_source_mode(True)
    editor.set_source_mode(False)
    assert editor.markdown() == "पाठ\n"
    assert editor.document().isUndoAvailable()


def test_counts_changed_is_debounced(editor: RichEditor, qtbot: QtBot) -> None:
    with qtbot.waitSignal(editor.counts_changed, timeout=3000) as blocker:
        type_text(editor.text_edit, "प्रधानमंत्री ने कहा")
    counts = blocker.args[0]
    assert isinstance(counts, TextCounts)
    assert (counts.words, counts.aksharas) == (3, 8)


def test_highlighter_repaint_is_not_a_user_change(editor: RichEditor, qtbot: QtBot) -> None:
    editor.set_markdown("शब्द\n")

    class Marker(QSyntaxHighlighter):
        def highlightBlock(self, text: str) -> None:  # noqa: N802
            self.setFormat(0, len(text), editor.text_edit.currentCharFormat())

    marker = Marker(editor)
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.attach_highlighter(marker)
        marker.rehighlight()
    with qtbot.waitSignal(editor.content_changed):
        type_text(editor.text_edit, "x")
    editor.attach_highlighter(None)


def test_context_menu_provider_gets_word_positions(editor: RichEditor) -> None:
    editor.set_markdown("यह पढें\n")
    seen: list[tuple[str, int, int]] = []

    def provider(word: str, start: int, end: int) -> list[QAction]:
        seen.append((word, start, end))
        return [QAction("पढ़ें", editor)]

    editor.set_context_menu_provider(provider)
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(5)
    pos = editor.text_edit.cursorRect(cursor).center()
    menu = editor.text_edit.build_context_menu(pos)
    assert seen == [("पढें", 3, 7)]
    assert menu.actions()[0].text() == "पढ़ें"
    menu.deleteLater()
    editor.replace_range(3, 7, "पढ़ें")
    assert editor.markdown() == "यह पढ़ें\n"


def test_paste_html_is_sanitised(editor: RichEditor) -> None:
    mime = QMimeData()
    mime.setHtml("<p style='color:red;font-size:30px'>लाल <b>मोटा</b></p>"
                 "<table><tr><td>सेल</td></tr></table>")
    editor.text_edit.insertFromMimeData(mime)
    assert editor.markdown() == "लाल **मोटा**\n\nसेल\n"


def test_zoom_in_out_reset(editor: RichEditor) -> None:
    size = editor.text_edit.font().pointSize()
    editor.action("zoom_in").trigger()
    editor.action("zoom_in").trigger()
    assert editor.text_edit.font().pointSize() == size + 2
    editor.action("zoom_out").trigger()
    editor.action("zoom_reset").trigger()
    assert editor.text_edit.font().pointSize() == size
    assert editor.zoom_level() == 0


def test_actions_are_exposed_with_shortcuts(editor: RichEditor) -> None:
    names = {a.objectName() for a in editor.actions()}
    assert {"editor_bold", "editor_italic", "editor_heading2", "editor_link",
            "editor_image", "editor_source", "editor_undo"} <= names
    assert editor.action("bold").shortcut().toString() == "Ctrl+B"
    assert editor.action("numbered").shortcut().toString() == "Ctrl+Shift+7"


def test_hostile_paste_keeps_text_drops_scripts_unsafe_links_and_web_images(
        editor: RichEditor) -> None:
    mime = QMimeData()
    mime.setHtml('<p>पहला <script>alert(1)</script><a href="javascript:alert(2)">क्लिक</a> '
                 '<img src="http://evil.example/x.png" onerror="alert(3)">'
                 '<iframe src="http://evil.example"></iframe> '
                 '<a href="https://ok.example/a">ठीक</a> <a href="data:text/html,x">डेटा</a></p>')
    editor.text_edit.insertFromMimeData(mime)
    markdown = editor.markdown()
    # the spaces around the dropped image stay (the checks panel flags the double space)
    assert markdown == "पहला क्लिक  [ठीक](https://ok.example/a) डेटा\n"


def test_link_action_refuses_unsafe_targets(editor: RichEditor) -> None:
    editor.set_markdown("एक शब्द\n")
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(2, cursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.apply_link("javascript:alert(1)")
    assert editor.markdown() == "एक शब्द\n"
    editor.apply_link("https://example.in/")
    assert editor.markdown() == "[एक](https://example.in/) शब्द\n"

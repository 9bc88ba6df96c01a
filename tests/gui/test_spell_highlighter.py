"""SpellHighlighter and spelling context menu on real widgets with a real hi_IN checker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from editor_app.core.db import Database
from editor_app.core.errors import SpellCheckUnavailable
from editor_app.core.text.spell import SpellChecker, SpellDict, create_spell_checker
from editor_app.gui.editor.rich_editor import RichEditor
from editor_app.gui.editor.spell_highlighter import SpellBlockData, SpellHighlighter
from editor_app.gui.editor.spell_menu import (
    SpellContextMenu,
    add_label,
    ignore_label,
    install_spell_context_menu,
)
from tests.gui.typing import type_text

TYPO, FIXED = "मजूबत", "मजबूत"
PLACE = "खटखटौली"  # a village name no word list knows (no place suffix such as -पुर)
WAVE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlines(block: QTextBlock) -> list[tuple[int, int]]:
    """``(start, length)`` of the spell-check underlines Qt lays out for ``block``."""
    return sorted((r.start, r.length) for r in block.layout().formats()
                  if r.format.underlineStyle() == WAVE)


def all_underlines(edit: QTextEdit) -> list[tuple[int, int, str]]:
    """Underlines of the whole document as (document position, length, text)."""
    found = []
    block = edit.document().begin()
    while block.isValid():
        for start, length in underlines(block):
            units = block.text().encode("utf-16-le")[2 * start:2 * (start + length)]
            found.append((block.position() + start, length, units.decode("utf-16-le")))
        block = block.next()
    return found


@pytest.fixture
def make_edit(qtbot: QtBot) -> Callable[[], QTextEdit]:
    def factory() -> QTextEdit:
        edit = QTextEdit()
        qtbot.addWidget(edit)
        edit.resize(600, 400)
        edit.show()
        qtbot.waitExposed(edit)
        return edit
    return factory


def settle(highlighter: SpellHighlighter, qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not highlighter.warming, timeout=5000)
    QApplication.processEvents()


def test_typed_typo_is_underlined_on_exactly_its_utf16_range(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    edit.setFocus()
    text = f"सरकार ने {TYPO} कदम उठाया। "
    type_text(edit, text)
    settle(highlighter, qtbot)
    block = edit.document().begin()
    assert block.text() == text
    assert underlines(block) == [(text.index(TYPO), len(TYPO))]
    data = block.userData()
    assert isinstance(data, SpellBlockData)
    assert [(s.word, s.start, s.end) for s in data.spans] == [
        (TYPO, text.index(TYPO), text.index(TYPO) + len(TYPO))]
    span = highlighter.misspelling_at(text.index(TYPO) + 2)
    assert span is not None and span.word == TYPO


def test_offsets_after_emoji_are_utf16(make_edit: Callable[[], QTextEdit],
                                       checker: SpellChecker, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    edit.setPlainText(f"😀👍 सरकार {TYPO} पढें")
    settle(highlighter, qtbot)
    # each emoji is two UTF-16 units: the typo starts at 2 + 2 + 1 + len("सरकार ") = 11
    assert underlines(edit.document().begin()) == [(11, 5), (17, 4)]
    found = all_underlines(edit)
    assert [t for _, _, t in found] == [TYPO, "पढें"]


def test_markdown_non_words_are_not_checked(make_edit: Callable[[], QTextEdit],
                                            checker: SpellChecker, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    edit.setPlainText(f"देखें https://example.com/{TYPO} और ![{TYPO}](चित्र/{TYPO}.png) "
                      f"#{TYPO} `{TYPO}` {TYPO}@example.com {TYPO}")
    settle(highlighter, qtbot)
    text = edit.document().begin().text()
    assert [t for _, _, t in all_underlines(edit)] == [TYPO]
    assert underlines(edit.document().begin())[0][0] == text.rindex(TYPO)


def test_formats_cover_whole_words_in_rich_text(rich: RichEditor, checker: SpellChecker,
                                                qtbot: QtBot) -> None:
    highlighter = SpellHighlighter(checker)
    rich.attach_highlighter(highlighter)
    rich.set_markdown(f"## {TYPO} शीर्षक\n\nसरकार ने **{TYPO}** कदम उठाया।\n\n- पढें सूची\n")
    settle(highlighter, qtbot)
    found = all_underlines(rich.text_edit)
    assert [t for _, _, t in found] == [TYPO, TYPO, "पढें"]
    bold = rich.text_edit.document().findBlockByNumber(1)
    start = bold.text().index(TYPO)
    cursor = QTextCursor(bold)
    cursor.setPosition(bold.position() + start + 1)
    assert cursor.charFormat().fontWeight() >= 700  # underline merged over the bold run


def test_suggestion_from_menu_replaces_word_in_one_undo_step(
        rich: RichEditor, checker: SpellChecker, qtbot: QtBot) -> None:
    highlighter = SpellHighlighter(checker)
    rich.attach_highlighter(highlighter)
    menu = install_spell_context_menu(rich.text_edit, highlighter)
    assert menu.uses_provider_hook
    rich.set_markdown(f"सरकार ने **{TYPO}** कदम उठाया।\n")
    settle(highlighter, qtbot)
    position = rich.text_edit.toPlainText().index(TYPO) + 1
    actions = menu.actions_at(position)
    labels = [a.text() for a in actions if not a.isSeparator()]
    assert labels[0] == FIXED
    assert labels[-2:] == [add_label(), ignore_label()]
    assert len(labels) <= 5 + 2
    actions[0].trigger()
    assert rich.markdown() == f"सरकार ने **{FIXED}** कदम उठाया।\n"
    assert all_underlines(rich.text_edit) == []
    rich.text_edit.undo()
    assert rich.markdown() == f"सरकार ने **{TYPO}** कदम उठाया।\n"
    assert menu.actions_at(0) == []  # a correct word has no spelling actions


def test_rich_editor_context_menu_path(rich: RichEditor, checker: SpellChecker,
                                       qtbot: QtBot) -> None:
    highlighter = SpellHighlighter(checker)
    rich.attach_highlighter(highlighter)
    install_spell_context_menu(rich.text_edit, highlighter)
    rich.set_markdown(f"यह {TYPO} है\n")
    settle(highlighter, qtbot)
    edit = rich.text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index(TYPO) + 2)
    menu = edit.build_context_menu(edit.cursorRect(cursor).center())
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == FIXED and add_label() in labels and ignore_label() in labels
    menu.actions()[0].trigger()
    menu.deleteLater()
    assert rich.markdown() == f"यह {FIXED} है\n"
    cursor.setPosition(1)  # a correct word: only the standard entries
    menu = edit.build_context_menu(edit.cursorRect(cursor).center())
    assert add_label() not in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_real_context_menu_event_on_plain_qtextedit(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    menu = install_spell_context_menu(edit, highlighter)
    assert isinstance(menu, SpellContextMenu) and not menu.uses_provider_hook
    edit.setPlainText(f"यह पढें और {TYPO} है")
    settle(highlighter, qtbot)
    shown: list[list[str]] = []

    def fake_exec(qmenu: QMenu, where: QPoint) -> None:
        shown.append([a.text() for a in qmenu.actions()])
        qmenu.actions()[0].trigger()

    menu.exec_menu = fake_exec
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index("पढें") + 1)
    pos = edit.cursorRect(cursor).center()  # viewport coordinates
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              edit.viewport().mapToGlobal(pos))
    QApplication.sendEvent(edit.viewport(), event)  # Qt emits customContextMenuRequested
    assert shown and shown[0][0] == "पढ़ें"
    assert len(shown[0]) > 5  # the standard entries follow
    assert edit.toPlainText() == f"यह पढ़ें और {TYPO} है"


def test_add_to_newsroom_dictionary_reaches_other_documents(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, db: Database,
        user_id: int, qtbot: QtBot) -> None:
    text = f"गाँव {PLACE} में मेला"
    edits = [make_edit() for _ in range(3)]
    other = create_spell_checker(db, user_id)  # e.g. another window, same database
    highlighters = [SpellHighlighter(checker, edits[0].document()),
                    SpellHighlighter(checker, edits[1].document()),
                    SpellHighlighter(other, edits[2].document())]
    for edit, highlighter in zip(edits, highlighters, strict=True):
        edit.setPlainText(text)
        settle(highlighter, qtbot)
        assert [t for _, _, t in all_underlines(edit)] == [PLACE]
    menu = install_spell_context_menu(edits[0], highlighters[0])
    add = next(a for a in menu.actions_at(text.index(PLACE)) if a.text() == add_label())
    add.trigger()
    assert all_underlines(edits[0]) == []
    assert all_underlines(edits[1]) == []  # same checker: rechecked at once
    other.refresh()
    highlighters[2].rehighlight_all()
    assert all_underlines(edits[2]) == []
    assert create_spell_checker(db, None).is_correct(PLACE)  # stored for everyone


def test_ignore_puts_word_on_personal_list(make_edit: Callable[[], QTextEdit],
                                           checker: SpellChecker, db: Database,
                                           user_id: int, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    edit.setPlainText(f"{PLACE} और {TYPO}")
    settle(highlighter, qtbot)
    menu = install_spell_context_menu(edit, highlighter)
    ignore = next(a for a in menu.actions_at(1) if a.text() == ignore_label())
    ignore.trigger()
    assert [t for _, _, t in all_underlines(edit)] == [TYPO]
    assert create_spell_checker(db, user_id).is_correct(PLACE)
    assert not create_spell_checker(db, None).is_correct(PLACE)  # personal, not newsroom


def test_unavailable_checker_underlines_nothing(make_edit: Callable[[], QTextEdit],
                                                db: Database, user_id: int,
                                                qtbot: QtBot) -> None:
    def broken() -> tuple[SpellDict, SpellDict | None]:
        raise SpellCheckUnavailable("spell-check unavailable: no hi_IN; install hunspell-hi")

    speller = create_spell_checker(db, user_id, loader=broken)
    edit = make_edit()
    highlighter = SpellHighlighter(speller, edit.document())
    menu = install_spell_context_menu(edit, highlighter)
    edit.setPlainText(f"{TYPO} पढें")
    settle(highlighter, qtbot)
    assert not highlighter.available
    assert "hunspell-hi" in highlighter.unavailable_reason
    assert all_underlines(edit) == []
    assert menu.actions_at(1) == []


def test_big_paste_is_checked_in_the_background(make_edit: Callable[[], QTextEdit],
                                                checker: SpellChecker,
                                                qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document(), sync_budget_ms=0)
    with qtbot.waitSignal(highlighter.warmup_finished, timeout=10000):
        edit.setPlainText("\n".join(f"अनुच्छेद {i} में {TYPO} शब्द है" for i in range(40)))
        QApplication.processEvents()
        assert highlighter.warming or all_underlines(edit) == []
    QApplication.processEvents()
    assert len(all_underlines(edit)) == 40
    block = edit.document().lastBlock()
    data = block.userData()
    assert isinstance(data, SpellBlockData) and not data.pending


def test_background_verdicts_repaint_only_blocks_with_a_new_misspelling(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document(), sync_budget_ms=0)
    repainted: list[str] = []
    original = highlighter.highlightBlock

    def spy(text: str) -> None:
        repainted.append(text)
        original(text)

    highlighter.highlightBlock = spy  # type: ignore[method-assign]
    clean = [f"अनुच्छेद {i} में नया शब्द है" for i in range(20)]
    typo = [f"अनुच्छेद {i} में {TYPO} शब्द है" for i in range(20, 30)]
    with qtbot.waitSignal(highlighter.warmup_finished, timeout=10000):
        edit.setPlainText("\n".join(clean + typo))
        QApplication.processEvents()
        repainted.clear()
    QApplication.processEvents()
    assert sorted(repainted) == sorted(typo)  # clean blocks are only marked complete
    assert len(all_underlines(edit)) == 10
    block = edit.document().begin()
    while block.isValid():
        data = block.userData()
        assert isinstance(data, SpellBlockData) and not data.pending
        assert highlighter.block_spans(block) == data.spans
        block = block.next()


def test_disable_and_recheck(make_edit: Callable[[], QTextEdit], checker: SpellChecker,
                             qtbot: QtBot) -> None:
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    edit.setPlainText(f"{PLACE}\n{TYPO}")
    settle(highlighter, qtbot)
    highlighter.set_enabled(False)
    assert all_underlines(edit) == []
    highlighter.set_enabled(True)
    assert len(all_underlines(edit)) == 2
    checker.add_to_newsroom(PLACE)
    highlighter.recheck_word(PLACE)
    assert [t for _, _, t in all_underlines(edit)] == [TYPO]
    assert [s.word for s in highlighter.misspellings()] == [TYPO]


def test_an_overlong_word_costs_the_spell_worker_no_analysis(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The word-length cap of the judge protects highlighting too: a pasted 10,000-letter
    word is underlined without a single compound split (which used to hang the worker)."""
    from editor_app.core.text import word_judge

    splits: list[str] = []
    original = word_judge.split_compound_points  # type: ignore[attr-defined]

    def counting(word: str, min_part: int = 2) -> Iterator[int]:
        splits.append(word)
        return original(word, min_part)

    monkeypatch.setattr(word_judge, "split_compound_points", counting)
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    huge = "क" * 10_000
    edit.setPlainText(f"{huge} ")
    settle(highlighter, qtbot)
    assert underlines(edit.document().begin()) == [(0, len(huge))]
    assert [w for w in splits if len(w) > word_judge.MAX_ANALYSED_LENGTH] == []


def test_candidate_cache_stays_bounded_while_typing_and_underlines_stay_right(
        make_edit: Callable[[], QTextEdit], checker: SpellChecker, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from editor_app.gui.editor import spell_highlighter as module

    monkeypatch.setattr(module, "WORD_CACHE_LIMIT", 40)
    edit = make_edit()
    highlighter = SpellHighlighter(checker, edit.document())
    sentence = f"सरकार ने {TYPO} कदम उठाया और लोग खुश हुए। "
    edit.setPlainText(sentence * 3)
    settle(highlighter, qtbot)
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    seen = []
    for _ in range(12):  # every keystroke makes a new block text: a new cache entry
        type_text(edit, "ह ")
        seen.append(highlighter.cached_word_count)
    settle(highlighter, qtbot)
    assert max(seen) <= 40  # without the word bound the stale entries pile up (~800)
    text = edit.document().begin().text()
    starts = [i for i in range(len(text)) if text.startswith(TYPO, i)]
    assert underlines(edit.document().begin()) == [(i, len(TYPO)) for i in starts]
    data = edit.document().begin().userData()
    assert isinstance(data, SpellBlockData) and len(data.spans) == 3

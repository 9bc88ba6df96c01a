"""The status bar says when spell-check runs with lower quality (an evidence source such as
apertium-hin is missing), once the background warm-up has loaded the word lists."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor_app.core.text.apertium_lexicon import load_apertium
from editor_app.core.text.hindi_lexicon import load_lexicon
from tests.conftest import skip_unless_spelling
from tests.gui.typing import type_text


def _reset_word_lists() -> None:
    load_lexicon.cache_clear()
    load_apertium.cache_clear()  # type: ignore[attr-defined]


def _typed_and_warmed(window, qtbot) -> None:
    window.new_action.trigger()
    assert window.tasks.wait_idle()
    type_text(window.editor.text_edit, "सडक पर पानी भरा है। ")
    qtbot.waitUntil(lambda: window.speller.ready and not window.spell_highlighter.warming,
                    timeout=15000)
    QApplication.processEvents()


def test_status_bar_says_spell_check_is_limited_without_apertium(qtbot, make_window,
                                                                 monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SAMPADAK_APERTIUM_HIN", str(tmp_path / "missing.att.gz"))
    _reset_word_lists()
    try:
        window = make_window()
        if not window.spell_highlighter.available:
            skip_unless_spelling(window.spell_highlighter.unavailable_reason)
        _typed_and_warmed(window, qtbot)
        # The note is (re)shown when the word lists are loaded and after each warm-up.
        qtbot.waitUntil(lambda: "apertium-hin" in window.statusBar().currentMessage(),
                        timeout=10000)
        message = window.statusBar().currentMessage()
        assert message.startswith("वर्तनी जांच सीमित")
        assert "(limited spell-check" in message
        # Spell-check itself still works: the typo is underlined.
        assert window.speller.check("सडक")
    finally:
        _reset_word_lists()


def test_no_quality_note_when_every_source_is_there(qtbot, make_window) -> None:
    _reset_word_lists()
    if load_apertium() is None:
        skip_unless_spelling("apertium-hin is not installed (apt install apertium-hin)")
    window = make_window()
    if not window.spell_highlighter.available:
        skip_unless_spelling(window.spell_highlighter.unavailable_reason)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    _typed_and_warmed(window, qtbot)
    assert window.speller.quality_note == ""
    assert not any("सीमित" in m for m in shown)

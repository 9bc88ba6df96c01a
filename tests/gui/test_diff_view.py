"""The revision diff's HTML: changed lines with context, inserted paragraphs, both modes."""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QTextDocument

from editor_app.core.review.diff import diff_text
from editor_app.core.review.history import FieldChange
from editor_app.gui.review.diff_view import DiffView, render_field


def _change(old: str, new: str) -> FieldChange:
    return FieldChange("body", "मुख्य पाठ (Body)", old, new, tuple(diff_text(old, new)))


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_long_text_shows_changed_lines_with_context_only(qapp):
    paragraphs = [f"अनुच्छेद {i} का पाठ।" for i in range(40)]
    old = "\n\n".join(paragraphs) + "\n"
    new = old.replace("अनुच्छेद 20 का", "अनुच्छेद 20 वाला")
    modes: tuple[Literal["inline", "side"], ...] = ("inline", "side")
    for mode in modes:
        text = _plain(render_field(_change(old, new), mode))
        assert "वाला" in text and "अनुच्छेद 19 का पाठ।" in text  # context around the change
        assert "अनुच्छेद 5 का" not in text and "अनुच्छेद 35 का" not in text
        assert text.count("⋯") >= 2 if mode == "inline" else text.count("⋯") >= 4


def test_inserted_and_deleted_paragraphs_are_marked_whole(qapp):
    old = "पहला अनुच्छेद।\n\nतीसरा अनुच्छेद।\n"
    new = "पहला अनुच्छेद।\n\nदूसरा नया अनुच्छेद।\n\nतीसरा अनुच्छेद।\n"
    html = render_field(_change(old, new), "inline")
    assert 'class="add"' in html and 'class="del' not in html  # underlined, see diff_css
    assert "दूसरा नया अनुच्छेद।" in _plain(html)
    back = render_field(_change(new, old), "side")
    assert 'class="del"' in back and 'class="add' not in back
    assert back.count("<tr>") >= 1


def test_view_switches_modes_without_a_new_render(qapp):
    from editor_app.gui.review.diff_view import RenderedDiff

    view = DiffView()
    view.show_diff(RenderedDiff("<p>एक में</p>", "<table><tr><td>बाएं</td></tr></table>"))
    assert "एक में" in view.browser.toPlainText()
    view.set_mode("side")
    assert "बाएं" in view.browser.toPlainText()
    view.show_message("कुछ नहीं")
    assert view.browser.toPlainText() == "कुछ नहीं"

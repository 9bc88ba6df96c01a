"""The metadata panel edits a story's "read also" links, and they are saved with it."""

from __future__ import annotations

from editor_app.core.article_data import RelatedLink
from tests.gui.typing import type_text


def test_typed_links_are_saved_and_shown_again(qtbot, make_window):
    window = make_window()
    field = window.metadata.related
    field.setFocus()
    type_text(field, "जयपुर मेट्रो को मंजूरी https://example.in/metro\nकेवल शीर्षक")
    window.save_now()
    assert window.tasks.wait_idle()
    stored = window.service.get(window.record.id).data.related
    assert stored == (RelatedLink("जयपुर मेट्रो को मंजूरी", "https://example.in/metro"),
                      RelatedLink("केवल शीर्षक", ""))
    window.metadata.set_data(window.service.get(window.record.id).data)
    assert field.toPlainText() == "जयपुर मेट्रो को मंजूरी https://example.in/metro\nकेवल शीर्षक"

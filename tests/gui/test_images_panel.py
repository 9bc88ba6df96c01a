"""Images panel: add a picture, caption/credit it, insert it in the body, reject non-images."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from editor_app.core import assets
from tests.gui.typing import type_text


def png_file(tmp_path):
    image = QImage(64, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab0"))
    path = tmp_path / "बाढ़-तस्वीर.png"
    assert image.save(str(path))
    return path


def test_add_caption_insert_and_resolve(qtbot, make_window, gui_db, tmp_path):
    window = make_window()
    panel = window.images
    info = panel.add_file(png_file(tmp_path))
    assert info is not None and panel.list.count() == 1
    panel.caption.clear()
    type_text(panel.caption, "गोमती नगर में भरा पानी")
    panel.caption.editingFinished.emit()
    type_text(panel.credit, "इमरान क़ुरैशी")
    panel.credit.editingFinished.emit()
    (stored,) = assets.list_assets(gui_db, window.record.id)
    assert (stored.caption, stored.credit) == ("गोमती नगर में भरा पानी", "इमरान क़ुरैशी")
    assert panel.provider() == [(stored.ref, stored.caption, stored.credit, "")]
    resolved = panel.resolve(stored.ref)
    assert resolved is not None and resolved.read_bytes() == png_file(tmp_path).read_bytes()
    window.editor.text_edit.moveCursor(window.editor.text_edit.textCursor().MoveOperation.End)
    panel.insert_button.click()
    assert (f'![]({stored.ref} "गोमती नगर में भरा पानी | इमरान क़ुरैशी")'
            in window.editor.markdown())


def test_non_image_is_rejected_with_a_message(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    fake = tmp_path / "photo.jpg"
    fake.write_text("<script>alert(1)</script>", "utf-8")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: messages.append(text))
    assert window.images.add_file(fake) is None
    assert messages and "not a JPEG, PNG, GIF or WebP image" in messages[0]
    assert window.images.list.count() == 0

"""File → Export, HTML preview, Copy HTML fragment and Print, on a real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.bundle_reader import read_bundle
from editor_app.core.publish.source import load_article
from editor_app.gui.dialogs.export_dialog import SETTING, ExportChoice, ExportDialog
from editor_app.gui.export_actions import printable_document
from tests.core.publish.safety import parse

BYLINE = (BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines"),)
BODY = "## बैठक का फैसला\n\nनगर निगम ने **बजट** पास किया। [विवरण](https://example.in/b) देखें।\n"


def story(db, n: int = 1) -> list[int]:
    service = ArticleService(db, "x")
    return [service.create(ArticleData(headline=f"नगर निगम की बैठक {i}", dek="बजट पास",
                                       body=BODY, slug=f"baithak-{i}", bylines=BYLINE)).id
            for i in range(n)]


def test_dialog_remembers_the_last_choice(qtbot, gui_config, tmp_path):
    dialog = ExportDialog(gui_config, has_current=True)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("ninjs"))
    dialog.status_radio.click()
    dialog.status_box.setCurrentIndex(dialog.status_box.findData("draft"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no destination yet
    qtbot.keyClicks(dialog.destination, str(tmp_path / "out"))
    dialog.header_check.click()
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert gui_config.settings[SETTING]["fmt"] == "ninjs"
    again = ExportDialog(gui_config, has_current=True)
    qtbot.addWidget(again)
    assert again.choice() == ExportChoice("ninjs", "status", "draft", str(tmp_path / "out"),
                                          True, "")
    without_article = ExportDialog(gui_config, has_current=False)
    qtbot.addWidget(without_article)
    assert not without_article.current_radio.isEnabled()
    assert without_article.choice().scope == "status"


def test_export_open_article_in_the_background(qtbot, make_window, gui_db, tmp_path):
    story(gui_db)
    window = make_window()
    assert window.record is not None
    target = tmp_path / "story.zip"
    with qtbot.waitSignal(window.publishing.exported, timeout=20000) as signal:
        window.publishing.start_export(ExportChoice("bundle", "current", destination=str(target)))
    results = signal.args[0]
    assert [r.ok for r in results] == [True]
    assert read_bundle(target).article.headline == window.record.data.headline
    assert "export" in window.tasks.submitted


def test_batch_by_status_with_cancel_leaves_only_whole_files(qtbot, make_window, gui_db,
                                                             tmp_path):
    story(gui_db, 25)
    window = make_window()
    out = tmp_path / "batch"
    with qtbot.waitSignal(window.publishing.exported, timeout=60000) as signal:
        window.publishing.start_export(ExportChoice("html", "status", "draft",
                                                    destination=str(out)))
        progress = window.publishing.last_progress
        assert progress is not None
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    results = signal.args[0]
    assert len(results) == 25
    written = [r for r in results if r.ok]
    assert any(r.error == "cancelled" for r in results)
    assert sorted(p.name for p in out.iterdir()) == sorted(r.path.name for r in written)
    for path in out.iterdir():
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_preview_shows_the_same_text_as_the_export(qtbot, make_window, gui_db):
    story(gui_db)
    window = make_window()
    window.publishing.preview_action.trigger()
    qtbot.waitUntil(lambda: window.publishing.last_preview is not None, timeout=10000)
    preview = window.publishing.last_preview
    assert preview is not None
    qtbot.addWidget(preview)
    from editor_app.core.publish.html import render_fragment
    article = load_article(window.service, window.record.id)
    exported = " ".join("".join(parse(render_fragment(
        article, window.publishing.options(), with_header=True)).text).split())
    shown = " ".join(preview.browser.toPlainText().split())
    assert shown == exported
    assert "नगर निगम की बैठक 0" in shown and "बजट" in shown
    assert not preview.browser.openLinks()


def test_copy_html_fragment(qtbot, make_window, gui_db):
    story(gui_db)
    window = make_window()
    QGuiApplication.clipboard().clear()
    window.publishing.copy_action.trigger()
    qtbot.waitUntil(lambda: "<strong>बजट</strong>" in QGuiApplication.clipboard().text(),
                    timeout=10000)
    assert "<h2>बैठक का फैसला</h2>" in QGuiApplication.clipboard().text()


def test_print_and_preview(qtbot, make_window, gui_db, tmp_path, monkeypatch):
    story(gui_db)
    window = make_window()
    asked: list[QPrinter] = []

    def fake_exec(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        asked.append(printer)
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P
    qtbot.waitUntil(lambda: (tmp_path / "printed.pdf").exists(), timeout=15000)
    assert asked and (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    window.publishing.print_preview_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, QPrintPreviewDialog)
                                for w in QApplication.topLevelWidgets() if w.isVisible()),
                    timeout=10000)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QPrintPreviewDialog):
            widget.close()


def test_printable_document_has_the_text_and_images(qtbot):
    from tests.core.publish.fixtures import OPTIONS, golden_article
    document = printable_document(golden_article(), OPTIONS)
    text = document.toPlainText()
    assert "पटना में गंगा खतरे के निशान के पार" in text and "फोटो: रवि प्रकाश" in text
    assert document.resource(2, "images/1-shivir.jpg") is not None


def test_export_the_stories_selected_in_the_list(qtbot, make_window, gui_db, tmp_path,
                                                 monkeypatch):
    ids = story(gui_db, 4)
    window = make_window()
    table = window.article_list.table
    rows = [window.article_list.model.row_of(i) for i in ids[:2]]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(rows[0], 1)).center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     table.visualRect(table.model().index(rows[1], 1)).center())
    assert sorted(window.article_list.selected_ids()) == sorted(ids[:2])
    shown: list[ExportDialog] = []

    def fake_exec(dialog: ExportDialog) -> int:
        shown.append(dialog)
        assert dialog.selected_radio.isEnabled() and dialog.selected_radio.isChecked()
        assert "2" in dialog.selected_radio.text()
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
        dialog.destination.setText(str(tmp_path / "picked"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.publishing.exported, timeout=20000) as signal:
        window.publishing.export()
    assert shown and shown[0].choice().scope == "selected"
    assert sorted(r.article_id for r in signal.args[0]) == sorted(ids[:2])
    assert len(list((tmp_path / "picked").iterdir())) == 2

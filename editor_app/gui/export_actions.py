"""The window's publishing commands: Export…, HTML preview, Copy HTML fragment, Print.

Contract (:class:`ExportActions`, wired into the File menu by the main window):

- Every command first saves pending edits (``window.save_now(then=...)``), so what leaves
  the app is what is stored; reading the article and rendering run on ``window.tasks``.
- Export… asks :class:`~.dialogs.export_dialog.ExportDialog`, then exports in the
  background (:func:`~editor_app.core.publish.export.export_articles`) with a progress
  dialog whose Cancel stops the batch before the next article; failures are listed at the
  end, the other articles are exported anyway.
- HTML preview shows the fragment with header in a QTextBrowser; Copy HTML fragment puts
  the fragment's HTML source on the clipboard (as text, for a CMS's HTML field).
- Print (Ctrl+P) and Print preview render the fragment with header into a QTextDocument
  (Qt's printing, so the system's printers and the preview work without WeasyPrint).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog, QWidget

from editor_app.config import Config
from editor_app.core.article_data import ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.gui.article_list import ArticleList
from editor_app.gui.i18n import translate
from editor_app.gui.locale_format import format_count
from editor_app.gui.tasks import TaskRunner

if TYPE_CHECKING:  # the renderers (Jinja2, nh3), the article loader and the dialogs load
    # on first use, not at window start (issue 7)
    from editor_app.core.publish.export import ExportResult
    from editor_app.core.publish.source import PublishArticle, PublishOptions
    from editor_app.core.workflow.publishing import Override
    from editor_app.gui.dialogs.export_dialog import ExportChoice
    from editor_app.gui.dialogs.html_preview import HtmlPreview

__all__ = ["ExportActions", "printable_document"]

log = logging.getLogger(__name__)


class ExportHost(Protocol):
    """What the actions need of the main window."""

    service: ArticleService
    config: Config
    tasks: TaskRunner
    record: ArticleRecord | None
    article_list: ArticleList

    def save_now(self, then: Callable[[], None] | None = None) -> None: ...


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    advanced = Signal(int, int)


def printable_document(article: PublishArticle, options: PublishOptions,
                       font_family: str = "Noto Sans Devanagari") -> QTextDocument:
    """The fragment with header as a QTextDocument, the article's images loaded from memory
    (nothing else is fetched: QTextDocument loads no remote resources)."""
    from editor_app.core.publish.html import render_fragment

    document = QTextDocument()
    font = document.defaultFont()
    font.setFamily(font_family)
    document.setDefaultFont(font)
    for image in article.images:
        picture = QImage()
        picture.loadFromData(image.data)
        document.addResource(QTextDocument.ResourceType.ImageResource.value,
                             QUrl(image.entry), picture)
    document.setHtml(render_fragment(article, options, with_header=True))
    return document


class ExportActions(QObject):
    """The publishing actions of one window (see the module contract)."""

    #: Emitted when a batch export ended: the per-article results.
    exported = Signal(list)

    def __init__(self, window: ExportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.export_action = self._action(translate("ExportActions", "&Export…"), self.export,
                                          "Ctrl+Shift+E")
        self.preview_action = self._action(translate("ExportActions", "HTML pre&view"),
                                           self.preview)
        self.copy_action = self._action(translate("ExportActions", "&Copy HTML fragment"),
                                        self.copy_fragment)
        self.print_action = self._action(translate("ExportActions", "&Print…"), self.print_article,
                                         QKeySequence.StandardKey.Print)
        self.print_preview_action = self._action(translate("ExportActions", "Print previe&w"),
                                                 self.print_preview)
        self.last_preview: HtmlPreview | None = None
        self.last_progress: QProgressDialog | None = None
        self.cancel_event: threading.Event | None = None
        self.last_message: QMessageBox | None = None
        #: Asked after the export dialog (wip-queues: the embargo check): whether to go
        #: on (False: refused, the reason was shown) and a desk chief's override, if any.
        self.before_export: Callable[[ExportChoice], tuple[bool, Override | None]] | None = None

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                ) -> QAction:
        act = QAction(text, self.parent_widget)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        return act

    def add_to(self, menu: QMenu) -> None:
        """Put the actions into ``menu`` (after a separator)."""
        menu.addSeparator()
        for act in (self.export_action, self.preview_action, self.copy_action,
                    self.print_preview_action, self.print_action):
            menu.addAction(act)

    def options(self, choice: ExportChoice | None = None) -> PublishOptions:
        """Export options from the settings (and the dialog's choice)."""
        from editor_app.core.publish.source import PublishOptions

        config = self.window.config
        site = choice.site_url if choice and choice.site_url else config.get_str(
            "publish_site_url")
        return PublishOptions(site_url=site,
                              publisher=config.get_str("publish_publisher") or "Sampadak",
                              fragment_with_header=bool(choice and choice.with_header))

    # ------------------------------------------------------------ one article
    def with_article(self, then: Callable[[PublishArticle], None]) -> None:
        """Save, load the open article in the background, then call ``then`` with it."""
        record = self.window.record
        if record is None:
            self.notify(translate("ExportActions", "Export"),
                        translate("ExportActions", "Open an article first."))
            return
        article_id = record.id
        service = self.window.service
        from editor_app.core.publish.source import load_article

        def load() -> None:
            self.window.tasks.run(lambda: load_article(service, article_id), done=then,
                                  kind="publish-load")

        self.window.save_now(then=load)

    def preview(self) -> None:
        """Show the HTML preview of the open article."""
        from editor_app.core.publish.html import render_fragment
        from editor_app.gui.dialogs.html_preview import HtmlPreview

        def show(article: PublishArticle) -> None:
            html = render_fragment(article, self.options(), with_header=True)
            self.last_preview = HtmlPreview(article, html, self.parent_widget)
            self.last_preview.show()
        self.with_article(show)

    def copy_fragment(self) -> None:
        """Put the fragment (body only, or with header as last chosen) on the clipboard."""
        from editor_app.core.publish.html import render_fragment
        from editor_app.gui.dialogs.export_dialog import ExportChoice

        remembered = ExportChoice.from_setting(self.window.config.settings.get("export_last"))

        def copy(article: PublishArticle) -> None:
            html = render_fragment(article, self.options(remembered))
            # The HTML source as text: what a CMS's HTML field takes. (A QMimeData with a
            # text/html flavour as well crashes PySide6 at exit: the clipboard and Python
            # both delete it.)
            QGuiApplication.clipboard().setText(html)
            log.info("HTML fragment of article %s copied", article.id)
        self.with_article(copy)

    def print_article(self) -> None:
        """Print the open article (system print dialog)."""
        def run(article: PublishArticle) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self.parent_widget)
            if dialog.exec() == QPrintDialog.DialogCode.Accepted:
                printable_document(article, self.options()).print_(printer)
        self.with_article(run)

    def print_preview(self) -> None:
        """Print preview of the open article."""
        def run(article: PublishArticle) -> None:
            document = printable_document(article, self.options())
            dialog = QPrintPreviewDialog(self.parent_widget)
            dialog.paintRequested.connect(document.print_)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        self.with_article(run)

    # ------------------------------------------------------------ batch
    def export(self) -> None:
        """Ask what to export, then export it in the background."""
        from editor_app.gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.window.config, has_current=self.window.record is not None,
                              selected=len(self.window.article_list.selected_ids()),
                              parent=self.parent_widget)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        go_on, override = (self.before_export(choice) if self.before_export is not None
                           else (True, None))
        if go_on:  # else refused (an embargo): the reason was shown
            self.start_export(choice, override)

    def start_export(self, choice: ExportChoice, override: Override | None = None) -> None:
        """Export ``choice`` in the background with a progress dialog (Cancel stops);
        ``override`` lets a desk chief export a story under embargo (audited)."""
        from editor_app.core.publish.export import export_articles, ids_with_status

        service = self.window.service
        options = self.options(choice)
        out = Path(choice.destination)
        current = self.window.record.id if self.window.record else None
        selected = self.window.article_list.selected_ids()
        cancel = threading.Event()
        self.cancel_event = cancel
        progress = QProgressDialog(translate("ExportActions", "Exporting…"),
                                   translate("ExportActions", "Cancel"), 0, 0,
                                   self.parent_widget)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(cancel.set)
        self.last_progress = progress
        relay = _Progress(self)

        def advanced(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        relay.advanced.connect(advanced)

        def work() -> list[ExportResult]:
            if choice.scope == "current" and current is not None:
                ids = [current]
            elif choice.scope == "selected" and selected:
                ids = selected
            else:
                ids = ids_with_status(service, choice.status)
            return export_articles(service, ids, choice.fmt, out, options,
                                   progress=relay.advanced.emit, cancelled=cancel.is_set,
                                   embargo_override=override)

        def finished(results: list[ExportResult]) -> None:
            progress.reset()
            progress.close()
            self.exported.emit(results)
            self._report(results)

        def failed(error: BaseException) -> None:
            progress.reset()
            progress.close()
            self.notify(translate("ExportActions", "Export failed"), str(error))

        def run() -> None:
            self.window.tasks.run(work, done=finished, failed=failed, kind="export")

        self.window.save_now(then=run)

    def _report(self, results: list[ExportResult]) -> None:
        from editor_app.core.publish.export import CANCELLED

        failures = [r for r in results if not r.ok and r.error != CANCELLED]
        skipped = sum(1 for r in results if r.error == CANCELLED)
        written = len(results) - len(failures) - skipped
        summary = translate("ExportActions", "{n} exported").format(n=format_count(written))
        if skipped:
            summary += ", " + translate("ExportActions", "{n} cancelled").format(
                n=format_count(skipped))
        log.info("export: %d written, %d failed, %d cancelled", written, len(failures),
                 skipped)
        if not failures:
            self.window_message(summary + ".")
            return
        lines = "\n".join(f"{r.article_id}: {r.error}" for r in failures[:20])
        self.notify(translate("ExportActions", "Some articles failed"),
                    f"{summary}; " + translate("ExportActions", "{n} failed").format(
                        n=format_count(len(failures))) + f":\n{lines}")

    def notify(self, title: str, text: str) -> None:
        """A warning box that does not block (``open``, not ``exec``)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    def window_message(self, text: str) -> None:
        """Show ``text`` in the window's status bar when it has one."""
        status_bar = getattr(self.parent_widget, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(text, 8000)

"""Preview of the exported HTML inside the app (a read-only QTextBrowser).

Contract: :class:`HtmlPreview` shows the fragment with header exactly as exported (same
text), with the article's own images served from memory; it never loads anything from the
network or the disk and does not follow links (a click does nothing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from editor_app.core.publish.source import PublishArticle
from editor_app.gui.i18n import translate

__all__ = ["HtmlPreview", "PreviewBrowser"]


class PreviewBrowser(QTextBrowser):
    """A QTextBrowser whose only resources are the article's images."""

    def __init__(self, article: PublishArticle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = {image.entry: image.data for image in article.images}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt API
        """Images of the article only; everything else is refused (returns nothing)."""
        url = name.toString() if isinstance(name, QUrl) else str(name)
        self.requested.append(url)
        if kind == QTextDocument.ResourceType.ImageResource.value and url in self._images:
            image = QImage()
            image.loadFromData(self._images[url])
            return image
        return None


class HtmlPreview(QDialog):
    """The fragment (with headline, byline, dateline) of one article, read-only."""

    def __init__(self, article: PublishArticle, fragment_html: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HtmlPreview", "HTML preview")
                            + f": {article.data.headline}")
        self.browser = PreviewBrowser(article, self)
        self.browser.setHtml(fragment_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)

"""File → Export dialog: format, which articles, destination and options; remembered.

Contract: :class:`ExportDialog` only collects an :class:`ExportChoice` (it writes
nothing). The last choice is stored in the setting ``export_last`` (a table) when the
dialog is accepted and pre-filled the next time.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.config import Config
from editor_app.core.errors import StorageError
from editor_app.core.publish import FORMATS
from editor_app.core.workflow.statuses import Status
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.display_names import status_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate
from editor_app.gui.locale_format import format_count

__all__ = ["FORMAT_LABELS", "SETTING", "ExportChoice", "ExportDialog"]

log = logging.getLogger(__name__)

SETTING = "export_last"
#: Format → its English name (translated in context "ExportDialog" where shown).
FORMAT_LABELS = {
    "html": QT_TRANSLATE_NOOP("ExportDialog", "Standalone HTML"),
    "fragment": QT_TRANSLATE_NOOP("ExportDialog", "HTML fragment for a CMS"),
    "bundle": QT_TRANSLATE_NOOP("ExportDialog", "Bundle .zip"),
    "ninjs": "IPTC ninjs JSON",
    "wxr": "WordPress WXR",
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "PDF proof"),
}
STATUSES = tuple(status.value for status in Status)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What to export where. ``scope`` is ``"current"``, ``"selected"`` (the stories
    selected in the list) or ``"status"``."""

    fmt: str = "html"
    scope: str = "current"
    status: str = "approved"
    destination: str = ""
    with_header: bool = False
    site_url: str = ""

    @classmethod
    def from_setting(cls, value: Any) -> ExportChoice:
        """The remembered choice (defaults for anything missing or malformed)."""
        if not isinstance(value, dict):
            return cls()
        fields: dict[str, Any] = {}
        for key, default in asdict(cls()).items():
            item = value.get(key, default)
            fields[key] = item if isinstance(item, type(default)) else default
        if fields["fmt"] not in FORMATS:
            fields["fmt"] = "html"
        if fields["scope"] not in ("current", "selected", "status"):
            fields["scope"] = "current"
        return cls(**fields)


class ExportDialog(QDialog):
    """Collects an :class:`ExportChoice` (see the module contract)."""

    def __init__(self, config: Config, *, has_current: bool, selected: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.setWindowTitle(translate("ExportDialog", "Export"))
        last = ExportChoice.from_setting(config.settings.get(SETTING))
        self.format_box = QComboBox()
        for fmt in FORMATS:
            self.format_box.addItem(translate("ExportDialog", FORMAT_LABELS[fmt]), fmt)
        self.format_box.setCurrentIndex(FORMATS.index(last.fmt))
        self.current_radio = QRadioButton(translate("ExportDialog", "&Open article"))
        self.selected_radio = QRadioButton(
            translate("ExportDialog", "&{n} articles selected in the list").format(
                n=format_count(selected)))
        self.selected_radio.setEnabled(selected > 1)
        self.status_radio = QRadioButton(translate("ExportDialog", "&Every article with status"))
        self.status_box = QComboBox()
        for status in STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(last.status)))
        self.current_radio.setEnabled(has_current)
        if selected > 1:  # a selection made for this export wins over the last choice
            self.selected_radio.setChecked(True)
        elif last.scope == "status" or not has_current:
            self.status_radio.setChecked(True)
        else:
            self.current_radio.setChecked(True)
        self.destination = QLineEdit(last.destination)
        self.destination.setPlaceholderText(translate("ExportDialog", "File or folder"))
        self.browse_button = QPushButton(translate("ExportDialog", "&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        self.header_check = QCheckBox(translate("ExportDialog",
                                                "&Headline and byline in the fragment"))
        self.header_check.setChecked(last.with_header)
        self.site_url = QLineEdit(last.site_url or config.get_str("publish_site_url"))
        self.site_url.setPlaceholderText("https://…")
        scope = QVBoxLayout()
        scope.addWidget(self.current_radio)
        scope.addWidget(self.selected_radio)
        row = QHBoxLayout()
        row.addWidget(self.status_radio)
        row.addWidget(self.status_box)
        scope.addLayout(row)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "&Format"), self.format_box)
        form.addRow(translate("ExportDialog", "Articles"), scope)
        form.addRow(translate("ExportDialog", "&Destination"), where)
        form.addRow(translate("ExportDialog", "&Site URL"), self.site_url)
        form.addRow("", self.header_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.destination.textChanged.connect(self._update_ok)
        self._update_ok()
        name_from_labels(self)

    def choice(self) -> ExportChoice:
        """The choice as the dialog shows it now."""
        return ExportChoice(
            fmt=str(self.format_box.currentData()),
            scope=("current" if self.current_radio.isChecked() else
                   "selected" if self.selected_radio.isChecked() else "status"),
            status=str(self.status_box.currentData()),
            destination=self.destination.text().strip(),
            with_header=self.header_check.isChecked(),
            site_url=self.site_url.text().strip())

    def accept(self) -> None:
        """Remember the choice, then close."""
        self.config.settings[SETTING] = asdict(self.choice())
        try:
            self.config.save_settings()
        except StorageError:
            log.warning("could not save the export choice", exc_info=True)
        super().accept()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.destination.text().strip()))

    def _browse(self) -> None:
        choice = self.choice()
        start = choice.destination or str(Path.home())
        one_file = choice.scope == "current" or choice.fmt == "wxr"
        if one_file:
            path, _ = QFileDialog.getSaveFileName(self, translate("ExportDialog", "Save as"), start)
        else:
            path = QFileDialog.getExistingDirectory(
                self, translate("ExportDialog", "Choose folder"), start)
        if path:
            self.destination.setText(path)

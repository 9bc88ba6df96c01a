"""File → Import: read files in the background, preview and correct, then store.

The dialog is a thin view: files are read through the window's :class:`TaskRunner` (one
read job per file, progress bar, cancel), a bad file shows its message in the list and the
rest go on; the user corrects headline, dek, bylines, dateline, tags and category (and the
body Markdown), sees what was recognised (subheadings, related links, dropped boilerplate,
warnings, suggested tags) and stores the checked entries on the writer thread.
:class:`FileDropFilter` makes a widget accept dropped files (the article list).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.intake.bundle import BundleOutcome, resolve_conflict
from editor_app.core.intake.preview import (
    FileRead,
    read_bytes_for_preview,
    read_for_preview,
    store_confirmed,
)
from editor_app.core.intake.result import ImportResult
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.byline_editor import BylineEditor
from editor_app.gui.dialogs.bundle_merge_dialog import BundleMergeDialog
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.file_drop import FileDropFilter  # kept importable from here
from editor_app.gui.i18n import translate
from editor_app.gui.locale_format import format_count
from editor_app.gui.tasks import TaskRunner

__all__ = ["FileDropFilter", "ImportDialog", "choose_import_files", "open_clipboard_import",
           "open_import"]

log = logging.getLogger(__name__)

_PATTERNS = "*.txt *.html *.htm *.docx *.md *.markdown *.xml *.wxr *.zip"


def file_filter() -> str:
    """The file dialog's filter: stories first, then all files."""
    return (translate("ImportDialog", "Stories") + f" ({_PATTERNS});;"
            + translate("ImportDialog", "All files") + " (*)")


@dataclass
class _Entry:
    read: FileRead
    result: ImportResult | None
    data: ArticleData | None
    stored: str = ""


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Ask for files to import (empty when cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, translate("ImportDialog", "Import"), "",
                                            file_filter())
    return [Path(n) for n in names]


class ImportDialog(QDialog):
    """Preview and correct imported stories before they are stored."""

    stored = Signal(int)  # article id of each stored story

    def __init__(self, service: ArticleService, tasks: TaskRunner, paths: Sequence[Path],
                 parent: QWidget | None = None, *,
                 readers: Sequence[Callable[[], FileRead]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import"))
        self.resize(1000, 680)
        self._service, self._tasks = service, tasks
        self._entries: list[_Entry] = []
        self._current: int | None = None
        self._pending = 0
        self._cancelled = False
        self._storing = False
        self._stop_storing = False
        self.stored_ids: list[int] = []
        self.merge_dialog: BundleMergeDialog | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, len(paths) + len(readers))
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m " + translate("ImportDialog", "files"))
        self.cancel_button = QPushButton(translate("ImportDialog", "Cancel reading"))
        self.cancel_button.clicked.connect(self.cancel)
        self.files = QListWidget()
        self.files.currentRowChanged.connect(self._show)
        self.headline, self.dek = QLineEdit(), QLineEdit()
        self.bylines = BylineEditor()
        self.bylines.setMaximumHeight(150)
        self.place, self.tags, self.category = QLineEdit(), QLineEdit(), QLineEdit()
        self.when = QLineEdit()
        self.when.setPlaceholderText("YYYY-MM-DD")
        self.tags.setPlaceholderText(translate("ImportDialog", "tags, comma-separated"))
        self.body = QPlainTextEdit()
        self.recognised = QPlainTextEdit()
        self.recognised.setReadOnly(True)
        self.recognised.setMaximumHeight(150)
        self.use_suggested = QPushButton(translate("ImportDialog", "Add suggested tags"))
        self.use_suggested.clicked.connect(self._add_suggested)
        form = QFormLayout()
        form.addRow(translate("ImportDialog", "Headline"), self.headline)
        form.addRow(translate("ImportDialog", "Dek"), self.dek)
        form.addRow(translate("ImportDialog", "Bylines"), self.bylines)
        form.addRow(translate("ImportDialog", "Dateline place"), self.place)
        form.addRow(translate("ImportDialog", "Dateline date"), self.when)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tags)
        tag_row.addWidget(self.use_suggested)
        form.addRow(translate("ImportDialog", "Tags"), tag_row)
        form.addRow(translate("ImportDialog", "Category"), self.category)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addLayout(form)
        column.addWidget(QLabel(translate("ImportDialog", "Body, Markdown")))
        column.addWidget(self.body, 3)
        column.addWidget(QLabel(translate("ImportDialog",
                                          "Recognised: subheadings, related links, dropped")))
        column.addWidget(self.recognised, 1)
        split = QSplitter()
        split.addWidget(self.files)
        split.addWidget(right)
        split.setSizes([300, 700])
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(translate("ImportDialog", "Import checked"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.store_checked)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel("")
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)
        self.files.setAccessibleName(translate("ImportDialog", "Files read"))
        name_from_labels(self)
        for path in paths:
            self._read(partial(read_for_preview, Path(path)))
        for reader in readers:
            self._read(reader)

    # ------------------------------------------------------------ reading
    def _read(self, reader: Callable[[], FileRead]) -> None:
        self._pending += 1

        def work() -> FileRead | None:
            return None if self._cancelled else reader()

        self._tasks.run(work, done=self._read_done, kind="import-read")

    def cancel(self) -> None:
        """Stop reading files not started yet (those read so far stay in the list); while
        storing, stop storing the stories not started yet (those stored stay stored; the
        rest stay checked, to store later)."""
        self.cancel_button.setEnabled(False)
        if self._storing:
            self._stop_storing = True
            self.status.setText(translate("ImportDialog", "Storing stopped"))
            return
        self._cancelled = True
        self.status.setText(translate("ImportDialog", "Reading cancelled"))

    def _read_done(self, read: FileRead | None) -> None:
        self._pending -= 1
        self.progress.setValue(self.progress.value() + 1)
        if read is not None:
            if read.error:
                self._add(_Entry(read, None, None), f"✗ {read.path.name}: {read.error}")
            for result in read.results:
                self._add(_Entry(read, result, result.data),
                          f"{result.data.headline or read.path.name}  [{read.format}]")
        if self._pending == 0:
            self.cancel_button.setEnabled(False)
            self.import_button.setEnabled(any(e.result for e in self._entries))
            if self.files.currentRow() < 0 and self._entries:
                self.files.setCurrentRow(0)

    def _add(self, entry: _Entry, label: str) -> None:
        self._entries.append(entry)
        item = QListWidgetItem(label)
        if entry.result is not None:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        else:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(entry.read.error)
        self.files.addItem(item)

    # ------------------------------------------------------------ preview
    def _show(self, row: int) -> None:
        self._keep_edits()
        self._current = row if 0 <= row < len(self._entries) else None
        entry = self._entries[row] if self._current is not None else None
        editable = entry is not None and entry.data is not None
        for widget in (self.headline, self.dek, self.bylines, self.place, self.when, self.tags,
                       self.category, self.body, self.use_suggested):
            widget.setEnabled(editable)
        if entry is None or entry.data is None or entry.result is None:
            self.recognised.setPlainText(entry.read.error if entry else "")
            return
        d, r = entry.data, entry.result
        self.headline.setText(d.headline)
        self.dek.setText(d.dek)
        self.bylines.set_bylines(d.bylines)
        self.place.setText(d.dateline_place)
        self.when.setText(d.dateline_date.isoformat() if d.dateline_date else "")
        self.tags.setText(", ".join(d.tags))
        self.category.setText(d.category)
        self.body.setPlainText(d.body)
        lines = [f"## {s}" for s in r.subheadings]
        related, dropped, warning = (translate("ImportDialog", "related"),
                                     translate("ImportDialog", "dropped"),
                                     translate("ImportDialog", "warning"))
        lines += [f"{related}: {x.title} {x.url}".rstrip() for x in r.related]
        lines += [f"{dropped}: {t}" for t in r.dropped]
        lines += [f"{warning}: {w}" for w in r.warnings]
        if r.agency:
            lines.append(translate("ImportDialog", "agency") + f": {r.agency}")
        if r.suggested_tags:
            lines.append(translate("ImportDialog", "suggested tags")
                         + f": {', '.join(r.suggested_tags)}")
        self.use_suggested.setEnabled(bool(r.suggested_tags))
        self.recognised.setPlainText("\n".join(lines))

    def _keep_edits(self) -> None:
        if self._current is None:
            return
        entry = self._entries[self._current]
        if entry.data is None:
            return
        when = entry.data.dateline_date
        try:
            when = date.fromisoformat(self.when.text().strip()) if self.when.text().strip() \
                else None
        except ValueError:
            self.status.setText(translate("ImportDialog", "write the date as YYYY-MM-DD; the "
                                          "old date is kept"))
        entry.data = replace(
            entry.data, headline=self.headline.text(), dek=self.dek.text(), dateline_date=when,
            bylines=self.bylines.bylines(),
            dateline_place=self.place.text(), category=self.category.text(),
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            body=self.body.toPlainText())

    def _add_suggested(self) -> None:
        entry = self._entries[self._current] if self._current is not None else None
        if entry is None or entry.result is None:
            return
        have = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        have += [t for t in entry.result.suggested_tags if t not in have]
        self.tags.setText(", ".join(have))

    # ------------------------------------------------------------ storing
    def store_checked(self) -> None:
        """Store every checked entry on the writer thread; the dialog closes when done."""
        self._keep_edits()
        jobs = [(i, e) for i, e in enumerate(self._entries)
                if e.result is not None and e.data is not None and not e.stored
                and self.files.item(i).checkState() == Qt.CheckState.Checked]
        if not jobs:
            return
        self.import_button.setEnabled(False)
        self._storing, self._stop_storing = True, False
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m " + translate("ImportDialog", "stories stored"))
        self.cancel_button.setText(translate("ImportDialog", "Stop storing"))
        self.cancel_button.setEnabled(True)
        left = [len(jobs)]
        for row, entry in jobs:
            self._tasks.run(self._store_work(entry), done=self._stored_done(row, left),
                            failed=self._store_failed(row, left), write=True,
                            kind="import-store")

    def _store_work(self, entry: _Entry) -> Callable[[], object]:
        read, result, data = entry.read, entry.result, entry.data
        assert result is not None and data is not None

        def work() -> object:
            # runs on the writer thread: a story not started when Stop was pressed is skipped
            return None if self._stop_storing else store_confirmed(self._service, read,
                                                                    result, data)
        return work

    def _stored_done(self, row: int, left: list[int]) -> Callable[[object], None]:
        def done(value: object) -> None:
            item = self.files.item(row)
            if value is None:  # skipped after Stop
                self._one_less(left)
                return
            self.progress.setValue(self.progress.value() + 1)
            if isinstance(value, BundleOutcome):
                self._entries[row].stored = "conflict"
                item.setText("⚠ " + item.text() + " — "
                             + translate("ImportDialog", "conflict: edited on both sides"))
                self._ask_merge(row, value)
            else:
                article_id = int(getattr(value, "id", 0))
                self._entries[row].stored = "stored"
                self.stored_ids.append(article_id)
                self.stored.emit(article_id)
                item.setText("✓ " + item.text())
            self._one_less(left)
        return done

    def _ask_merge(self, row: int, outcome: BundleOutcome) -> None:
        """Show both versions; on Apply, merge with the chosen sides in the background."""
        record, theirs = outcome.record, outcome.theirs
        if record is None or theirs is None:
            return
        dialog = BundleMergeDialog(outcome.diffs, record.data.headline, self)
        self.merge_dialog = dialog
        source = self._entries[row].read.path.name

        def merged(result: tuple[ArticleRecord, ArticleRecord | None]) -> None:
            saved, copy = result
            self._entries[row].stored = "stored"
            for article in (saved, copy):
                if article is not None:
                    self.stored_ids.append(article.id)
                    self.stored.emit(article.id)
            item = self.files.item(row)
            item.setText("✓ " + item.text().removeprefix("⚠ "))
            self.status.setText(translate("ImportDialog", "merged"))

        def apply() -> None:
            choices = dialog.choices()
            self._tasks.run(lambda: resolve_conflict(self._service, outcome, choices,
                                                     source=source),
                            done=merged, write=True, kind="import-merge")

        dialog.accepted.connect(apply)
        dialog.open()

    def _store_failed(self, row: int, left: list[int]) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            item = self.files.item(row)
            item.setText(f"✗ {item.text()}: {error}")
            self.progress.setValue(self.progress.value() + 1)
            self._one_less(left)
        return failed

    def _one_less(self, left: list[int]) -> None:
        left[0] -= 1
        if left[0] == 0:
            self._storing = False
            self.cancel_button.setEnabled(False)
            stopped = " — " + translate("ImportDialog",
                                        "the rest stopped") if self._stop_storing else ""
            self.status.setText(translate("ImportDialog", "{n} stored").format(
                n=format_count(len(self.stored_ids))) + stopped)
            if all(e.stored == "stored" for e in self._entries if e.result is not None):
                self.accept()
            else:
                self.import_button.setEnabled(True)


class _Window(Protocol):
    service: ArticleService
    tasks: TaskRunner

    def reload_list(self, select_id: int | None = None) -> None: ...


def open_import(window: _Window, paths: Sequence[Path] | None = None) -> ImportDialog | None:
    """File → Import (or files dropped on the list): ask for files when none are given,
    show the preview dialog, reload the list when stories were stored."""
    parent = window if isinstance(window, QWidget) else None
    chosen = list(paths) if paths is not None else choose_import_files(parent)
    if not chosen:
        return None
    dialog = ImportDialog(window.service, window.tasks, chosen, parent)
    dialog.finished.connect(
        lambda _code: window.reload_list(dialog.stored_ids[-1] if dialog.stored_ids else None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_clipboard_import(window: _Window) -> ImportDialog | None:
    """Import what the clipboard holds: the HTML of a copied web page (read as a page),
    else its plain text (read as scraped text)."""
    mime = QApplication.clipboard().mimeData()
    parent = window if isinstance(window, QWidget) else None
    if mime is not None and mime.hasHtml():
        data, name, fmt = mime.html().encode("utf-8"), "clipboard.html", "html"
    elif mime is not None and mime.hasText():
        data, name, fmt = mime.text().encode("utf-8"), "clipboard.txt", "scraped"
    else:
        show_error(parent, translate("ImportDialog", "Import"),
                   translate("ImportDialog", "the clipboard holds no text or web page"))
        return None
    dialog = ImportDialog(window.service, window.tasks, [], parent,
                          readers=[partial(read_bytes_for_preview, data, name, fmt)])
    dialog.finished.connect(
        lambda _code: window.reload_list(dialog.stored_ids[-1] if dialog.stored_ids else None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

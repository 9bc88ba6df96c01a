"""Metadata panel: headline (with akshara counter), dek, bylines, dateline, category, tags,
slug (generated from the Hindi headline in Latin letters unless edited by hand).

Passive view: :meth:`MetadataPanel.set_data` fills it without emitting ``changed``;
:meth:`MetadataPanel.apply_to` returns an :class:`ArticleData` with the panel's fields.
The headline is a one-line :class:`LineTextEdit` (a text document, so it can be
spell-checked); :meth:`MetadataPanel.attach_spelling` underlines misspellings in the
headline, dek and byline cells with the shared checker, and :meth:`spelling_fields` gives
the headline and dek to the "Check spelling" dialog, in that order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import (
    ArticleData,
    BylineData,
    related_as_lines,
    related_from_lines,
)
from editor_app.core.text.counts import akshara_count
from editor_app.core.text.romanize import slugify
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.byline_editor import BylineEditor
from editor_app.gui.display_names import field_name
from editor_app.gui.editor.line_text_edit import LineTextEdit
from editor_app.gui.editor.spell_fields import SpellField, spell_check_field
from editor_app.gui.editor.spell_highlighter import SpellHighlighter
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.tag_editor import TagEditor
from editor_app.gui.theme import colours, follow_theme

__all__ = ["CATEGORIES", "MetadataPanel"]

CATEGORIES = ("देश", "विदेश", "राज्य", "शहर", "राजनीति", "व्यापार", "खेल", "मनोरंजन",
              "विज्ञान-तकनीक", "स्वास्थ्य", "शिक्षा", "संपादकीय")


class MetadataPanel(QWidget):
    """Form for everything about the article except its body."""

    changed = Signal()
    headline_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = True
        self._headline_limit = 0
        self.headline = LineTextEdit()
        self.headline.setPlaceholderText(translate("MetadataPanel", "Headline"))
        self.headline_count = QLabel()
        follow_theme(self.headline_count, lambda _theme: self._update_headline_count())
        self.dek = QPlainTextEdit()
        self.dek.setPlaceholderText(translate("MetadataPanel", "Dek", "placeholder"))
        self.dek.setFixedHeight(64)
        self.spell_highlighters: dict[str, SpellHighlighter] = {}
        self.bylines = BylineEditor()
        self.dateline_place = QLineEdit()
        self.dateline_place.setPlaceholderText(translate("MetadataPanel", "Place"))
        self.dateline_has_date = QCheckBox()
        self.dateline_date = QDateEdit()
        self.dateline_date.setCalendarPopup(True)
        self.dateline_date.setDisplayFormat("dd-MM-yyyy")
        self.dateline_has_date.setAccessibleName(
            translate("MetadataPanel", "Dateline with a date"))
        self.dateline_date.setAccessibleName(translate("MetadataPanel", "Dateline date"))
        self.dateline_date.setDate(QDate.currentDate())
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(("", *CATEGORIES))
        self.tags = TagEditor()
        self.related = QPlainTextEdit()
        self.related.setPlaceholderText(translate("MetadataPanel", "one a line: title, URL"))
        self.related.setFixedHeight(56)
        self.related.setAccessibleName(translate("MetadataPanel", "Related links"))
        self.slug = QLineEdit()
        self.slug_auto = QCheckBox(translate("MetadataPanel", "auto"))
        self.slug_auto.setChecked(True)

        headline_row = QHBoxLayout()
        headline_row.addWidget(self.headline, 1)
        headline_row.addWidget(self.headline_count)
        dateline_row = QHBoxLayout()
        dateline_row.addWidget(self.dateline_place, 1)
        dateline_row.addWidget(self.dateline_has_date)
        dateline_row.addWidget(self.dateline_date)
        slug_row = QHBoxLayout()
        slug_row.addWidget(self.slug, 1)
        slug_row.addWidget(self.slug_auto)
        self.setMinimumWidth(360)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # one language: the side panel is narrow
        form.addRow(field_name("headline"), headline_row)
        form.addRow(field_name("dek"), self.dek)
        form.addRow(field_name("bylines"), self.bylines)
        form.addRow(field_name("dateline_place"), dateline_row)
        form.addRow(field_name("category"), self.category)
        form.addRow(field_name("tags"), self.tags)
        form.addRow(field_name("slug"), slug_row)
        form.addRow(field_name("related"), self.related)

        self.headline.textChanged.connect(
            lambda: self._on_headline_changed(self.headline.text()))
        for signal in (self.dek.textChanged, self.bylines.changed, self.dateline_place.textChanged,
                       self.dateline_date.dateChanged, self.dateline_has_date.toggled,
                       self.category.currentTextChanged, self.tags.changed,
                       self.slug.textEdited, self.related.textChanged):
            signal.connect(self._emit_changed)
        self.slug_auto.toggled.connect(self._on_slug_auto_toggled)
        self.dateline_has_date.toggled.connect(self.dateline_date.setEnabled)
        self._update_headline_count()
        self._on_slug_auto_toggled(True)
        self.dateline_date.setEnabled(False)
        self._loading = False

    # --------------------------------------------------------------- API
    def set_known(self, tags: list[str], people: list[BylineData]) -> None:
        """Autocomplete sources for tags and bylines."""
        self.tags.set_known_tags(tags)
        self.bylines.set_known_people(people)

    def attach_spelling(self, checker: SpellChecker) -> None:
        """Spell-check the headline, dek and byline cells with ``checker`` (shared)."""
        for name, widget in (("headline", self.headline), ("dek", self.dek)):
            self.spell_highlighters[name] = spell_check_field(widget, checker)
        self.bylines.attach_spelling(checker)

    def spelling_fields(self) -> list[SpellField]:
        """Headline then dek, for the spelling dialog (empty before :meth:`attach_spelling`)."""
        labels = {"headline": translate("MetadataPanel", "Headline"),
                  "dek": translate("MetadataPanel", "Dek")}
        widgets = {"headline": self.headline, "dek": self.dek}
        return [SpellField(labels[name], widgets[name], highlighter)
                for name, highlighter in self.spell_highlighters.items()]

    def set_headline_limit(self, aksharas: int) -> None:
        """The house style's headline limit in aksharas (0 = none) for the counter."""
        self._headline_limit = max(0, aksharas)
        self._update_headline_count()

    def set_data(self, data: ArticleData) -> None:
        """Show ``data`` (does not emit ``changed``)."""
        self._loading = True
        try:
            widgets = (self.headline, self.dek, self.dateline_place, self.dateline_date,
                       self.dateline_has_date, self.category, self.slug, self.slug_auto,
                       self.related)
            blockers = [QSignalBlocker(w) for w in widgets]
            self.headline.setText(data.headline)
            self.dek.setPlainText(data.dek)
            self.bylines.set_bylines(data.bylines)
            self.dateline_place.setText(data.dateline_place)
            has_date = data.dateline_date is not None
            self.dateline_has_date.setChecked(has_date)
            self.dateline_date.setEnabled(has_date)
            if data.dateline_date is not None:
                d = data.dateline_date
                self.dateline_date.setDate(QDate(d.year, d.month, d.day))
            else:  # ticking the box dates it today, never the previous article's date
                self.dateline_date.setDate(QDate.currentDate())
            self.category.setCurrentText(data.category)
            self.tags.set_tags(data.tags)
            auto = not data.slug or data.slug == slugify(data.headline)
            self.slug_auto.setChecked(auto)
            self.slug.setReadOnly(auto)
            self.slug.setText(data.slug)
            self.related.setPlainText(related_as_lines(data.related))
            self.headline.setCursorPosition(0)
            self.slug.setCursorPosition(0)
            del blockers
        finally:
            self._loading = False
        self._update_headline_count()

    def apply_to(self, data: ArticleData) -> ArticleData:
        """``data`` with every metadata field replaced by what the panel shows."""
        dateline_date: date | None = None
        if self.dateline_has_date.isChecked():
            q = self.dateline_date.date()
            dateline_date = date(q.year(), q.month(), q.day())
        return replace(
            data,
            headline=self.headline.text(),
            dek=self.dek.toPlainText(),
            bylines=self.bylines.bylines(),
            dateline_place=self.dateline_place.text(),
            dateline_date=dateline_date,
            category=self.category.currentText(),
            tags=self.tags.tags(),
            slug="" if self.slug_auto.isChecked() else self.slug.text(),
            related=related_from_lines(self.related.toPlainText()),
        )

    # --------------------------------------------------------------- internals
    def _emit_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_headline_changed(self, text: str) -> None:
        self._update_headline_count()
        if self.slug_auto.isChecked():
            self.slug.setText(slugify(text) if text.strip() else "")
        self.headline_changed.emit(text)
        self._emit_changed()

    def _on_slug_auto_toggled(self, auto: bool) -> None:
        self.slug.setReadOnly(auto)
        if auto:
            text = self.headline.text()
            self.slug.setText(slugify(text) if text.strip() else "")
        self._emit_changed()

    def _update_headline_count(self) -> None:
        count = akshara_count(self.headline.text())
        limit = self._headline_limit
        over = bool(limit) and count > limit
        shown = f"{count}/{limit}" if limit else str(count)
        self.headline_count.setText(short_label("MetadataPanel", QT_TRANSLATE_NOOP(
            "MetadataPanel", "{count} aksharas")).format(count=shown))
        self.headline_count.setToolTip(translate(
            "MetadataPanel", "headline length in aksharas (grapheme clusters)"))
        self.headline_count.setStyleSheet(
            f"color: {colours().error_text}; font-weight: bold;" if over else "")

"""Main window: article list | body editor | metadata panel, with autosave.

Saving contract (nothing lost): any edit marks the article dirty and (re)starts a single-shot
autosave timer (two seconds by default). The article is also saved before switching to
another article, before creating/duplicating/trashing, and on close. Every save goes through
:meth:`ArticleService.save` with the version the window loaded, so a save over somebody
else's newer version raises :class:`ConflictError` and the user chooses what to do; nothing
is overwritten silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from editor_app import APP_NAME
from editor_app.config import Config
from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.article_queries import SortKey
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ConnectionLost, SampadakError
from editor_app.core.house_style import load_style
from editor_app.core.profiles import ProfileInfo
from editor_app.core.save_journal import journal_for
from editor_app.core.text.counts import TextCounts
from editor_app.core.text.romanize import slugify
from editor_app.core.text.spell import create_spell_checker
from editor_app.core.text.spell_dicts import settings_loader
from editor_app.core.workflow.statuses import may_edit
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.article_commands import ArticleCommands
from editor_app.gui.article_list import ArticleList
from editor_app.gui.article_table import COLUMN_SORT_KEYS
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.editor.phonetic import PhoneticTyping
from editor_app.gui.editor.rich_editor import RichEditor
from editor_app.gui.editor.spell_highlighter import SpellHighlighter
from editor_app.gui.editor.spell_menu import install_spell_context_menu
from editor_app.gui.file_drop import FileDropFilter
from editor_app.gui.focus_chain import install_focus_chain
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.images_panel import ImagesPanel
from editor_app.gui.keyboard_access import focus_first_control, install_keyboard_access
from editor_app.gui.layout_state import (
    SIDE_INDEX,
    PanelLayout,
    initial_window_size,
    relax_minimum_widths,
    restore_window,
    scrollable,
)
from editor_app.gui.lint_panel import ChecksPanel
from editor_app.gui.list_controller import ListController
from editor_app.gui.list_layout import ArticleListFit
from editor_app.gui.live_refresh import install_live
from editor_app.gui.locale_format import format_count, format_time
from editor_app.gui.malloc_tuning import tune_allocator
from editor_app.gui.metadata_panel import MetadataPanel
from editor_app.gui.preferences_actions import install_preferences  # Preferences (issue 13)
from editor_app.gui.review.comments_panel import install_comments
from editor_app.gui.review.desk import install_desk
from editor_app.gui.review.history_panel import HistoryPanel, restore_in_window
from editor_app.gui.review.review_view import install_review
from editor_app.gui.save_controller import (
    SaveController,
    offline_message,
    unreachable_message,
)
from editor_app.gui.spell_startup import SpellStartup
from editor_app.gui.tasks import TaskRunner
from editor_app.gui.text_targets import TextTarget
from editor_app.gui.theme import follow_theme
from editor_app.gui.tool_commands import ToolCommands
from editor_app.gui.trash_notice import TrashNotice
from editor_app.gui.window_actions import install_actions
from editor_app.gui.window_closing import WindowClosing
from editor_app.gui.workflow.controller import WorkflowController, install_workflow

if TYPE_CHECKING:  # dialogs and actions are imported when first used (start-up, issue 7)
    from editor_app.core.review.conflict import ConflictComparison
    from editor_app.gui.dialogs.conflict import ConflictChoice
    from editor_app.gui.dialogs.preferences_dialog import PreferencesDialog
    from editor_app.gui.export_actions import ExportActions

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

def _fetch_for_showing(service: ArticleService, article_id: int) -> ArticleRecord:
    """``service.get(article_id)``, on the background runner. It also romanises the
    headline once there: :meth:`MetadataPanel.set_data` compares a stored slug with
    ``slugify(headline)`` on the GUI thread; afterwards the words are memoised (the
    romanisation no longer imports indic-transliteration: core/text/devanagari_iast.py)."""
    record = service.get(article_id)
    if record.data.slug:
        slugify(record.data.headline)
    return record


def ask_conflict(window: MainWindow, detail: str,
                 comparison: ConflictComparison | None) -> ConflictChoice:
    """The conflict dialog (:func:`editor_app.gui.dialogs.conflict.ask_conflict`), imported
    when a conflict first happens; a module attribute so tests can answer it."""
    from editor_app.gui.dialogs.conflict import ask_conflict as dialog

    return dialog(window, detail, comparison)


def _open_import(window: MainWindow, paths: list[Path]) -> None:
    from editor_app.gui.dialogs.import_dialog import open_import

    open_import(window, paths)


class MainWindow(WindowClosing, QMainWindow):
    """The editing desk for one user on one database."""

    saved = Signal(int)
    list_loaded = Signal()
    #: The article now shown (an ArticleRecord), or None: panels follow it (issue 11).
    article_shown = Signal(object)
    # made by window_actions.install_actions
    check_action: QAction
    close_find_action: QAction
    duplicate_action: QAction
    focus_actions: dict[str, QAction]
    font_action: QAction
    import_action: QAction
    import_clipboard_action: QAction
    sync_action: QAction  # wip-pgsync: File → Sync with newsroom
    list_trash_action: QAction
    new_action: QAction
    phonetic_action: QAction
    preferences_action: QAction  # gui/preferences_actions.install_preferences
    preferences_dialog: PreferencesDialog | None = None
    publishing: ExportActions
    quit_action: QAction
    restore_action: QAction
    save_action: QAction
    shortcuts_action: QAction
    side_tab_actions: list[QAction]
    spelling_action: QAction
    style_action: QAction
    toggle_list_action: QAction
    toggle_side_action: QAction
    trash_action: QAction

    def __init__(self, service: ArticleService, config: Config, font: QFont,
                 profile: ProfileInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tune_allocator()  # big transient buffers back to the system (peak RSS, issue 7)
        self.article_commands = ArticleCommands(self)  # File: new, duplicate, trash, restore
        self.tools = ToolCommands(self)  # font, typing mode, paste, spelling, style, checks
        self.service = service
        self.config = config
        self.profile = profile
        self.house_style = load_style(service.db, config.get_str("house_style_sheet")
                                      or "default")  # chosen in Preferences
        self.record: ArticleRecord | None = None
        self.switching = False
        self.article_list = ArticleList()
        self.editor = RichEditor()
        self.metadata = MetadataPanel()
        self.metadata.set_headline_limit(self.house_style.limit_for("headline"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.metadata.setMinimumWidth(300)  # fits the side panel at 1280×720
        scroll.setWidget(self.metadata)
        self.checks = ChecksPanel(service.db, lambda: self.house_style, profile.name)
        self.checks.set_targets([TextTarget("headline", self.metadata.headline),
                                 TextTarget("dek", self.metadata.dek),
                                 TextTarget("body", self.editor.text_edit)])
        self.images = ImagesPanel(service.db, profile.name, config.cache_dir,
                                  self.editor.insert_image)
        self.editor.set_asset_provider(self.images.provider)
        self.editor.set_asset_resolver(self.images.resolve)
        self.editor.text_edit.set_paste_filter(self.tools.filter_paste)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(scroll, translate("MainWindow", "Details"))
        self.side_tabs.addTab(scrollable(self.checks), translate("MainWindow", "Checks"))
        self.side_tabs.addTab(scrollable(self.images), translate("MainWindow", "Images"))
        self.checks.findings_changed.connect(
            lambda n: self.side_tabs.setTabText(
                1, translate("MainWindow", "Checks") + " " + format_count(n)))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.side_tabs)
        self.setCentralWidget(splitter)
        relax_minimum_widths(self.article_list)
        self.list_fit = ArticleListFit(self.article_list.table)
        self.panels = PanelLayout(splitter, config, self)
        self.save_label = QLabel()
        self.counts_label = QLabel()
        self.mode_label = QLabel()
        self.trash_notice = TrashNotice()
        self.trash_notice.undo_requested.connect(self.article_commands.undo_trash)
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addWidget(self.trash_notice)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.speller = create_spell_checker(service.db, profile.id,
                                            loader=settings_loader(config.settings))
        self.spell_highlighter = SpellHighlighter(self.speller)
        self.editor.attach_highlighter(self.spell_highlighter)
        install_spell_context_menu(self.editor.text_edit, self.spell_highlighter)
        self.metadata.attach_spelling(self.speller)  # headline, dek, bylines: one checker
        self.images.attach_spelling(self.speller)
        self.phonetic = PhoneticTyping(self)
        for widget in (self.editor.text_edit, self.metadata.headline, self.metadata.dek):
            self.phonetic.attach(widget)
        self.phonetic.set_house_style(self.house_style)
        self.tasks = TaskRunner(self)
        self.tasks.error_handler = self._background_error
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setVisible(False)
        self.busy.setToolTip(translate("MainWindow", "working in the background"))
        self.statusBar().addPermanentWidget(self.busy)
        self.tasks.busy_changed.connect(self.busy.setVisible)
        self.saver = SaveController(
            self.tasks, service, self.current_data,
            idle_seconds=config.get_float("autosave_seconds"),
            max_seconds=config.get_float("autosave_max_seconds"),
            ask_conflict=lambda detail, comparison: ask_conflict(self, detail, comparison),
            show_error=lambda title, exc: show_error(self, title, exc),
            journal=journal_for(config.data_dir, service.db.label), parent=self)
        self.saver.kept_locally.connect(self._close_if_waiting)  # lost connection (issue 8)
        self.autosave_timer = self.saver.idle_timer
        self.saver.saved.connect(self._after_save)
        self.saver.replaced.connect(self._on_replaced)
        self.saver.abandoned.connect(self._reselect_current)
        self.saver.abandoned.connect(self._close_cancelled)
        self.saver.message.connect(self.save_label.setText)
        # history panel (issue 11 item 4): timeline, revision diffs, restore
        self.history = HistoryPanel(self.tasks, service)
        self.side_tabs.addTab(scrollable(self.history), translate("MainWindow", "History"))
        self.history.restore_requested.connect(lambda n: restore_in_window(self, n))
        self.lists = ListController(self.article_list, service, self.tasks,
                                    lambda text: self.statusBar().showMessage(text, 5000), self)
        self.lists.loaded.connect(self._on_list_loaded)
        self.drop_filter = FileDropFilter(lambda paths: _open_import(self, paths), self)
        self.article_list.table.viewport().setAcceptDrops(True)
        self.article_list.table.viewport().installEventFilter(self.drop_filter)
        self.lists.known_loaded.connect(self.metadata.set_known)
        # the word lists load in the background once the first list page is shown
        self.spell_startup = SpellStartup(self)
        self._open_first_pending = False
        self._first_choice: int | None = None
        self._close_when_saved = False
        install_actions(self)
        self.workflow: WorkflowController = install_workflow(self)  # review workflow
        self.workflow.moved.connect(  # history panel (issue 11 item 4): show the move
            lambda _id: self.history.set_record(self.record))
        install_preferences(self)  # Edit → Preferences… (issue 13)
        self.comments = install_comments(self)  # side tab, Ctrl+Alt+M, context menu
        self.review = install_review(self)  # tracked changes: the Review side tab
        self.desk = install_desk(self)  # wip-queues: queues, assignments, dashboard
        self.live = install_live(self)  # issue 8 item 3: live refresh (PostgreSQL only)
        self.apply_font(font)
        self.article_list.article_activated.connect(self.open_article)
        self.article_list.filters_changed.connect(lambda: self.reload_list())
        self.article_list.search_requested.connect(lambda _q: self.reload_list())
        self.editor.content_changed.connect(self._on_edited)
        self.editor.counts_changed.connect(self._show_counts)
        self.metadata.changed.connect(self._on_edited)
        self.metadata.headline_changed.connect(self.update_title)
        self.resize(initial_window_size(config, self.screen()))
        self.panels.restore()
        restored = restore_window(config, self, self.side_tabs, COLUMN_SORT_KEYS)
        if restored.sort is not None:  # before the first load, which uses it
            self.article_list.set_sort_order(cast(SortKey, restored.sort[0]),
                                             restored.sort[1])
        install_focus_chain(self._focus_chain())
        install_keyboard_access(self)  # side-tab keys, mnemonics on every menu entry
        follow_theme(self.mode_label,
                     lambda _theme: self.tools.show_mode(self.phonetic_action.isChecked()))
        name_from_labels(self)  # every control says what it is (issue 13 item 5)
        self.update_editable()
        self.update_title()
        if not self.spell_highlighter.available:
            self.statusBar().showMessage(self.spell_highlighter.unavailable_reason, 15000)

    # ------------------------------------------------------------ list
    def reload_list(self, select_id: int | None = None) -> None:
        """Reload the list's first page in the background (newest request wins), keeping
        the selection; search text makes it a ranked search."""
        if select_id is None and self.record is not None:
            select_id = self.record.id
        self.lists.reload(select_id)
        trashed = self.article_list.trashed()
        self.trash_action.setEnabled(not trashed)
        self.restore_action.setEnabled(trashed)

    def _on_list_loaded(self) -> None:
        self.list_loaded.emit()
        if self._open_first_pending:
            self._open_first_pending = False
            model = self.article_list.model
            wanted, self._first_choice = self._first_choice, None
            if self.record is None and wanted is not None and model.row_of(wanted) < 0:
                self.open_article(wanted)  # picked in the start-up skeleton, not on this page
            elif self.record is None and model.rowCount():
                self.article_list.select(model.summary(0).id if wanted is None else wanted)

    def _refresh_known(self) -> None:
        self.lists.refresh_known()

    def open_first(self, article_id: int | None = None) -> None:
        """Load the list and open ``article_id`` (default: the list's first story, the
        most recently changed one, if any)."""
        self._open_first_pending = True
        self._first_choice = article_id
        self.reload_list()
        self._refresh_known()

    # ------------------------------------------------------------ editing
    @property
    def dirty(self) -> bool:
        """True while the open article has edits that are not stored yet."""
        return self.saver.dirty

    def open_article(self, article_id: int) -> None:
        """Save the current article if needed, then load and show ``article_id``."""
        if self.switching or (self.record is not None and self.record.id == article_id):
            return
        self.save_now(then=lambda: self._load_article(article_id))

    def _load_article(self, article_id: int) -> None:
        def not_found(error: BaseException) -> None:
            if isinstance(error, ConnectionLost):
                self._background_error(error)
                self._reselect_current()
                return
            if not isinstance(error, SampadakError):
                raise error
            show_error(self, translate("MainWindow", "Not found"), error)
            self.reload_list()

        self.tasks.run(lambda: _fetch_for_showing(self.service, article_id),
                       done=self.show_record,
                       failed=not_found, key="open", kind="open")

    def show_record(self, record: ArticleRecord) -> None:
        if self.saver.dirty and self.record is not None and self.record.id != record.id:
            # typed into the old article while the new one was loading: store that first
            self.save_now(then=lambda: self.show_record(record))
            return
        self.switching = True
        try:
            self.record = record
            self.saver.set_record(record)
            self.editor.set_markdown(record.data.body)
            self.metadata.set_data(record.data)
            self.article_list.select(record.id, emit=False)
        finally:
            self.switching = False
        self.update_title()
        self.save_label.setText("")
        self.checks.set_article(record.id)
        self.images.set_article(record.id)
        self.history.set_record(record)  # history panel (issue 11 item 4)
        self.update_editable()
        self.article_shown.emit(record)
        if self.spell_highlighter.warming:
            self.statusBar().showMessage(translate("MainWindow", "checking spelling…"))

    def update_editable(self) -> None:
        """Only a live (not trashed) article on a writable database can be edited, by a
        user whose role may edit it in its status (core.workflow.statuses.may_edit); a
        trashed one is read-only until it is restored, and a backup opened read-only after
        damage changes nothing. The workflow strip follows."""
        writable = not self.service.db.read_only
        editable = (writable and self.record is not None and not self.record.trashed
                    and may_edit(self.service.actor.role, self.record.status))
        self.editor.set_read_only(not editable)
        self.metadata.setEnabled(editable)
        self.images.setEnabled(editable)
        self.duplicate_action.setEnabled(writable and self.record is not None)
        for action in (self.new_action, self.trash_action, self.list_trash_action):
            action.setEnabled(writable)
        self.workflow.refresh()

    def current_data(self) -> ArticleData:
        """What the user sees now, as article data."""
        base = self.record.data if self.record is not None else ArticleData()
        return self.metadata.apply_to(replace(base, body=self.editor.markdown()))

    def _on_edited(self) -> None:
        if self.switching or self.record is None:
            return
        self.saver.edited()
        self.save_label.setText(offline_message() if self.saver.offline
                                else translate("MainWindow", "unsaved changes"))
        self.checks.schedule()

    def save_now(self, then: Callable[[], None] | None = None) -> None:
        """Save pending changes in the background; ``then`` runs once they are stored
        (never when the user must first resolve a conflict, or the save failed)."""
        self.saver.save(then)

    def _after_save(self, record: ArticleRecord) -> None:
        previous = self.record
        self.record = record
        self.save_label.setText(translate("MainWindow", "saved {time}, version {version}").format(
            time=format_time(datetime.now(), seconds=True), version=record.version))
        self.article_list.model.update_row(record.summary())
        self.history.set_record(record)  # history panel (issue 11 item 4)
        if previous is None or (previous.data.tags, previous.data.bylines) != (
                record.data.tags, record.data.bylines):
            self._refresh_known()
        self.saved.emit(record.id)

    def _on_replaced(self, record: ArticleRecord) -> None:
        """The conflict resolution gave another record to show (theirs, or a copy)."""
        if not self.article_list.model.update_row(record.summary()):
            self.article_list.model.insert_row(record.summary())
        self.show_record(record)

    def _reselect_current(self) -> None:
        if self.record is not None:
            self.article_list.select(self.record.id, emit=False)

    def _background_error(self, error: BaseException) -> None:
        if isinstance(error, ConnectionLost):  # no dialog per job while the server is away
            log.warning("background job: %s", error)
            self.statusBar().showMessage(unreachable_message(), 10000)
        elif isinstance(error, SampadakError):
            show_error(self, translate("MainWindow", "Could not finish"), error)
        else:
            log.error("background job failed", exc_info=error)

    # ------------------------------------------------------------ side tabs, font
    def side_tab_of(self, widget: QWidget) -> int:
        """Index of the side tab whose page holds ``widget`` (pages sit in scroll areas)."""
        for index in range(self.side_tabs.count()):
            page = self.side_tabs.widget(index)
            if page is widget or (page is not None and page.isAncestorOf(widget)):
                return index
        return self.side_tabs.currentIndex()

    def show_side_tab(self, index: int) -> None:
        self.panels.set_panel_open(SIDE_INDEX, True)
        self.side_tabs.setCurrentIndex(index)
        page = self.side_tabs.currentWidget()
        if page is not None:
            focus_first_control(page)  # the page is a scroll area: focus what is inside

    def _focus_chain(self) -> list[QWidget]:
        """Tab order: search and filters, the list, then headline → dek → body → the rest
        of the details."""
        listing = self.article_list
        meta = self.metadata
        return [listing.search_box, listing.search_scope, listing.status_filter,
                listing.tag_filter, listing.show_trash, listing.table,
                meta.headline, meta.dek, self.editor.text_edit, meta.bylines.table,
                meta.bylines.add_button, meta.bylines.remove_button, meta.bylines.up_button,
                meta.bylines.down_button, meta.dateline_place, meta.dateline_has_date,
                meta.dateline_date, meta.category, meta.tags.input, meta.tags.remove_button,
                meta.tags.list, meta.slug, meta.slug_auto]

    def apply_font(self, font: QFont) -> None:
        """Use ``font`` for the editor and the whole window."""
        self.setFont(font)
        self.editor.set_editor_font(font)

    # ------------------------------------------------------------ chrome
    def update_title(self, *_args: object) -> None:
        headline = self.metadata.headline.text().strip() if self.record else ""
        untitled = translate("MainWindow", "untitled")
        self.setWindowTitle(f"{APP_NAME} — {headline or untitled}")

    def _show_counts(self, counts: TextCounts) -> None:
        # one language only: the status bar has no room for both
        self.counts_label.setText(short_label("MainWindow", QT_TRANSLATE_NOOP(
            "MainWindow", "words {words} · aksharas {aksharas} · characters {characters} · "
            "reading ~{minutes} min")).format(
                words=format_count(counts.words), aksharas=format_count(counts.aksharas),
                characters=format_count(counts.characters),
                minutes=format_count(counts.reading_minutes)))

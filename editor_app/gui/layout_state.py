"""Window layout: the editor keeps priority, side panels collapse, sizes are remembered.

Contract:

- The main splitter holds ``[article list, editor, side tabs]``. When the window grows or
  shrinks, only the editor changes width (stretch factor 1; the panels 0). The editor can
  never be collapsed; the two panels can (drag a handle to the edge, or
  :meth:`PanelLayout.toggle_panel`, wired to View menu actions).
- Panel sizes, the width a collapsed panel reopens with, and the window size are kept in
  the settings (``panel_sizes``, ``panel_open_widths``, ``window_size``) by
  :meth:`PanelLayout.save`; :meth:`PanelLayout.restore` puts them back when the splitter is
  first shown (proportionally to its width then) and falls back to
  :data:`DEFAULT_PANEL_SIZES` for a bad or missing value.
- The rest of the window's layout is remembered too (:func:`remember_window`, on close;
  :func:`restore_window`, while the window is built, before the list's first load): the
  window's geometry (position, size, maximised, which screen: ``window_geometry``, Qt's own
  ``saveGeometry`` in base64; restored only when it fits a screen present now, else the
  remembered size applies), toolbar placement (``window_state``), the side tab shown
  (``side_tab``) and the article list's order (``list_sort``: key and descending). The
  list's column widths are not stored: :class:`~editor_app.gui.list_layout.ArticleListFit`
  fits them to the list panel's (remembered) width. A bad or missing value is ignored.
- Nothing inside a side tab can push the window wider: every page sits in a
  :func:`scrollable` area, whose minimum width does not depend on the page's content, so
  switching tabs (or a long check summary) never resizes the window.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from editor_app.config import Config
from editor_app.core.errors import SampadakError

__all__ = ["DEFAULT_PANEL_SIZES", "DEFAULT_WINDOW_SIZE", "EDITOR_INDEX", "LIST_INDEX",
           "SIDE_INDEX", "PanelLayout", "RestoredWindow", "initial_window_size",
           "relax_minimum_widths", "remember_window", "restore_geometry", "restore_window",
           "scrollable"]

log = logging.getLogger(__name__)

LIST_INDEX, EDITOR_INDEX, SIDE_INDEX = 0, 1, 2
#: Panel widths (list, editor, side) for a 1280-pixel-wide window: the editor gets half.
DEFAULT_PANEL_SIZES = (320, 620, 330)
DEFAULT_WINDOW_SIZE = QSize(1400, 860)
PANEL_SIZES_KEY = "panel_sizes"
OPEN_WIDTHS_KEY = "panel_open_widths"
WINDOW_SIZE_KEY = "window_size"
WINDOW_GEOMETRY_KEY = "window_geometry"
WINDOW_STATE_KEY = "window_state"
SIDE_TAB_KEY = "side_tab"
LIST_SORT_KEY = "list_sort"
#: Narrowest useful width of an open side panel (a panel is open or collapsed, not a sliver).
MIN_PANEL_WIDTH = 180


def scrollable(page: QWidget) -> QScrollArea:
    """``page`` inside a frameless scroll area that follows the page's natural height and
    scrolls sideways only when the panel is narrower than the page's minimum width."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def relax_minimum_widths(widget: QWidget, minimum: int = 72) -> None:
    """Combo boxes below ``widget`` may shrink to ``minimum`` pixels (eliding their text;
    the full text is the tooltip) instead of insisting on their longest bilingual item, so
    a filter bar does not widen its panel. Their preferred width stays the content's."""
    for combo in widget.findChildren(QComboBox):
        combo.setMinimumWidth(min(minimum, combo.minimumSizeHint().width()))
        if not combo.toolTip():
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)


def _int_pair(value: object) -> tuple[int, int] | None:
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        return value[0], value[1]
    return None


def initial_window_size(config: Config, screen: QScreen | None) -> QSize:
    """The remembered window size, else :data:`DEFAULT_WINDOW_SIZE`; never larger than the
    screen's available area (a 1280×720 laptop gets a window that fits)."""
    pair = _int_pair(config.settings.get(WINDOW_SIZE_KEY))
    size = QSize(*pair) if pair and min(pair) > 0 else QSize(DEFAULT_WINDOW_SIZE)
    if screen is not None:
        available = screen.availableGeometry().size()
        size = size.boundedTo(available)
    return size


class PanelLayout(QObject):
    """Owns the main splitter's sizes (see the module docstring)."""

    def __init__(self, splitter: QSplitter, config: Config,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if splitter.count() != 3:
            raise ValueError("the main splitter holds list, editor and side panel")
        self.splitter = splitter
        self.config = config
        self._open_widths = {LIST_INDEX: DEFAULT_PANEL_SIZES[LIST_INDEX],
                             SIDE_INDEX: DEFAULT_PANEL_SIZES[SIDE_INDEX]}
        splitter.setChildrenCollapsible(True)
        splitter.setCollapsible(EDITOR_INDEX, False)
        for index in (LIST_INDEX, SIDE_INDEX):
            splitter.setCollapsible(index, True)
            splitter.setStretchFactor(index, 0)
        splitter.setStretchFactor(EDITOR_INDEX, 1)
        splitter.splitterMoved.connect(lambda _pos, _index: self.remember())
        self._restored = False
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.splitter and event.type() == QEvent.Type.Show \
                and not self._restored:
            self.restore()
        return False

    # ------------------------------------------------------------ state
    def sizes(self) -> list[int]:
        """Current widths of list, editor and side panel (0 = collapsed)."""
        return self.splitter.sizes()

    def is_collapsed(self, index: int) -> bool:
        """True when panel ``index`` takes no width."""
        return self.sizes()[index] == 0

    def restore(self) -> None:
        """Apply the remembered panel sizes (or the defaults)."""
        self._restored = self.splitter.isVisible()
        widths = _int_pair(self.config.settings.get(OPEN_WIDTHS_KEY))
        if widths is not None:
            self._open_widths = {LIST_INDEX: max(MIN_PANEL_WIDTH, widths[0]),
                                 SIDE_INDEX: max(MIN_PANEL_WIDTH, widths[1])}
        stored = self.config.settings.get(PANEL_SIZES_KEY)
        sizes: Sequence[int] = DEFAULT_PANEL_SIZES
        if (isinstance(stored, list) and len(stored) == 3
                and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                        for v in stored) and stored[EDITOR_INDEX] > 0):
            sizes = stored
        for index in (LIST_INDEX, SIDE_INDEX):
            if sizes[index] > 0:
                self._open_widths[index] = max(MIN_PANEL_WIDTH, sizes[index])
        self.splitter.setSizes(list(sizes))

    def remember(self) -> None:
        """Copy the current sizes into the settings (written by :meth:`save`)."""
        sizes = self.sizes()
        if sum(sizes) <= 0:  # not laid out yet
            return
        for index in (LIST_INDEX, SIDE_INDEX):
            if sizes[index] > 0:
                self._open_widths[index] = max(MIN_PANEL_WIDTH, sizes[index])
        self.config.settings[PANEL_SIZES_KEY] = [int(s) for s in sizes]
        self.config.settings[OPEN_WIDTHS_KEY] = [self._open_widths[LIST_INDEX],
                                                 self._open_widths[SIDE_INDEX]]

    def save(self, window_size: QSize | None = None) -> None:
        """Write panel sizes (and ``window_size``) to the settings file; a failure is
        logged, never raised (losing a layout must not block closing)."""
        self.remember()
        if window_size is not None and window_size.isValid():
            self.config.settings[WINDOW_SIZE_KEY] = [window_size.width(),
                                                     window_size.height()]
        try:
            self.config.save_settings()
        except SampadakError as exc:
            log.warning("could not remember the window layout: %s", exc)

    # ------------------------------------------------------------ commands
    def set_panel_open(self, index: int, open_: bool) -> None:
        """Open or collapse the list (``LIST_INDEX``) or the side panel (``SIDE_INDEX``);
        the editor gives or takes the width."""
        if index == EDITOR_INDEX:
            raise ValueError("the editor cannot be collapsed")
        sizes = self.sizes()
        if open_ == (sizes[index] > 0):
            return
        if open_:
            wanted = self._open_widths[index]
            editor_room = sizes[EDITOR_INDEX] - MIN_PANEL_WIDTH
            width = max(MIN_PANEL_WIDTH, min(wanted, editor_room))
            sizes[EDITOR_INDEX] -= width
            sizes[index] = width
        else:
            self._open_widths[index] = max(MIN_PANEL_WIDTH, sizes[index])
            sizes[EDITOR_INDEX] += sizes[index]
            sizes[index] = 0
        self.splitter.setSizes(sizes)
        self.remember()

    def toggle_panel(self, index: int) -> None:
        """Collapse an open panel or open a collapsed one."""
        self.set_panel_open(index, self.is_collapsed(index))

    def reveal(self, widget: QWidget) -> None:
        """Open the panel that holds ``widget`` if it is collapsed (before focusing it)."""
        for index in (LIST_INDEX, SIDE_INDEX):
            panel = self.splitter.widget(index)
            if panel is not None and (widget is panel or panel.isAncestorOf(widget)) \
                    and self.is_collapsed(index):
                self.set_panel_open(index, True)

    def panel_widget(self, index: int) -> QWidget:
        """The widget of panel ``index``."""
        widget = self.splitter.widget(index)
        assert widget is not None
        return widget


# ------------------------------------------------------------ the rest of the window
def _encoded(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decoded(value: object) -> QByteArray | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return QByteArray(base64.b64decode(value.encode("ascii"), validate=True))
    except (binascii.Error, ValueError):
        return None


def remember_window(config: Config, window: QMainWindow, tabs: QTabWidget,
                    sort: tuple[str, bool]) -> None:
    """Copy geometry, toolbar state, side tab and list order into the settings (written
    with the panel sizes by :meth:`PanelLayout.save`)."""
    config.settings[WINDOW_GEOMETRY_KEY] = _encoded(window.saveGeometry())
    config.settings[WINDOW_STATE_KEY] = _encoded(window.saveState())
    config.settings[SIDE_TAB_KEY] = tabs.currentIndex()
    config.settings[LIST_SORT_KEY] = [sort[0], bool(sort[1])]


class RestoredWindow:
    """What :func:`restore_window` found: whether the geometry was applied, and the list
    order to use (``None``: keep the default)."""

    def __init__(self, geometry: bool, sort: tuple[str, bool] | None) -> None:
        self.geometry = geometry
        self.sort = sort


def restore_window(config: Config, window: QMainWindow, tabs: QTabWidget,
                   sort_keys: Sequence[str]) -> RestoredWindow:
    """Put back what :func:`remember_window` stored (see the module contract); the list
    order is returned for the caller to apply (it is one of ``sort_keys``)."""
    settings = config.settings
    applied = restore_geometry(config, window)
    state = _decoded(settings.get(WINDOW_STATE_KEY))
    if state is not None:
        window.restoreState(state)
    tab = settings.get(SIDE_TAB_KEY)
    if isinstance(tab, int) and not isinstance(tab, bool) and 0 <= tab < tabs.count():
        tabs.setCurrentIndex(tab)
    stored = settings.get(LIST_SORT_KEY)
    sort: tuple[str, bool] | None = None
    if (isinstance(stored, list) and len(stored) == 2 and stored[0] in sort_keys
            and isinstance(stored[1], bool)):
        sort = (str(stored[0]), stored[1])
    return RestoredWindow(applied, sort)


def restore_geometry(config: Config, window: QMainWindow) -> bool:
    """Put back the remembered geometry (position, size, maximised, screen) when it fits a
    screen present now; True when applied. The start-up skeleton uses it too, so it opens
    exactly where the real window will."""
    geometry = _decoded(config.settings.get(WINDOW_GEOMETRY_KEY))
    applied = geometry is not None and window.restoreGeometry(geometry)
    if geometry is not None and not applied:
        log.info("remembered window geometry does not fit the screens now: not used")
    return bool(applied)

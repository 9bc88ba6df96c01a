"""The banner above the editor on a shared newsroom: "changed by …" and "… is editing".

Contract of :class:`LiveBanner` (a passive view; :mod:`editor_app.gui.live_refresh` drives
it):
- :meth:`show_change` says that someone else stored a newer version of the open story
  ("बदला गया: कमल, 2 मिनट पहले") with **Reload** and **Compare** buttons
  (``reload_requested`` / ``compare_requested``); the time is re-worded every
  :data:`TICK_MS` (अभी → 1 मिनट पहले → …). :meth:`clear_change` hides that line (another
  story opened, or reloaded);
- :meth:`show_editors` names the others editing the open story now ("कमल संपादन कर रहे
  हैं"): information only, nothing is blocked; an empty list hides that line;
- the banner is hidden while it has nothing to say; × hides the change line until the next
  change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor_app.gui.i18n import translate
from editor_app.gui.palette import LIGHT, AppColours
from editor_app.gui.theme import follow_theme

__all__ = ["TICK_MS", "LiveBanner", "ago_text", "editing_text"]

log = logging.getLogger(__name__)

#: How often "2 मिनट पहले" is re-worded while shown.
TICK_MS = 30_000
#: The banner's colour in the light theme (a notice, not an error; the live colours are
#: ``theme.colours().banner`` and ``banner_text``).
BACKGROUND = LIGHT.banner


def editing_text(names: Sequence[str]) -> str:
    """"<names> editing now" in the UI language (the banner and the list's tooltips)."""
    return translate("LiveBanner", "{names} editing now").format(names=", ".join(names))


def ago_text(name: str, at: datetime, now: datetime | None = None) -> str:
    """"Changed by ``name``, <how long ago>" in the UI language."""
    seconds = max(0.0, ((now or datetime.now(UTC)) - at).total_seconds())
    if seconds < 60:
        return translate("LiveBanner", "Changed by {name}, just now").format(name=name)
    if seconds < 3600:
        return translate("LiveBanner", "Changed by {name}, {n} min ago").format(
            name=name, n=int(seconds // 60))
    return translate("LiveBanner", "Changed by {name}, {n} h ago").format(
        name=name, n=int(seconds // 3600))


def _banner_palette(widget: QWidget, theme: AppColours) -> QPalette:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(theme.banner))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.banner_text))
    return palette


class LiveBanner(QFrame):
    """What other users are doing to the open story (see the module contract)."""

    reload_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # a palette, not a style sheet: the window's Hindi font still reaches the labels
        follow_theme(self, self._recolour)
        self.setAutoFillBackground(True)
        self.change_label = QLabel()
        self.change_label.setWordWrap(True)
        self.editors_label = QLabel()
        self.editors_label.setWordWrap(True)
        self.reload_button = QPushButton(translate("LiveBanner", "Reload"))
        self.reload_button.setToolTip(translate("LiveBanner",
                                                "Show the version stored by the other user"))
        self.compare_button = QPushButton(translate("LiveBanner", "Compare"))
        self.compare_button.setToolTip(translate("LiveBanner",
                                                 "Show what changed in the History tab"))
        self.dismiss_button = QPushButton("×")
        self.dismiss_button.setFlat(True)
        self.dismiss_button.setToolTip(translate("LiveBanner", "Hide this message"))
        self.reload_button.clicked.connect(self.reload_requested)
        self.compare_button.clicked.connect(self.compare_requested)
        self.dismiss_button.clicked.connect(self.clear_change)
        self._change_row = QWidget()
        change_row = QHBoxLayout(self._change_row)
        change_row.setContentsMargins(0, 0, 0, 0)
        change_row.addWidget(self.change_label, 1)
        change_row.addWidget(self.reload_button)
        change_row.addWidget(self.compare_button)
        change_row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._change_row)
        layout.addWidget(self.editors_label)
        self._change: tuple[str, datetime] | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._reword)
        self._update_visibility()

    # ---------------------------------------------------------------- input
    def _recolour(self, theme: AppColours) -> None:
        self.setPalette(_banner_palette(self, theme))

    def show_change(self, name: str, at: datetime) -> None:
        """Someone else (``name``) stored a newer version at ``at``."""
        self._change = (name, at)
        self._reword()
        self._tick.start()
        self._update_visibility()

    def clear_change(self) -> None:
        """Hide the change line."""
        self._change = None
        self._tick.stop()
        self.change_label.clear()
        self._update_visibility()

    def show_editors(self, names: Sequence[str]) -> None:
        """Name the others editing the open story now (empty: nobody)."""
        if names:
            self.editors_label.setText(EDITING_PREFIX + editing_text(names))
        else:
            self.editors_label.clear()
        self._update_visibility()

    # ---------------------------------------------------------------- state
    @property
    def has_change(self) -> bool:
        """True while the change line is shown."""
        return self._change is not None

    def _reword(self) -> None:
        if self._change is not None:
            self.change_label.setText(ago_text(*self._change))

    def _update_visibility(self) -> None:
        self._change_row.setVisible(self._change is not None)
        self.editors_label.setVisible(bool(self.editors_label.text()))
        self.setVisible(self._change is not None or bool(self.editors_label.text()))


#: Put before "… editing now" (the list uses the same sign).
EDITING_PREFIX = "✎ "

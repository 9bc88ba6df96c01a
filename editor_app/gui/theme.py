"""The light and dark themes applied to the running app (palette + the app's own colours).

Contract:

- The setting ``theme`` (``settings.toml``, Preferences → Appearance) is ``"light"``,
  ``"dark"`` or ``"system"`` (the default: follow the desktop's colour scheme, light when
  the desktop does not say). :func:`resolve` turns the choice into ``"light"`` or
  ``"dark"``.
- :func:`apply_theme` sets the application's :class:`QPalette` from
  :mod:`editor_app.gui.palette`, remembers the colours that :func:`colours` returns, and
  tells every follower at once: the change is live, nothing waits for a restart. With
  ``"system"`` it also follows a later change of the desktop's scheme.
- :func:`follow_theme` runs ``apply(colours)`` for a widget now and after every theme
  change while the widget lives (widgets with their own colours: underlines, diff view,
  status chip, banners). Views that read :func:`colours` while painting (list rows) need
  nothing more: a palette change repaints them.
- State lives in one :class:`_State` that :func:`reset` puts back (tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from editor_app.config import DEFAULT_THEME, THEME_SETTING, THEMES
from editor_app.gui.palette import LIGHT, AppColours, colours_for

__all__ = ["DEFAULT_THEME", "SETTING", "THEMES", "apply_theme", "colours", "current_choice",
           "follow_theme", "normalise_theme", "reset", "resolve"]

log = logging.getLogger(__name__)

SETTING = THEME_SETTING


class _Notifier(QObject):
    changed = Signal(object)  # the new AppColours


@dataclass
class _State:
    choice: str = DEFAULT_THEME
    colours: AppColours = LIGHT
    notifier: _Notifier | None = None
    watching_system: bool = False


_state = _State()


def reset() -> None:
    """Forget the applied theme (back to light colours, nothing applied)."""
    _state.choice = DEFAULT_THEME
    _state.colours = LIGHT


def normalise_theme(value: object) -> str:
    """``value`` when it is one of :data:`THEMES`, else the default (logged)."""
    if isinstance(value, str) and value in THEMES:
        return value
    if value not in ("", None):
        log.warning("unknown %s %r: using %r", SETTING, value, DEFAULT_THEME)
    return DEFAULT_THEME


def _system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def resolve(choice: object) -> str:
    """``"light"`` or ``"dark"`` for a setting value (``"system"`` asks the desktop)."""
    value = normalise_theme(choice)
    if value == "system":
        return "dark" if _system_is_dark() else "light"
    return value


def colours() -> AppColours:
    """The colours of the theme applied now (light before any :func:`apply_theme`)."""
    return _state.colours


def current_choice() -> str:
    """The setting value last applied (``"system"``, ``"light"`` or ``"dark"``)."""
    return _state.choice


def _notifier() -> _Notifier:
    if _state.notifier is None:
        _state.notifier = _Notifier(QApplication.instance())
    return _state.notifier


def build_palette(theme: AppColours) -> QPalette:
    """A full QPalette (all groups, disabled text dimmed) for ``theme``."""
    palette = QPalette()
    roles = QPalette.ColorRole
    table = {
        roles.Window: theme.window, roles.WindowText: theme.window_text,
        roles.Base: theme.base, roles.AlternateBase: theme.alternate_base,
        roles.Text: theme.text, roles.Button: theme.button,
        roles.ButtonText: theme.button_text, roles.Highlight: theme.highlight,
        roles.HighlightedText: theme.highlighted_text, roles.ToolTipBase: theme.tooltip_base,
        roles.ToolTipText: theme.tooltip_text, roles.Link: theme.link,
        roles.LinkVisited: theme.link, roles.PlaceholderText: theme.placeholder,
        roles.BrightText: theme.base, roles.Light: theme.light, roles.Midlight: theme.mid,
        roles.Mid: theme.mid, roles.Dark: theme.dark, roles.Shadow: theme.dark,
    }
    for role, value in table.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(theme.disabled_text))
    return palette


def apply_theme(choice: object, app: QApplication | None = None) -> AppColours:
    """Apply the theme ``choice`` to ``app`` (default: the running one) live; return its
    colours (see the module contract)."""
    application = app or QApplication.instance()
    if not isinstance(application, QApplication):
        raise RuntimeError("apply_theme() needs a QApplication")
    _state.choice = normalise_theme(choice)
    theme = colours_for(resolve(_state.choice))
    changed = theme != _state.colours
    _state.colours = theme
    if theme.name == "dark" and application.style().name().lower() in ("windowsvista",
                                                                        "windows"):
        application.setStyle("Fusion")  # the native Windows style ignores palettes
    application.setPalette(build_palette(theme))
    if not _state.watching_system:
        hints = QGuiApplication.styleHints()
        signal = getattr(hints, "colorSchemeChanged", None)
        if signal is not None:
            signal.connect(_system_changed)
            _state.watching_system = True
    log.info("theme %s (%s)", theme.name, _state.choice)
    if changed:
        _notifier().changed.emit(theme)
    return theme


def _system_changed(*_args: object) -> None:
    if _state.choice == "system":
        apply_theme("system")


class _Follower(QObject):
    """Child of the followed widget: dies with it, which ends the connection."""

    def __init__(self, widget: QObject, apply: Callable[[AppColours], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        _notifier().changed.connect(self.on_changed)

    def on_changed(self, theme: object) -> None:
        if isinstance(theme, AppColours):
            self._apply(theme)


def follow_theme(widget: QObject, apply: Callable[[AppColours], None]) -> None:
    """Call ``apply(colours())`` now and after every theme change while ``widget`` (any
    QObject: a widget, a syntax highlighter) lives."""
    _Follower(widget, apply)
    apply(colours())

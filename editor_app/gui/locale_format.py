"""Numbers, dates and times in the GUI, in the form of the UI language.

Contract:

- :func:`ui_locale` is the ``QLocale`` of the UI language that :func:`editor_app.gui.i18n.setup`
  chose: Hindi (India) for ``"hi"`` and ``"hi-en"``; for ``"en"`` the system locale, or
  English (India) when the system has none (the ``C``/``POSIX`` locale).
- Counts (word counts, list totals, found/replaced numbers) go through
  :func:`format_count`: Qt's Hindi (India) locale groups digits the Indian way
  (``12,34,567``) with ASCII digits, as Hindi newspapers print them; nothing is grouped by
  hand.
- Dates use the locale's month and day names (``1 दिसंबर 2026``, ``22 अप्रैल``); times are
  24-hour ``HH:mm`` in every language.
- A ``datetime`` is shown in local time (``astimezone()``); an aware or naive value both work.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from editor_app.gui.i18n import current_language

__all__ = ["format_count", "format_date", "format_day_month", "format_time", "ui_locale"]


def ui_locale() -> QLocale:
    """The locale numbers and dates are shown in (see the module contract)."""
    if current_language() in ("hi", "hi-en"):
        return QLocale(QLocale.Language.Hindi, QLocale.Country.India)
    system = QLocale.system()
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(QLocale.Language.English, QLocale.Country.India)
    return system


def format_count(value: int) -> str:
    """``value`` with the locale's digit grouping: ``12,34,567`` in Hindi."""
    return ui_locale().toString(value)


def _qdate(moment: date | datetime) -> QDate:
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    return QDate(moment.year, moment.month, moment.day)


def format_date(moment: date | datetime) -> str:
    """Day, month name and year: ``1 दिसंबर 2026`` / ``1 December 2026``."""
    return ui_locale().toString(_qdate(moment), "d MMMM yyyy")


def format_day_month(moment: date | datetime) -> str:
    """Day and month name: ``22 अप्रैल`` / ``22 April``."""
    return ui_locale().toString(_qdate(moment), "d MMMM")


def format_time(moment: datetime, seconds: bool = False) -> str:
    """Local 24-hour time, ``14:05`` (``14:05:09`` with ``seconds``)."""
    return moment.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")

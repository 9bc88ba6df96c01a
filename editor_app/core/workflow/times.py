"""Desk times: deadlines and embargoes are stored UTC and shown in Indian Standard Time.

Contract:
- :data:`IST` is UTC+05:30 as a fixed offset (India has no daylight saving time), so no
  time-zone database is needed on any platform.
- :func:`parse_when` reads an ISO 8601 date-time as typed on the command line or in a
  dialog; a time without an offset is taken as IST (the newsroom's clock), a date alone as
  the end of that day in IST. It returns an aware UTC datetime or raises
  :class:`ValidationError` with the text it could not read.
- :func:`ist_text` writes ``01-12-2026 18:30 IST`` (``ist_text(None) == ""``);
  :func:`ist_date_text` writes the date alone (``1 December 2026``, no locale needed).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from editor_app.core.errors import ValidationError

__all__ = ["IST", "ist_date_text", "ist_text", "parse_when", "require_aware"]

#: Indian Standard Time.
IST = timezone(timedelta(hours=5, minutes=30), "IST")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def parse_when(text: str) -> datetime:
    """``text`` (ISO 8601) as an aware UTC datetime; naive times are IST (see module)."""
    clean = text.strip()
    if not clean:
        raise ValidationError("no date-time given (ISO 8601, e.g. 2026-12-01T18:30+05:30)")
    try:
        if len(clean) == 10:  # a date alone: the end of that day on the desk's clock
            day = date.fromisoformat(clean)
            return datetime.combine(day, time(23, 59), IST).astimezone(UTC)
        moment = datetime.fromisoformat(clean.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValidationError(
            f"cannot read {text!r} as a date-time (ISO 8601, e.g. 2026-12-01T18:30+05:30)"
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=IST)
    return moment.astimezone(UTC)


def require_aware(moment: datetime | None, what: str) -> datetime | None:
    """``moment`` in UTC; :class:`ValidationError` for a naive datetime (ambiguous)."""
    if moment is None:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(f"the {what} needs a time zone (got {moment.isoformat()})")
    return moment.astimezone(UTC)


def ist_text(moment: datetime | None) -> str:
    """``01-12-2026 18:30 IST`` for an aware datetime, ``""`` for None."""
    if moment is None:
        return ""
    return moment.astimezone(IST).strftime("%d-%m-%Y %H:%M") + " IST"


def ist_date_text(moment: datetime) -> str:
    """The IST calendar date of ``moment``: ``1 December 2026``."""
    local = moment.astimezone(IST)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"

"""Datelines at the start of a story's first paragraph.

Recognised forms (place is one to three words, never a common Hindi word):
``जयपुर। …``, ``लखनऊ: …``, ``NEW DELHI: …``, ``नई दिल्ली, 12 जून (भाषा) …``,
``मुंबई, 3 जुलाई 2024 (एजेंसी)। …``, ``पटना (हि.स.)। …``, ``New Delhi, June 12 (PTI) - …``.
A date without a year gets the latest year that does not put it after ``today`` (with a
warning saying so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from editor_app.core.intake import scraped_rules as rules

__all__ = ["Dateline", "parse_date_words", "split_dateline"]

_WORD = r"[\p{L}\p{M}]+"
_PLACE = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,2}})"
_HI_MONTH = "|".join(sorted(rules.HINDI_MONTHS, key=len, reverse=True))
_EN_MONTH = "|".join(sorted(rules.LATIN_MONTHS, key=len, reverse=True))
_DAY = r"[0-9०-९]{1,2}"
_YEAR = r"[0-9०-९]{4}"
_DATE = (rf"(?P<date>{_DAY}\s+(?:{_HI_MONTH}|{_EN_MONTH})\.?(?:,?\s+{_YEAR})?"
         rf"|(?:{_EN_MONTH})\.?\s+{_DAY}(?:,?\s+{_YEAR})?)")
_AGENCY = r"\(\s*(?P<agency>[^()]{1,30}?)\s*\)"
_SEP = r"\s*(?:[।|:]|\s[-–—]|[-–—]\s)?\s*"
_WITH_DATE = regex.compile(rf"^{_PLACE}\s*,\s*{_DATE}\s*(?:{_AGENCY})?{_SEP}",
                           regex.IGNORECASE)
_WITH_AGENCY = regex.compile(rf"^{_PLACE}\s*{_AGENCY}{_SEP}")
_BARE = regex.compile(rf"^{_PLACE}\s*(?:[।|]|:\s|\s[-–—]\s)\s*")
_MIN_REST = 15


@dataclass(frozen=True, slots=True)
class Dateline:
    """Place, date and agency of a dateline (empty/None when absent)."""

    place: str = ""
    when: date | None = None
    agency: str = ""
    text: str = ""


def _place_ok(place: str, *, bare: bool) -> bool:
    words = place.replace("-", " ").split()
    if any(w in rules.STOPWORDS for w in words):
        return False
    if regex.search(r"\p{Latin}", place):
        # Latin text before a colon is a kicker ("Russia-Pakistan Relations:") unless it is
        # written the dateline way, in capitals.
        return not bare or place.isupper()
    return len(words) <= (2 if bare else 3)


def split_dateline(paragraph: str, *, today: date | None = None
                   ) -> tuple[Dateline, str, str]:
    """``(dateline, rest of the paragraph, warning)``; no dateline gives ``Dateline()``
    and the paragraph unchanged."""
    for pattern, bare in ((_WITH_DATE, False), (_WITH_AGENCY, False), (_BARE, True)):
        match = pattern.match(paragraph)
        if match is None:
            continue
        place = match.group("place")
        rest = paragraph[match.end():]
        if not _place_ok(place, bare=bare) or len(rest.strip()) < _MIN_REST:
            continue
        groups = match.groupdict()
        when, warning = parse_date_words(groups.get("date") or "", today=today)
        agency = (groups.get("agency") or "").strip()
        return Dateline(place, when, agency, paragraph[:match.end()].strip()), rest, warning
    return Dateline(), paragraph, ""


def _int(digits: str) -> int:
    return int(digits)  # int() reads Devanagari digits too


def parse_date_words(text: str, *, today: date | None = None) -> tuple[date | None, str]:
    """``12 जून``, ``3 July 2024``, ``June 12, 2024`` → a date (and a warning when the year
    was assumed); anything else → ``(None, "")``."""
    if not text:
        return None, ""
    parts = regex.findall(rf"{_YEAR}|{_DAY}|[\p{{L}}\p{{M}}]+", text)
    day = month = year = None
    for part in parts:
        key = part.casefold().rstrip(".")
        if key in rules.HINDI_MONTHS:
            month = rules.HINDI_MONTHS[key]
        elif key in rules.LATIN_MONTHS:
            month = rules.LATIN_MONTHS[key]
        elif len(part) == 4 and part.isdigit() and year is None:
            year = _int(part)
        elif part.isdigit() and day is None:
            day = _int(part)
    if day is None or month is None:
        return None, ""
    warning = ""
    today = today or date.today()
    if year is None:
        year = today.year
        try:
            if date(year, month, day) > today:
                year -= 1
        except ValueError:
            return None, ""
        warning = f"the dateline date '{text}' has no year; {year} was assumed"
    try:
        return date(year, month, day), warning
    except ValueError:
        return None, ""

"""Understand the date of a letter the way citizens type it, and say dates in Dutch.

Accepted forms (case-insensitive, inside a longer message too):
  13-11-2026, 13/11/26, 13.11.2026, 2026-11-13, 13 november (2026), 13 nov,
  vandaag, gisteren, eergisteren, vorige week dinsdag, afgelopen dinsdag,
  dinsdag, 3 dagen / 2 weken geleden, vorige week.
A date without a year is the most recent such date that is not in the future.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from babel.dates import format_date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # English month names, for the English-Dutch mix some citizens type
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "oct": 10,
}
WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
    "zaterdag": 5, "zondag": 6,
}
NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
}

_month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
_weekday_names = "|".join(WEEKDAYS)
_number = r"\d{1,2}|" + "|".join(NUMBER_WORDS)

ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?\b")
WRITTEN = re.compile(
    rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_month_names})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE
)
AGO = re.compile(rf"\b({_number})\s+(dag|dagen|week|weken|maand|maanden)\s+(geleden|terug)\b", re.IGNORECASE)
LAST_WEEK_DAY = re.compile(rf"\bvorige\s+week\s+({_weekday_names})\b|\b({_weekday_names})\s+vorige\s+week\b", re.IGNORECASE)
LAST_DAY = re.compile(rf"\b(?:afgelopen|vorige)\s+({_weekday_names})\b", re.IGNORECASE)
BARE_DAY = re.compile(rf"\b(?:op\s+)?({_weekday_names})\b", re.IGNORECASE)


class DateNotUnderstood(ValueError):
    """No date could be read from the text."""


class DateInFuture(ValueError):
    """The text names a date after today (a letter cannot be dated in the future)."""

    def __init__(self, day: date):
        super().__init__(day.isoformat())
        self.day = day


def _to_int(token: str) -> int:
    token = token.lower()
    return NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _most_recent(month: int, day: int, today: date) -> date | None:
    candidate = _safe_date(today.year, month, day)
    if candidate and candidate > today:
        candidate = _safe_date(today.year - 1, month, day)
    return candidate


def _full_year(year: str | None) -> int | None:
    if year is None:
        return None
    value = int(year)
    return value + 2000 if value < 100 else value


def _absolute(text: str, today: date) -> date | None:
    if m := ISO.search(text):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := WRITTEN.search(text):
        month = MONTHS[m[2].lower()]
        year = _full_year(m[3])
        return _safe_date(year, month, int(m[1])) if year else _most_recent(month, int(m[1]), today)
    if m := NUMERIC.search(text):
        day, month, year = int(m[1]), int(m[2]), _full_year(m[3])
        if not 1 <= month <= 12:
            return None
        return _safe_date(year, month, day) if year else _most_recent(month, day, today)
    return None


def _previous_weekday(today: date, weekday: int, *, strictly_before: bool = True) -> date:
    delta = (today.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return today - timedelta(days=delta)


def _relative(text: str, today: date) -> date | None:
    lowered = text.lower()
    if m := LAST_WEEK_DAY.search(lowered):
        weekday = WEEKDAYS[m[1] or m[2]]
        monday_last_week = today - timedelta(days=today.weekday() + 7)
        return monday_last_week + timedelta(days=weekday)
    if m := AGO.search(lowered):
        amount, unit = _to_int(m[1]), m[2]
        if unit in ("dag", "dagen"):
            return today - timedelta(days=amount)
        if unit in ("week", "weken"):
            return today - timedelta(weeks=amount)
        month_index = today.month - 1 - amount
        year, month = today.year + month_index // 12, month_index % 12 + 1
        return _safe_date(year, month, min(today.day, 28))
    if re.search(r"\beergisteren\b", lowered):
        return today - timedelta(days=2)
    if re.search(r"\bgisteren\b", lowered):
        return today - timedelta(days=1)
    if re.search(r"\b(vandaag|vanochtend|vanmorgen)\b", lowered):
        return today
    if m := LAST_DAY.search(lowered):
        return _previous_weekday(today, WEEKDAYS[m[1]])
    if re.search(r"\bvorige\s+week\b", lowered):
        return today - timedelta(weeks=1)
    if m := BARE_DAY.search(lowered):
        return _previous_weekday(today, WEEKDAYS[m[1]], strictly_before=False)
    return None


def find_date(text: str, today: date) -> date | None:
    """Return the first date named in `text`, or None. Future dates are returned as they are."""
    return _absolute(text, today) or _relative(text, today)


LETTER_WORDS = re.compile(r"\b(brief|besluit|beslissing|beschikking|gedateerd|datum|gestuurd|verstuurd)\b", re.IGNORECASE)


def _all_absolute(text: str, today: date) -> list[tuple[int, date]]:
    """Every written date in the text, with its position (overlapping matches skipped)."""
    found: list[tuple[int, int, date]] = []
    for pattern in (ISO, WRITTEN, NUMERIC):
        for m in pattern.finditer(text):
            if any(start <= m.start() < end for start, end, _ in found):
                continue
            day = _absolute(m.group(0), today)
            if day:
                found.append((m.start(), m.end(), day))
    return sorted((start, day) for start, _end, day in found)


def find_letter_date(text: str, today: date) -> date | None:
    """The date of the letter in a message that may name several dates.

    Prefers a date right after a word like "brief" or "besluit"; otherwise the most
    recent date that is not in the future (the decision usually came last).
    """
    dates = _all_absolute(text, today)
    if len(dates) <= 1:
        return find_date(text, today)
    for start, day in dates:
        if LETTER_WORDS.search(text[max(0, start - 40):start]):
            return day
    past = [day for _start, day in dates if day <= today]
    return max(past) if past else dates[0][1]


def parse_letter_date(text: str, today: date) -> date:
    """The date of a letter: must be found and must not lie in the future."""
    found = find_letter_date(text, today)
    if found is None:
        raise DateNotUnderstood(text)
    if found > today:
        raise DateInFuture(found)
    return found


def format_date_nl(day: date, locale: str = "nl") -> str:
    """'maandag 28 december 2026' (Dutch) or 'Monday 28 December 2026' (English)."""
    return format_date(day, "EEEE d MMMM y", locale=locale)

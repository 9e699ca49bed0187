"""Understand the date of a letter the way citizens type it, and say dates in Dutch.

Accepted forms (case-insensitive, inside a longer message too):
  13-11-2026, 13/11/26, 13.11.2026, 2026-11-13, 13 november (2026), 13 nov,
  vandaag, gisteren, eergisteren, vorige week dinsdag, afgelopen dinsdag,
  dinsdag, 3 dagen / 2 weken geleden, vorige week.
A date without a year is this year's date; when that lies ahead it is last year's, unless it is
at most two months ahead ("5 december" typed in November): then it stays in the future and is
asked back, because a letter cannot be dated in the future.

The deadline for bezwaar runs from the date ON the letter (Awb 6:8), not from the day it arrived.
`read_letter_dates` tells the two apart by the words around each date.
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

_UNITS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_ORDINAL_UNITS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
# "dertien november", "de negentiende": days of the month as words, cardinal and ordinal
DAY_WORDS: dict[str, int] = {}
for _n, _w in enumerate(_UNITS, 1):
    DAY_WORDS[_w] = _n
    DAY_WORDS[_ORDINAL_UNITS[_n - 1]] = _n
for _n, _w in enumerate(_TEENS, 10):
    DAY_WORDS[_w] = _n
    DAY_WORDS[_w + ("de" if _w != "tien" else "de")] = _n
DAY_WORDS["één"] = 1
for _tens, _w in ((20, "twintig"), (30, "dertig")):
    DAY_WORDS[_w] = _tens
    DAY_WORDS[_w + "ste"] = _tens
    for _n, _u in enumerate(_UNITS[: (9 if _tens == 20 else 1)], 1):
        DAY_WORDS[f"{_u}en{_w}"] = _tens + _n
        DAY_WORDS[f"{_u}en{_w}ste"] = _tens + _n
_day = r"\d{1,2}|" + "|".join(sorted(DAY_WORDS, key=len, reverse=True))

ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
NUMERIC = re.compile(r"\b(\d{1,2})(?:[-/.]|\s)(\d{1,2})(?:[-/.]|\s)(\d{4})\b|\b(\d{1,2})[-/.](\d{1,2})(?:[-/.]'?(\d{2}|\d{4}))?\b")
WRITTEN = re.compile(
    rf"\b({_day})(?:e|ste|de)?\s*({_month_names})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE
)
# "november 13", "okt. 27 2026": month first
MONTH_FIRST = re.compile(rf"\b({_month_names})\.?\s+(\d{{1,2}})(?:e|ste|de)?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
# "vrijdag de 13e", "op de 2de": a day of this month (or last month's, when still to come).
_ordinal_words = "|".join(sorted((w for w in DAY_WORDS if w.endswith(("de", "ste"))), key=len, reverse=True))
DAY_OF_MONTH = re.compile(
    rf"\bde\s+(\d{{1,2}}(?:e|ste|de))\b"
    rf"(?!\s+(?:keer|maal|week|weken|dag|dagen|brief|aanvraag|verdieping|{_month_names}))|"
    rf"\bde\s+({_ordinal_words})(?=\s*(?:[.,!?]|$|van\s+de(?:ze)?\s+maand))",
    re.IGNORECASE,
)
# "vorige maand de 20e", "de 3e van vorige maand": a day of last month.
LAST_MONTH_DAY = re.compile(
    rf"\bvorige\s+maand\s+(?:op\s+)?(?:de\s+)?({_day})(?:e|ste|de)?\b|\b(?:de\s+)?({_day})(?:e|ste|de)?\s+van\s+vorige\s+maand\b",
    re.IGNORECASE,
)
AGO = re.compile(rf"\b({_number})\s+(dag|dagen|week|weken|maand|maanden)\s+(geleden|terug)\b", re.IGNORECASE)
LAST_WEEK_DAY = re.compile(rf"\bvorige\s+week\s+({_weekday_names})\b|\b({_weekday_names})\s+vorige\s+week\b", re.IGNORECASE)
LAST_DAY = re.compile(rf"\b(?:afgelopen|vorige)\s+({_weekday_names})\b|\b({_weekday_names})\s+(?:jl\.?|jongstleden)",
                      re.IGNORECASE)
BARE_DAY = re.compile(rf"\b(?:op\s+)?({_weekday_names})\b", re.IGNORECASE)


class DateNotUnderstood(ValueError):
    """No date could be read from the text."""


class DateInFuture(ValueError):
    """The text names a date after today (a letter cannot be dated in the future)."""

    def __init__(self, day: date):
        super().__init__(day.isoformat())
        self.day = day


def _day_number(token: str) -> int:
    token = token.lower()
    return DAY_WORDS[token] if token in DAY_WORDS else int(token)


def _to_int(token: str) -> int:
    token = token.lower()
    return NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A date without a year at most this far ahead is taken as meant for this year (a typo or a
# confusion the citizen must correct), not as a date a year ago.
NEAR_FUTURE_DAYS = 62


def _most_recent(month: int, day: int, today: date) -> date | None:
    candidate = _safe_date(today.year, month, day)
    if candidate and (candidate - today).days > NEAR_FUTURE_DAYS:
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
        day = _day_number(m[1])
        return _safe_date(year, month, day) if year else _most_recent(month, day, today)
    if m := MONTH_FIRST.search(text):
        month, day, year = MONTHS[m[1].lower()], int(m[2]), _full_year(m[3])
        return _safe_date(year, month, day) if year else _most_recent(month, day, today)
    if m := NUMERIC.search(text):
        day, month, year = (int(m[1]), int(m[2]), _full_year(m[3])) if m[1] else (int(m[4]), int(m[5]), _full_year(m[6]))
        if not 1 <= month <= 12:
            return None
        return _safe_date(year, month, day) if year else _most_recent(month, day, today)
    if m := DAY_OF_MONTH.search(text):
        number = _day_number(re.sub(r"(?<=\d)(e|ste|de)$", "", m[1] or m[2]))
        day = _safe_date(today.year, today.month, number)
        if day and day > today:
            previous = today.replace(day=1) - timedelta(days=1)
            day = _safe_date(previous.year, previous.month, number)
        return day
    return None


def _previous_weekday(today: date, weekday: int, *, strictly_before: bool = True) -> date:
    delta = (today.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return today - timedelta(days=delta)


def _relative(text: str, today: date) -> date | None:
    lowered = text.lower()
    if m := LAST_MONTH_DAY.search(lowered):
        first_of_this_month = today.replace(day=1)
        last_month = first_of_this_month - timedelta(days=1)
        return _safe_date(last_month.year, last_month.month, _day_number(m[1] or m[2]))
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
        return _previous_weekday(today, WEEKDAYS[m[1] or m[2]])
    if re.search(r"\bvorige\s+week\b", lowered):
        return today - timedelta(weeks=1)
    if m := BARE_DAY.search(lowered):
        return _previous_weekday(today, WEEKDAYS[m[1]], strictly_before=False)
    return None


def find_date(text: str, today: date) -> date | None:
    """Return the first date named in `text`, or None. Future dates are returned as they are."""
    if LAST_MONTH_DAY.search(text):
        return _relative(text, today)
    return _absolute(text, today) or _relative(text, today)


class DateOnlyReceived(ValueError):
    """The text names only the day the letter arrived, not the date on the letter."""

    def __init__(self, day: date):
        super().__init__(day.isoformat())
        self.day = day


# Words near a date that say it is the date ON the letter (or the day it was sent) ...
LETTER_CUE = re.compile(
    r"\b(gedateerd|dagtekening|datum|staat|stond|verstuurd|gestuurd|verzonden|geschreven|geplaatst|gepubliceerd|"
    r"brief\s+(is|was)|besluit\s+(is|was)|beschikking\s+(is|was))\b",
    re.IGNORECASE,
)
# ... or the day it arrived, which does not start the term (Awb 6:8; lateness: 6:11).
RECEIPT_CUE = re.compile(
    r"\b(ontvangen|ontving|ontvingen|binnen|binnengekomen|binnengekregen|kreeg|kregen|gekregen|krijg|kwam|kwamen|"
    r"gekomen|aangekomen|bezorgd|gehad|lag|(in|uit)\s+de\s+(bus|brievenbus)|op\s+de\s+mat|"
    # a letter in a portal or the post noticed later: "ik heb het pas gisteren gezien"
    r"gezien|zag|gelezen|las|ontdekt|opgemerkt)\b",
    re.IGNORECASE,
)
# The date, then what arrived that day: "19 november een brief binnengekregen", "13-11 de beschikking ontvangen".
RECEIVED_AFTER = re.compile(
    r"^\W*((een|de|het|die|deze|mijn|uw)\s+)?(brief|beschikking|besluit|beslissing|post|envelop)\s+(\w+\s+){0,3}"
    r"(ontvangen|binnengekregen|binnen\s+gekregen|gekregen|binnengekomen|bezorgd|in\s+de\s+(bus|brievenbus))\b",
    re.IGNORECASE,
)
LETTER_REF = re.compile(
    r"\b(brief|brieven|beschikking|besluit|beslissing|post|envelop|bericht|mail|e-mail|uitslag|hem|hij|ie|die|deze)\b",
    re.IGNORECASE,
)
# "stopt per 1 januari", "vanaf 1 december", "met ingang van 1-1": the day a decision takes effect.
TAKES_EFFECT_BEFORE = re.compile(r"\b(per|vanaf|m\.?i\.?v\.?|met\s+ingang\s+van|tot(\s+en\s+met)?|t/m)\s*$",
                                 re.IGNORECASE)
# "brief van 13 november", "besluit van gisteren", "is van 13-11": the date of the letter itself.
OF_BEFORE = re.compile(r"\b(van|d\.d\.|dd)\s*:?\s*(de\s+)?$", re.IGNORECASE)
# "gedateerd (woensdag) 18 november … en kwam later binnen": the date the words put on the letter.
DATED_BEFORE = re.compile(r"\b(gedateerd|gedagtekend|dagtekening|met\s+(de\s+)?datum)\s*:?\s*(op\s+)?(\w+dag\s+)?(de\s+)?$",
                          re.IGNORECASE)
TODAY_WORD = re.compile(r"vandaag|vanochtend|vanmorgen", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,.;!?()\n]|\b(maar|en\s+toen|want)\b|\b(en|and)\s+(?=(vandaag|gisteren|vanochtend|vanmorgen)\b)",
                        re.IGNORECASE)
RELATIVE_MENTIONS = (LAST_WEEK_DAY, AGO, re.compile(r"\b(eergisteren|gisteren|vandaag|vanochtend|vanmorgen)\b", re.I),
                     LAST_DAY, re.compile(r"\bvorige\s+week\b", re.I), BARE_DAY)


def _mentions(text: str, today: date) -> list[tuple[int, int, date]]:
    """Every date named in the text with its span, in text order (overlaps skipped)."""
    found: list[tuple[int, int, date]] = []
    patterns = [(LAST_MONTH_DAY, _relative)] + [(p, _absolute) for p in (ISO, WRITTEN, MONTH_FIRST, NUMERIC, DAY_OF_MONTH)] + [
        (p, _relative) for p in RELATIVE_MENTIONS]
    for pattern, reader in patterns:
        for m in pattern.finditer(text):
            if any(start < m.end() and m.start() < end for start, end, _day, _abs in found):
                continue
            day = reader(m.group(0), today)
            if day:
                found.append((m.start(), m.end(), day, reader is _absolute))
    # "vrijdag 13 november", "vrijdag de 13e": the weekday belongs to the written date.
    absolute_starts = [start for start, _end, _day, absolute in found if absolute]
    return sorted((start, end, day) for start, end, day, absolute in found
                  if absolute or not any(re.fullmatch(r"[\s,]*", text[end:a]) for a in absolute_starts if a >= end))


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before and after a span."""
    before = text[:start]
    cut = max((m.end() for m in CLAUSE_END.finditer(text) if m.end() <= start), default=0)
    after = text[end:]
    stop = CLAUSE_END.search(after)
    return before[cut:], after[: stop.start() if stop else len(after)]


def _nearest(pattern: re.Pattern, before: str, after: str) -> int | None:
    distances = [len(before) - m.end() for m in pattern.finditer(before)]
    distances += [m.start() for m in pattern.finditer(after)]
    return min(distances) if distances else None


# "ik heb vorige week al bezwaar gestuurd": the day of the citizen's own bezwaar, not of a letter.
BEZWAAR_SENT = re.compile(
    r"\bbezwaa?r(schrift)?\s+(?!(kan|kunt|moet|mag)\b)(\w+\s+){0,3}(gestuurd|verstuurd|ingediend|gemaakt|opgestuurd|ingestuurd|gedaan)|"
    r"\b(stuurde|stuurden|diende|dienden)\s+(\w+\s+){0,3}(bezwaa?r|in\s+bezwaar)", re.IGNORECASE)


def _kind(text: str, start: int, end: int) -> str:
    """'letter', 'received', 'plain' or 'other' for the date at text[start:end]."""
    before, after = _clause(text, start, end)
    if TAKES_EFFECT_BEFORE.search(before):
        return "other"  # "de dagbesteding stopt per 1 januari": not the letter's date
    if OF_BEFORE.search(before) or DATED_BEFORE.search(before):
        return "letter"
    if RECEIVED_AFTER.search(after):
        return "received"  # "op 19 november een brief binnengekregen": the day it came, whatever "brief" is nearer
    letter, received = _nearest(LETTER_CUE, before, after), _nearest(RECEIPT_CUE, before, after)
    bezwaar = _nearest(BEZWAAR_SENT, before, after)
    if bezwaar is not None and (letter is None or bezwaar < letter):
        return "other"  # "ik heb op 10 november bezwaar gemaakt": the day of the citizen's own bezwaar
    if letter is not None and (received is None or letter <= received):
        return "letter"
    if received is None:
        return "plain"
    # "kreeg de brief op 16 november": the day it arrived; "de consulent kwam maandag": not about a letter
    return "received" if LETTER_REF.search(text) or LETTER_CUE.search(text) else "other"


def read_letter_dates(text: str, today: date, cued_only: bool = False,
                      corrected: bool = False) -> tuple[date | None, date | None]:
    """(date on the letter, day it arrived) as far as the text says them.

    A date the words mark as the day the letter arrived is never the letter's date. A
    date without such words counts as the letter's date. Of several letter dates, the most recent
    that is not in the future (the letter the citizen acts on now).
    With `cued_only`, only a date the words mark as the letter's counts: in "vandaag is
    mijn zorg gestopt" today is the day care stopped, not the date of a decision. When the text
    `corrected` an earlier date ("nee, die van 23 oktober was het briefje, de afwijzing is van 30
    oktober"), the last letter date counts.
    """
    from .english_dates import as_dutch  # English dates in the forms read here (issue 13)

    text = as_dutch(text)
    mentions = [(s, e, day, _kind(text, s, e)) for s, e, day in _mentions(text, today)]
    received = next((day for _s, _e, day, kind in mentions if kind == "received"), None)
    letter = [(s, day) for s, _e, day, kind in mentions if kind == "letter"]
    plain = [] if cued_only else [(s, e, day) for s, e, day, kind in mentions if kind == "plain"]
    # "zij gaat op dinsdag naar de dagbesteding … brief gemeente 20-10-2026": a bare weekday without
    # any cue is a habit or an event, not a letter, when a calendar date beside it is a letter's
    calendar = [(s, e, day) for s, e, day in plain if not BARE_DAY.fullmatch(text[s:e].strip())]
    if any(LETTER_REF.search(" ".join(_clause(text, s, e))) for s, e, _day in calendar):
        plain = calendar
    if received is not None:
        # a letter is dated before it arrives: "the letter came last week … today the coach said" is no letter date
        plain = [(s, e, day) for s, e, day in plain if day <= received or not TODAY_WORD.fullmatch(text[s:e])]
    plain = [(s, day) for s, _e, day in plain]
    if corrected and letter:
        # "de brief is van 3 november... nee wacht: 30 oktober": the date told last is the corrected one
        return max(letter + plain)[1], received
    # a story with several letters ("besluit van 12 mei … beslissing op bezwaar gedateerd 29
    # oktober"): the latest is the one the citizen acts on now
    found = letter or plain
    if found:
        past = [day for _s, day in found if day <= today]
        return (max(past) if past else found[0][1]), received
    return None, received


def parse_letter_date(text: str, today: date) -> date:
    """The date on a letter: must be named as such and must not lie in the future.

    Raises DateOnlyReceived when only the day it arrived is named, DateInFuture for a date
    after today, DateNotUnderstood when there is no date at all.
    """
    letter, received = read_letter_dates(text, today)
    if letter is None:
        if received is not None:
            raise DateOnlyReceived(received)
        raise DateNotUnderstood(text)
    if letter > today:
        raise DateInFuture(letter)
    return letter


WEEKS_SINCE = re.compile(
    rf"\b({_number})\s+(week|weken|maand|maanden)\s+(?:geleden|terug)\b|"
    rf"\b(?:al|sinds|nu\s+al|inmiddels|ruim|meer\s+dan|bijna)\s+({_number})\s+(week|weken|maand|maanden)\b",
    re.IGNORECASE,
)
FILED = re.compile(r"\b(ingediend|gemaakt|gestuurd|verstuurd|opgestuurd|ingestuurd|aangetekend)\b", re.IGNORECASE)


def weeks_since(text: str, today: date) -> float | None:
    """How long ago something happened, as the citizen says it: "8 weken geleden", "al 3 maanden",
    or a date ("bezwaar gemaakt op 1 oktober"). None when the text does not say."""
    from .english_dates import as_dutch  # "three weeks ago", "for almost 2 months" (issue 13)
    text = as_dutch(text)
    spans = [(m[1] or m[3], m[2] or m[4]) for m in WEEKS_SINCE.finditer(text)]
    if spans:  # the longest wait the citizen names
        return max(float(_to_int(n)) if unit.lower().startswith("we") else _to_int(n) * 52 / 12 for n, unit in spans)
    past = [day for _start, _end, day in _mentions(text, today) if day <= today]
    if past and FILED.search(text):
        return (today - min(past)).days / 7
    return None


def format_date_nl(day: date, locale: str = "nl") -> str:
    """'maandag 28 december 2026' (Dutch) or 'Monday 28 December 2026' (English)."""
    return format_date(day, "EEEE d MMMM y", locale=locale)

"""Statutory deadlines, counted as the law counts them.

* Awb 6:7 / 6:8: a bezwaar or beroep term is 6 weeks and starts the day after
  the decision was sent (bekendmaking). Counted in whole weeks, the last day is
  the same weekday as the decision date, 6 weeks later.
* Algemene termijnenwet (Atw) art. 1: a statutory term that ends on a Saturday,
  Sunday or a general holiday (art. 3) is extended to the next day that is none
  of these.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from ..i18n import N_

BEZWAAR_WEEKS = 6  # Awb 6:7
BEROEP_WEEKS = 6  # Awb 6:7 with 8:1
POSTAL_GRACE_DAYS = 7  # Awb 6:9 lid 2: posted in time, received within a week
KLACHT_CONDUCT_YEARS = 1  # Awb 9:8 lid 1 sub b
OMBUDSMAN_YEARS = 1  # Wet Nationale ombudsman art. 12 lid 2 / Awb 9:24
DWANGSOM_AFTER_DAYS = 14  # Awb 4:17 lid 3
CLOSE_DAYS = 7  # a deadline this many days away (or fewer) is "close"

# Decision periods: (normal weeks, weeks with a committee, extension weeks)
BEZWAAR_DECISION_WEEKS = (6, 12, 6)  # Awb 7:10
KLACHT_DECISION_WEEKS = (6, 10, 4)  # Awb 9:11
WKKGZ_KLACHT_DECISION_WEEKS = (6, None, 4)  # Wkkgz art. 17


def atw_holidays(year: int) -> dict[date, str]:
    """The general holidays of Atw art. 3 lid 1 for one year, with their Dutch names.

    Goede Vrijdag is deliberately absent: it is not an Atw holiday.
    """
    easter_sunday = easter(year)
    koningsdag = date(year, 4, 27)
    if koningsdag.weekday() == 6:  # Sunday: Koningsdag moves to 26 April (Atw art. 3 lid 1)
        koningsdag = date(year, 4, 26)
    return {
        date(year, 1, 1): N_("Nieuwjaarsdag"),
        easter_sunday + timedelta(days=1): N_("Tweede Paasdag"),
        easter_sunday + timedelta(days=39): N_("Hemelvaartsdag"),
        easter_sunday + timedelta(days=50): N_("Tweede Pinksterdag"),
        koningsdag: N_("Koningsdag"),
        date(year, 5, 5): N_("Bevrijdingsdag"),
        date(year, 12, 25): N_("Eerste Kerstdag"),
        date(year, 12, 26): N_("Tweede Kerstdag"),
    }


def is_atw_rest_day(day: date) -> bool:
    """True for a Saturday, Sunday or Atw holiday."""
    return day.weekday() >= 5 or day in atw_holidays(day.year)


def extend_atw(last_day: date) -> date:
    """Atw art. 1: move a last day that is a rest day to the next working day."""
    while is_atw_rest_day(last_day):
        last_day += timedelta(days=1)
    return last_day


def weeks_term(start_event: date, weeks: int) -> date:
    """Last day of a term of `weeks` weeks that starts the day after `start_event`."""
    return extend_atw(start_event + timedelta(weeks=weeks))


def bezwaar_deadline(decision_date: date) -> date:
    """Last day to file a bezwaar against a decision sent on `decision_date`."""
    return weeks_term(decision_date, BEZWAAR_WEEKS)


def beroep_deadline(decision_on_bezwaar_date: date) -> date:
    """Last day to file beroep at the rechtbank after the decision on bezwaar."""
    return weeks_term(decision_on_bezwaar_date, BEROEP_WEEKS)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def klacht_handling_over(weeks_ago: float) -> bool:
    """A klacht filed `weeks_ago` weeks ago should have been handled by now, even with a committee
    and the extension (Awb 9:11): unanswered, it goes to the ombudsman (Awb 9:24 lid 2)."""
    _normal, committee, extension = KLACHT_DECISION_WEEKS
    return weeks_ago > committee + extension


def klacht_conduct_limit(conduct_date: date) -> date:
    """After this day the organisation may refuse to handle a klacht about the conduct (Awb 9:8)."""
    return add_years(conduct_date, KLACHT_CONDUCT_YEARS)


def dwangsom_start(ingebrekestelling_received: date) -> date:
    """First day a dwangsom can run after the organisation received the ingebrekestelling (Awb 4:17)."""
    return ingebrekestelling_received + timedelta(days=DWANGSOM_AFTER_DAYS + 1)


class Urgency(str, enum.Enum):
    PASSED = "passed"
    CLOSE = "close"
    OK = "ok"


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: date
    days_left: int
    urgency: Urgency


def deadline_status(deadline: date, today: date) -> DeadlineStatus:
    days_left = (deadline - today).days
    if days_left < 0:
        urgency = Urgency.PASSED
    elif days_left <= CLOSE_DAYS:
        urgency = Urgency.CLOSE
    else:
        urgency = Urgency.OK
    return DeadlineStatus(deadline=deadline, days_left=days_left, urgency=urgency)

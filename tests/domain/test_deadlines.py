"""The deadline calculator, against dates checked by hand in a calendar (Awb 6:7/6:8, Atw art. 1 and 3)."""
from datetime import date

import pytest

from knowledge.domain.dates import format_date_nl
from knowledge.domain.deadlines import (
    Urgency,
    atw_holidays,
    beroep_deadline,
    bezwaar_deadline,
    deadline_status,
    extend_atw,
    klacht_conduct_limit,
    klacht_handling_over,
)


def test_worked_example_from_the_fact_sheet_ends_after_christmas_and_the_weekend():
    # Friday 13 Nov 2026 -> 6 weeks end Fri 25 Dec (Eerste Kerstdag) -> Sat 26, Sun 27 -> Mon 28 Dec.
    assert bezwaar_deadline(date(2026, 11, 13)) == date(2026, 12, 28)
    assert format_date_nl(date(2026, 12, 28)) == "maandag 28 december 2026"


@pytest.mark.parametrize(
    ("decision", "last_day", "why"),
    [
        (date(2026, 11, 2), date(2026, 12, 14), "plain Monday, no extension"),
        (date(2026, 11, 7), date(2026, 12, 21), "ends on Saturday 19 Dec -> Monday 21 Dec"),
        (date(2026, 11, 14), date(2026, 12, 28), "ends on Tweede Kerstdag (Sat) -> Monday"),
        (date(2026, 11, 20), date(2027, 1, 4), "ends on Friday 1 Jan (Nieuwjaarsdag) -> Monday 4 Jan"),
        (date(2026, 3, 16), date(2026, 4, 28), "ends on Monday 27 April, Koningsdag -> Tuesday 28 April"),
        (date(2026, 3, 23), date(2026, 5, 4), "plain Monday"),
        (date(2026, 3, 24), date(2026, 5, 6), "ends on Tuesday 5 May (Bevrijdingsdag) -> Wednesday 6 May"),
        (date(2026, 4, 3), date(2026, 5, 15), "ends on Thursday 14 May (Hemelvaartsdag) -> Friday 15 May"),
        (date(2026, 4, 13), date(2026, 5, 26), "ends on Monday 25 May (Tweede Pinksterdag) -> Tuesday 26 May"),
        (date(2026, 2, 23), date(2026, 4, 7), "ends on Monday 6 April (Tweede Paasdag) -> Tuesday 7 April"),
        (date(2026, 2, 20), date(2026, 4, 3), "ends on Goede Vrijdag 3 April: NOT an Atw holiday, no extension"),
    ],
)
def test_bezwaar_deadline(decision, last_day, why):
    assert bezwaar_deadline(decision) == last_day, why


def test_koningsdag_moves_to_26_april_when_27_april_is_a_sunday():
    # 27 April 2025 was a Sunday: Koningsdag was Saturday 26 April.
    holidays_2025 = atw_holidays(2025)
    assert date(2025, 4, 26) in holidays_2025
    assert date(2025, 4, 27) not in holidays_2025
    # 27 April 2031 is a Sunday too; 26 April 2031 is a Saturday, so a term ending then goes to Monday 28.
    assert extend_atw(date(2031, 4, 26)) == date(2031, 4, 28)


def test_koningsdag_on_a_weekday_is_27_april():
    assert atw_holidays(2027)[date(2027, 4, 27)] == "Koningsdag"


def test_bevrijdingsdag_counts_every_year_not_only_lustrum_years():
    assert date(2027, 5, 5) in atw_holidays(2027)
    # Wednesday 5 May 2027, and Thursday 6 May 2027 is Hemelvaartsdag: the next working day is Friday 7 May.
    assert extend_atw(date(2027, 5, 5)) == date(2027, 5, 7)


def test_goede_vrijdag_is_not_an_atw_holiday():
    assert date(2026, 4, 3) not in atw_holidays(2026)
    assert extend_atw(date(2026, 4, 3)) == date(2026, 4, 3)


def test_easter_is_computed_for_other_years():
    # Easter 2027 is 28 March: Tweede Paasdag 29 March, Hemelvaart 6 May, Pinkstermaandag 17 May.
    holidays_2027 = atw_holidays(2027)
    assert holidays_2027[date(2027, 3, 29)] == "Tweede Paasdag"
    assert holidays_2027[date(2027, 5, 6)] == "Hemelvaartsdag"
    assert holidays_2027[date(2027, 5, 17)] == "Tweede Pinksterdag"


def test_beroep_deadline_counts_like_bezwaar():
    assert beroep_deadline(date(2026, 11, 13)) == date(2026, 12, 28)


def test_a_klacht_is_overdue_only_after_the_longest_handling_period():
    # Awb 9:11: 6 weeks, 10 with a committee, plus 4 once: after 14 weeks unanswered it goes to the ombudsman
    assert not klacht_handling_over(5)
    assert not klacht_handling_over(14)
    assert klacht_handling_over(15)


def test_klacht_one_year_rule_handles_leap_day():
    assert klacht_conduct_limit(date(2025, 3, 1)) == date(2026, 3, 1)
    assert klacht_conduct_limit(date(2028, 2, 29)) == date(2029, 2, 28)


@pytest.mark.parametrize(
    ("today", "urgency", "days_left"),
    [
        (date(2026, 11, 23), Urgency.OK, 35),
        (date(2026, 12, 21), Urgency.CLOSE, 7),
        (date(2026, 12, 28), Urgency.CLOSE, 0),
        (date(2026, 12, 29), Urgency.PASSED, -1),
    ],
)
def test_deadline_status(today, urgency, days_left):
    status = deadline_status(date(2026, 12, 28), today)
    assert (status.urgency, status.days_left) == (urgency, days_left)

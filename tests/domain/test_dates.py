"""Dates of letters as citizens type them; 'today' is Monday 23 November 2026."""
from datetime import date

import pytest

from knowledge.domain.dates import DateInFuture, DateNotUnderstood, find_date, format_date_nl, parse_letter_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 november", date(2026, 11, 13)),
        ("de brief is van 13 nov.", date(2026, 11, 13)),
        ("13-11-2026", date(2026, 11, 13)),
        ("13/11/26", date(2026, 11, 13)),
        ("13.11.2026", date(2026, 11, 13)),
        ("2026-11-13", date(2026, 11, 13)),
        ("op 3 november 2025 kreeg ik een brief", date(2025, 11, 3)),
        ("vorige week dinsdag", date(2026, 11, 17)),
        ("dinsdag vorige week", date(2026, 11, 17)),
        ("afgelopen vrijdag", date(2026, 11, 20)),
        ("gisteren", date(2026, 11, 22)),
        ("eergisteren", date(2026, 11, 21)),
        ("vandaag", TODAY),
        ("2 weken geleden", date(2026, 11, 9)),
        ("twee weken geleden", date(2026, 11, 9)),
        ("5 dagen geleden", date(2026, 11, 18)),
        ("1 december", date(2025, 12, 1)),  # no year and still to come this year: last year's
        ("de 1e december 2026", date(2026, 12, 1)),
    ],
)
def test_find_date(text, expected):
    assert find_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["mijn hulp gaat van 4 naar 2 uur", "ik betaal 12.50 per uur", "geen idee", "31-02-2026"])
def test_no_date_in_text(text):
    assert find_date(text, TODAY) is None


def test_letter_date_in_the_future_is_refused():
    with pytest.raises(DateInFuture):
        parse_letter_date("de brief is van 1 december 2026", TODAY)


def test_unknown_letter_date_is_refused():
    with pytest.raises(DateNotUnderstood):
        parse_letter_date("weet ik niet meer", TODAY)


def test_dates_are_said_in_dutch_and_english():
    assert format_date_nl(date(2026, 12, 28)) == "maandag 28 december 2026"
    assert format_date_nl(date(2026, 12, 28), locale="en") == "Monday 28 December 2026"

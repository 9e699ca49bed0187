"""English dates of letters (issue 13, knowledge/domain/english_dates.py); 'today' is Monday 23 November 2026.
The date ON the letter starts the term (Awb 6:8), the day it arrived does not."""
from datetime import date

import pytest

from knowledge.domain.case_words import corrects_a_fact
from knowledge.domain.dates import DateInFuture, DateOnlyReceived, parse_letter_date, read_letter_dates, weeks_since
from knowledge.domain.english_dates import as_dutch

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("text", "expected"), [
    ("10 November", date(2026, 11, 10)),
    ("November 10th", date(2026, 11, 10)),
    ("November 10th, 2025", date(2025, 11, 10)),
    ("the 5th of November", date(2026, 11, 5)),
    ("November the third", date(2026, 11, 3)),
    ("10/11", date(2026, 11, 10)),  # the Dutch order: day/month
    ("dated 10 November", date(2026, 11, 10)),
    ("the letter is dated 12 Nov.", date(2026, 11, 12)),
    ("the decision is from October 30", date(2026, 10, 30)),
    ("yesterday", date(2026, 11, 22)),
    ("the day before yesterday", date(2026, 11, 21)),
    ("last Tuesday", date(2026, 11, 17)),
    ("Tuesday last week", date(2026, 11, 17)),
    ("two weeks ago", date(2026, 11, 9)),
    ("a month ago", date(2026, 10, 23)),
    ("the letter is from the 13th", date(2026, 11, 13)),
    ("it was the 3rd of last month", date(2026, 10, 3)),
])
def test_english_letter_dates(text, expected):
    assert parse_letter_date(text, TODAY) == expected


def test_the_day_it_came_is_not_the_date_on_the_letter():
    assert read_letter_dates("the letter came on 16 November", TODAY) == (None, date(2026, 11, 16))
    assert read_letter_dates("I received it on 16 November", TODAY) == (None, date(2026, 11, 16))
    with pytest.raises(DateOnlyReceived):
        parse_letter_date("I got the letter last Friday", TODAY)


def test_dated_and_received_in_one_message():
    text = "The letter is dated 10 November but I only received it on 16 November"
    assert read_letter_dates(text, TODAY) == (date(2026, 11, 10), date(2026, 11, 16))
    text = "I got the letter yesterday, it is dated 20 November"
    assert read_letter_dates(text, TODAY) == (date(2026, 11, 20), date(2026, 11, 22))


def test_a_letter_dated_in_the_future_is_asked_back():
    with pytest.raises(DateInFuture) as raised:
        parse_letter_date("the letter is dated November 30", TODAY)
    assert raised.value.day == date(2026, 11, 30)


def test_the_day_a_decision_takes_effect_is_not_the_letters_date():
    text = "my home care stops from 1 December, the letter of 2 November says so"
    assert read_letter_dates(text, TODAY)[0] == date(2026, 11, 2)


def test_the_day_of_the_citizens_own_objection_is_no_letter_date():
    assert read_letter_dates("I sent my objection on 1 October", TODAY)[0] is None


def test_how_long_ago_in_english():
    assert weeks_since(as_dutch("I filed the complaint 8 weeks ago"), TODAY) == 8
    assert weeks_since(as_dutch("I have been waiting for 3 months already"), TODAY) == pytest.approx(13, abs=0.1)


def test_an_english_correction_with_a_date_is_a_fact():
    assert corrects_a_fact("sorry, I mean the letter is from 30 October", False, TODAY)
    assert not corrects_a_fact("no decision yet from the council", False, TODAY)


@pytest.mark.parametrize("text", ["de brief is van 3 of 4 november", "gisteren kwam de brief", "13-11-2026"])
def test_dutch_text_is_read_as_it_is(text):
    assert as_dutch(text) == text


def test_the_sender_may_stand_between_letter_and_date():
    assert read_letter_dates("the letter from the council is from 12 nov", TODAY)[0] == date(2026, 11, 12)


def test_today_after_the_letter_arrived_is_no_letter_date():
    text = "the council sent a letter that the support stops and today the coach said it is over. The letter came last week."
    assert read_letter_dates(text, TODAY) == (None, date(2026, 11, 16))


def test_a_letter_brought_over_later_counts_from_its_date():
    text = "The letter is dated 30 October, but it went to my old address and my neighbour only brought it over on 6 November."
    assert read_letter_dates(text, TODAY) == (date(2026, 10, 30), date(2026, 11, 6))


def test_a_message_placed_in_the_berichtenbox_counts_from_that_day_not_from_opening_it():
    text = "they put the decision in my berichtenbox on thursday 29 october. i only opened mijnoverheid on 2 november"
    assert read_letter_dates(text, TODAY) == (date(2026, 10, 29), date(2026, 11, 2))


def test_the_day_a_letter_reached_us_is_no_letter_date():
    assert read_letter_dates("The letter reached us on Friday 13 November.", TODAY) == (None, date(2026, 11, 13))


def test_a_sender_then_the_day_it_takes_effect_is_no_letter_date():
    # "from 1 January my help stops": the day the decision takes effect, not the date on the letter
    assert read_letter_dates("I got a letter from the gemeente from 1 January my help stops.", TODAY)[0] is None


def test_a_later_date_after_an_application_received_is_still_the_letters():
    text = "De gemeente heeft mijn aanvraag op 1 september ontvangen. Op 12 november hebben ze hem afgewezen."
    assert read_letter_dates(text, TODAY)[0] == date(2026, 11, 12)

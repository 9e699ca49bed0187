"""Dates of letters as citizens type them; 'today' is Monday 23 November 2026."""
from datetime import date

import pytest

from knowledge.domain.dates import (
    DateInFuture,
    DateNotUnderstood,
    DateOnlyReceived,
    find_date,
    format_date_nl,
    parse_letter_date,
    read_letter_dates,
)

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
        ("1 december", date(2026, 12, 1)),  # no year, a week ahead: a mistake to ask back, not last year's
        ("15 februari", date(2026, 2, 15)),  # no year, months ahead: this year's date already passed
        ("vrijdag de 13e", date(2026, 11, 13)),
        ("vrijdag 13 november", date(2026, 11, 13)),
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


# Awb 6:8: the term runs from the date ON the letter. The day it arrived never replaces it.
@pytest.mark.parametrize(
    ("text", "letter", "received"),
    [
        ("kwam op 16 november binnen, gedateerd 10 november", date(2026, 11, 10), date(2026, 11, 16)),
        ("de brief van 13 november kwam pas op 20 november binnen", date(2026, 11, 13), date(2026, 11, 20)),
        ("op de brief staat 13 november maar ik kreeg hem pas op 20 november", date(2026, 11, 13), date(2026, 11, 20)),
        ("kreeg hem maandag 16-11, gedateerd vrijdag 13-11", date(2026, 11, 13), date(2026, 11, 16)),
        ("ik kreeg een brief van 13 november", date(2026, 11, 13), None),
        ("brief van het ciz van gisteren", date(2026, 11, 22), None),
        ("ik kreeg op 13 november een brief van de gemeente", None, date(2026, 11, 13)),
        ("vorige week kreeg ik een brief van het CIZ", None, date(2026, 11, 16)),
        ("ik heb gisteren een beslissing ontvangen", None, date(2026, 11, 22)),
        ("13 november", date(2026, 11, 13), None),
        ("ik heb hem vrijdag 20 november uit de brievenbus gehaald", None, date(2026, 11, 20)),
        # the date the words put on the letter wins over a later verb of arrival in the same clause
        ("het besluit is gedateerd maandag 9 november 2026 en kwam een week later bij ons binnen",
         date(2026, 11, 9), None),
        ("de beschikking heeft als dagtekening 2 november en is op 6 november bezorgd",
         date(2026, 11, 2), date(2026, 11, 6)),
    ],
)
def test_letter_date_and_day_received_are_told_apart(text, letter, received):
    assert read_letter_dates(text, TODAY) == (letter, received)


def test_only_the_day_received_is_asked_back_not_used():
    with pytest.raises(DateOnlyReceived) as raised:
        parse_letter_date("de brief kwam op 16 november binnen", TODAY)
    assert raised.value.day == date(2026, 11, 16)


def test_a_date_typed_a_few_weeks_ahead_is_asked_back_not_moved_a_year():
    with pytest.raises(DateInFuture):
        parse_letter_date("de brief is van 5 december", TODAY)


def test_only_a_date_the_words_tie_to_the_letter_counts_when_asked_so():
    today = date(2026, 11, 23)
    assert read_letter_dates("vandaag is mijn zorg gestopt", today, cued_only=True) == (None, None)
    assert read_letter_dates("vandaag is mijn zorg gestopt", today) == (today, None)
    assert read_letter_dates("de brief van 17 november: de zorg stopt vandaag", today, cued_only=True) == \
        (date(2026, 11, 17), None)


@pytest.mark.parametrize("text", ["de beschikking is van vorige maand de 20e", "brief van de 20ste van vorige maand",
                                  "de brief is van vorige maand op de twintigste"])
def test_a_day_of_last_month(text):
    assert read_letter_dates(text, date(2026, 11, 23))[0] == date(2026, 10, 20)
    assert find_date(text, date(2026, 11, 23)) == date(2026, 10, 20)


def test_a_corrected_letter_date_replaces_the_first_one_named():
    text = "nee, die van 23 oktober was een ander briefje. de afwijzing zelf is gedateerd 30 oktober 2026"
    assert read_letter_dates(text, date(2026, 11, 23), corrected=True)[0] == date(2026, 10, 30)


def test_a_date_corrected_in_the_same_message_without_cue_words_replaces_the_first():
    text = "het besluit is van 12 november... nee sorry, ik kijk nog eens: 9 november 2026"
    assert read_letter_dates(text, date(2026, 11, 23), corrected=True)[0] == date(2026, 11, 9)


def test_of_several_letters_in_a_story_the_latest_counts():
    text = ("in een brief van 12 mei besloot de gemeente dat het minder werd. wij maakten bezwaar. "
            "de beslissing op bezwaar is gedateerd 29 oktober, maar kwam pas op 2 november binnen")
    assert read_letter_dates(text, date(2026, 11, 23)) == (date(2026, 10, 29), date(2026, 11, 2))


def test_a_date_followed_by_what_arrived_that_day_is_the_day_received():
    text = "ik heb donderdag 19 november een brief binnengekregen van de gemeente, ze wijzen het af"
    assert read_letter_dates(text, date(2026, 11, 23)) == (None, date(2026, 11, 19))
    assert read_letter_dates("de brief van 10 november heb ik op 16 november ontvangen", date(2026, 11, 23)) == \
        (date(2026, 11, 10), date(2026, 11, 16))


def test_a_bare_weekday_beside_a_calendar_date_is_not_the_letter():
    text = ("mijn aanvraag is afgewezen. maar zij gaat op dinsdag naar de dagbesteding en ik zit dan thuis vast. "
            "brief gemeente 20-10-2026. hoeveel tijd heb ik nog?")
    assert read_letter_dates(text, date(2026, 11, 23))[0] == date(2026, 10, 20)
    # alone, a weekday still names the letter's date
    assert read_letter_dates("ik heb hem op dinsdag gekregen, wat nu", date(2026, 11, 23))[1] == date(2026, 11, 17)
    assert read_letter_dates("afgewezen, op dinsdag", date(2026, 11, 23))[0] == date(2026, 11, 17)


def test_the_day_of_the_citizens_own_bezwaar_is_not_a_letter_date():
    text = ("de gemeente stopt zijn begeleiding. daar hebben we een brief over gehad van 28 oktober 2026, "
            "ik heb vorige week al bezwaar gestuurd")
    assert read_letter_dates(text, date(2026, 11, 23))[0] == date(2026, 10, 28)


def test_a_letter_placed_in_a_portal_and_seen_later_counts_from_its_date():
    text = ("in het portaal staat een nieuw besluit. het is daar geplaatst op zaterdag 14 november 2026. "
            "ik heb het pas gisteren gezien")
    assert read_letter_dates(text, date(2026, 11, 23)) == (date(2026, 11, 14), date(2026, 11, 22))


@pytest.mark.parametrize(("text", "letter"), [
    # a weekday gives way only to a calendar date that is a letter's
    ("de gemeente heeft dinsdag mijn traplift afgewezen. mijn heupoperatie was op 2 oktober", date(2026, 11, 17)),
    # the letter's own date, then the day of the bezwaar
    ("het besluit is gedateerd 3 november en ik heb op 10 november bezwaar gemaakt", date(2026, 11, 3)),
    ("de beschikking is gedateerd 3 november 2026 en er staat dat bezwaar kan worden ingediend", date(2026, 11, 3)),
    # the day the decision takes effect is no letter's date
    ("een brief van de gemeente dat haar dagbesteding stopt per 1 januari", None),
    ("mijn uren gaan vanaf 1 december omlaag, de brief is van 12 november", date(2026, 11, 12)),
    ("met ingang van 1 januari krijg ik minder uren", None),
])
def test_a_letter_date_is_not_taken_from_other_days_in_the_story(text, letter):
    assert read_letter_dates(text, date(2026, 11, 23))[0] == letter

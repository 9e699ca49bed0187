"""How a message relates to the case: a question in general, a correction, a step to the court."""
from datetime import date

import pytest

from knowledge.domain.case_words import ASKS_DECISION_PERIOD, asks_in_general, corrects_a_fact, tells_beroep

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("text", [
    "uit nieuwsgierigheid: hoe lang mag het CIZ over een bezwaar doen?",
    "ik werk bij het buurthuis en mensen vragen me wat het verschil is tussen klacht en bezwaar",
    "hoeveel tijd heb je voor een klacht? ik heb zelf niks lopen",
    "geldt daar een termijn voor? ik heb er nu nergens last van",
])
def test_a_question_about_the_rules_without_an_own_case_is_general(text):
    assert asks_in_general(text)


@pytest.mark.parametrize("text", [
    "hoe lang heb ik voor bezwaar, mijn uren zijn verlaagd",
    "ik heb niks lopen maar mijn brief van de gemeente zegt dat mijn pgb stopt",
    "de gemeente heeft mijn aanvraag afgewezen, wat nu",
])
def test_a_question_with_an_own_case_is_not_general(text):
    assert not asks_in_general(text)


@pytest.mark.parametrize("text", [
    "mijn bezwaar is ongegrond verklaard",
    "de beslissing op ons bezwaar kwam vorige week",
    "kan ik naar de rechter?",
    "wij willen in hoger beroep",
    "mijn bezwaarschrift is afgewezen",
    "ik wil naar de bestuursrechter",
    "de bezwaarcommissie heeft mij ongelijk gegeven",
    "de gemeente blijft bij haar besluit",
    "cak heeft mijn bezwaar over de eigen bijdrage afgewezen",
    "de svb heeft mijn bezwaar tegen de terugvordering van het pgb afgewezen",
])
def test_words_of_a_decided_bezwaar_or_the_court_tell_beroep(text):
    assert tells_beroep(text)


@pytest.mark.parametrize("text", [
    "kan ik dat bezwaar voor haar schrijven? ze ziet bijna niks meer",
    "ik wil bezwaar maken tegen de verlaging",
    "ik wil bezwaar maken omdat mijn aanvraag is afgewezen",
    "ik heb bezwaar gemaakt want de traplift is afgewezen",
    "ik wil bezwaar maken tegen het besluit dat mijn pgb is afgewezen",
    "Ik wil bezwaar aantekenen tegen mijn afgewezen aanvraag",
    "ik wil bezwaar tegen het afgewezen pgb",
    "mijn bezwaar tegen de beslissing waarin mijn aanvraag is afgewezen",
])
def test_a_bezwaar_still_to_write_does_not_tell_beroep(text):
    assert not tells_beroep(text)


def test_a_correction_needs_the_corrected_fact():
    assert corrects_a_fact("nee, het was niet het CAK maar de SVB", True, TODAY)
    assert corrects_a_fact("sorry, de brief is van 30 oktober", False, TODAY)
    assert not corrects_a_fact("nee, dat wil ik niet", False, TODAY)


def test_who_an_office_belongs_to_is_told_but_a_question_between_two_is_not():
    from knowledge.domain.case_words import BELONGS_TO
    assert BELONGS_TO.search("de vraagwijzer is van de gemeente")
    assert BELONGS_TO.search("dat team valt gewoon onder het zorgkantoor")
    assert not BELONGS_TO.search("moet ik nou bij de gemeente zijn of bij de SVB?")


@pytest.mark.parametrize(("text", "asks"), [
    ("hoe lang duurt het voordat ze op mijn bezwaar beslissen?", True),
    ("hoe lang mag het zorgkantoor erover doen?", True),
    ("wanneer krijg ik een beslissing op mijn bezwaar?", True),
    ("hoe lang heb ik nog om bezwaar te maken?", False),
    ("hoe lang mag ik wachten met mijn bezwaar?", False),
    ("hoe lang heb ik na het besluit om bezwaar te maken?", False),
    ("ik weet niet meer wanneer ik de beslissing kreeg", False),
])
def test_the_decision_period_is_asked_only_in_so_many_words(text, asks):
    assert bool(ASKS_DECISION_PERIOD.search(text)) is asks

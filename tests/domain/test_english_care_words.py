"""English words for kinds of care, providers and a decision on bezwaar (issue 13): an English
message is routed like its Dutch counterpart. The team's own sentences."""
from datetime import date

import pytest

from knowledge.domain.case_words import BEZWAAR_DECIDED, asks_for_independent_help
from knowledge.domain.dates import weeks_since
from knowledge.domain.routing import aanvraag_organisation, clientondersteuning_organisation, gemeente_care, provider_law
from knowledge.domain.signals import signals


@pytest.mark.parametrize("text, where", [
    ("my grandmother can no longer be left alone, she needs someone day and night", "ciz"),
    ("he is on the waiting list for a nursing home", "zorgkantoor"),
    ("I need help to get dressed and to shower every morning", "zorgverzekeraar"),
    ("can I get household help, I can't do the cleaning anymore", "gemeente"),
    ("we would like a stairlift and an adapted bathroom", "gemeente"),
    ("I am with my husband day and night, is there dagbesteding for him?", "gemeente"),  # the carer, not a need
    ("the CIZ says she is not a Wlz case, but she can't get herself washed", "zorgverzekeraar"),
    ("my father got his Wlz indicatie, he wants to stay in his own house", "zorgkantoor"),
    ("after the operation I can't put on my socks, should I ask for help with washing?", "zorgverzekeraar"),
    ("The CIZ has her Wlz indication under review, she needs care day and night", "ciz"),  # no indicatie yet
    ("Het CIZ heeft zijn Wlz-indicatie ingetrokken, hij woont thuis en heeft 24 uur zorg nodig", "ciz"),
])
def test_english_care_goes_where_the_dutch_does(text, where):
    assert aanvraag_organisation(text) == where


def test_english_care_names_and_providers():
    assert gemeente_care("I asked for a wheelchair") == "een rolstoel"
    assert provider_law("the cleaner from the home help company is always late") == "wmo"
    assert provider_law("the youth care worker cancelled three times") == "jeugd"
    assert provider_law("the staff in the nursing home forget her pills") == "wkkgz"


def test_client_support_for_a_wlz_client_in_english():
    assert clientondersteuning_organisation("my father lives in a care home with a Wlz indication") == "zorgkantoor"
    assert clientondersteuning_organisation("the CIZ turned down his application for an indication") == "gemeente"


def test_an_answered_objection_is_a_decision_on_bezwaar():
    assert BEZWAAR_DECIDED.search("they answered my objection and still say no")
    assert not BEZWAAR_DECIDED.search("I want to make an objection")


def test_weeks_since_in_english():
    assert weeks_since("I objected about five weeks ago", date(2026, 11, 23)) == 5
    assert weeks_since("it has been almost two months", date(2026, 11, 23)) is not None


@pytest.mark.parametrize("text", ["honestly everyone would be better off without me",
                                  "I don't see the point anymore",
                                  "it would be easier if I wasn't here"])
def test_english_thoughts_of_suicide(text):
    assert "suicide" in signals(text)


def test_no_point_in_a_form_is_no_suicide_signal():
    assert "suicide" not in signals("I do not see the point of this form")


def test_bezwaar_written_in_english_sentences_is_decided_too():
    assert BEZWAAR_DECIDED.search("the council rejected my bezwaar about the wheelchair")
    assert BEZWAAR_DECIDED.search("they sent the decision on my bezwaarschrift today")
    assert not BEZWAAR_DECIDED.search("I want to make a bezwaar against the decision")


def test_a_question_for_independent_help():
    assert asks_for_independent_help("Is there anyone independent who can help us with the application?")
    assert asks_for_independent_help("Is er iemand onafhankelijk die met ons mee kan denken?")
    assert not asks_for_independent_help("I am independent and want to stay that way.")

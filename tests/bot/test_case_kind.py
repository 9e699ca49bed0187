"""Klacht, bezwaar or both as the words tell it (bot/actions/case_kind.py), read in the NLU pipeline
after the classifier. The sentences are the team's own; no Rasa needed."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))  # Rasa runs in bot/
from actions.case_kind import kind_of_case  # noqa: E402


@pytest.mark.parametrize(("text", "read_as"), [
    ("ik wil klagen over de wijkverpleegkundige, ze was heel onvriendelijk", "bezwaar"),
    ("Klacht over de gemeente: de consulent kwam drie keer te laat", "al_geklaagd"),
    ("hoe dien ik een klacht in over een medewerker van het CAK", "geen_besluit"),
])
def test_a_new_klacht_in_so_many_words_is_a_klacht(text, read_as):
    assert kind_of_case(text, read_as) == "klacht"


@pytest.mark.parametrize(("text", "read_as"), [
    ("mijn klacht over de consulent is afgehandeld maar er is niks veranderd", "al_geklaagd"),
    ("ik heb al een klacht lopen bij het zorgkantoor, wat nu", "al_geklaagd"),
    ("ik wil klagen en bezwaar maken tegen de afwijzing", "klacht_en_bezwaar"),
    ("mijn pgb is afgewezen, daar wil ik over klagen", "bezwaar"),
])
def test_a_klacht_made_before_or_a_decision_keeps_the_classifiers_reading(text, read_as):
    assert kind_of_case(text, read_as) == read_as


def test_conduct_without_disputing_the_decision_is_a_klacht():
    assert kind_of_case("met het besluit ben ik het wel eens, maar de consulent schreeuwde tegen mij",
                        "klacht_en_bezwaar") == "klacht"
    assert kind_of_case("het gaat mij niet om de beslissing, maar om hoe ze met mijn vader praatten",
                        "klacht_en_bezwaar") == "klacht"


def test_a_disputed_decision_and_rude_conduct_together_are_both():
    text = "ik ben het niet eens met het besluit over mijn uren en de consulent was ook nog onbeschoft"
    assert kind_of_case(text, "klacht") == "klacht_en_bezwaar"


def test_a_klacht_about_conduct_alone_stays_a_klacht():
    assert kind_of_case("de consulent was onbeschoft en belde nooit terug", "klacht") == "klacht"


def test_no_trouble_with_the_decision_keeps_a_rude_call_a_klacht():
    text = "met de beslissing heb ik geen moeite, maar de medewerker aan de telefoon was heel onbeschoft"
    assert kind_of_case(text, "klacht") == "klacht"
    assert kind_of_case(text, "klacht_en_bezwaar") == "klacht"


def test_a_decision_named_but_not_disputed_leaves_a_klacht_a_klacht():
    text = "ik kreeg de beschikking vorige week, de consulent was erg onbeschoft aan de telefoon"
    assert kind_of_case(text, "klacht") == "klacht"


def test_a_klacht_about_care_asked_in_so_many_words_does_not_become_both():
    text = "mijn vader krijgt in het verpleeghuis te weinig hulp bij het eten, bij wie kan ik klagen?"
    assert kind_of_case(text, "klacht") == "klacht"


def test_a_klacht_for_the_ombudsman_stays_as_the_classifier_read_it():
    assert kind_of_case("ik wil bij de ombudsman klagen over de gemeente", "al_geklaagd") == "al_geklaagd"


def test_disputing_the_answer_to_a_klacht_made_before_is_no_bezwaar():
    text = ("Mijn klacht over de onvriendelijke thuiszorgmedewerker is afgewezen in een brief van 3 mei. "
            "Ik ben het daar niet mee eens.")
    assert kind_of_case(text, "klacht") == "klacht"


def test_too_few_staff_in_a_care_home_is_no_decision():
    text = "in het verpleeghuis is te weinig personeel en niemand reageert op de bel, waar kan ik heen?"
    assert kind_of_case(text, "klacht") == "klacht"

"""The public state the widget and the staff console read: its facts from the bot's slots."""
from api.services.conversation_service import state_from_slots


def test_an_application_told_in_a_crisis_names_where_to_apply_before_any_advice():
    state = state_from_slots({"route": "aanvraag", "about_organisation": "zorgkantoor", "asking_for": "relative"})
    assert (state["route"], state["organisation"]) == ("aanvraag", "zorgkantoor")


def test_the_advice_organisation_wins_once_given():
    state = state_from_slots({"route": "aanvraag", "about_organisation": "gemeente", "organisation": "zorgverzekeraar"})
    assert state["organisation"] == "zorgverzekeraar"


def test_a_bezwaar_against_an_insurer_is_a_klacht_there_before_the_advice():
    state = state_from_slots({"route": "bezwaar", "about_organisation": "zorgverzekeraar"})
    assert (state["route"], state["organisation"]) == ("klacht", "zorgverzekeraar")


def test_unknown_values_become_null():
    state = state_from_slots({"route": "iets", "organisation": "bakker", "decision_date": "13-11"})
    assert state == {"route": None, "organisation": None, "decision_date": None, "deadline": None,
                     "asking_for": None}


def test_who_answers_is_not_read_from_the_bots_slots():
    """An old tracker's `handoff` slot (or anything the bot keeps) never says who answers: the API's
    handoff store does (api/services/handoff/store.py)."""
    assert "handoff" not in state_from_slots({"route": "bezwaar", "handoff": "active"})

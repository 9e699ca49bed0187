"""The case as one value (knowledge/domain/case.py): read from the bot's slots, where the citizen
goes next, the deadline's status and the labels staff read."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from knowledge.domain.advice import compose
from knowledge.domain.case import CLOSE, OPEN, PASSED, UNKNOWN, Case
from knowledge.domain.deadlines import CLOSE_DAYS

TODAY = date(2026, 11, 23)


def test_unknown_slot_values_become_none():
    case = Case.from_slots({"route": "iets", "about_organisation": "bakker", "organisation": "bakker",
                            "asking_for": "buurman", "decision_date": "unknown", "deadline": "13-11"})
    assert (case.route, case.about, case.organisation, case.asking_for) == (None, None, None, None)
    assert (case.decision_date, case.deadline) == (None, None)
    assert case.public_state() == {"route": None, "organisation": None, "decision_date": None,
                                   "deadline": None, "asking_for": None}


def test_slots_and_context_make_one_case():
    case = Case.from_slots({"route": "bezwaar", "about_organisation": "gemeente", "decision_date": "2026-11-13",
                            "already_complained": True, "bezwaar_weeks": 3.0}, today=TODAY, text="mijn hulp")
    assert (case.route, case.about, case.decision_date, case.today, case.text) == (
        "bezwaar", "gemeente", date(2026, 11, 13), TODAY, "mijn hulp")
    assert case.already_complained and case.bezwaar_weeks == 3.0 and not case.decision_on_bezwaar


def test_a_bezwaar_against_an_insurer_goes_to_the_insurer_as_a_klacht():
    assert Case(route="bezwaar", about="zorgverzekeraar").next_step() == ("klacht", "zorgverzekeraar")


def test_a_decision_on_bezwaar_goes_to_the_court():
    assert Case(route="bezwaar", about="gemeente", decision_on_bezwaar=True).next_step() == ("bezwaar", "rechtbank")


def test_the_advice_organisation_wins_once_given():
    assert Case(route="aanvraag", about="gemeente", organisation="zorgverzekeraar").next_step() == (
        "aanvraag", "zorgverzekeraar")


@pytest.mark.parametrize("about, desk", [("zorgkantoor", "zorgkantoor"), ("ciz", "ciz"), ("zorgaanbieder", None)])
def test_an_application_goes_to_the_desk_named_before_any_advice(about, desk):
    assert Case(route="aanvraag", about=about).next_step() == ("aanvraag", desk)


def test_without_a_route_nothing_follows():
    assert Case(about="gemeente").next_step() == (None, None)


@pytest.mark.parametrize("route, asking_for, shown", [
    ("klacht", None, "self"), ("klacht", "relative", "relative"), (None, None, None),
    (None, "relative", "relative"), (None, "self", None)])
def test_asking_for_is_self_only_once_the_case_is_known(route, asking_for, shown):
    assert Case(route=route, about="gemeente" if route else None, asking_for=asking_for).public_state()[
        "asking_for"] == shown


@pytest.mark.parametrize("days, status", [(CLOSE_DAYS + 1, OPEN), (CLOSE_DAYS, CLOSE), (1, CLOSE), (0, CLOSE),
                                          (-1, PASSED), (-40, PASSED)])
def test_deadline_status(days, status):
    case = Case(deadline=TODAY + timedelta(days=days), today=TODAY)
    assert case.deadline_status() == status and case.days_left() == days
    assert case.deadline_needs_haste() == (status != OPEN)


def test_no_deadline_or_no_clock_is_unknown():
    assert Case(today=TODAY).deadline_status() == UNKNOWN and Case(today=TODAY).days_left() is None
    undated = Case(deadline=TODAY)
    assert undated.deadline_status() == UNKNOWN and undated.deadline_status(TODAY) == CLOSE
    assert not Case().deadline_needs_haste(TODAY)


def test_labels_for_staff():
    case = Case.from_slots({"route": "klacht_en_bezwaar", "organisation": "gemeente", "asking_for": "relative",
                            "decision_date": "2026-11-13", "deadline": "2026-12-28"})
    assert case.labels() == {"route": "Klacht en bezwaar", "organisation": "de gemeente",
                             "decision_date": "vrijdag 13 november 2026", "deadline": "maandag 28 december 2026",
                             "asking_for": "voor een naaste (mantelzorger)"}
    assert Case().labels() == {"route": "Nog niet bekend", "organisation": "Nog niet bekend",
                               "decision_date": "Niet bekend", "deadline": "Geen termijn", "asking_for": "Niet bekend"}


def test_the_advice_reads_the_same_case():
    case = Case.from_slots({"route": "bezwaar", "about_organisation": "gemeente", "decision_date": "2026-11-13"},
                           today=TODAY)
    answer = compose(case)
    assert (answer.route, answer.organisation, answer.deadline) == ("bezwaar", "gemeente", date(2026, 12, 28))
    advised = Case.from_slots({"route": answer.route, "organisation": answer.organisation,
                               "deadline": answer.deadline.isoformat()}, today=TODAY)
    assert advised.public_state()["deadline"] == "2026-12-28" and advised.deadline_status() == OPEN
    assert case.for_whom == "self" and "naaste" not in answer.text

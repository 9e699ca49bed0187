"""Every route x organisation x self/relative x deadline status: the advice names the route,
the place, the term and the next step, and never a wrong one (routes.md §1-§4)."""
from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from knowledge.domain import deadlines
from knowledge.domain.advice import Case, compose, name
from knowledge.domain.short_answers import clientondersteuning, key_facts, urgent
from knowledge.domain.dates import format_date_nl
from knowledge.domain.routing import ORGANISATIONS, ROUTES

TODAY = date(2026, 11, 23)
CARDS = {p.stem for p in (Path(__file__).resolve().parents[2] / "knowledge" / "cards").glob("*.md")}
ABOUT = [k for k in ORGANISATIONS if k not in ("ombudsman", "rechtbank")]
# letter dates that put the last day in each status (today: Monday 23 November 2026)
STATUS_DATES = {
    "open": date(2026, 11, 13),      # last day 28 December 2026 (Kerst moves it)
    "close": date(2026, 10, 20),     # last day 1 December 2026: 8 days → not close
    "within_7": date(2026, 10, 16),  # last day 27 November 2026: 4 days
    "today": date(2026, 10, 12),     # last day 23 November 2026
    "passed": date(2026, 9, 1),
    "unknown": None,
}
TEXTS = {"zorgaanbieder": ["het verpleeghuis van mijn moeder", "de huishoudelijke hulp van de thuiszorg",
                           "de jeugdhulp van mijn zoon"]}
WRONG_EVERYWHERE = re.compile(r"\b(113|112|0800-0113|boete|KiZi)\b")


def cases():
    for route, about, asking_for, status in itertools.product(ROUTES, ABOUT, ("self", "relative"), STATUS_DATES):
        for beroep in ((False, True) if route in ("bezwaar", "klacht_en_bezwaar") else (False,)):
            for text in TEXTS.get(about, [""]):
                yield Case(route=route, about=about, today=TODAY, text=text, asking_for=asking_for,
                           relative="moeder" if asking_for == "relative" else None,
                           decision_date=STATUS_DATES[status], decision_on_bezwaar=beroep), status


ALL = list(cases())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+|\n+", text) if s.strip()]


@pytest.mark.parametrize(("case", "status"), ALL, ids=lambda v: v if isinstance(v, str) else
                         f"{v.route}-{v.about}-{v.asking_for}-{'beroep' if v.decision_on_bezwaar else ''}{v.text[:12]}")
def test_advice_names_route_place_term_and_next_step(case: Case, status: str):
    answer = compose(case)
    text = answer.text
    lowered = text.lower()

    # never legally wrong
    assert not WRONG_EVERYWHERE.search(text), text
    if case.about in ("zorgverzekeraar", "zorgaanbieder"):
        assert answer.route != "ingebrekestelling" and not re.search(r"ingebrekestelling|dwangsom", lowered), text
        assert answer.deadline is None and "bezwaar bij" not in lowered
    if case.about == "zorgverzekeraar" and case.route != "aanvraag":
        assert answer.route == "klacht" and "Kizi" in text
    if case.about == "zorgaanbieder" and case.route != "aanvraag":
        wmo_or_jeugd = re.search(r"huishoud|jeugd", case.text)
        assert bool(re.search(r"wkkgz|geschilleninstantie", lowered)) is not bool(wmo_or_jeugd), text
        assert "klacht" in lowered

    # the route and the place
    if answer.route == "aanvraag":
        assert answer.organisation in ("gemeente", "ciz", "zorgkantoor", "zorgverzekeraar")
    elif answer.organisation == "rechtbank":
        assert "beroep" in lowered and "rechtbank" in lowered
    else:
        route_word = {"klacht_en_bezwaar": "bezwaar"}.get(answer.route, answer.route)
        assert route_word in lowered, text
        assert name(answer.organisation).split()[-1].lower() in lowered, text

    # the term
    if answer.route in ("bezwaar", "klacht_en_bezwaar"):
        assert "6 weken" in text
        if case.decision_date is None:
            assert answer.deadline is None and "datum op" in lowered
        else:
            expected = deadlines.bezwaar_deadline(case.decision_date)
            assert answer.deadline == expected and format_date_nl(expected) in text
            assert answer.offer_person is (status in ("within_7", "today", "passed"))
            if status == "passed":
                assert "te laat" in lowered and "was" in lowered
    else:
        assert answer.deadline is None and answer.decision_date is None
        assert not answer.offer_person
    if answer.route == "klacht" and answer.organisation in ("gemeente", "ciz", "zorgkantoor", "cak", "svb"):
        assert "6 weken" in text and "1 jaar" in text
    if answer.route == "ingebrekestelling":
        assert "dwangsom" in lowered and "2 weken" in text and "geld voor u" in lowered and "rechtbank" in lowered

    # the next step, the help, the relative
    assert re.search(r"\b(stuur|dien|meld|vraag|neem contact|gaat u|kunt u)\b", lowered), text
    assert "cliëntondersteuner" in lowered and "gratis" in lowered
    if case.asking_for == "relative":  # also to sign an application for someone (Awb 2:1)
        assert "machtiging" in lowered and "volmacht" in lowered

    # B1: short sentences, "u"; every card it cites exists
    for sentence in sentences(text):
        assert len(sentence.split()) <= 20, sentence
    assert not re.search(r"\b(je|jij|jouw)\b", lowered)
    assert set(answer.cards) <= CARDS, set(answer.cards) - CARDS


def test_summary_comes_first_and_holds_the_deadline():
    answer = compose(Case(route="bezwaar", about="gemeente", today=TODAY, decision_date=date(2026, 11, 13)))
    first = answer.text.split("\n")[0]
    assert "bezwaar" in first and "de gemeente" in first and "maandag 28 december 2026" in first


@pytest.mark.parametrize(("text", "helper"), [
    ("mijn vader woont in een verpleeghuis", "zorgkantoor"),
    ("mijn moeder heeft een wlz-indicatie en wacht op een plek", "zorgkantoor"),
    ("ik vraag een wlz-indicatie aan bij het ciz", "gemeente"),
    ("het ciz heeft mijn wlz-indicatie afgewezen", "gemeente"),
    ("ik krijg huishoudelijke hulp via de wmo", "gemeente"),
])
def test_clientondersteuning_for_wlz_clients_at_the_zorgkantoor_else_the_gemeente(text, helper):
    organisation, message, cards = clientondersteuning(text)
    assert organisation == helper and name(helper) in message.lower() and "gratis" in message
    assert set(cards) <= CARDS


def test_key_facts_say_route_place_and_term_before_the_date_is_asked():
    facts = key_facts("bezwaar", "cak")
    assert "bezwaar" in facts and "het CAK" in facts and "6 weken na de datum op de brief" in facts
    beroep = key_facts("bezwaar", "gemeente", decision_on_bezwaar=True)
    assert "rechtbank" in beroep and "6 weken" in beroep
    assert key_facts("bezwaar", "zorgverzekeraar") == ""


def test_asked_how_long_a_decision_on_bezwaar_may_take_the_key_facts_say_it():
    # routes.md §2 (Awb 7:10): 6 weeks after the bezwaar term, 12 with a committee, + 6
    facts = key_facts("bezwaar", "ciz", asks_decision_period=True)
    assert "6 weken na de datum op de brief" in facts
    assert "Het CIZ beslist binnen 6 weken" in facts and "12 weken" in facts and "nog 6 weken" in facts
    assert "12 weken" not in key_facts("bezwaar", "ciz")
    assert "12 weken" not in key_facts("bezwaar", "ciz", decision_on_bezwaar=True, asks_decision_period=True)


def test_a_mantelzorger_hears_about_the_machtiging_with_the_key_facts():
    # routes.md §4 (Awb 2:1): acting for someone needs a written machtiging; said before the date is asked
    facts = key_facts("bezwaar", "zorgkantoor", relative="moeder")
    assert "machtiging van uw moeder" in facts and "6 weken" in facts
    assert "machtiging" not in key_facts("bezwaar", "zorgkantoor")
    assert "machtiging" not in key_facts("klacht", None, relative="vader")


def test_a_volmacht_named_by_a_mantelzorger_is_answered_before_the_date():
    # routes.md §4: a volmacht signed earlier stays valid with dementia; said when the citizen names one
    facts = key_facts("bezwaar", "gemeente", relative="vader", mentions_volmacht=True)
    assert "volmacht" in facts and "dementie" in facts and "machtiging" in facts
    assert "volmacht" not in key_facts("bezwaar", "gemeente", relative="vader")


def test_urgent_care_stop_gives_what_to_do_now_and_no_emergency_numbers():
    message, cards = urgent("gemeente")
    assert "voorlopige voorziening" in message and "de gemeente" in message and "dringend" in message
    assert not WRONG_EVERYWHERE.search(message)
    assert set(cards) <= CARDS


def test_a_letter_that_arrived_late_is_a_reason_for_lateness_not_a_later_start():
    case = Case(route="bezwaar", about="gemeente", today=TODAY, decision_date=date(2026, 10, 1),
                received_date=date(2026, 10, 20))
    answer = compose(case)
    assert answer.deadline == deadlines.bezwaar_deadline(date(2026, 10, 1))
    assert "later bij u aan" in answer.text and answer.offer_person
    assert answer.deadline < date(2026, 10, 20) + timedelta(weeks=6)


@pytest.mark.parametrize(("weeks", "premature"), [(4, True), (8, True), (11.5, True), (13, False), (None, False)])
def test_an_ingebrekestelling_only_after_the_decision_period(weeks, premature):
    answer = compose(Case(route="ingebrekestelling", about="gemeente", today=TODAY, bezwaar_weeks=weeks))
    if premature:
        assert answer.route == "bezwaar" and "nog geen zin" in answer.text and "12 weken" in answer.text
    else:
        assert answer.route == "ingebrekestelling" and "dwangsom" in answer.text
    assert answer.organisation == "gemeente" and answer.deadline is None

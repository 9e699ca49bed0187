"""The case as the slots hold it (knowledge/domain/case.py), and the slots an answer sets."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from knowledge.domain.advice import Answer
from knowledge.domain.case import Case
from knowledge.domain.gemeente import load_gemeente

from .context import citizen_text, gemeente, today
from .settings import GEMEENTE_FILE


def case_from(tracker: Tracker) -> Case:
    """The case in the slots, with the API's clock, what the citizen wrote and the ombudsman of the
    conversation's gemeente (sent by the API with the message; else the one gemeente file)."""
    ombudsman_name, own_ombudsman = ombudsman_of(tracker)
    return Case.from_slots(tracker.slots, today=today(tracker), text=citizen_text(tracker),
                           ombudsman_name=ombudsman_name, own_ombudsman=own_ombudsman)


def ombudsman_of(tracker: Tracker) -> tuple[str, bool]:
    """Where a klacht about the gemeente goes after the gemeente (routes.md §3), and whether that is
    its own (or a regional) ombudsman."""
    told = gemeente(tracker)
    if told is not None:
        return str(told["ombudsman_name"]), bool(told.get("own_ombudsman"))
    settings = load_gemeente(GEMEENTE_FILE)
    return settings.ombudsman_name, bool(settings.own_ombudsman)


def answer_slots(answer: Answer) -> list[SlotSet]:
    """The advice's route, organisation, letter date and last day, as the API's state shows them."""
    return [SlotSet("route", answer.route), SlotSet("organisation", answer.organisation),
            SlotSet("decision_date", answer.decision_date.isoformat() if answer.decision_date else None),
            SlotSet("deadline", answer.deadline.isoformat() if answer.deadline else None)]

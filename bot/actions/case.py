"""The case as the slots hold it (knowledge/domain/case.py), and the slots an answer sets."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from knowledge.domain.advice import Answer
from knowledge.domain.case import Case
from knowledge.domain.gemeente import load_gemeente

from .context import citizen_text, today
from .settings import GEMEENTE_FILE


def case_from(tracker: Tracker) -> Case:
    """The case in the slots, with the API's clock, what the citizen wrote and the gemeente's ombudsman."""
    gemeente = load_gemeente(GEMEENTE_FILE)
    return Case.from_slots(tracker.slots, today=today(tracker), text=citizen_text(tracker),
                           ombudsman_name=gemeente.ombudsman_name, own_ombudsman=bool(gemeente.own_ombudsman))


def answer_slots(answer: Answer) -> list[SlotSet]:
    """The advice's route, organisation, letter date and last day, as the API's state shows them."""
    return [SlotSet("route", answer.route), SlotSet("organisation", answer.organisation),
            SlotSet("decision_date", answer.decision_date.isoformat() if answer.decision_date else None),
            SlotSet("deadline", answer.deadline.isoformat() if answer.deadline else None)]

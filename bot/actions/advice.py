"""The answer to a case: one readable message (knowledge/domain/advice.py), then one question."""
from __future__ import annotations

from datetime import date

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from knowledge.domain.advice import Case, compose
from knowledge.domain.gemeente import load_gemeente
from knowledge.domain.signals import person_reason

from .context import citizen_text, relative_word, sources_message, text, today
from .handoff import offer_handoff
from .slot_extraction import DATE_UNKNOWN


def _date_slot(value) -> date | None:
    if not value or value == DATE_UNKNOWN:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def case_from(tracker: Tracker) -> Case:
    gemeente = load_gemeente()
    return Case(
        route=tracker.get_slot("route"),
        about=tracker.get_slot("about_organisation"),
        today=today(tracker),
        text=citizen_text(tracker),
        asking_for=tracker.get_slot("asking_for") or "self",
        relative=relative_word(tracker),
        decision_date=_date_slot(tracker.get_slot("decision_date")),
        received_date=_date_slot(tracker.get_slot("received_date")),
        already_complained=bool(tracker.get_slot("already_complained")),
        decision_on_bezwaar=bool(tracker.get_slot("decision_on_bezwaar")),
        hoger_beroep=bool(tracker.get_slot("hoger_beroep")),
        bezwaar_weeks=tracker.get_slot("bezwaar_weeks"),
        ombudsman_name=gemeente.ombudsman_name,
        own_ombudsman=bool(gemeente.own_ombudsman),
    )


class ActionGiveAdvice(Action):
    def name(self) -> str:
        return "action_give_advice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> list[EventType]:
        case = case_from(tracker)
        answer = compose(case)
        events: list[EventType] = [
            SlotSet("route", answer.route),
            SlotSet("organisation", answer.organisation),
            SlotSet("asking_for", case.asking_for),
            SlotSet("decision_date", answer.decision_date.isoformat() if answer.decision_date else None),
            SlotSet("deadline", answer.deadline.isoformat() if answer.deadline else None),
            SlotSet("fail_count", 0),
            SlotSet("key_facts_said", False),
        ]
        dispatcher.utter_message(text=answer.text)
        dispatcher.utter_message(json_message=sources_message(answer.cards))
        # One question, last: a person when the deadline is close or passed, or the citizen is angry
        # or was sent back and forth (routes.md §5); else what next.
        reason = "deadline" if answer.offer_person else person_reason(text(tracker))
        offered = offer_handoff(dispatcher, tracker, reason=reason) if reason else []
        if not offered:
            dispatcher.utter_message(response="utter_next_steps")
        return events + offered

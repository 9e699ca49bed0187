"""The answer to a case: one readable message (knowledge/domain/advice.py), then one question."""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from knowledge.domain.advice import compose
from knowledge.domain.signals import person_reason

from .case import answer_slots, case_from
from .context import Localized, sources_message, text
from .handoff import offer_handoff
from .letter_offer import letter_fits


class ActionGiveAdvice(Localized, Action):
    def name(self) -> str:
        return "action_give_advice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> list[EventType]:
        case = case_from(tracker)
        answer = compose(case)
        events: list[EventType] = [*answer_slots(answer), SlotSet("asking_for", case.for_whom),
                                   SlotSet("fail_count", 0), SlotSet("key_facts_said", False)]
        dispatcher.utter_message(text=answer.text)
        dispatcher.utter_message(json_message=sources_message(answer.cards))
        # One question, last: a person when the deadline is close or passed, or the citizen is angry
        # or was sent back and forth (routes.md §5); else what next.
        reason = "deadline" if answer.offer_person else person_reason(text(tracker))
        offered = offer_handoff(dispatcher, tracker, reason=reason) if reason else []
        if not offered:
            with_letter = letter_fits(answer.route, answer.organisation, case.for_whom, case.bezwaar_weeks)
            dispatcher.utter_message(response="utter_next_steps_letter" if with_letter else "utter_next_steps")
        return events + offered

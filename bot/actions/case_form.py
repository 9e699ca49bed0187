"""The case form: asks only what is still unknown for the citizen's route."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from knowledge.domain.dates import DateInFuture, DateNotUnderstood, parse_letter_date
from knowledge.domain.routing import ORGANISATIONS

from .context import intent, text, today
from .slot_extraction import BEZWAAR_ROUTES

# Intents that break off the form: the rules in data/rules.yml handle them.
INTERRUPTIONS = {
    "request_human", "crisis", "ask_info", "nlu_fallback", "ask_clientondersteuning",
    "mantelzorger", "kastje_muur", "angry",
}


def needed_slots(route: str | None, about: str | None) -> list[str]:
    if route is None:
        return ["route"]
    if route in BEZWAAR_ROUTES:
        if about in ORGANISATIONS and not ORGANISATIONS[about].bezwaar_possible and ORGANISATIONS[about].decides:
            return ["about_organisation"]  # e.g. a zorgverzekeraar: a klacht, so no letter date needed
        return ["about_organisation", "decision_date"]
    if route in ("klacht", "ingebrekestelling"):
        return ["about_organisation"]
    return []  # aanvraag: the organisation follows from the kind of care


class ValidateCaseForm(FormValidationAction):
    def name(self) -> str:
        return "validate_case_form"

    async def required_slots(self, domain_slots, dispatcher, tracker: Tracker, domain) -> list[str]:
        return needed_slots(tracker.get_slot("route"), tracker.get_slot("about_organisation"))

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        filled = any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events)
        if requested and not filled and intent(tracker) not in INTERRUPTIONS:
            # Not an interruption, just an answer we could not use: keep the form going
            # (it asks again) instead of letting another policy guess.
            self._explain_unusable_answer(requested, dispatcher, tracker)
            events.append(SlotSet("route", tracker.get_slot("route")))
        return events

    def _explain_unusable_answer(self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        if requested != "decision_date":
            return
        try:
            parse_letter_date(text(tracker), today(tracker))
        except DateInFuture:
            dispatcher.utter_message(response="utter_date_future")
        except DateNotUnderstood:
            dispatcher.utter_message(response="utter_date_not_understood")

    def validate_about_organisation(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        route = tracker.get_slot("route")
        org = ORGANISATIONS.get(value)
        if org is None:
            return {"about_organisation": None}
        if route in BEZWAAR_ROUTES and not org.decides:
            dispatcher.utter_message(response="utter_zorgaanbieder_geen_besluit")
            return {"about_organisation": None}
        return {"about_organisation": value}

"""The case form: asks only what is still unknown for the citizen's route."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from rasa_sdk import Action

from knowledge.i18n import _

from knowledge.domain.case_words import ASKS_DECISION_PERIOD, MENTIONS_VOLMACHT
from knowledge.domain.short_answers import key_facts, received_only
from knowledge.domain.dates import read_letter_dates
from knowledge.domain.routing import BEZWAAR_ROUTES, ORGANISATIONS

from .context import Localized, intent, mantelzorger_for, text, today
from .slot_extraction import DATE_UNKNOWN_WORDS

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


class ValidateCaseForm(Localized, FormValidationAction):
    def name(self) -> str:
        return "validate_case_form"

    async def required_slots(self, domain_slots, dispatcher, tracker: Tracker, domain) -> list[str]:
        return needed_slots(tracker.get_slot("route"), tracker.get_slot("about_organisation"))

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        filled = any(e.get("event") == "slot" and e.get("name") not in ("requested_slot", "received_date")
                     for e in events)
        if requested and not filled and intent(tracker) not in INTERRUPTIONS:
            # Not an interruption, just an answer we could not use: keep the form going
            # (it asks again and says why) instead of letting another policy guess.
            events.append(SlotSet("route", tracker.get_slot("route")))
        return events

    def validate_about_organisation(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        route = tracker.get_slot("route")
        org = ORGANISATIONS.get(value)
        if org is None:
            return {"about_organisation": None}
        if route in BEZWAAR_ROUTES and not org.decides:
            dispatcher.utter_message(response="utter_zorgaanbieder_geen_besluit")
            return {"about_organisation": None}
        return {"about_organisation": value}


def _said_once(tracker: Tracker, facts: str) -> tuple[list[str], list[EventType]]:
    """The key facts, the first time the form asks something in this case."""
    if not facts or tracker.get_slot("key_facts_said"):
        return [], []
    return [facts], [SlotSet("key_facts_said", True)]


def _key_facts(tracker: Tracker, about: str | None) -> str:
    message = text(tracker)
    return key_facts(tracker.get_slot("route"), about, bool(tracker.get_slot("decision_on_bezwaar")),
                     mantelzorger_for(tracker), bool(ASKS_DECISION_PERIOD.search(message)),
                     bool(MENTIONS_VOLMACHT.search(message)))


class ActionAskAboutOrganisation(Localized, Action):
    """Says what the citizen must know at once (route, term), then asks which organisation."""

    def name(self) -> str:
        return "action_ask_about_organisation"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        facts = _key_facts(tracker, None)
        parts, events = _said_once(tracker, facts)
        if parts:
            dispatcher.utter_message(text=parts[0])
        dispatcher.utter_message(response="utter_ask_about_organisation")
        return events


class ActionAskDecisionDate(Localized, Action):
    """Route, place and the 6 weeks at once; why a date could not be used; then the question."""

    def name(self) -> str:
        return "action_ask_decision_date"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        facts = _key_facts(tracker, tracker.get_slot("about_organisation"))
        asked_before = bool(tracker.get_slot("key_facts_said")) or not facts
        parts, events = _said_once(tracker, facts)
        message = text(tracker)
        letter, received = read_letter_dates(message, today(tracker))
        if letter is not None and letter > today(tracker):
            parts.append(_("Die datum ligt in de toekomst. Een brief kan geen datum in de toekomst hebben. "
                           "Kijk nog eens op de brief."))
        elif letter is None and received is not None:
            parts.append(received_only(received))
        elif asked_before and letter is None and not DATE_UNKNOWN_WORDS.search(message) \
                and intent(tracker) not in INTERRUPTIONS and not message.startswith("/"):
            parts.append(_("Ik begrijp de datum niet. Typ de datum zo: 13-11-2026."))
        if parts:
            dispatcher.utter_message(text="\n".join(parts))
        dispatcher.utter_message(response="utter_ask_decision_date")
        return events

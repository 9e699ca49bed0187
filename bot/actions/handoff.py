"""Handing the chat to a person: offer, queue (waiting) or a call-back request (routes.md §5)."""
from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from knowledge.domain.routing import ROUTE_CARDS

from .context import intent, sources_message, staff_available, text

WITH_A_PERSON = ("waiting", "active", "callback")
PHONE = re.compile(r"(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){9}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TIME_WORDS = re.compile(
    r"\b(morgen|vandaag|ochtend|middag|avond|na\s+\d|voor\s+\d|tussen|\d{1,2}(:\d{2})?\s*uur|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|altijd|hele\s+dag|maakt\s+niet\s+uit|"
    r"zo\s+snel\s+mogelijk|zsm|meteen|direct|nu)",
    re.IGNORECASE,
)


def offer_handoff(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> list[EventType]:
    """Offer a person, unless the citizen already waits for or talks to one."""
    if tracker.get_slot("handoff") in WITH_A_PERSON:
        return []
    dispatcher.utter_message(response="utter_offer_handoff")
    return [SlotSet("handoff", "offered"), SlotSet("handoff_reason", reason)]


class ActionOfferHandoff(Action):
    def name(self) -> str:
        return "action_offer_handoff"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return offer_handoff(dispatcher, tracker, reason=intent(tracker) or "offer")


class ActionRequestHandoff(Action):
    def name(self) -> str:
        return "action_request_handoff"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        reason = "crisis" if intent(tracker) == "crisis" else (tracker.get_slot("handoff_reason") or "request")
        if reason == "crisis":
            dispatcher.utter_message(json_message=sources_message(list(ROUTE_CARDS["crisis"])))
        if tracker.get_slot("handoff") in ("waiting", "active"):
            dispatcher.utter_message(response="utter_handoff_already_waiting")
            return []
        if staff_available(tracker):
            dispatcher.utter_message(response="utter_handoff_waiting")
            return [SlotSet("handoff", "waiting"), SlotSet("handoff_reason", reason)]
        dispatcher.utter_message(response="utter_no_staff")
        return [SlotSet("handoff_reason", reason), FollowupAction("callback_form")]


class ValidateCallbackForm(FormValidationAction):
    def name(self) -> str:
        return "validate_callback_form"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        filled = any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events)
        if not filled and intent(tracker) not in ("crisis", "deny", "goodbye"):
            if tracker.get_slot("requested_slot") == "callback_contact":
                dispatcher.utter_message(response="utter_callback_contact_invalid")
            events.append(SlotSet("handoff_reason", tracker.get_slot("handoff_reason")))
        return events

    async def extract_callback_contact(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "callback_contact":
            return {}
        found = EMAIL.search(text(tracker)) or PHONE.search(text(tracker))
        return {"callback_contact": found.group(0).strip()} if found else {}

    async def extract_callback_time(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        message = text(tracker).strip()
        requested = tracker.get_slot("requested_slot")
        if requested == "callback_time" and message:
            return {"callback_time": message[:200]}
        if requested == "callback_contact":
            # "bel me op 06… na 14 uur": the time can come with the contact details
            rest = EMAIL.sub(" ", PHONE.sub(" ", message))
            if TIME_WORDS.search(rest) and (EMAIL.search(message) or PHONE.search(message)):
                return {"callback_time": " ".join(rest.split())[:200]}
        return {}


class ActionConfirmCallback(Action):
    def name(self) -> str:
        return "action_confirm_callback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        dispatcher.utter_message(response="utter_callback_confirmed")
        return [SlotSet("handoff", "callback")]


class ActionAffirmOrDeny(Action):
    """A typed "ja" or "nee": answers the offer of a person if one is open."""

    def name(self) -> str:
        return "action_affirm_or_deny"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        offered = tracker.get_slot("handoff") == "offered"
        if intent(tracker) == "affirm" and offered:
            return ActionRequestHandoff().run(dispatcher, tracker, domain)
        if intent(tracker) == "deny" and offered:
            dispatcher.utter_message(response="utter_no_handoff")
            return [SlotSet("handoff", "none")]
        dispatcher.utter_message(response="utter_how_can_i_help")
        return []


class ActionCancelCallback(Action):
    """The citizen no longer wants a call-back: stop asking for contact details."""

    def name(self) -> str:
        return "action_cancel_callback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        dispatcher.utter_message(response="utter_no_handoff")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]

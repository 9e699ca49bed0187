"""Handing the chat to a person: offer, queue (waiting) or a call-back request (routes.md §5).

The bot only signals (a custom payload, `handoff_signal`); the API decides and stores who answers
and tells the bot the result with every message (`handoff_state`)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from knowledge.domain.advice import compose
from knowledge.domain.short_answers import key_facts, urgent
from knowledge.domain.dates import read_letter_dates
from knowledge.domain.deadlines import bezwaar_deadline
from knowledge.domain.routing import BEZWAAR_ROUTES, ORGANISATIONS, ROUTE_CARDS
from knowledge.domain.signals import signals
from knowledge.i18n import N_, _

from .case import answer_slots, case_from
from .context import (Localized, answered_this_turn, handoff_signal, handoff_state, intent, mantelzorger_for,
                      sources_message, staff_available, text, today)
from .slot_extraction import DATE_UNKNOWN

WITH_A_PERSON = ("waiting", "active", "callback")
# A Dutch number however it is typed: 06-12345678, 020 - 123 45 67, +31 (0)6 1234 5678, 0031 6 ...
PHONE_CANDIDATE = re.compile(r"(?:\+|\b00|\b0)[\d\s\-().]{8,20}\d")


def find_phone(text: str) -> str | None:
    for m in PHONE_CANDIDATE.finditer(text):
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw.replace("(0)", ""))
        if raw.startswith("+"):
            digits = "+" + digits
        if re.fullmatch(r"(\+31|0031)[1-9]\d{8}|0[1-9]\d{8}", digits):
            return raw.strip()
    return None

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TIME_WORDS = re.compile(
    r"\b(morgen|vandaag|(van|'s\s*)?(ochtend|middags?|avonds?|morgens)|vannacht|na\s+(\d|half|kwart|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)|"
    r"voor\s+\d|tussen|\d{1,2}([:.]\d{2})?\s*uur|doordeweeks|door\s+de\s+week|werkdagen|weekend|"
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen)(ochtend|middag|avond|morgen)?s?|"
    r"altijd|hele\s+dag|maakt\s+niet\s+uit|"
    r"zo\s+snel\s+mogelijk|zsm|meteen|direct|nu|"
    # English: "tomorrow between 12 and 2", "after 3pm", "in the morning", "any time", "asap"
    r"tomorrow|today|tonight|(this|in\s+the)\s+(morning|afternoon|evening)|mornings?|afternoons?|evenings?|"
    r"after\s+\d|before\s+\d|between|\d{1,2}([:.]\d{2})?\s*(am|pm|o'?clock)|weekdays?|"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|any\s*time|whenever|asap|as\s+soon\s+as\s+possible|right\s+away)\b",
    re.IGNORECASE,
)


FAILS_BEFORE_OFFER = 2  # routes.md §5: the guide failed to understand twice in a row


def not_understood(dispatcher, tracker: Tracker) -> list[EventType]:
    if answered_this_turn(tracker):
        # Rasa's fallback after an answer given in this turn (a state no rule knows): the citizen has the
        # answer; saying "I don't understand" on top of it would repeat until Rasa's limit of predictions
        return [FollowupAction("action_listen")]
    fails = int(tracker.get_slot("fail_count") or 0) + 1
    dispatcher.utter_message(response="utter_not_understood")
    events: list[EventType] = [SlotSet("fail_count", fails)]
    if fails >= FAILS_BEFORE_OFFER:
        events += offer_handoff(dispatcher, tracker, reason="not_understood")
    return events


def offer_handoff(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> list[EventType]:
    """Offer a person, unless the citizen already waits for or talks to one."""
    if handoff_state(tracker) in WITH_A_PERSON:
        return []
    dispatcher.utter_message(response="utter_offer_handoff")
    dispatcher.utter_message(json_message=handoff_signal("offered", reason))
    return [SlotSet("handoff_reason", reason)]


class ActionOfferHandoff(Localized, Action):
    def name(self) -> str:
        return "action_offer_handoff"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return case_first(dispatcher, tracker) + offer_handoff(dispatcher, tracker, reason=intent(tracker) or "offer")


# Messages that hand over or offer a person, and may tell a case in the same breath.
HANDOFF_INTENTS = ("request_human", "kastje_muur", "angry")


def case_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A case told with the call for a person: its key facts first (route, place, term, and the last
    day once the date is known). The person may be a while, or call back tomorrow (routes.md §1, §5)."""
    route = tracker.get_slot("route")
    if intent(tracker) not in HANDOFF_INTENTS or not route or tracker.get_slot("organisation"):
        return []  # no case, or its advice was given already
    about = tracker.get_slot("about_organisation")
    if not about:
        facts = key_facts(route, None, bool(tracker.get_slot("decision_on_bezwaar")), mantelzorger_for(tracker))
        if facts:
            dispatcher.utter_message(text=facts)
        return []
    answer = compose(case_from(tracker))
    dispatcher.utter_message(text=" ".join(answer.summary))
    return answer_slots(answer)


def request_handoff(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> list[EventType]:
    """Queue the chat for a person, or ask for call-back details when nobody is there."""
    if handoff_state(tracker) in ("waiting", "active"):
        dispatcher.utter_message(response="utter_handoff_already_waiting")
        return []
    if staff_available(tracker):
        dispatcher.utter_message(response="utter_handoff_waiting")
        dispatcher.utter_message(json_message=handoff_signal("requested", reason))
        return [SlotSet("handoff_reason", reason)]
    dispatcher.utter_message(response="utter_no_staff")
    # "kan iemand mij terugbellen? tel 010 - 438 72 29": what the message already says is not asked again
    return [SlotSet("handoff_reason", reason), *contact_told(text(tracker)), FollowupAction("callback_form")]


def contact_told(message: str) -> list[EventType]:
    """The call-back contact (and a good time) written in the same message as the request."""
    email = EMAIL.search(message)
    contact = email.group(0) if email else find_phone(message)
    if not contact:
        return []
    events: list[EventType] = [SlotSet("callback_contact", contact.strip())]
    rest = " ".join(message.replace(contact, " ").split())
    if TIME_WORDS.search(rest):
        events.append(SlotSet("callback_time", rest[:200]))
    return events


class ActionRequestHandoff(Localized, Action):
    def name(self) -> str:
        return "action_request_handoff"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return case_first(dispatcher, tracker) + request_handoff(
            dispatcher, tracker, tracker.get_slot("handoff_reason") or "request")


SOUNDS_HARD = N_("Het klinkt alsof het u heel zwaar valt. Dat begrijp ik. U hoeft dit niet alleen op te lossen.")
STOPS = re.compile(r"\bstop|gestopt|beëindig|beeindig|ingetrokken|afgewezen|verlaagd|opgezegd|niet\s+meer", re.IGNORECASE)


class ActionCrisis(Localized, Action):
    """Danger → 112, thoughts of suicide → 113, otherwise urgent: what to do now. Then a person first."""

    def name(self) -> str:
        return "action_crisis"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        message = text(tracker)
        found = signals(message)
        if not found:
            # the model read distress, the words name no danger, suicide or urgency: no emergency
            # numbers, but a person is offered (routes.md §5: desperate after the guide's answer)
            dispatcher.utter_message(text=_(SOUNDS_HARD))
            return offer_handoff(dispatcher, tracker, reason="desperate")
        danger, suicide = "danger" in found, "suicide" in found
        events: list[EventType] = []
        if danger:
            dispatcher.utter_message(response="utter_crisis")
        if suicide:
            dispatcher.utter_message(response="utter_crisis_113")
        about = tracker.get_slot("about_organisation")
        # the case told in the same message stays known for the staff member (routes.md §5)
        case_events, last_day = self._case(tracker, about, message)
        if danger or suicide:
            dispatcher.utter_message(json_message=sources_message(list(ROUTE_CARDS["crisis"])))
            reason = "crisis"
        else:
            advice, cards = urgent(about, last_day)
            dispatcher.utter_message(text=advice)
            dispatcher.utter_message(json_message=sources_message(cards))
            reason = "urgent"
        return events + case_events + request_handoff(dispatcher, tracker, reason)

    @staticmethod
    def _case(tracker: Tracker, about: str | None, message: str) -> tuple[list[EventType], date | None]:
        """Care stopped by a decision: a bezwaar at the organisation that decided, and its last day
        when the message names the date of the decision (routes.md §2, §5)."""
        if about not in ORGANISATIONS or not ORGANISATIONS[about].bezwaar_possible:
            return [], None
        route = tracker.get_slot("route")
        if route and route not in BEZWAAR_ROUTES:
            return [], None  # a klacht or an application stays what it is
        if not route and not STOPS.search(message):
            return [], None
        route = route or "bezwaar"
        events: list[EventType] = [SlotSet("route", route), SlotSet("organisation", about),
                                   SlotSet("decision_on_bezwaar", False)]
        # only a date the words tie to the letter: "vandaag gestopt" is when care stopped
        letter, _received = read_letter_dates(message, today(tracker), cued_only=True)
        if not letter:
            uncued, _received = read_letter_dates(message, today(tracker))
            known = tracker.get_slot("decision_date")
            if not known or known == DATE_UNKNOWN or (uncued and known == uncued.isoformat()):
                return events + [SlotSet("decision_date", None), SlotSet("deadline", None)], None
            letter = date.fromisoformat(known)  # told in an earlier message
        if letter > today(tracker):
            return events + [SlotSet("decision_date", None), SlotSet("deadline", None)], None
        last_day = bezwaar_deadline(letter)
        return events + [SlotSet("decision_date", letter.isoformat()),
                         SlotSet("deadline", last_day.isoformat())], last_day


class ValidateCallbackForm(Localized, FormValidationAction):
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
        email = EMAIL.search(text(tracker))
        found = email.group(0) if email else find_phone(text(tracker))
        return {"callback_contact": found.strip()} if found else {}

    async def extract_callback_time(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        message = text(tracker).strip()
        requested = tracker.get_slot("requested_slot")
        if requested == "callback_time" and message:
            return {"callback_time": message[:200]}
        if requested == "callback_contact":
            # "bel me op 06… na 14 uur": the time can come with the contact details
            told = {e["name"]: e["value"] for e in contact_told(message)}
            return {"callback_time": told["callback_time"]} if "callback_time" in told else {}
        return {}


class ActionConfirmCallback(Localized, Action):
    def name(self) -> str:
        return "action_confirm_callback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        dispatcher.utter_message(response="utter_callback_confirmed")
        dispatcher.utter_message(json_message=handoff_signal("callback", tracker.get_slot("handoff_reason")))
        return []


class ActionAffirmOrDeny(Localized, Action):
    """A typed "ja" or "nee": answers the offer of a person if one is open."""

    def name(self) -> str:
        return "action_affirm_or_deny"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        offered = handoff_state(tracker) == "offered"
        if intent(tracker) == "affirm" and offered:
            return request_handoff(dispatcher, tracker, tracker.get_slot("handoff_reason") or "request")
        if intent(tracker) == "deny" and offered:
            dispatcher.utter_message(response="utter_no_handoff")
            dispatcher.utter_message(json_message=handoff_signal("declined"))
            return []
        # a "ja" or "nee" to no question: not understood (two in a row offer a person, routes.md §5)
        return not_understood(dispatcher, tracker)


class ActionCancelCallback(Localized, Action):
    """The citizen no longer wants a call-back: stop asking for contact details."""

    def name(self) -> str:
        return "action_cancel_callback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        dispatcher.utter_message(response="utter_no_handoff")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]

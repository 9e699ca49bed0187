"""Free questions answered with a knowledge card's own B1 text, and what happens around it."""
from __future__ import annotations

import logging

import requests
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from knowledge.domain.routing import ROUTE_CARDS, clientondersteuning_organisation

from .context import API_URL, intent, org_name, sources_message, text
from .handoff import offer_handoff

logger = logging.getLogger(__name__)
FAILS_BEFORE_OFFER = 2  # routes.md §5: the guide failed to understand twice in a row


def find_answer(question: str, conversation_id: str | None = None) -> dict | None:
    """The best card for a question, or None when no card fits well enough. With the conversation,
    the API may keep an unanswered question for the editors (a few per conversation)."""
    if question.startswith("/"):
        return None  # a button payload or the API's "not understood" marker is no question
    params = {"q": question, **({"conversation": conversation_id} if conversation_id else {})}
    try:
        response = requests.get(f"{API_URL}/api/knowledge/answer", params=params, timeout=15)
        response.raise_for_status()
    except requests.RequestException as error:
        logger.warning("knowledge search unavailable: %s", type(error).__name__)
        return None
    return response.json().get("answer")


def not_understood(dispatcher, tracker: Tracker) -> list[EventType]:
    fails = int(tracker.get_slot("fail_count") or 0) + 1
    dispatcher.utter_message(response="utter_not_understood")
    events: list[EventType] = [SlotSet("fail_count", fails)]
    if fails >= FAILS_BEFORE_OFFER:
        events += offer_handoff(dispatcher, tracker, reason="not_understood")
    return events


class ActionNotUnderstood(Action):
    def name(self) -> str:
        return "action_not_understood"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return not_understood(dispatcher, tracker)


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        answer = find_answer(text(tracker), tracker.sender_id)
        if answer:
            dispatcher.utter_message(text=answer["body"])
            dispatcher.utter_message(json_message=sources_message([answer["card_id"]]))
            dispatcher.utter_message(response="utter_ask_helpful")
            return [SlotSet("fail_count", 0)]
        if intent(tracker) == "nlu_fallback":
            return not_understood(dispatcher, tracker)
        dispatcher.utter_message(response="utter_knowledge_unknown")
        fails = int(tracker.get_slot("fail_count") or 0) + 1
        return [SlotSet("fail_count", fails)] + offer_handoff(dispatcher, tracker, reason="no_answer")


class ActionFeedback(Action):
    """Thanks the citizen; the API stores the feedback for the editors."""

    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        if intent(tracker) == "feedback_helpful":
            dispatcher.utter_message(response="utter_feedback_thanks")
            return []
        dispatcher.utter_message(response="utter_feedback_sorry")
        return offer_handoff(dispatcher, tracker, reason="not_helpful")


class ActionClientondersteuning(Action):
    def name(self) -> str:
        return "action_clientondersteuning"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        helper_org = clientondersteuning_organisation(tracker.get_slot("about_organisation"))
        dispatcher.utter_message(response="utter_clientondersteuning", cs_org_name=org_name(helper_org))
        cards = ["clientondersteuning-wat", *ROUTE_CARDS[f"clientondersteuning_{helper_org}"]]
        dispatcher.utter_message(json_message=sources_message(cards))
        return []


class ActionAcknowledgeRelative(Action):
    def name(self) -> str:
        return "action_acknowledge_relative"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        relative = tracker.get_slot("relative") or "naaste"
        events: list[EventType] = [SlotSet("asking_for", "relative")]
        if tracker.active_loop.get("name"):
            dispatcher.utter_message(response="utter_relative", relative=relative)
        elif tracker.get_slot("route"):
            # the message told the case too: go on with it (the advice speaks of the relative)
            events.append(FollowupAction("case_form"))
        else:
            dispatcher.utter_message(response="utter_relative_ask_route", relative=relative)
        return events

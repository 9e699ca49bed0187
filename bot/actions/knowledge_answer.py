"""Free questions answered with a knowledge card's own B1 text, and what happens around it."""
from __future__ import annotations

import logging

import requests
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from knowledge.domain.short_answers import clientondersteuning

from .context import API_URL, citizen_text, intent, set_by_this_message, sources_message, text
from .handoff import not_understood, offer_handoff

logger = logging.getLogger(__name__)


def find_answer(question: str, conversation_id: str | None = None) -> dict | None:
    """The best card for a question, or None when no card fits well enough. With the conversation,
    the API may keep an unanswered question for the editors (a few per conversation)."""
    if question.startswith("/"):
        return None  # a button payload or the API's "not understood" marker is no question
    body = {"q": question, **({"conversation": conversation_id} if conversation_id else {})}
    try:
        # POST: the question stays out of URLs and access logs
        response = requests.post(f"{API_URL}/api/knowledge/answer", json=body, timeout=15)
        response.raise_for_status()
    except requests.RequestException as error:
        logger.warning("knowledge search unavailable: %s", type(error).__name__)
        return None
    return response.json().get("answer")


class ActionNotUnderstood(Action):
    def name(self) -> str:
        return "action_not_understood"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return not_understood(dispatcher, tracker)


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        if intent(tracker) == "nlu_fallback" and set_by_this_message(tracker, "route"):
            # the classifier could not place the message, the words told a case ("hij heeft dag en
            # nacht iemand nodig"): go on with that case
            return [FollowupAction("case_form")]
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
    """Who gives free independent help (routes.md §4); the state names that organisation."""

    def name(self) -> str:
        return "action_clientondersteuning"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        helper, message, cards = clientondersteuning(citizen_text(tracker), tracker.get_slot("about_organisation"))
        dispatcher.utter_message(text=message)
        dispatcher.utter_message(json_message=sources_message(cards))
        events: list[EventType] = []
        if not tracker.get_slot("route"):
            events.append(SlotSet("organisation", helper))
        if not tracker.get_slot("asking_for"):
            events.append(SlotSet("asking_for", "self"))
        return events


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
            # routes.md §4: acting for someone needs a machtiging; an earlier volmacht stays valid
            dispatcher.utter_message(response="utter_machtiging", relative=relative)
            dispatcher.utter_message(json_message=sources_message(["machtiging", "mantelzorger-meepraten"]))
            dispatcher.utter_message(response="utter_relative_ask_route", relative=relative)
        return events

"""Free questions answered with a knowledge card's own B1 text, and what happens around it."""
from __future__ import annotations

import asyncio
import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from knowledge.domain.case_words import INDEPENDENT_HELP
from knowledge.domain.short_answers import clientondersteuning
from knowledge.i18n import _, current_locale
from knowledge.retrieval.reader import CardReader, KnowledgeUnavailable

from .context import (Localized, citizen_text, confidence, gap_message, intent, set_by_this_message, sources_message,
                      text)
from . import settings
from .handoff import not_understood, offer_handoff
from .letter_offer import asks_about_letter, letter_fits_conversation

# The action server reads the cards and their index itself; loading starts with the server.
CARDS = CardReader(settings.CARDS_DIR, settings.INDEX_DIR)
CARDS.start()


def is_question(message: str) -> bool:
    """A button payload or the API's "not understood" marker is no question."""
    return bool(message) and not message.startswith("/")


async def find_answer(question: str):
    """The best card for a question (a retrieval Hit), or None when no card fits well enough.
    Raises KnowledgeUnavailable when the knowledge base could not be loaded."""
    # the server keeps serving meanwhile; the conversation's language has its own threshold
    return await asyncio.to_thread(CARDS.best_answer, question, current_locale())


# "Hoe lang mag dat duren bij een bezwaar? En bij een klacht?": each question is answered.
QUESTION_END = re.compile(r"(?<=\?)\s+")
MAX_QUESTIONS = 2
MIN_QUESTION_WORDS = 4


def questions_in(message: str) -> list[str]:
    """The questions of a message that asks several (each up to its question mark), else the message."""
    asked = [part for part in QUESTION_END.split(message.strip())
             if part.rstrip().endswith("?") and len(part.split()) >= MIN_QUESTION_WORDS]  # not "wat??"
    return asked[:MAX_QUESTIONS] if len(asked) > 1 else [message]


async def find_answers(message: str) -> list:
    """The best card for each question of the message, each card once."""
    answers = []
    for question in questions_in(message):
        answer = await find_answer(question)
        if answer and all(answer.card_id != found.card_id for found in answers):
            answers.append(answer)
    return answers


class ActionNotUnderstood(Localized, Action):
    def name(self) -> str:
        return "action_not_understood"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        return not_understood(dispatcher, tracker)


class ActionAnswerQuestion(Localized, Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        if intent(tracker) == "nlu_fallback" and set_by_this_message(tracker, "route"):
            # the classifier could not place the message, the words told a case ("hij heeft dag en
            # nacht iemand nodig"): go on with that case
            return [FollowupAction("case_form")]
        question = text(tracker)
        asked = is_question(question)
        try:
            answers = await find_answers(question) if asked else []
        except KnowledgeUnavailable:
            answers, asked = [], False  # nothing is known about the question: no gap either
        if answers:
            for answer in answers:
                dispatcher.utter_message(text=answer.card.body.strip())
                dispatcher.utter_message(json_message=sources_message([answer.card_id]))
            # asked how to write the letter of the case found: offer to draft it, else ask if it helped
            offer_letter = asks_about_letter(question) and letter_fits_conversation(tracker)
            dispatcher.utter_message(response="utter_offer_letter" if offer_letter else "utter_ask_helpful")
            return [SlotSet("fail_count", 0)]
        if intent(tracker) == "nlu_fallback":
            events = not_understood(dispatcher, tracker)
        else:
            dispatcher.utter_message(response="utter_knowledge_unknown")
            fails = int(tracker.get_slot("fail_count") or 0) + 1
            events = [SlotSet("fail_count", fails)] + offer_handoff(dispatcher, tracker, reason="no_answer")
        if asked:  # no card answered: the API keeps the question for the editors
            dispatcher.utter_message(json_message=gap_message())
        return events


class ActionFeedback(Localized, Action):
    """Thanks the citizen; the API stores the feedback for the editors."""

    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        if intent(tracker) == "feedback_helpful":
            dispatcher.utter_message(response="utter_feedback_thanks")
            return []
        dispatcher.utter_message(response="utter_feedback_sorry")
        return offer_handoff(dispatcher, tracker, reason="not_helpful")


# Words of cliëntondersteuning itself; without them, a case read from the same message goes first.
HELPER_WORDS = re.compile(INDEPENDENT_HELP.pattern + r"|meedenken|"
                          r"iemand\s+(die|om)\s+(\w+\s+){0,3}(helpt|helpen|mee\s*(gaat|denkt|te\s+gaan))|"
                          # English: "someone to help me", "free help"
                          r"someone\s+(who|to)\s+(\w+\s+){0,3}(help|helps|come|comes|go|think)|free\s+(help|support|advice)",
                          re.IGNORECASE)


# Below this the intent alone does not make a message a question about cliëntondersteuning.
SURE_WITHOUT_HELPER_WORDS = 0.6


class ActionClientondersteuning(Localized, Action):
    """Who gives free independent help (routes.md §4); the state names that organisation."""

    def name(self) -> str:
        return "action_clientondersteuning"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        helper_words = bool(HELPER_WORDS.search(text(tracker)))
        if not helper_words and confidence(tracker) < SURE_WITHOUT_HELPER_WORDS:
            # "mag mijn papegaai mee op vakantie? Ik ben Jan": no word of help, and the model is unsure
            return [FollowupAction("action_answer_question")]
        if set_by_this_message(tracker, "route") and not helper_words:
            # "wie moet ervoor zorgen dat hij ergens terecht kan?" after a story of a Wlz waiting list:
            # the message tells a case; its advice names the cliëntondersteuner too
            return [FollowupAction("case_form")]
        helper, message, cards = clientondersteuning(citizen_text(tracker), tracker.get_slot("about_organisation"))
        dispatcher.utter_message(text=message)
        dispatcher.utter_message(json_message=sources_message(cards))
        events: list[EventType] = []
        if not tracker.get_slot("route"):
            events.append(SlotSet("organisation", helper))
        if not tracker.get_slot("asking_for"):
            events.append(SlotSet("asking_for", "self"))
        return events


class ActionAcknowledgeRelative(Localized, Action):
    def name(self) -> str:
        return "action_acknowledge_relative"

    def run(self, dispatcher, tracker: Tracker, domain) -> list[EventType]:
        relative = _(tracker.get_slot("relative") or "naaste")
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

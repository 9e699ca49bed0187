"""Makes every message with a signal of danger, suicide or urgency a `crisis`, one that asks
for a person in so many words `request_human` (routes.md §5), and one that corrects a fact of the
case ("nee, het was niet het CAK maar de SVB") `inform`, whatever the classifier read in its "nee",
and a question about the rules in general ("uit nieuwsgierigheid: …") `ask_info`. An unsure
`crisis` of the classifier's own, without any signal word, gives way to its runner-up.

Runs after the intent classifier. The words are in knowledge/domain/signals.py; a citizen in
danger must not depend on how well a model learned their phrasing. The classifier's own ranking
is kept after the new intent, so a case told in the same message is still read by the actions.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from datetime import date

from knowledge.domain.case_words import asks_in_general, corrects_a_fact
from knowledge.domain.signals import asks_for_person, signals

CRISIS = "crisis"
REQUEST_HUMAN = "request_human"
INFORM = "inform"
ASK_INFO = "ask_info"
# What a classifier makes of a correction's "nee" or "sorry": an answer, feedback or nothing.
# Below this, a `crisis` the classifier found without any signal word is not trusted.
UNSURE_CRISIS = 0.7
READ_AS_AN_ANSWER = {"deny", "affirm", "feedback_not_helpful", "feedback_helpful", "nlu_fallback", "greet", "thank"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class WordRules(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WordRules":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            if signals(text):
                self._set(message, CRISIS)
            elif asks_for_person(text) and (message.get(INTENT) or {}).get("name") != CRISIS:
                self._set(message, REQUEST_HUMAN)
            elif (message.get(INTENT) or {}).get("name") in READ_AS_AN_ANSWER and corrects_a_fact(
                    text, any(e.get("entity") == "organisation" for e in message.get("entities") or []), date.today()):
                self._set(message, INFORM)
            elif asks_in_general(text):
                self._set(message, ASK_INFO)
            elif self._unsure_crisis(message):
                self._drop_crisis(message)
        return messages

    @staticmethod
    def _unsure_crisis(message: Message) -> bool:
        """The classifier's own, unsure `crisis` without a word of danger, suicide or urgency (a
        mantelzorger who is tired, a long wait): the guide answers the case and offers a person on
        its own signals (routes.md §5: 112/113 only on their own signals)."""
        found = message.get(INTENT) or {}
        return found.get("name") == CRISIS and found.get("confidence", 0) < UNSURE_CRISIS

    @staticmethod
    def _drop_crisis(message: Message) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS]
        if ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    @staticmethod
    def _set(message: Message, intent: str) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
        message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}, *ranking], add_to_output=True)

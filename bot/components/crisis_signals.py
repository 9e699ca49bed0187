"""Makes every message with a signal of danger, suicide or urgency a `crisis`, and one that asks
for a person in so many words `request_human` (routes.md §5).

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

from knowledge.domain.signals import asks_for_person, signals

CRISIS = "crisis"
REQUEST_HUMAN = "request_human"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisSignals(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisSignals":
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
        return messages

    @staticmethod
    def _set(message: Message, intent: str) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
        message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}, *ranking], add_to_output=True)

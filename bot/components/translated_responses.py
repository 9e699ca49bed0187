"""The bot's responses in the conversation's language (a Rasa NLG, named in endpoints.yml).

domain.yml holds the Dutch responses. Before Rasa fills in slots, this generator puts the
response's text and button titles through the gettext catalog (knowledge/i18n.py) for the
language the API sends with every message (metadata `locale`). Button payloads stay as they are:
the bot reads them back.
"""
from __future__ import annotations

import copy
from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from knowledge.i18n import META_LOCALE, supported, translate


def translated(response: dict[str, Any], locale: str) -> dict[str, Any]:
    """A copy of a response with its text and button titles in `locale`."""
    result = copy.deepcopy(response)
    if result.get("text"):
        result["text"] = translate(result["text"], locale)
    for button in result.get("buttons") or []:
        if button.get("title"):
            button["title"] = translate(button["title"], locale)
    return result


def conversation_locale(tracker: DialogueStateTracker) -> str:
    metadata = (tracker.latest_message.metadata if tracker.latest_message else None) or {}
    return supported(metadata.get(META_LOCALE))


class TranslatedResponses(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Any = None, domain: Domain | None = None) -> None:
        super().__init__((domain or Domain.empty()).responses)

    async def generate(self, utter_action: str, tracker: DialogueStateTracker, output_channel: str,
                       **kwargs: Any) -> dict[str, Any] | None:
        filled_slots = tracker.current_slot_values()
        response = self._random_response_for(utter_action, output_channel, filled_slots)
        if response is None:
            return None
        return self._fill_response(translated(response, conversation_locale(tracker)), filled_slots, **kwargs)

"""The REST channel, with the outcome of the turn after the bot's messages.

The API needs more than the bot's messages after each citizen message: the slots (the case facts),
the message's intent, the active form, and whether Rasa still knew the conversation. It used to
fetch the whole tracker (every event) over HTTP after every message: for Rasa one more tracker
load and a JSON dump of all events, for the API a parse of it (issue 15's profile). Here the
tracker that Rasa saves at the end of the turn is summed up in memory, and the channel sends that
summary as one last custom message of the reply:

    {"custom": {"wegwijs_turn": {"slots": {...}, "intent": "bezwaar", "active_loop": null,
                                 "user_messages": 3, "metadata": {...}}}}

The summary is taken after the tracker was saved, so a reply that has it was stored whole
(api/services/delivery.py relies on that, as it did on the stored tracker). Same URL as Rasa's own
REST channel (/webhooks/rest/webhook); bot/credentials.yml names this class.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

OUTCOME_KEY = "wegwijs_turn"
_KEPT_AT_MOST = 10_000  # outcomes nobody picked up (a message from another channel) are dropped
_outcomes: dict[str, dict[str, Any]] = {}


def outcome(tracker: DialogueStateTracker) -> dict[str, Any]:
    latest = tracker.latest_message
    return {
        "slots": tracker.current_slot_values(),
        "intent": (latest.intent or {}).get("name") if latest else None,
        "metadata": (latest.metadata or {}) if latest else {},
        "active_loop": tracker.active_loop_name,
        "user_messages": sum(1 for event in tracker.events if isinstance(event, UserUttered)),
    }


_save_tracker = MessageProcessor.save_tracker


async def _save_and_keep_outcome(self: MessageProcessor, tracker: DialogueStateTracker) -> None:
    await _save_tracker(self, tracker)
    if len(_outcomes) >= _KEPT_AT_MOST:
        _outcomes.clear()
    _outcomes[tracker.sender_id] = outcome(tracker)


MessageProcessor.save_tracker = _save_and_keep_outcome


class RestWithOutcome(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # the same webhook as Rasa's REST channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]):
        async def handle_with_outcome(message: UserMessage) -> None:
            _outcomes.pop(message.sender_id, None)
            await on_new_message(message)
            found = _outcomes.pop(message.sender_id, None)
            # a collected reply only (a streamed one, ?stream=true, has a queue, not a list)
            if found is not None and isinstance(message.output_channel, CollectingOutputChannel) \
                    and isinstance(message.output_channel.messages, list):
                message.output_channel.messages.append({"recipient_id": message.sender_id,
                                                        "custom": {OUTCOME_KEY: found}})

        return super().blueprint(handle_with_outcome)

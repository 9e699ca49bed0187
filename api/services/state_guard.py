"""The API's facts are never wiped by a tracker that forgot the conversation.

Rasa's trackers are stored (bot/endpoints.yml), but should one still be lost (its table emptied,
a misconfigured tracker store), Rasa answers with empty slots. Taken as they are, these would
wipe the route and deadline. So when Rasa knows only the current message of a conversation the
API already knew things about, every fact the API had stays unless the bot now says something else.

(Who answers is not a fact from the bot's slots: it lives in the handoff store, and a bot turn
never ends `waiting` or `active`, see api/services/handoff/store.py.)
"""
from __future__ import annotations

from typing import Any

UNKNOWN = (None, "none")


def keep_known(previous: dict[str, Any], new: dict[str, Any], tracker_forgot: bool) -> dict[str, Any]:
    merged = dict(new)
    if tracker_forgot:
        for key, value in previous.items():
            if key in merged and merged[key] in UNKNOWN and value not in UNKNOWN:
                merged[key] = value
    return merged


def knows_something(facts: dict[str, Any]) -> bool:
    return any(value not in UNKNOWN for value in facts.values())


def slots_to_restore(state: dict[str, Any]) -> dict[str, Any]:
    """The API's facts as Rasa slots (same names), to tell a bot that forgot the conversation.
    Who answers is not one: the bot is told that with every message."""
    return {key: value for key, value in state.items() if value not in UNKNOWN and key != "handoff"}

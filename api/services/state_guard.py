"""The API's state is never lowered by a tracker that forgot the conversation.

Rasa's trackers are stored (bot/endpoints.yml), but should one still be lost (its table emptied,
a misconfigured tracker store), Rasa answers with empty slots. Taken as they are, these would
take a waiting citizen out of the staff queue and wipe the route and deadline. So:

- `waiting` and `active` are only ended by staff (claim, hand back, close), never by a bot turn;
- when Rasa knows only the current message of a conversation the API already knew things about,
  every fact the API had stays unless the bot now says something else.
"""
from __future__ import annotations

from typing import Any

WITH_STAFF = ("waiting", "active")
UNKNOWN = (None, "none")


def keep_known(previous: dict[str, Any], new: dict[str, Any], tracker_forgot: bool) -> dict[str, Any]:
    merged = dict(new)
    if previous.get("handoff") in WITH_STAFF and new.get("handoff") not in WITH_STAFF:
        merged["handoff"] = previous["handoff"]
    if tracker_forgot:
        for key, value in previous.items():
            if key in merged and merged[key] in UNKNOWN and value not in UNKNOWN:
                merged[key] = value
    return merged


def knows_something(state: dict[str, Any]) -> bool:
    return any(value not in UNKNOWN for value in state.values())


def slots_to_restore(state: dict[str, Any]) -> dict[str, Any]:
    """The API's facts as Rasa slots (same names), to tell a bot that forgot the conversation."""
    return {key: value for key, value in state.items() if value not in UNKNOWN}

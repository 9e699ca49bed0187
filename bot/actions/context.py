"""What an action needs to know about the turn: the text, the intent, the API's clock."""
from __future__ import annotations

import functools
import inspect
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from knowledge.i18n import META_LOCALE, supported, use_locale  # META_LOCALE: the conversation's language

# Said by the API with every message (see api/services/delivery.py).
META_TODAY = "today"
META_STAFF_AVAILABLE = "staff_available"
META_HANDOFF = "handoff"  # who answers, as the API stores it: none, offered, waiting, active, callback, closed
# The conversation's gemeente (issue 14): {"code", "name", "phone", "ombudsman_name", "own_ombudsman",
# "wijkteam", "clientondersteuning"},
# from its settings file (knowledge/domain/gemeenten.py, Gemeente.for_the_bot).
META_GEMEENTE = "gemeente"

def metadata(tracker: Tracker) -> dict[str, Any]:
    return tracker.latest_message.get("metadata") or {}


def locale(tracker: Tracker) -> str:
    return supported(metadata(tracker).get(META_LOCALE))


class Localized:
    """Mixed into every action: its texts (``_()``) and dates are written in the conversation's language.
    Wraps the class's ``run`` (its own or the SDK's) in ``use_locale``."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.run = _in_locale(cls.run)


def _in_locale(run):
    @functools.wraps(run)
    async def in_locale(self, dispatcher, tracker: Tracker, domain):
        with use_locale(locale(tracker)):
            result = run(self, dispatcher, tracker, domain)
            return await result if inspect.isawaitable(result) else result
    return in_locale


def today(tracker: Tracker) -> date:
    value = metadata(tracker).get(META_TODAY)
    return date.fromisoformat(value) if value else date.today()


def staff_available(tracker: Tracker) -> bool:
    return bool(metadata(tracker).get(META_STAFF_AVAILABLE, False))


def gemeente(tracker: Tracker) -> dict[str, Any] | None:
    """The facts of the conversation's gemeente the API sends with every message; None without them."""
    value = metadata(tracker).get(META_GEMEENTE)
    return value if isinstance(value, dict) and value.get("ombudsman_name") else None


def handoff_state(tracker: Tracker) -> str:
    """The handoff as the API has it: the API owns it and tells it with every message."""
    return str(metadata(tracker).get(META_HANDOFF) or "none")


def handoff_signal(kind: str, reason: str | None = None) -> dict[str, Any]:
    """Custom payload that asks the API to change the handoff (the API decides and stores it):
    `offered` (a person was offered), `requested` (the citizen was told "Ik zet u door"),
    `declined` (no to the offer) or `callback` (call-back details taken)."""
    return {"handoff": kind, **({"reason": reason} if reason else {})}


def text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def confidence(tracker: Tracker) -> float:
    """The classifier's confidence in the latest message's intent (1.0 when there is none)."""
    return (tracker.latest_message.get("intent") or {}).get("confidence", 1.0)


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    """Values of an entity in the latest message, in order, without repeats."""
    values: list[str] = []
    for item in tracker.latest_message.get("entities") or []:
        value = str(item.get("value", "")).lower()
        if item.get("entity") == entity and value and value not in values:
            values.append(value)
    return values


def mantelzorger_for(tracker: Tracker) -> str | None:
    """Whom a mantelzorger asks for ("moeder"; "naaste" when unnamed), or None for the citizen's own case."""
    return (tracker.get_slot("relative") or "naaste") if tracker.get_slot("asking_for") == "relative" else None


def sources_message(card_ids: list[str]) -> dict[str, Any]:
    """Custom payload the API turns into `sources` on the preceding message."""
    return {"sources": list(dict.fromkeys(card_ids))}


def gap_message() -> dict[str, Any]:
    """Custom payload: no card answered the citizen's question; the API keeps the question for the
    editors (api/services/gaps.py), after the message it follows."""
    return {"gap": True}


def citizen_text(tracker: Tracker) -> str:
    """Everything the citizen typed in this conversation (button payloads left out)."""
    said = [str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"]
    return "\n".join(t for t in said if t and not t.startswith("/"))


def set_by_this_message(tracker: Tracker, slot: str) -> bool:
    """The slot mappings set `slot` from the latest message (events after the last user event)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == slot and event.get("value") is not None:
            return True
    return False


def answered_this_turn(tracker: Tracker) -> bool:
    """The bot already said something since the citizen's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot":
            return True
    return False

"""Reads facts from every message, whatever the bot asked (global custom slot mappings).

A citizen can say everything in the first message, or give the facts one by one in any
order. Route changes combine: a bezwaar followed by a klacht becomes klacht_en_bezwaar.
"""
from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from knowledge.domain.dates import DateInFuture, DateNotUnderstood, parse_letter_date
from knowledge.domain.routing import DECIDING_ORGANISATIONS, ORGANISATIONS, aanvraag_organisation

from .context import entity_values, intent, text, today

INTENT_ROUTE = {
    "bezwaar": "bezwaar",
    "beroep": "bezwaar",
    "klacht": "klacht",
    "al_geklaagd": "klacht",
    "klacht_en_bezwaar": "klacht_en_bezwaar",
    "geen_besluit": "ingebrekestelling",
    "aanvraag": "aanvraag",
}
BEZWAAR_ROUTES = ("bezwaar", "klacht_en_bezwaar")
DATE_UNKNOWN = "unknown"
DATE_UNKNOWN_WORDS = re.compile(
    r"\b(weet\s+(ik\s+)?(het|de\s+datum|dat)?\s*niet|geen\s+idee|kwijt|niet\s+meer|onbekend)\b",
    re.IGNORECASE,
)


def updated_route(tracker: Tracker) -> str | None:
    """The route after this message: the previous route combined with what was just said."""
    previous = tracker.get_slot("route")
    said = INTENT_ROUTE.get(intent(tracker) or "")
    if intent(tracker) == "ask_deadline" and previous is None:
        return "bezwaar"
    if said is None:
        return previous
    if {previous, said} == {"bezwaar", "klacht"}:
        return "klacht_en_bezwaar"
    if previous == "klacht_en_bezwaar" and said in ("bezwaar", "klacht"):
        return previous
    return said


def chosen_organisation(route: str | None, named: list[str], message: str) -> str | None:
    """Which named organisation the case is about, given the route."""
    candidates = [o for o in named if o in ORGANISATIONS and o not in ("ombudsman", "rechtbank")]
    if route == "aanvraag":
        wlz_or_wmo = [o for o in candidates if o in ("gemeente", "ciz")]
        return wlz_or_wmo[0] if wlz_or_wmo else aanvraag_organisation(message)
    if route in BEZWAAR_ROUTES or route == "ingebrekestelling":
        deciding = [o for o in candidates if o in DECIDING_ORGANISATIONS]
        if deciding:
            return deciding[0]
    return candidates[0] if candidates else None


class ValidateSlotMappings(ValidationAction):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def extract_route(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        route = updated_route(tracker)
        return {"route": route} if route != tracker.get_slot("route") else {}

    async def extract_about_organisation(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        found = chosen_organisation(updated_route(tracker), entity_values(tracker, "organisation"), text(tracker))
        return {"about_organisation": found} if found else {}

    async def extract_decision_date(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        asked = tracker.get_slot("requested_slot") == "decision_date"
        if not asked and updated_route(tracker) not in BEZWAAR_ROUTES:
            return {}
        if asked and DATE_UNKNOWN_WORDS.search(text(tracker)):
            return {"decision_date": DATE_UNKNOWN}
        try:
            return {"decision_date": parse_letter_date(text(tracker), today(tracker)).isoformat()}
        except (DateNotUnderstood, DateInFuture):
            return {}  # the case form explains what went wrong when it asked for the date

    async def extract_relative(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        relatives = entity_values(tracker, "relative")
        return {"relative": relatives[0]} if relatives else {}

    async def extract_asking_for(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        if entity_values(tracker, "relative") or intent(tracker) == "mantelzorger":
            return {"asking_for": "relative"}
        return {}

    async def extract_already_complained(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"already_complained": True} if intent(tracker) == "al_geklaagd" else {}

    async def extract_decision_on_bezwaar(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"decision_on_bezwaar": True} if intent(tracker) == "beroep" else {}

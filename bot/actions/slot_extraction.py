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


# A mantelzorger often tells the case in the same message ("ik ben mantelzorger van mijn
# buurman, het wijkteam belt nooit terug"): then the case intent is the runner-up.
CARRIES_A_CASE = {"mantelzorger"}
RUNNER_UP_CONFIDENCE = 0.2


def case_intent(tracker: Tracker) -> str | None:
    name = intent(tracker)
    if name not in CARRIES_A_CASE:
        return name
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        if ranked.get("name") in INTENT_ROUTE and ranked.get("confidence", 0) >= RUNNER_UP_CONFIDENCE:
            return ranked["name"]
    return name


# A citizen who gives facts and literally names the route ("bezwaar tegen het besluit van
# 10-11") means that route, even when NLU reads the message as just `inform`.
EXPLICIT_ROUTE = (
    ("bezwaar", re.compile(r"\bbezwaa?a?r|\bniet\s+(mee\s+)?eens\b|\boneens\b", re.IGNORECASE)),
    ("klacht", re.compile(r"\b(klacht|klagen)", re.IGNORECASE)),
)


def said_route(tracker: Tracker) -> str | None:
    said = INTENT_ROUTE.get(case_intent(tracker) or "")
    if said is None and intent(tracker) == "inform":
        said = next((route for route, words in EXPLICIT_ROUTE if words.search(text(tracker))), None)
    return said


def updated_route(tracker: Tracker) -> str | None:
    """The route after this message: the previous route combined with what was just said."""
    previous = tracker.get_slot("route")
    said = said_route(tracker)
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


# "man", "vrouw" and "kind" are relatives only as "mijn man", not as "die man aan de telefoon".
AMBIGUOUS_RELATIVES = {"man", "vrouw", "kind"}
POSSESSIVE = re.compile(r"\b(mijn|m'n|mn|onze|ons)\s+$", re.IGNORECASE)


def relatives_named(tracker: Tracker) -> list[str]:
    message = text(tracker)
    found: list[str] = []
    for item in tracker.latest_message.get("entities") or []:
        if item.get("entity") != "relative":
            continue
        value = str(item.get("value", "")).lower()
        before = message[: item.get("start", 0)]
        if value in AMBIGUOUS_RELATIVES and not POSSESSIVE.search(before):
            continue
        if value and value not in found:
            found.append(value)
    return found


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
        relatives = relatives_named(tracker)
        return {"relative": relatives[0]} if relatives else {}

    async def extract_asking_for(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        if relatives_named(tracker) or intent(tracker) == "mantelzorger":
            return {"asking_for": "relative"}
        return {}

    async def extract_already_complained(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"already_complained": True} if case_intent(tracker) == "al_geklaagd" else {}

    async def extract_decision_on_bezwaar(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"decision_on_bezwaar": True} if case_intent(tracker) == "beroep" else {}

"""Reads facts from every message, whatever the bot asked (global custom slot mappings).

A citizen can say everything in the first message, or give the facts one by one in any
order. Which route the message tells is decided in route_check.py.
"""
from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from knowledge.domain.case_words import BELONGS_TO, BEZWAAR_DECIDED, CORRECTION, HOGER_BEROEP
from knowledge.domain.dates import read_letter_dates, weeks_since
from knowledge.domain.english_dates import as_dutch
from knowledge.domain.deadlines import klacht_handling_over
from knowledge.domain.routing import BEZWAAR_ROUTES

from .case_organisation import chosen_organisation, decided_by, deciding_by_care, deciding_first, provider_described
from .context import Localized, citizen_text, entity_values, text, today
from .relatives import asking_for, relatives_named
from .route_check import case_intent, said_route, updated_route, waits_on_bezwaar
from .route_words import ASKS_KLACHT, COMPLAINED, NO_DECISION_YET, STILL_HANDLED

NO_BEZWAAR_YET = re.compile(
    r"\b(nog\s+)?(geen|nooit)\s+(\w+\s+)?bezwaa?r\b|\bniet\s+(\w+\s+){0,2}(in\s+)?bezwaa?r\s+(gemaakt|gegaan|ingediend)|"
    # English: "I haven't objected yet", "no objection made"
    r"\b(no|never\s+an?)\s+(\w+\s+)?objection\b|\b(haven'?t|have\s+not|didn'?t|did\s+not|never)\s+(\w+\s+){0,2}(objected|"
    r"made\s+an?\s+objection|filed\s+an?\s+objection)",
    re.IGNORECASE,
)
DATE_UNKNOWN = "unknown"
DATE_UNKNOWN_WORDS = re.compile(
    r"\b(weet\s+(ik\s+)?(het|de\s+datum|dat)?\s*niet|geen\s+idee|kwijt|niet\s+meer|onbekend|"
    # English: "I don't know", "no idea", "I lost it", "can't remember"
    r"(don'?t|do\s+not)\s+know|no\s+idea|lost\s+(it|the\s+letter)|(can'?t|cannot|don'?t)\s+remember|unknown)\b",
    re.IGNORECASE,
)


class ValidateSlotMappings(Localized, ValidationAction):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def extract_route(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        route = updated_route(tracker)
        return {"route": route} if route != tracker.get_slot("route") else {}

    async def extract_about_organisation(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        message = text(tracker)
        named = entity_values(tracker, "organisation")
        known = tracker.get_slot("about_organisation")
        corrected = CORRECTION.search(message) or BELONGS_TO.search(message)
        route = updated_route(tracker)
        # a bezwaar against a letter of another named organisation ("nu heb ik een brief van de gemeente")
        new_decision = route in BEZWAAR_ROUTES and decided_by(tracker, named) not in (None, known)
        if known and named and not corrected and not new_decision \
                and tracker.get_slot("requested_slot") != "about_organisation":
            return {}  # a later mention ("de gemeente zei ook…") does not replace the organisation of the case
        if corrected and len(named) > 1:
            named = named[-1:] + named[:-1]  # "het was het CAK niet maar de SVB": the last one counts
        if known == "gemeente" and not named and route == "klacht":
            # a provider's people behaved so: "die begeleider zegt steeds af" after "begeleiding via de wmo"
            found = chosen_organisation(route, [known], citizen_text(tracker))
            return {"about_organisation": found} if found != known else {}
        found = chosen_organisation(route, deciding_first(tracker, named), message)
        if not found and not known:
            found = deciding_by_care(route, message) or provider_described(route, message)
        return {"about_organisation": found} if found else {}

    async def extract_decision_date(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        asked = tracker.get_slot("requested_slot") == "decision_date"
        if not asked and updated_route(tracker) not in BEZWAAR_ROUTES:
            return {}
        if tracker.active_loop.get("name") == "callback_form":
            return {}  # "bellen kan woensdag": a time to call back, not the date of the letter
        if asked and DATE_UNKNOWN_WORDS.search(text(tracker)):
            return {"decision_date": DATE_UNKNOWN}
        letter, _received = read_letter_dates(text(tracker), today(tracker), cued_only=waits_on_bezwaar(text(tracker)),
                                              corrected=bool(CORRECTION.search(text(tracker))))
        if letter is None or letter > today(tracker):
            return {}  # the question for the date explains what was wrong (actions/case_form.py)
        return {"decision_date": letter.isoformat()}

    async def extract_received_date(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        """The day the letter arrived: never the start of the term (Awb 6:8), but a reason for lateness."""
        _letter, received = read_letter_dates(text(tracker), today(tracker))
        return {"received_date": received.isoformat()} if received else {}

    async def extract_bezwaar_weeks(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        """Waiting for a decision on bezwaar: how long ago it was made (premature ingebrekestelling)."""
        message = text(tracker)
        if updated_route(tracker) != "ingebrekestelling" or not re.search(r"bezwaa?r|objection|objected", message,
                                                                           re.IGNORECASE):
            return {}
        weeks = weeks_since(as_dutch(message), today(tracker))
        return {"bezwaar_weeks": weeks} if weeks is not None else {}

    async def extract_hoger_beroep(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"hoger_beroep": True, "decision_on_bezwaar": True} if HOGER_BEROEP.search(text(tracker)) else {}

    async def extract_relative(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        relatives = relatives_named(tracker)
        return {"relative": relatives[0]} if relatives else {}

    async def extract_asking_for(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        found = asking_for(tracker)
        return {"asking_for": found} if found else {}

    async def extract_already_complained(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        message = text(tracker)
        complained = bool(COMPLAINED.search(message))
        weeks = weeks_since(as_dutch(message), today(tracker)) if complained else None
        if STILL_HANDLED.search(message) and not (weeks is not None and klacht_handling_over(weeks)):
            return {}  # the organisation is still within its term: not yet a case for the ombudsman
        if complained:
            return {"already_complained": True}
        if case_intent(tracker) == "al_geklaagd" and not ASKS_KLACHT.search(message) \
                and not re.fullmatch(r"\W*(een\s+|mijn\s+|an?\s+|my\s+)?(klacht|klachten|complaint|complaints)\W*", message,
                                     re.IGNORECASE):
            return {"already_complained": True}  # "hoe dien ik een klacht in?", or just "klacht": not yet
        return {}

    async def extract_decision_on_bezwaar(self, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        told = case_intent(tracker) == "beroep" or BEZWAAR_DECIDED.search(text(tracker))
        if not told or said_route(tracker) in ("ingebrekestelling", "klacht"):
            return {}
        if NO_BEZWAAR_YET.search(text(tracker)) or NO_DECISION_YET.search(text(tracker)):
            return {}  # "ik heb nog geen bezwaar gemaakt": there is no decision on bezwaar
        return {"decision_on_bezwaar": True}

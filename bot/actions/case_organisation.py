"""Which named organisation a case is about: the one that decided, or whose people behaved so."""
from __future__ import annotations

import re

from rasa_sdk import Tracker

from knowledge.domain.routing import BEZWAAR_ROUTES, DECIDING_ORGANISATIONS, ORGANISATIONS, aanvraag_organisation

from .context import text

EIGEN_BIJDRAGE = re.compile(r"eigen\s*bijdrage", re.IGNORECASE)


def chosen_organisation(route: str | None, named: list[str], message: str) -> str | None:
    """Which named organisation the case is about, given the route."""
    candidates = [o for o in named if o in ORGANISATIONS and o not in ("ombudsman", "rechtbank")]
    if route == "aanvraag":
        # the kind of care decides (routes.md §1); a named organisation only when no care is named
        by_care = aanvraag_organisation(message)
        named_desk = [o for o in candidates if o in ("gemeente", "ciz", "zorgkantoor", "zorgverzekeraar")]
        return by_care or (named_desk[0] if named_desk else None)
    if route in BEZWAAR_ROUTES and EIGEN_BIJDRAGE.search(message) and candidates \
            and set(candidates) <= {"cak", "gemeente", "zorgkantoor"}:
        return "cak"  # the CAK sets the eigen bijdrage for Wmo and Wlz care (routes.md §3)
    if route in BEZWAAR_ROUTES or route == "ingebrekestelling":
        if candidates and candidates[0] == "zorgverzekeraar" and aanvraag_organisation(message) == "zorgverzekeraar":
            # wijkverpleging asked of the insurer ("I applied to my insurer"): its answer is no besluit, so a
            # klacht route (routes.md §1), however many bestuursorganen the story names after it
            return "zorgverzekeraar"
        deciding = [o for o in candidates if o in DECIDING_ORGANISATIONS]
        if deciding:
            return deciding[0]
    if route == "klacht" and candidates and set(candidates) <= {"gemeente", "zorgaanbieder"} \
            and PROVIDER_STAFF.search(message) and not GEMEENTE_STAFF.search(message):
        return "zorgaanbieder"  # the people of a (contracted) provider behaved so, not the gemeente's
    return candidates[0] if candidates else None


# "de brief van het CAK", "het CIZ heeft besloten": the organisation that took the decision.
DECIDED_BEFORE = re.compile(r"(brief|beschikking|besluit|beslissing|factuur|rekening|nota)\s+(\w+\s+){0,2}(van|door)\s+(de|het)?\s*$|"
                            # English: "the letter from the CIZ", "I applied to my health insurance company"
                            r"\b(letter|decision|notice|bill|invoice)\s+(\w+\s+){0,2}(from|of|by)\s+(the\s+)?$|"
                            r"\b(applied|apply|applying|application|request)\s+(\w+\s+){0,2}(to|at|with)\s+(the\s+|my\s+|our\s+)?(\w+\s+)?$",
                            re.IGNORECASE)
DECIDED_AFTER = re.compile(r"^\s*(heeft|had|wil|gaat)\s+(\w+\s+){0,5}(besloten|beslist|afgewezen|verlaagd|geweigerd|"
                           r"ingetrokken|gestopt|stopgezet|vastgesteld|verhoogd|teruggevorderd|opgelegd)|"
                           # "bij mijn zorgverzekeraar een pgb aangevraagd": who must decide on it
                           r"^\s*(\w+\s+){0,5}(aangevraagd|ingediend)\b", re.IGNORECASE)


def decided_by(tracker: Tracker, named: list[str]) -> str | None:
    """The named organisation the words tie to the decision ("een brief van de gemeente"), if any."""
    message = text(tracker)
    for item in tracker.latest_message.get("entities") or []:
        value = str(item.get("value", "")).lower()
        if item.get("entity") != "organisation" or value not in named:
            continue
        start, end = item.get("start", 0), item.get("end", 0)
        if DECIDED_BEFORE.search(message[max(0, start - 50):start]) or DECIDED_AFTER.search(message[end:end + 80]):
            return value
    return None


def deciding_first(tracker: Tracker, named: list[str]) -> list[str]:
    """The named organisations, the one the words tie to the decision first."""
    first = decided_by(tracker, named)
    return [first] + [n for n in named if n != first] if first else named


# Who behaved badly: a provider's people or the gemeente's own (routes.md §1, §3).
PROVIDER_STAFF = re.compile(
    r"begeleider|begeleidster|hulpverlener|huishoudelijke\s+hulp|thuishulp|schoonmaakster|schoonmaker|"
    r"thuiszorg|zorgorganisatie|zorgaanbieder|aanbieder|dagbesteding|verzorgende|verpleegkundige|wijkverpleging|"
    r"zorginstelling|instelling|verpleeghuis|woongroep|woonvorm|gezinshuis|taxi|chauffeur|"
    # English: "his counsellor", "the cleaner", "the home care company", "the district nurse", "the care home"
    r"\b(counsell?or|care\s+worker|carers?|caregivers?|support\s+worker|youth\s+worker|cleaner|cleaning\s+lady|home\s+help|"
    r"household\s+help|home\s+care|care\s+(company|organi[sz]ation|agency|home|institution)|youth\s+care|provider|"
    r"day\s*care|day\s+activities|nurses?|nursing\s+home|residential\s+(home|group)|group\s+home|driver)\b",
    re.IGNORECASE,
)
GEMEENTE_STAFF = re.compile(
    r"consulent|wijkteam|sociaal\s+team|ambtenaar|klantmanager|loket|wethouder|gemeente\s+(zelf|belt|reageert|heeft\s+mij)|"
    # "de vraagwijzer van de gemeente gebeld": a desk of the gemeente itself
    r"vraagwijzer|(medewerker|medewerkster|afdeling|servicepunt|team)\s+van\s+de\s+gemeente|"
    # English: "the consultant", "the neighbourhood team", "a civil servant", "someone from the municipality"
    r"\b(consultant|neighbou?rhood\s+team|social\s+team|civil\s+servant|alderman|"
    r"(employee|staff|department|desk|team|officer|someone|person)\s+(of|at|from)\s+the\s+(municipality|council|gemeente))\b",
    re.IGNORECASE,
)


def deciding_by_care(route: str | None, message: str) -> str | None:
    """No organisation named, but the kind of care tells who decided on it ("mijn huishoudelijke hulp
    is van 5 naar 3 uur gegaan": the gemeente, Wmo 2015). Only for a decision; a zorgverzekeraar
    is left to ask, as its "decision" is a klacht route (routes.md §1), and so is Wlz care: the CIZ
    decides on the indicatie, the zorgkantoor on the care itself."""
    if route not in BEZWAAR_ROUTES and route != "ingebrekestelling":
        return None
    if EIGEN_BIJDRAGE.search(message):
        return "cak"  # the CAK sets the eigen bijdrage for Wmo and Wlz care (routes.md §3)
    return "gemeente" if aanvraag_organisation(message) == "gemeente" else None


# A provider told by what it does, not by a word the NLU knows: "de organisatie die mijn dagbesteding
# doet", "het bedrijf van de huishoudelijke hulp", "de stichting waar mijn zoon begeleiding krijgt".
PROVIDER_DESCRIBED = re.compile(
    r"\b(organisatie|instelling|aanbieder|bedrijf|stichting|zorgboerderij|opvang)\s+(die|dat|waar|van|voor)\s+(\w+\s+){0,5}"
    r"(dagbesteding|begeleiding|huishoudelijke\s+hulp|thuishulp|jeugdhulp|jeugdzorg|zorg|thuiszorg|verzorging|behandeling)\b|"
    # English: "the company that does my household help", "the organisation where my son gets support"
    r"\b(organi[sz]ation|institution|provider|company|agency|foundation)\s+(that|which|who|where|of|for|doing)\s+(\w+\s+){0,5}"
    r"(day\s*care|day\s+activities|support|household\s+help|home\s+help|youth\s+care|jeugdhulp|care|home\s+care|treatment)\b",
    re.IGNORECASE,
)


def provider_described(route: str | None, message: str) -> str | None:
    """A klacht about a provider described in words (routes.md §1: the provider's own complaint rules first)."""
    return "zorgaanbieder" if route == "klacht" and PROVIDER_DESCRIBED.search(message) else None

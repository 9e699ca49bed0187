"""The routing table: which organisation a citizen goes to next (routes.md §1 and §3).

Used by the bot's actions, the API and the tests. Values are the public
`state.organisation` and `state.route` values.
"""
from __future__ import annotations

from dataclasses import dataclass

ROUTES = ("klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag")
HANDOFF_STATES = ("none", "offered", "waiting", "active", "callback", "closed")
ASKING_FOR = ("self", "relative")


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str  # B1 Dutch, with article, as used inside a sentence
    decides: bool  # takes decisions (besluiten) a citizen can object to
    bezwaar_possible: bool  # bezwaar is the route against its decisions
    klacht_after: str  # where a klacht goes after the organisation handled it
    card: str  # knowledge card that explains the organisation


ORGANISATIONS: dict[str, Organisation] = {
    o.key: o
    for o in (
        Organisation("gemeente", "de gemeente", True, True, "ombudsman", "gemeente-wat-doet"),
        Organisation("ciz", "het CIZ", True, True, "ombudsman", "ciz-wat-doet"),
        Organisation("zorgkantoor", "het zorgkantoor", True, True, "ombudsman", "zorgkantoor-wat-doet"),
        Organisation("cak", "het CAK", True, True, "ombudsman", "cak-wat-doet"),
        Organisation("svb", "de SVB", True, True, "ombudsman", "svb-wat-doet"),
        # Zvw is private law: no bezwaar, a klacht at the insurer and then KiZi.
        Organisation("zorgverzekeraar", "uw zorgverzekeraar", True, False, "kizi", "zorgverzekeraar-klacht"),
        # A care provider takes no besluiten; klacht via its klachtenfunctionaris, then the geschilleninstantie.
        Organisation("zorgaanbieder", "de zorgaanbieder", False, False, "geschilleninstantie", "klacht-zorgaanbieder-wkkgz"),
        Organisation("ombudsman", "de ombudsman", False, False, "", "ombudsman-nationale"),
        Organisation("rechtbank", "de rechtbank", False, False, "", "beroep-rechtbank"),
    )
}

# Organisations a citizen can name as the one that took a decision.
DECIDING_ORGANISATIONS = tuple(k for k, o in ORGANISATIONS.items() if o.decides)


@dataclass(frozen=True)
class Advice:
    route: str
    organisation: str
    deadline_kind: str | None  # "bezwaar", "beroep" or None
    note: str | None = None  # a reason the route differs from what the citizen asked


def advise(
    route: str,
    about: str,
    *,
    already_complained: bool = False,
    decision_on_bezwaar: bool = False,
) -> Advice:
    """Next step for a `route` about organisation `about` (a key of ORGANISATIONS).

    already_complained: the organisation already handled the citizen's klacht.
    decision_on_bezwaar: the letter is the decision on a bezwaar (next step: beroep).
    """
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}")
    org = ORGANISATIONS[about]

    if route in ("bezwaar", "klacht_en_bezwaar") and not org.bezwaar_possible:
        if org.key == "zorgverzekeraar":
            return Advice("klacht", "zorgverzekeraar", None, note="geen_bezwaar_zvw")
        if not org.decides:
            return Advice("klacht", org.key, None, note="geen_besluit_zorgaanbieder")
    if route in ("bezwaar", "klacht_en_bezwaar") and decision_on_bezwaar:
        return Advice(route, "rechtbank", "beroep")
    if route in ("bezwaar", "klacht_en_bezwaar"):
        return Advice(route, org.key, "bezwaar")
    if route == "klacht" and already_complained and org.klacht_after == "ombudsman":
        return Advice("klacht", "ombudsman", None)
    return Advice(route, org.key, None)


# Words that point to long-term care under the Wlz (CIZ decides) rather than Wmo/Jeugdwet (gemeente).
WLZ_WORDS = (
    "verpleeghuis", "verzorgingshuis", "wlz", "24 uur", "24-uurs", "zorginstelling",
    "indicatie", "dementie", "instelling", "toezicht", "zorgprofiel",
)


def aanvraag_organisation(text: str) -> str:
    """Where an application goes: CIZ for Wlz care, otherwise the gemeente (Wmo, Jeugdwet)."""
    lowered = text.lower()
    return "ciz" if any(word in lowered for word in WLZ_WORDS) else "gemeente"


def clientondersteuning_organisation(about: str | None) -> str:
    """Who offers free cliëntondersteuning: the zorgkantoor for Wlz clients, else the gemeente."""
    return "zorgkantoor" if about in ("ciz", "zorgkantoor") else "gemeente"


# Knowledge cards that ground each piece of advice (the API adds their titles as sources).
ROUTE_CARDS: dict[str, tuple[str, ...]] = {
    "bezwaar": ("klacht-of-bezwaar", "bezwaar-termijn", "bezwaarschrift-inhoud"),
    "beroep": ("beroep-rechtbank", "bezwaar-termijn"),
    "klacht": ("klacht-wat-is-het", "klachtbrief-inhoud", "klacht-afhandeltermijn"),
    "klacht_en_bezwaar": ("klacht-en-bezwaar-samen", "bezwaar-termijn", "bezwaarschrift-inhoud"),
    "ingebrekestelling": ("ingebrekestelling", "dwangsom"),
    "aanvraag_gemeente": ("wmo-melding", "keukentafelgesprek"),
    "aanvraag_ciz": ("wlz-indicatie-aanvragen", "ciz-wat-doet"),
    "ombudsman_gemeente": ("ombudsman-gemeentelijk", "ombudsman-wanneer"),
    "ombudsman": ("ombudsman-nationale", "ombudsman-wanneer"),
    "zorgverzekeraar": ("zorgverzekeraar-klacht", "kizi"),
    "zorgaanbieder": ("klacht-zorgaanbieder-wkkgz", "klachtenfunctionaris", "geschilleninstantie"),
    "deadline_moved": ("termijn-tellen-feestdagen",),
    "deadline_passed": ("bezwaar-te-laat",),
    "deadline_close": ("bezwaar-pro-forma",),
    "clientondersteuning_zorgkantoor": ("clientondersteuning-wlz",),
    "clientondersteuning_gemeente": ("clientondersteuning-wmo",),
    "relative": ("machtiging",),
    "crisis": ("crisis-hulp",),
}

"""Allowed values for card fields. Mirrors docs/contracts.md; change both together."""
from __future__ import annotations

import re

# Values of state.organisation (docs/contracts.md, "Conversation state").
ORGANISATIONS = ("gemeente", "ciz", "zorgkantoor", "cak", "svb", "zorgverzekeraar",
                 "zorgaanbieder", "ombudsman", "rechtbank")
# Values of state.route.
ROUTES = ("klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag")
AUDIENCES = ("self", "relative", "both")
TAG_KEYS = ("organisation", "law", "route")

# Laws a card may cite, by abbreviation or full name. A `law:` source must name one
# of these (e.g. "Awb art. 6:7", "Wmo 2015 art. 2.3.5"); `tags.law` values must be
# one of these exactly. Add a law here when a card really needs it.
KNOWN_LAWS = (
    "Awb", "Algemene wet bestuursrecht",
    "Wmo", "Wmo 2015", "Wet maatschappelijke ondersteuning 2015",
    "Wlz", "Wet langdurige zorg", "Blz", "Besluit langdurige zorg", "Rlz", "Regeling langdurige zorg",
    "Jeugdwet",
    "Zvw", "Zorgverzekeringswet",
    "Wkkgz", "Wet kwaliteit, klachten en geschillen zorg",
    "Atw", "Algemene termijnenwet",
    "Participatiewet",
    "AVG", "Algemene verordening gegevensbescherming", "UAVG",
    "Wet Nationale ombudsman", "Wno",
    "Wet dwangsom", "Wet dwangsom en beroep bij niet tijdig beslissen",
    "BW", "Burgerlijk Wetboek",
    "Wzd", "Wet zorg en dwang", "Wvggz", "Wet verplichte ggz",
    "Wrb", "Wet op de rechtsbijstand",
    "Wet pgb", "Gemeentewet", "Grondwet",
)

# Longest names first, so "Wmo 2015" wins over "Wmo"; whole words, any case.
_LAW_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(KNOWN_LAWS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


def find_law(text: str) -> str | None:
    """The known law named in a citation such as 'Awb art. 6:7', or None."""
    match = _LAW_RE.search(text)
    return match.group(1) if match else None


def is_known_law_tag(value: str) -> bool:
    return any(value.casefold() == name.casefold() for name in KNOWN_LAWS)

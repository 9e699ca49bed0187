"""Words that tell how a message relates to the case told so far (shared by the bot's NLU and actions).

A citizen corrects a fact ("nee, het was niet het CAK maar de SVB", "sorry, de brief is van 30
oktober"): that message is information about the case, whatever a classifier makes of its "nee".
"""
from __future__ import annotations

import re
from datetime import date

from .dates import find_date

CORRECTION = re.compile(r"\b(nee|niet\s+(het|de)\s+\w+\s*,?\s*maar|sorry|ik\s+bedoel|vergis|correctie|verkeerd)\b",
                        re.IGNORECASE)


# "de vraagwijzer is van de gemeente", "dat team valt onder het zorgkantoor": the citizen tells who an
# office or team belongs to, which settles the organisation of the case.
# Not a question between two ("moet ik bij de gemeente zijn of bij de SVB?").
BELONGS_TO = re.compile(r"\b(is|zijn|hoort|horen|valt|vallen)\s+((ook|gewoon|eigenlijk|dus|toch|wel|allemaal)\s+)?"
                        r"(van|bij|onder)\s+(de|het)\s+\w+", re.IGNORECASE)


def corrects_a_fact(text: str, names_organisation: bool, today: date) -> bool:
    """A correction that carries the corrected fact: an organisation or a date."""
    return bool(CORRECTION.search(text)) and (names_organisation or find_date(text, today) is not None)


# "Even uit nieuwsgierigheid: hoe lang mag het CIZ over een bezwaar doen?": a question about the
# rules, not the citizen's own case (no route, no organisation of a case; the cards answer it).
GENERAL_QUESTION = re.compile(
    r"uit\s+nieuwsgierigheid|\bin\s+het\s+algemeen\b|\balgemene\s+vraag|puur\s+informatief|hypothetisch|"
    r"(gewoon\s+|even\s+)benieuwd|voor\s+(een|mijn)\s+(werkstuk|scriptie|opleiding|studie|cursus)|"
    r"geen\s+(lopende\s+)?(zaak|kwestie)\b|(niks|niets)\s+(aan\s+de\s+hand|lopen|lopend)\b|\bvoor\s+later\b|"
    r"\bnergens\s+last\s+van\b|\bmensen\s+vragen\s+(me|mij|ons)\b|"
    r"verschil\s+tussen\s+(een\s+)?(klacht|bezwaar)\s+en\s+(een\s+)?(klacht|bezwaar)",
    re.IGNORECASE,
)
OWN_CASE_TOLD = re.compile(r"\b(mijn|m'n|mn)\s+(\w+\s+)?(brief|beslissing|besluit|aanvraag|bezwaar|klacht|pgb|zorg|hulp|"
                           r"uren|indicatie)\b|\bik\s+(kreeg|heb\s+(\w+\s+){0,3}gekregen)\b", re.IGNORECASE)


def asks_in_general(text: str) -> bool:
    """A question about the rules in general, without a case of the citizen's own."""
    return bool(GENERAL_QUESTION.search(text)) and not OWN_CASE_TOLD.search(text)


# "hoe lang mogen ze erover doen?", "wanneer beslissen ze op mijn bezwaar?": the decision period is asked.
ASKS_DECISION_PERIOD = re.compile(
    r"\bhoe\s+lang\s+(\w+\s+){0,8}(beslissen|beslist|besluiten|erover\s+doen|over\s+doen|(de\s+)?tijd\s+nemen)\b|"
    r"\bhoe\s+lang\s+duurt\s+(het\s+|een\s+|mijn\s+|de\s+)?bezwaa?r|"
    r"\bwanneer\s+(beslissen|beslist|besluiten)\b|\bwanneer\s+(krijg|krijgen|komt|hoor|horen)\s+(\w+\s+){0,3}(beslissing|besluit|uitspraak)\b|"
    r"\bbinnen\s+(hoeveel|welke)\s+(tijd|termijn|weken)\s+(\w+\s+){0,4}(beslis\w*|reageren|antwoord\w*)",
    re.IGNORECASE,
)


# After the rechtbank's judgment: hoger beroep at the Centrale Raad van Beroep (routes.md §2).
HOGER_BEROEP = re.compile(
    r"hoger\s+beroep|uitspraak\s+van\s+de\s+(rechtbank|rechter)|\b(rechtbank|rechter)\s+(heeft|gaf|zegt)|"
    r"centrale\s+raad",
    re.IGNORECASE,
)
# "de beslissing op bezwaar is gedateerd…", "ons bezwaar is ongegrond verklaard": beroep is next (routes.md §2).
BEZWAAR_DECIDED = re.compile(
    r"beslissing\s+op\s+(mijn\s+|ons\s+|het\s+|zijn\s+|haar\s+)?bezwaar|"
    # "mijn bezwaar is ongegrond verklaard", "mijn bezwaarschrift werd afgewezen"
    r"bezwaa?r\w*\s+(\w+\s+){0,2}(is|werd|was|zijn|wordt|werden)\s+(\w+\s+)?(ongegrond|afgewezen|niet-ontvankelijk)|"
    # "de svb heeft mijn bezwaar tegen de terugvordering afgewezen" (not "… waarin mijn aanvraag is afgewezen")
    r"\b(heeft|hebben|had|hadden)\s+(mijn|ons|onze|het|zijn|haar|hun)\s+bezwaa?r\w*\s+"
    r"((?!(waarin|dat|die|omdat|want|en|maar)\b)\w+\s+){0,8}(ongegrond|afgewezen|niet-ontvankelijk)", re.IGNORECASE)
# Beroep is the next step only when the words say a bezwaar was decided, or name the court.
NAMES_BEROEP = re.compile(r"\bberoep|rechter\b|\brechtbank|\buitspraak|bezwaarcommissie|ongelijk\s+gegeven|"
                          r"blijft\s+bij\s+(het|haar|zijn|hun)\s+(besluit|beslissing)|\bin\s+stand\b", re.IGNORECASE)


def tells_beroep(text: str) -> bool:
    """The words make beroep (or hoger beroep) the next step."""
    return bool(NAMES_BEROEP.search(text) or BEZWAAR_DECIDED.search(text) or HOGER_BEROEP.search(text))

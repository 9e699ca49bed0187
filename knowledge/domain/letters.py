"""Which sample letters fit a case, and the facts a letter is filled in with (issue 12).

Pure: the case's public state in, letter ids and plain Dutch facts out. The rules come from the
routing table (`routing.py`: who is a bestuursorgaan, which routes are a bezwaar), the deadline
rules (`deadlines.py`) and the advice's reading of a premature ingebrekestelling (`advice.premature`);
nothing here restates a term or a rule. The letter texts themselves are files in knowledge/letters/.

Letter ids: "bezwaarschrift" (Awb 6:5, also pro forma), "beroepschrift" (Awb 8:1, 6:5),
"klachtbrief" (Awb 9:4), "ingebrekestelling" (Awb 4:17), "machtiging" (Awb 2:1).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from . import deadlines
from .advice import premature
from .case import Case
from .dates import format_date_nl
from .routing import BEZWAAR_ROUTES, ORGANISATIONS

BEZWAARSCHRIFT, BEROEPSCHRIFT, KLACHTBRIEF = "bezwaarschrift", "beroepschrift", "klachtbrief"
INGEBREKESTELLING, MACHTIGING = "ingebrekestelling", "machtiging"
LETTER_IDS = (BEZWAARSCHRIFT, BEROEPSCHRIFT, KLACHTBRIEF, INGEBREKESTELLING, MACHTIGING)

# The name on the letter ("Aan: ..."). The gemeente's own name comes from its settings; where the
# name depends on the citizen (their insurer, their care provider) it stays empty: the citizen types it.
ADDRESSEES = {
    "ciz": "CIZ", "cak": "CAK", "svb": "Sociale Verzekeringsbank (SVB)", "zorgkantoor": "",
    "zorgverzekeraar": "", "zorgaanbieder": "", "rechtbank": "", "ombudsman": "",
}
# What a machtiging lets the mantelzorger do, per letter it goes with.
MANDATE = {
    BEZWAARSCHRIFT: "bezwaar te maken", BEROEPSCHRIFT: "in beroep te gaan", KLACHTBRIEF: "een klacht in te dienen",
    INGEBREKESTELLING: "een ingebrekestelling te sturen",
}


@dataclass(frozen=True)
class CaseFacts:
    """The conversation's public state, as far as a letter needs it."""

    route: str | None = None
    organisation: str | None = None
    decision_date: date | None = None
    deadline: date | None = None
    asking_for: str | None = None
    bezwaar_weeks: float | None = None  # not in the public state; None: not known

    def is_bestuursorgaan(self) -> bool:
        """An organisation that takes besluiten with bezwaar against them (never a zorgverzekeraar or
        zorgaanbieder): only such an organisation can be put in default (Awb 4:17, routes.md §1)."""
        org = ORGANISATIONS.get(self.organisation or "")
        return bool(org and org.bezwaar_possible)


def letters_for(case: CaseFacts) -> tuple[str, ...]:
    """The letters that fit the case, the main letter first; () when none fits (yet)."""
    route, organisation = case.route, case.organisation
    if not route or not organisation:
        return ()
    found: list[str] = []
    if route in BEZWAAR_ROUTES and organisation == "rechtbank":
        found.append(BEROEPSCHRIFT)  # a decision on bezwaar: beroep (Awb 8:1)
    elif route in BEZWAAR_ROUTES and case.is_bestuursorgaan() and case.bezwaar_weeks is None:
        # with bezwaar_weeks the bezwaar was made already and waits for its decision (an ingebrekestelling
        # asked too early): no new bezwaarschrift
        found.append(BEZWAARSCHRIFT)
    if route == "klacht" and organisation != "rechtbank" or route == "klacht_en_bezwaar" and case.is_bestuursorgaan():
        found.append(KLACHTBRIEF)
    if route == "ingebrekestelling" and case.is_bestuursorgaan() and not premature(
            Case(route=route, bezwaar_weeks=case.bezwaar_weeks)):
        found.append(INGEBREKESTELLING)
    if case.asking_for == "relative" and (found or route == "aanvraag"):
        found.append(MACHTIGING)
    return tuple(found)


def short_date(day: date) -> str:
    """'13 november 2026': the date of a letter."""
    return format_date(day, "d MMMM y", locale="nl")


def last_day(case: CaseFacts, letter: str) -> date | None:
    """The last day to send the letter: the deadline the conversation found, else counted from the
    decision's date (Awb 6:7, 6:8, Atw); a klacht, an ingebrekestelling and a machtiging have none."""
    if letter not in (BEZWAARSCHRIFT, BEROEPSCHRIFT):
        return None
    if case.deadline:
        return case.deadline
    if case.decision_date is None:
        return None
    count = deadlines.beroep_deadline if letter == BEROEPSCHRIFT else deadlines.bezwaar_deadline
    return count(case.decision_date)


def addressee(case: CaseFacts, gemeente_name: str) -> str:
    if case.organisation == "gemeente":
        return gemeente_name
    return ADDRESSEES.get(case.organisation or "", "")


def decision_phrase(case: CaseFacts, letter: str) -> str:
    """'de beslissing van het CIZ in de brief van 13 november 2026', as the letter names the decision."""
    if letter == BEROEPSCHRIFT:
        what = "de beslissing op mijn bezwaar"
    elif case.organisation in ORGANISATIONS and case.is_bestuursorgaan():
        what = f"de beslissing van {ORGANISATIONS[case.organisation].name}"
    else:
        what = "de beslissing"
    if case.decision_date:
        return f"{what} in de brief van {short_date(case.decision_date)}"
    return what


def subject(case: CaseFacts, main: str | None) -> str:
    """What a machtiging is about: the decision, the klacht or the application of the main letter."""
    org = ORGANISATIONS[case.organisation].name if case.organisation in ORGANISATIONS else "de organisatie"
    if main in (BEZWAARSCHRIFT, BEROEPSCHRIFT):
        return decision_phrase(case, main)
    if main == KLACHTBRIEF:
        return f"mijn klacht over {org}"
    if main == INGEBREKESTELLING:
        return f"een beslissing die {org} nog moet nemen"
    return f"mijn aanvraag bij {org}"


def letter_facts(case: CaseFacts, letter: str, *, today: date, gemeente_name: str) -> dict[str, str]:
    """The non-personal facts a letter template fills in ({{name}} in knowledge/letters/*.md).
    An empty string is a fact not known: the template leaves that line out."""
    deadline = last_day(case, letter)
    main = next((m for m in letters_for(case) if m != MACHTIGING), None)
    return {
        "aan": addressee(case, gemeente_name),
        "datum": short_date(today),
        "beslissing": decision_phrase(case, letter),
        "onderwerp": subject(case, main),
        "besluit_datum": short_date(case.decision_date) if case.decision_date else "",
        "termijn": format_date_nl(deadline) if deadline else "",
        "namens": "ja" if case.asking_for == "relative" else "",
        "machtiging_voor": MANDATE.get(main or "", "een aanvraag te doen"),
        "dwangsom_weken": str(deadlines.DWANGSOM_AFTER_DAYS // 7),
    }

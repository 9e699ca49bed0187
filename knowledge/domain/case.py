"""The citizen's case as one value: read from the bot's slots (or the API's public state, which has
the same names), with what follows from it — where to go next, the deadline's status, and the
labels staff read.

One place for these rules: the bot's actions (the advice), the API's public state and the staff
summary all read a `Case`. Pure and stdlib only: the Rasa environment imports it too.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Mapping

from . import deadlines
from .dates import format_date_nl
from .routing import APPLICATION_DESKS, ASKING_FOR, ORGANISATIONS, ROUTES, advise

# The deadline's status: "open" (more than CLOSE_DAYS left), "close" (CLOSE_DAYS or fewer),
# "passed", or "unknown" (no deadline known).
OPEN, CLOSE, PASSED, UNKNOWN = "open", "close", "passed", "unknown"

ROUTE_LABELS = {
    "klacht": "Klacht", "bezwaar": "Bezwaar", "klacht_en_bezwaar": "Klacht en bezwaar",
    "ingebrekestelling": "Ingebrekestelling", "aanvraag": "Aanvraag",
}
ASKING_FOR_LABELS = {"self": "voor zichzelf", "relative": "voor een naaste (mantelzorger)"}
NOT_KNOWN_YET = "Nog niet bekend"


def _known(value: Any, allowed) -> Any:
    return value if value in allowed else None


def slot_date(value: Any) -> date | None:
    """An ISO date slot; None for empty, "unknown" or anything else that is not a date."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Case:
    """What the conversation knows about the citizen's case."""

    route: str | None = None  # a key of ROUTES
    about: str | None = None  # the organisation the case is about (a key of ORGANISATIONS)
    today: date | None = None  # the conversation's clock (the advice and the deadline's status need it)
    text: str = ""  # everything the citizen wrote, for the kind of care or provider
    asking_for: str | None = None  # "self", "relative", or None: not said
    relative: str | None = None
    decision_date: date | None = None  # the date on the letter
    received_date: date | None = None
    already_complained: bool = False
    decision_on_bezwaar: bool = False
    hoger_beroep: bool = False
    bezwaar_weeks: float | None = None  # no decision yet: how long ago the bezwaar was made
    ombudsman_name: str = "de Nationale ombudsman"  # after the gemeente (per-gemeente setting)
    own_ombudsman: bool = False
    # Set once the advice was given: where the citizen goes next, and the last day.
    organisation: str | None = None
    deadline: date | None = None

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any], **context: Any) -> Case:
        """The case in Rasa's slots (or the public state); values that are not known become None.

        `context`: what the slots do not hold (today, text, relative, ombudsman_name, own_ombudsman)."""
        case = cls(
            route=_known(slots.get("route"), ROUTES),
            about=_known(slots.get("about_organisation"), ORGANISATIONS),
            asking_for=_known(slots.get("asking_for"), ASKING_FOR),
            relative=slots.get("relative") or None,
            decision_date=slot_date(slots.get("decision_date")),
            received_date=slot_date(slots.get("received_date")),
            already_complained=bool(slots.get("already_complained")),
            decision_on_bezwaar=bool(slots.get("decision_on_bezwaar")),
            hoger_beroep=bool(slots.get("hoger_beroep")),
            bezwaar_weeks=slots.get("bezwaar_weeks"),
            organisation=_known(slots.get("organisation"), ORGANISATIONS),
            deadline=slot_date(slots.get("deadline")),
        )
        return replace(case, **context)

    # ------------------------------------------------------------------ where to go next
    @property
    def for_whom(self) -> str:
        """"self" unless the citizen asks for a relative (the advice's reading of a case)."""
        return self.asking_for or "self"

    def next_step(self) -> tuple[str | None, str | None]:
        """(route, organisation) as far as known.

        Once the bot gave its advice, its organisation is the case's. Before, route and next
        organisation already follow from the routing table once the route and the organisation the
        case is about are known (a "bezwaar" against a zorgverzekeraar is a klacht there, routes.md §1);
        an application goes to the desk for the care named (told in a crisis, before any advice)."""
        route, organisation = self.route, self.organisation
        if organisation is None and route and self.about:
            if route != "aanvraag":
                advice = advise(route, self.about, already_complained=self.already_complained,
                                decision_on_bezwaar=self.decision_on_bezwaar)
                route, organisation = advice.route, advice.organisation
            elif self.about in APPLICATION_DESKS:
                organisation = self.about
        return route, organisation

    def public_state(self) -> dict[str, Any]:
        """The case's part of the public state (docs/contracts.md): unknown values are null."""
        route, organisation = self.next_step()
        return {
            "route": route,
            "organisation": organisation,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            # `self` only once a route or organisation is known, null before
            "asking_for": self.for_whom if route or organisation else
            (self.asking_for if self.asking_for == "relative" else None),
        }

    # ------------------------------------------------------------------ the deadline
    def days_left(self, today: date | None = None) -> int | None:
        day = today or self.today
        return (self.deadline - day).days if self.deadline and day else None

    def deadline_status(self, today: date | None = None) -> str:
        """OPEN, CLOSE (deadlines.CLOSE_DAYS or fewer), PASSED or UNKNOWN."""
        if self.days_left(today) is None:
            return UNKNOWN
        urgency = deadlines.deadline_status(self.deadline, today or self.today).urgency
        return OPEN if urgency is deadlines.Urgency.OK else urgency.value  # "close" or "passed"

    def deadline_needs_haste(self, today: date | None = None) -> bool:
        """Close or passed: such a chat goes first in the staff queue after a crisis (routes.md §5)."""
        return self.deadline_status(today) in (CLOSE, PASSED)

    # ------------------------------------------------------------------ labels for staff
    def labels(self) -> dict[str, str]:
        """The Dutch labels of the staff console, per field of the public state."""
        route, organisation = self.next_step()
        return {"route": route_label(route), "organisation": organisation_label(organisation),
                "decision_date": date_label(self.decision_date, "Niet bekend"),
                "deadline": date_label(self.deadline, "Geen termijn"),
                "asking_for": ASKING_FOR_LABELS.get(self.asking_for or "", "Niet bekend")}


def route_label(route: str | None) -> str:
    return ROUTE_LABELS.get(route or "", NOT_KNOWN_YET)


def organisation_label(key: str | None) -> str:
    return ORGANISATIONS[key].name if key in ORGANISATIONS else NOT_KNOWN_YET


def date_label(value: date | str | None, unknown: str) -> str:
    day = slot_date(value) if not isinstance(value, date) else value
    return format_date_nl(day) if day else unknown

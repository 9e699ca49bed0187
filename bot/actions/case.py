"""The case as the slots hold it, for knowledge/domain/advice.py."""
from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker

from knowledge.domain.advice import Case
from knowledge.domain.gemeente import load_gemeente

from .context import citizen_text, relative_word, today
from .settings import GEMEENTE_FILE
from .slot_extraction import DATE_UNKNOWN


def _date_slot(value) -> date | None:
    if not value or value == DATE_UNKNOWN:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def case_from(tracker: Tracker) -> Case:
    gemeente = load_gemeente(GEMEENTE_FILE)
    return Case(
        route=tracker.get_slot("route"),
        about=tracker.get_slot("about_organisation"),
        today=today(tracker),
        text=citizen_text(tracker),
        asking_for=tracker.get_slot("asking_for") or "self",
        relative=relative_word(tracker),
        decision_date=_date_slot(tracker.get_slot("decision_date")),
        received_date=_date_slot(tracker.get_slot("received_date")),
        already_complained=bool(tracker.get_slot("already_complained")),
        decision_on_bezwaar=bool(tracker.get_slot("decision_on_bezwaar")),
        hoger_beroep=bool(tracker.get_slot("hoger_beroep")),
        bezwaar_weeks=tracker.get_slot("bezwaar_weeks"),
        ombudsman_name=gemeente.ombudsman_name,
        own_ombudsman=bool(gemeente.own_ombudsman),
    )

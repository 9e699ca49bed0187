"""Whether the bot offers a sample letter (issue 12): only when one fits the case (knowledge/domain/letters.py).

The bot only offers it (a button with payload /open_letter); the widget opens the letter page."""
from __future__ import annotations

import re

from rasa_sdk import Tracker

from knowledge.domain.letters import CaseFacts, letters_for

# "Wat zet ik in mijn brief?", "hoe schrijf ik een bezwaarschrift", "voorbeeldbrief"
LETTER_QUESTION = re.compile(r"\b(in|op)\s+(mijn|de|een|die|uw|zo'?n)\s+(\w+\s+)?brief\b|\bbrief\s+(\w+\s+)?(schrijven|opstellen|maken)|"
                             r"bezwaarschrift|beroepschrift|klachtbrief|voorbeeld\s*brief|"
                             r"\b(hoe|wat)\s+(\w+\s+){0,3}(schrijf|schrijven|opschrijven)\b", re.IGNORECASE)


def letter_fits(route: str | None, organisation: str | None, asking_for: str | None,
                bezwaar_weeks: float | None = None) -> bool:
    return bool(letters_for(CaseFacts(route=route, organisation=organisation, asking_for=asking_for,
                                      bezwaar_weeks=bezwaar_weeks)))


def letter_fits_conversation(tracker: Tracker) -> bool:
    """A letter fits the case this conversation found so far."""
    return letter_fits(tracker.get_slot("route"), tracker.get_slot("organisation"), tracker.get_slot("asking_for"),
                       tracker.get_slot("bezwaar_weeks"))


def asks_about_letter(question: str) -> bool:
    return bool(LETTER_QUESTION.search(question or ""))

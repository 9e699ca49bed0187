"""Klacht, bezwaar or both, told in so many words (routes.md §1): read in the NLU pipeline, after the
classifier (bot/components/word_rules.py), so the intent agrees with the words the route check reads.

- "ik wil een klacht indienen over de consulent" (no decision, no klacht made before) is a klacht, also
  when the classifier read it as a bezwaar or a klacht already made;
- "het gaat me niet om het besluit" / "met de beslissing ben ik tevreden" is no bezwaar: a klacht;
- a disputed decision ("afgewezen", "niet mee eens") and conduct in one message ("ik wil tegen de beslissing in gaan, en ze behandelden
  me slecht") is both.
"""
from __future__ import annotations

import re

from .route_words import (
    AGREES_WITH_DECISION,
    BEZWAAR_WORD,
    COMPLAINED,
    CONDUCT_TOPIC,
    DECISION_WORDS,
    DISAGREES,
    NOT_AGREED,
    RUDE_WORDS,
    STRONG_DECISION,
)

# "ik wil klagen", "hoe dien ik een klacht in", "klacht indienen over…", "Klacht over het CIZ: …"
WANTS_KLACHT = re.compile(r"\b(wil|wilde|willen|ga|gaan|kan|hoe)\s+(\w+\s+){0,4}(klagen|klaag|een\s+klacht)\b|"
                          r"\bklacht\s+(\w+\s+){0,2}indienen|^\s*klacht\s+over\b|"
                          # English: "I want to file a complaint", "how do I complain", "Complaint about the CIZ: …"
                          r"\b(want|wanted|would\s+like|going|can|how|where)\s+(\w+\s+){0,4}(complain|a\s+complaint)\b|"
                          r"\b(file|lodge|make|submit)\s+a\s+complaint\b|^\s*complaint\s+about\b", re.IGNORECASE)
# "mijn klacht", "de klacht", "al een klacht lopen": one made before (English: "my complaint", "the complaint")
A_KLACHT_MADE = re.compile(r"\b(mijn|onze|de|die|al\s+een)\s+klacht|\b(my|our|the|that)\s+complaint", re.IGNORECASE)
# "het gaat me niet om het besluit", "met de beslissing heb ik geen moeite", "het besluit zelf is prima"
NOT_ABOUT_DECISION = re.compile(r"niet\s+om\s+(het|de)\s+(besluit|beslissing|beschikking)|"
                                r"(besluit|beslissing|beschikking)\s+(zelf\s+)?(heb|hebben)\s+(ik|we|wij)\s+geen\s+(moeite|probleem)|"
                                r"(besluit|beslissing|beschikking)\s+(zelf\s+)?(is\s+)?(prima|goed|terecht)\b|"
                                # English: "it's not about the decision", "the decision itself is fine"
                                r"not\s+about\s+the\s+decision|\bdecision\s+(itself\s+)?is\s+(fine|ok|okay|not\s+the\s+(problem|issue))\b|"
                                r"no\s+(problem|issue)\s+with\s+the\s+decision", re.IGNORECASE)
# "bij de ombudsman klagen": the next step after a klacht made before, not a new klacht
OMBUDSMAN = re.compile(r"ombuds", re.IGNORECASE)
DISAGREES_WITH_DECISION = re.compile(NOT_AGREED, re.IGNORECASE)
# what the classifier may read a plain new klacht as
READ_INSTEAD_OF_KLACHT = {"bezwaar", "al_geklaagd", "klacht_en_bezwaar", "geen_besluit", "beroep"}


def accepts_decision(text: str) -> bool:
    return bool(AGREES_WITH_DECISION.search(text) or NOT_ABOUT_DECISION.search(text))


def kind_of_case(text: str, intent: str) -> str:
    """The case intent the words tell, else the classifier's `intent`."""
    if intent == "klacht_en_bezwaar" and accepts_decision(text):
        return "klacht"
    if intent == "klacht" and STRONG_DECISION.search(text) and DISAGREES.search(text) \
            and (RUDE_WORDS.search(text) or CONDUCT_TOPIC.search(text)) and not accepts_decision(text) \
            and not (COMPLAINED.search(text) or A_KLACHT_MADE.search(text)):  # disputing how a klacht was handled
        return "klacht_en_bezwaar"
    if intent in READ_INSTEAD_OF_KLACHT and WANTS_KLACHT.search(text) and not (
            COMPLAINED.search(text) or A_KLACHT_MADE.search(text) or BEZWAAR_WORD.search(text)
            or OMBUDSMAN.search(text)
            or DISAGREES_WITH_DECISION.search(text) or DECISION_WORDS.search(text)):
        return "klacht"
    return intent

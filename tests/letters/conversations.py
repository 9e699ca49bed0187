"""Conversations over the real stack that lead to each sample letter ('today' is Monday 23 November 2026)."""
from __future__ import annotations

# Each letter type, from what a citizen types (tests/e2e has the same cases for the advice).
CONVERSATIONS = {
    "bezwaarschrift": ["ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
                       "daar ben ik het niet mee eens"],
    "klachtbrief": ["het wijkteam belt me nooit terug en ze zijn onbeleefd"],
    "ingebrekestelling": ["ik wacht al 4 maanden op een beslissing van het CIZ over mijn aanvraag"],
    "beroepschrift": ["mijn bezwaar tegen de gemeente is ongegrond verklaard, wat kan ik nog doen"],
    "machtiging": ["ik ben mantelzorger van mijn moeder",
                   "de gemeente heeft haar huishoudelijke hulp stopgezet, de brief is van 13 november"],
}


def converse(chat, letter: str):
    """A conversation over the public API that ends with the advice for `letter`'s case."""
    c = chat()
    for text in CONVERSATIONS[letter]:
        c.say(text)
    return c

"""Per-gemeente variants of a knowledge card (issue 14): a local section next to the shared text.

A card's body may end with sections headed `## Lokaal: <CBS code>`; each holds that gemeente's own
text (its wijkteam, its forms, its ombudsman) and replaces the shared text in that gemeente's
conversations. Everything before the first local section is the shared text. Example:

    U kunt hulp vragen bij het wijkteam van uw gemeente. …

    ## Lokaal: 9992
    In Proefstad vraagt u hulp bij het Sociaal Team Proefstad. Bel 14 0999. …

The card checker checks the local texts like the rest of the body (B1). The bot answers with the
shared text; the API gives a conversation of that gemeente the local text instead
(api/services/conversation_service.py), so every gemeente's answer comes from the same card, and
search finds the card by its local words too.
"""
from __future__ import annotations

import re

LOCAL_HEADING = re.compile(r"^##[ \t]+Lokaal:[ \t]*(\d{4})[ \t]*$", re.MULTILINE)


def split_body(body: str) -> tuple[str, dict[str, str]]:
    """(the shared text, {code: that gemeente's text}) of a card body."""
    matches = list(LOCAL_HEADING.finditer(body))
    if not matches:
        return body.strip(), {}
    local = {}
    for match, following in zip(matches, matches[1:] + [None]):
        text = body[match.end():following.start() if following else len(body)].strip()
        if text:
            local[match.group(1)] = text
    return body[:matches[0].start()].strip(), local


def text_for(body: str, code: str | None) -> str:
    """What a conversation of gemeente `code` reads: its local text when the card has one, else the shared text."""
    shared, local = split_body(body)
    return local.get(code or "", shared)

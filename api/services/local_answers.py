"""A card's answer in the conversation's gemeente: its local section or the shared text
(knowledge/local_variants.py, issue 14).

The bot answers a free question with the card's whole body; Rasa's REST channel sends a text as one
message per paragraph (it splits at blank lines), and the card's `sources` come with the last one.
So a card answer is the run of replies that ends with the reply naming the card and whose texts are
exactly the body's paragraphs. That run is replaced by the paragraphs of the text for the gemeente.
Replies that are not a card's whole body (advice, short answers) stay as they are.

An answer that sends the citizen to the gemeente's wijkteam (a Wmo melding) or its cliëntondersteuning
gets that gemeente's own contact from its settings file, as a line of its own (`with_contacts`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from api.services.rasa_client import BotReply
from knowledge.cards_model import Card
from knowledge.domain.gemeenten import Gemeente
from knowledge.local_variants import LOCAL_HEADING, text_for


def paragraphs(text: str) -> list[str]:
    """As Rasa's output channel sends a text: one message per paragraph."""
    return text.strip().split("\n\n")


def for_gemeente(replies: list[BotReply], code: str, card: Callable[[str], Card | None]) -> list[BotReply]:
    """`replies` with every card answer in the text for gemeente `code`; `card(id)` gives a card."""
    if not any(LOCAL_HEADING.search(reply.text) for reply in replies):
        return replies  # no card with local sections answered (the heading travels with the card's text)
    out: list[BotReply] = []
    for reply in replies:
        out.append(reply)
        found = card(reply.source_ids[0]) if reply.source_ids else None
        if found is None or not LOCAL_HEADING.search(found.body):
            continue
        whole = paragraphs(found.body)
        if [r.text for r in out[-len(whole):]] != whole:
            continue  # not the card's own text (e.g. advice that cites the card)
        del out[-len(whole):]
        local = paragraphs(text_for(found.body, code))
        out += [BotReply(text=part, buttons=[], source_ids=[]) for part in local[:-1]]
        out.append(replace(reply, text=local[-1]))
    return without_local_sections(out)


def without_local_sections(replies: list[BotReply]) -> list[BotReply]:
    """Replies that still hold a `## Lokaal:` heading (the bot's copy of a card differs from the API's)
    lose it and what follows, up to the card's last reply, whose sources and buttons stay."""
    out: list[BotReply] = []
    cutting = False
    for reply in replies:
        match = None if cutting else LOCAL_HEADING.search(reply.text)
        if not cutting and match is None:
            out.append(reply)
            continue
        ends_card = bool(reply.source_ids or reply.buttons)
        text = reply.text[:match.start()].strip() if match else ""
        if text:
            out.append(replace(reply, text=text) if ends_card else replace(reply, text=text, source_ids=[], buttons=[]))
        elif ends_card and out:
            out[-1] = replace(out[-1], source_ids=reply.source_ids, buttons=reply.buttons)
        cutting = not ends_card
    return out


# The cards an answer names when it sends the citizen to that desk of the gemeente (knowledge/domain/routing.py,
# ROUTE_CARDS "aanvraag_gemeente" and "clientondersteuning_gemeente").
DESK_CARDS = {"wmo-melding": "wijkteam", "clientondersteuning-wmo": "clientondersteuning"}


def with_contacts(replies: list[BotReply], gemeente: Gemeente) -> list[BotReply]:
    """After the reply that names a desk's card, the gemeente's contact for that desk (once per turn);
    before it when that reply ends the turn with buttons (the question stays last)."""
    out: list[BotReply] = []
    told: set[str] = set()
    for reply in replies:
        desks = [DESK_CARDS[c] for c in reply.source_ids if c in DESK_CARDS and DESK_CARDS[c] not in told]
        lines = [line for line in (gemeente.contact_line(desk) for desk in desks) if line]
        told.update(desks)
        extra = [BotReply(text=line, buttons=[], source_ids=[]) for line in lines]
        out += extra + [reply] if reply.buttons else [reply] + extra
    return out

"""A card's answer in the conversation's gemeente: its local section or the shared text
(knowledge/local_variants.py, issue 14).

The bot answers a free question with the card's whole body; Rasa's REST channel sends a text as one
message per paragraph (it splits at blank lines), and the card's `sources` come with the last one.
So a card answer is the run of replies that ends with the reply naming the card and whose texts are
exactly the body's paragraphs. That run is replaced by the paragraphs of the text for the gemeente.
Replies that are not a card's whole body (advice, short answers) stay as they are.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from api.services.rasa_client import BotReply
from knowledge.cards_model import Card
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
    return out

"""A card's answer in the conversation's language (issue 13): the card's `## English` section for an
English conversation (knowledge/card_languages.py).

The bot answers a free question with the card's Dutch text, one reply per paragraph, the last one
naming the card (api/services/local_answers.py explains the run). For a conversation whose locale is
`en`, that run is replaced by the paragraphs of the card's English text; the last one keeps the
card's sources and buttons. A card without an English section keeps its Dutch text, after one
plain sentence that says so (ONLY_DUTCH). Runs before `for_gemeente`, so a Dutch text still gets the
gemeente's local section; an English text has no local sections (the shared English text).
Replies that are not a card's whole text (advice, short answers) stay as they are.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from api.services.local_answers import paragraphs
from api.services.rasa_client import BotReply
from knowledge.card_languages import ONLY_DUTCH, english_text
from knowledge.cards_model import Card
from knowledge.local_variants import text_for

ENGLISH = "en"


def in_language(replies: list[BotReply], locale: str | None, card: Callable[[str], Card | None]) -> list[BotReply]:
    """`replies` with every card answer in the conversation's language; `card(id)` gives a card."""
    if (locale or "").lower() != ENGLISH:
        return replies
    out: list[BotReply] = []
    for reply in replies:
        out.append(reply)
        found = card(reply.source_ids[0]) if reply.source_ids else None
        if found is None:
            continue
        whole = paragraphs(found.body)
        if [r.text for r in out[-len(whole):]] != whole:
            continue  # not the card's own text (e.g. advice that cites the card)
        english = english_text(found)
        if english:
            del out[-len(whole):]
            parts = paragraphs(english)
            out += [BotReply(text=part, buttons=[], source_ids=[]) for part in parts[:-1]]
            out.append(replace(reply, text=parts[-1]))
        else:
            out.insert(len(out) - len(whole), BotReply(text=ONLY_DUTCH, buttons=[], source_ids=[]))
    return out


def staff_text(card: Card, code: str | None, locale: str | None) -> str:
    """What staff insert for a card: in an English conversation its English text (or the notice and
    the Dutch text), else the text for gemeente `code` (its local section or the shared text)."""
    dutch = text_for(card.body, code).strip()
    if (locale or "").lower() != ENGLISH:
        return dutch
    return english_text(card) or f"{ONLY_DUTCH}\n\n{dutch}"

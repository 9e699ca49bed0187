"""The English text of a knowledge card (issue 13): an optional `## English` section in the body.

A card's body is Dutch (B1). It may hold one section headed exactly `## English` with the same
answer in plain English: the same facts and the same sources, nothing added. An optional first line
`Title: …` gives the English title (used by search; the answer itself is the text after it). Example:

    U heeft 6 weken om bezwaar te maken. …

    ## Lokaal: 9992
    In Proefstad …

    ## English
    Title: How long do you have to object?
    You have 6 weeks to make an objection (bezwaar). …

Where it goes: at the end of the card, after any `## Lokaal:` sections (the layout the cards use).
It may also stand between the Dutch text and the local sections; then it ends at the first
`## Lokaal:` heading after it. Either way it is cut out when the card is read
(knowledge/cards_model.py): `Card.body` is the Dutch text exactly as without the section, so the
bot, the Dutch checker, local variants and the editors' Dutch view never see English. The section
itself is `Card.english`. Local variants in English are not supported: an English conversation
gets the shared English text.

Stdlib only (the Rasa environment imports cards_model too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.local_variants import LOCAL_HEADING

ENGLISH_HEADING = re.compile(r"^##[ \t]+English[ \t]*$", re.MULTILINE)
# Headings that look like an English section but are not one (the checker refuses them, so no
# English text is ever read as Dutch): "## english", "##English", "## Engels", "## English:".
NEAR_ENGLISH_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]*(?:english|engels)\b.*$", re.MULTILINE | re.IGNORECASE)
TITLE_LINE = re.compile(r"\A[ \t]*Title:[ \t]*(.*?)[ \t]*(?:\n|\Z)")
# What an English conversation reads before the Dutch text of a card without an English section.
ONLY_DUTCH = "This answer is only available in Dutch:"


@dataclass(frozen=True)
class Split:
    dutch: str         # the body without the English section (as if it had never been there)
    english: str       # the section's text under its heading ("" when the card has none)
    start: int = -1    # offset of the section's heading in the body (-1: none)
    end: int = -1      # offset where the section ends in the body
    text_start: int = -1  # offset of the section's text in the body


def split_english(body: str) -> Split:
    """The Dutch text and the English section of a card body."""
    match = ENGLISH_HEADING.search(body)
    if not match:
        return Split(body, "")
    local = LOCAL_HEADING.search(body, match.end())
    end = local.start() if local else len(body)
    before, after = body[:match.start()].rstrip(), body[end:].strip()
    dutch = f"{before}\n\n{after}" if before and after else before or after
    raw = body[match.end():end]
    text_start = match.end() + len(raw) - len(raw.lstrip())
    return Split(dutch, raw.strip(), match.start(), end, text_start)


def english_parts(section: str) -> tuple[str, str]:
    """(English title or "", English answer text) of an English section."""
    match = TITLE_LINE.match(section)
    if not match:
        return "", section.strip()
    return match.group(1).strip(), section[match.end():].strip()


def english_title(card) -> str:
    return english_parts(getattr(card, "english", "") or "")[0]


def english_text(card) -> str:
    """The English answer of a card ("" when it has none)."""
    return english_parts(getattr(card, "english", "") or "")[1]


def near_english_headings(body: str) -> list[re.Match]:
    """Headings in a (Dutch) body that look like `## English` but are not exactly that."""
    return [m for m in NEAR_ENGLISH_HEADING.finditer(body) if not ENGLISH_HEADING.fullmatch(m.group().strip())]

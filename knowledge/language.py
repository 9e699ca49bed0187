"""Is a text language at all? Keyboard mashing gets "not understood", never a card.

Used where a free question is looked up (the action server, bot/actions/knowledge_answer.py) and
where an unanswered question is kept for the editors (api/services/gaps.py)."""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from knowledge.checker.glossary import load_glossary

WORD = re.compile(r"[^\W\d_]+")
KNOWN_WORD_ZIPF = 2.5  # wordfreq: a word seen at least ~3 times per million words
MIN_KNOWN_SHARE = 0.5


def looks_like_language(text: str) -> bool:
    """At least half the words are common Dutch or English words, or glossary words."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return False
    glossary = load_glossary().words
    known = sum(
        1 for w in words
        if w in glossary or max(zipf_frequency(w, "nl"), zipf_frequency(w, "en")) >= KNOWN_WORD_ZIPF
    )
    return known / len(words) >= MIN_KNOWN_SHARE

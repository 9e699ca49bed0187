"""Is a message language at all? Keyboard mashing gets "not understood", never a card."""
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


def is_gibberish(text: str) -> bool:
    """Words but no language ("fjdksl", "vlorp grimbel"), or no words at all ("???", only emoji);
    digits or an e-mail address are data, not gibberish."""
    if re.search(r"[\d@]", text):
        return False
    if not WORD.search(text):
        return True
    return not looks_like_language(text)

"""Keyboard mashing gets "not understood": the API sends it to the bot as such."""
from __future__ import annotations

import re

from knowledge.language import WORD, looks_like_language


def is_gibberish(text: str) -> bool:
    """Words but no language ("fjdksl", "vlorp grimbel"), or no words at all ("???", only emoji);
    digits or an e-mail address are data, not gibberish."""
    if re.search(r"[\d@]", text):
        return False
    if not WORD.search(text):
        return True
    return not looks_like_language(text)

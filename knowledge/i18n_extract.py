"""Babel extractor for the texts of a Rasa domain file: each response's text and button titles.

Named in babel.cfg, so ``pybabel extract`` (``make translations``) finds the bot's responses next to
the ``_()`` texts in Python. Button payloads are not extracted: they are what the bot reads back.
"""
from __future__ import annotations

from typing import Any, Iterator

import yaml


def response_texts(domain: dict[str, Any]) -> Iterator[str]:
    """The translatable texts of a domain: response texts and button titles, in file order."""
    for variations in (domain.get("responses") or {}).values():
        for variation in variations or []:
            if variation.get("text"):
                yield variation["text"]
            for button in variation.get("buttons") or []:
                if button.get("title"):
                    yield button["title"]


def extract_rasa_responses(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor interface: (line number, function name, message, comments)."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    lines = source.splitlines()
    for text in response_texts(yaml.safe_load(source) or {}):
        lineno = next((i + 1 for i, line in enumerate(lines) if text[:40] in line), 0)
        yield lineno, "_", text, []

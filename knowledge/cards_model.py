"""Knowledge cards: the one place that reads card files.

A card is `knowledge/cards/<id>.md`: YAML front matter between two `---` lines,
then a Markdown body in B1 Dutch (format: docs/contracts.md, "Knowledge cards").
An optional `## English` section is cut out of the body into `Card.english`
(knowledge/card_languages.py), so `Card.body` is always the Dutch text.

This module only parses. It is lenient on purpose: a field with the wrong type
becomes an empty value, and the raw front matter stays available in `Card.meta`
so the checker (`python -m knowledge.checker`) can say exactly what is wrong.
Retrieval and the API may rely on cards that passed the checker.

Dependencies: PyYAML only (this module is also importable from the Rasa
environment).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.card_languages import split_english

CARDS_DIR = Path(__file__).resolve().parent / "cards"

# `---` on the first line, the YAML, then `---` on a line of its own.
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class CardFormatError(ValueError):
    """The file is not a card: no front matter, invalid YAML, or not a mapping."""


@dataclass
class Card:
    id: str
    title: str
    summary: str
    questions: list[str]
    tags: dict[str, list[str]]
    sources: list[dict[str, Any]]
    audience: str
    reviewed: dt.date | None
    review_by: dt.date | None
    body: str
    path: Path | None = None
    # Raw front matter as YAML parsed it (for the checker's type checks).
    meta: dict[str, Any] = field(default_factory=dict, repr=False)
    # 1-based line number in the file where `body` starts (for editor messages).
    body_line: int = 1
    # The `## English` section's text, its first line in the file (0: none), and where it was cut
    # out of the body when Dutch text follows it: (offset in `body`, lines removed).
    english: str = ""
    english_line: int = 0
    english_cut: tuple[int, int] | None = field(default=None, repr=False)

    def body_line_of(self, offset: int) -> int:
        """File line number of a character offset in `body`."""
        line = self.body_line + self.body[:offset].count("\n")
        if self.english_cut and offset >= self.english_cut[0]:
            line += self.english_cut[1]
        return line

    def english_line_of(self, offset: int) -> int:
        """File line number of a character offset in `english`."""
        return self.english_line + self.english[:offset].count("\n")


def parse_card(text: str, path: Path | str | None = None) -> Card:
    """Parse the text of a card file."""
    path = Path(path) if path is not None else None
    where = str(path) if path else "card"
    match = FRONT_MATTER.match(text)
    if not match:
        raise CardFormatError(f"{where}: no front matter (the file must start with a '---' line "
                              "and the YAML must end with a second '---' line)")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise CardFormatError(f"{where}: the front matter is not valid YAML: {exc}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise CardFormatError(f"{where}: the front matter must be a YAML mapping (key: value lines)")

    raw_body = text[match.end():]
    body_line = text[:match.end()].count("\n") + 1
    # Skip blank lines between the front matter and the body, keep offsets simple.
    stripped = raw_body.lstrip("\r\n")
    body_line += raw_body[: len(raw_body) - len(stripped)].count("\n")
    body = stripped.rstrip()
    split = split_english(body)
    english_line = body_line + body[:split.text_start].count("\n") if split.start >= 0 else 0
    cut = None
    after = body[split.end:].strip() if split.start >= 0 else ""
    if after:  # local sections follow the English one: keep their editor line numbers right
        in_dutch, in_body = len(split.dutch) - len(after), body.index(after, split.end)
        cut = (in_dutch, body[:in_body].count("\n") - split.dutch[:in_dutch].count("\n"))

    card_id = meta.get("id")
    return Card(
        id=str(card_id).strip() if card_id is not None else (path.stem if path else ""),
        title=_text(meta.get("title")),
        summary=_text(meta.get("summary")),
        questions=_text_list(meta.get("questions")),
        tags=_tags(meta.get("tags")),
        sources=[s for s in _as_list(meta.get("sources")) if isinstance(s, dict)],
        audience=_text(meta.get("audience")),
        reviewed=as_date(meta.get("reviewed")),
        review_by=as_date(meta.get("review_by")),
        body=split.dutch,
        path=path,
        meta=meta,
        body_line=body_line,
        english=split.english,
        english_line=english_line,
        english_cut=cut,
    )


def load_card(path: Path | str) -> Card:
    """Read and parse one card file (UTF-8)."""
    path = Path(path)
    return parse_card(path.read_text(encoding="utf-8"), path)


def card_paths(cards_dir: Path | str = CARDS_DIR) -> list[Path]:
    """The card files in a directory, sorted by name.

    Every `*.md` file is a card, except README.md and files starting with `_`
    (drafts, templates).
    """
    cards_dir = Path(cards_dir)
    return sorted(p for p in cards_dir.glob("*.md")
                  if p.is_file() and not p.name.startswith("_") and p.name.lower() != "readme.md")


def load_cards(cards_dir: Path | str = CARDS_DIR) -> list[Card]:
    """Load every card in a directory; raises CardFormatError on the first broken file."""
    return [load_card(p) for p in card_paths(cards_dir)]


def as_date(value: Any) -> dt.date | None:
    """A YAML date, datetime or ISO string as a date; None if it is none of these."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text_list(value: Any) -> list[str]:
    return [str(v).strip() for v in _as_list(value)
            if isinstance(v, (str, int, float)) and str(v).strip()]


def _tags(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    return {str(key): _text_list(items) for key, items in value.items()}

"""The card text format for the editors: form fields <-> card file text, and writing a card file.

Reading a card is knowledge/cards_model.py (parse_card); this module builds the text of a card file
from the editor's form fields in the layout of docs/contracts.md, and back. Writing is atomic
(temp file + os.replace), so the card loader never sees half a file.

The form's `body` is the Dutch text only; a card's `## English` section (knowledge/card_languages.py)
is the field `english`. A form without that field keeps the English section the card had.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from knowledge.cards_model import FRONT_MATTER, Card, CardFormatError, parse_card

TAG_KEYS = ("organisation", "law", "route")


def _scalar(value: Any) -> str:
    """One YAML scalar on one line, quoted only when YAML needs it."""
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    dumped = yaml.safe_dump(str(value), allow_unicode=True, width=10**6, default_flow_style=True).strip()
    if dumped.endswith("\n..."):
        dumped = dumped[:-4].rstrip()
    return dumped


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _items(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", value or "") if part.strip()]


def parse_sources(value: str) -> list[dict[str, Any]]:
    """One source per line: `url: …`, `law: …` or `seed: <file> lines 120-135`."""
    sources: list[dict[str, Any]] = []
    for line in _lines(value):
        line = line.lstrip("- ").strip()
        key, _, rest = line.partition(":")
        key, rest = key.strip().lower(), rest.strip()
        if key == "wet":
            key = "law"
        if key == "seed":
            m = re.match(r"(\S+)(?:\s+(?:lines|regels|regel)\s*:?\s*(\S+))?$", rest)
            if m:
                source: dict[str, Any] = {"seed": m.group(1)}
                if m.group(2):
                    source["lines"] = m.group(2)
                sources.append(source)
                continue
        if key in ("url", "law", "seed") and rest:
            sources.append({key: rest})
        else:
            sources.append({"onbekend": line})  # the checker says what is wrong
    return sources


def format_sources(sources: list[dict[str, Any]]) -> str:
    lines = []
    for s in sources:
        if "seed" in s:
            lines.append(f"seed: {s['seed']}" + (f" lines {s['lines']}" if s.get("lines") else ""))
        else:
            lines.extend(f"{k}: {v}" for k, v in s.items())
    return "\n".join(lines)


def card_to_fields(card: Card) -> dict[str, str]:
    meta = card.meta
    return {
        "id": card.id, "title": card.title, "summary": card.summary,
        "questions": "\n".join(card.questions),
        **{f"tags_{k}": ", ".join(card.tags.get(k, [])) for k in TAG_KEYS},
        "sources": format_sources(card.sources),
        "audience": card.audience or "both",
        "reviewed": str(meta.get("reviewed") or ""), "review_by": str(meta.get("review_by") or ""),
        "body": card.body, "english": card.english,
    }


def empty_fields(card_id: str = "", question: str = "", today: dt.date | None = None) -> dict[str, str]:
    today = today or dt.date.today()
    return {"id": card_id, "title": question[:1].upper() + question[1:] if question else "", "summary": "",
            "questions": question, "tags_organisation": "", "tags_law": "", "tags_route": "", "sources": "",
            "audience": "both", "reviewed": today.isoformat(),
            "review_by": today.replace(year=today.year + 1).isoformat() if not (today.month == 2 and today.day == 29)
            else (today + dt.timedelta(days=365)).isoformat(), "body": ""}


def fields_to_text(fields: dict[str, Any]) -> str:
    """The card file for the form fields, in the layout of docs/contracts.md."""
    get = lambda name: str(fields.get(name) or "").strip()  # noqa: E731
    out = ["---"]
    out.append(f"id: {_scalar(get('id'))}" if get("id") else "id:")
    for name in ("title", "summary"):
        out.append(f"{name}: {_scalar(get(name))}" if get(name) else f"{name}:")
    questions = _lines(get("questions"))
    out.append("questions:" if questions else "questions: []")
    out.extend(f"  - {_scalar(q.lstrip('- ').strip())}" for q in questions)
    out.append("tags:")
    for key in TAG_KEYS:
        out.append(f"  {key}: [{', '.join(_scalar(v) for v in _items(get('tags_' + key)))}]")
    sources = parse_sources(get("sources"))
    out.append("sources:" if sources else "sources: []")
    for s in sources:
        first = True
        for key, value in s.items():
            out.append(f"  {'- ' if first else '  '}{key}: {_scalar(value)}")
            first = False
    out.append(f"audience: {_scalar(get('audience'))}" if get("audience") else "audience:")
    for name in ("reviewed", "review_by"):
        out.append(f"{name}: {get(name)}" if get(name) else f"{name}:")
    out.append("---")
    body = str(fields.get("body") or "").replace("\r\n", "\n").strip()
    english = str(fields.get("english") or "").replace("\r\n", "\n").strip()
    if english:
        body += f"\n\n## English\n{english}"
    return "\n".join(out) + "\n" + body + "\n"


def compose(fields: dict[str, Any], old_text: str | None) -> str:
    """The card text for the form; keeps the old front matter as written when only the body changed
    (so the history shows the real change, not a different YAML quoting). A form without an
    `english` field keeps the card's English section."""
    old = None
    if old_text:
        try:
            old = parse_card(old_text)
        except CardFormatError:
            pass
    if old is not None and old.english and "english" not in fields:
        fields = {**fields, "english": old.english}
    text = fields_to_text(fields)
    if old is not None:
        try:
            new = parse_card(text)
        except CardFormatError:
            return text
        if _same_meta(old.meta, new.meta):
            match = FRONT_MATTER.match(old_text)
            if match:
                return match.group(0).rstrip("\r\n") + "\n" + text[FRONT_MATTER.match(text).end():].strip() + "\n"
    return text


def _same_meta(a: dict, b: dict) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): norm(v) for k, v in value.items()}
        if isinstance(value, list):
            return [norm(v) for v in value]
        return "" if value is None else str(value)

    return norm(a) == norm(b)


def sha(text: str) -> str:
    """The SHA-256 of a card text: tells whether the file changed since the editor opened it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_atomic(path: Path, text: str) -> None:
    """Write a file so readers see the old or the new text, never half of it.

    The temp file starts with a dot and ends in .tmp, so the card loader never reads it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, 0o644)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

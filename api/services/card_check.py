"""The card checker for the editors: every problem of a card text, in the form's words and order.

Runs the checker (knowledge/checker) on one card text, adds the checks across cards (a question or
id shared with another card in the folder) and the marks for the live feedback in the body.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from knowledge.cards_model import CardFormatError, card_paths, load_card, parse_card
from knowledge.checker import check_card
from knowledge.checker.glossary import load_glossary
from knowledge.checker.problems import ERROR, INFO, Problem, error
from knowledge.checker.readability import check_text
from knowledge.checker.schema import check_across_cards
from knowledge.local_variants import LOCAL_HEADING

FIELD_ORDER = ("id", "title", "summary", "questions", "tags", "sources", "audience", "reviewed", "review_by")
FIELD_LABELS = {
    "id": "Kenmerk (id)", "title": "Titel", "summary": "Samenvatting", "questions": "Vragen",
    "tags": "Labels", "sources": "Bronnen", "audience": "Voor wie", "reviewed": "Gecontroleerd op",
    "review_by": "Opnieuw controleren voor", "body": "Tekst", "file": "Bestand",
}
MARKED = ("rare-word", "sentence-too-long", "informal-address")  # highlighted in the body


def check_card_text(text: str, cards_dir: Path, today: dt.date, expect_id: str | None = None,
                    seeds_dir: Path | None = None, gemeenten: set[str] | None = None) -> dict[str, Any]:
    """All checker problems for a card text; body offsets refer to the card's body. `gemeenten`: the
    installation's CBS codes, for the local sections (`## Lokaal: <code>`, knowledge/local_variants.py)."""
    try:
        card = parse_card(text, Path(f"{expect_id or 'kaart'}.md"))
    except CardFormatError as exc:
        problem = {"severity": ERROR, "code": "unreadable", "field": "file",
                   "message": f"De kaart is niet te lezen: {exc}"}
        return {"ok": False, "problems": [problem], "marks": [], "body": "", "measures": None}
    if not card.path or card.path.stem != card.id:
        card.path = Path(f"{card.id or 'kaart'}.md")
    report = check_card(card, today=today, seeds_dir=seeds_dir)
    problems = list(report.problems)
    if expect_id and card.id and card.id != expect_id:
        problems.append(error("id-changed", f"het kenmerk (id) moet '{expect_id}' blijven; maak "
                              "voor een ander kenmerk een nieuwe kaart", field="id"))
    # questions shared with other cards, a duplicate id: the checks across cards
    others = []
    for path in card_paths(cards_dir):
        if path.stem == card.id:
            continue
        try:
            others.append(load_card(path))
        except (CardFormatError, UnicodeDecodeError):
            continue
    problems += check_across_cards(others + [card]).get(card.path, [])
    problems += _unknown_local_sections(card.body, gemeenten)
    marks = []
    if card.body.strip():
        glossary = load_glossary().words
        for p in check_text(card.body, glossary):
            if p.start is not None and p.code in MARKED:
                marks.append({"kind": p.code, "start": p.start, "end": p.end, "message": p.message})
    shown = [_problem_dict(p) for p in problems if p.severity != INFO]
    shown.sort(key=lambda p: (p["severity"] != ERROR, FIELD_ORDER.index(p["field"])
                              if p["field"] in FIELD_ORDER else 99))
    measures = report.measures.to_dict() if report.measures else None
    return {"ok": not any(p["severity"] == ERROR for p in shown), "card_id": card.id, "problems": shown,
            "marks": marks, "body": card.body, "title": card.title, "measures": measures,
            "summary": report.measures.summary_line() if report.measures else ""}


LOKAAL_LINE = re.compile(r"^##.*lokaal.*$", re.IGNORECASE | re.MULTILINE)


def _unknown_local_sections(body: str, gemeenten: set[str] | None) -> list[Problem]:
    """A local section for a gemeente this installation does not have is read by nobody; a heading
    that is almost `## Lokaal: <code>` is no local section, so every gemeente would read it."""
    problems = [error("local-heading", f"'{m.group(0).strip()}' is geen goede kop voor een gemeente. Zo leest "
                      "iedere gemeente deze tekst. Schrijf de kop zo: '## Lokaal: 1234'. Dus met een hoofdletter "
                      "L, een dubbele punt en de code van 4 cijfers.", start=m.start(), end=m.end())
                for m in LOKAAL_LINE.finditer(body) if not LOCAL_HEADING.match(m.group(0))]
    if gemeenten is None:
        return problems
    return problems + [error("unknown-gemeente", f"'## Lokaal: {m.group(1)}': geen gemeente met code {m.group(1)}. "
                             f"Kies een van deze codes: {', '.join(sorted(gemeenten))}", start=m.start(), end=m.end())
                       for m in LOCAL_HEADING.finditer(body) if m.group(1) not in gemeenten]


def _problem_dict(p: Problem) -> dict[str, Any]:
    d = p.to_dict()
    name = d.get("field", "")
    source = re.fullmatch(r"sources\[(\d+)\]", name)  # the checker's "sources[2]": the second source line
    d["label"] = f"{FIELD_LABELS['sources']} (bron {source.group(1)})" if source else FIELD_LABELS.get(name, name)
    message = d["message"]
    d["message"] = message[:1].upper() + message[1:] if message else message
    return d

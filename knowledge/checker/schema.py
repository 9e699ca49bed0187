"""Front matter rules: required fields, types, id, allowed tag values, questions."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from knowledge.cards_model import Card, as_date

from . import thresholds as T
from .problems import Problem, error, warning
from .sentences import split_sentences
from .vocabulary import AUDIENCES, ORGANISATIONS, ROUTES, TAG_KEYS, is_known_law_tag

REQUIRED_FIELDS = ("id", "title", "summary", "questions", "tags", "sources", "audience",
                   "reviewed", "review_by")
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ALLOWED_TAGS = {"organisation": ORGANISATIONS, "route": ROUTES}


def check_schema(card: Card) -> list[Problem]:
    meta = card.meta
    problems: list[Problem] = []
    for name in REQUIRED_FIELDS:
        if name not in meta or meta[name] is None or meta[name] == "":
            problems.append(error("missing-field", f"veld '{name}' ontbreekt of is leeg", field=name))
    for name in meta:
        if name not in REQUIRED_FIELDS:
            problems.append(warning(
                "unknown-field", f"onbekend veld '{name}' (bedoelt u een van: {', '.join(REQUIRED_FIELDS)}?)",
                field=str(name)))

    problems += _check_id(card)
    for name in ("title", "summary"):
        if meta.get(name) not in (None, "") and not isinstance(meta.get(name), str):
            problems.append(error("wrong-type", f"'{name}' moet tekst zijn", field=name))
    problems += _check_summary(card)
    problems += _check_questions(meta.get("questions"))
    problems += _check_tags(meta.get("tags"))
    if "sources" in meta and meta["sources"] is not None and not isinstance(meta["sources"], list):
        problems.append(error("wrong-type", "'sources' moet een lijst zijn (regels die beginnen met '- ')",
                              field="sources"))
    audience = meta.get("audience")
    if audience not in (None, "") and audience not in AUDIENCES:
        problems.append(error("bad-value", f"audience '{audience}' is niet toegestaan; kies uit: "
                              f"{', '.join(AUDIENCES)}", field="audience"))
    for name in ("reviewed", "review_by"):
        value = meta.get(name)
        if value not in (None, "") and as_date(value) is None:
            problems.append(error("bad-date", f"'{name}' moet een datum zijn als 2026-11-23, niet '{value}'",
                                  field=name))
    if not card.body.strip():
        problems.append(error("empty-body", "de kaart heeft geen tekst onder de front matter", field="body"))
    return problems


def _check_id(card: Card) -> list[Problem]:
    value = card.meta.get("id")
    if value in (None, ""):
        return []
    text = str(value)
    problems = []
    if not ID_RE.fullmatch(text):
        problems.append(error("bad-id", f"id '{text}' mag alleen kleine letters a-z, cijfers en streepjes "
                              "bevatten (niet aan het begin of eind)", field="id"))
    if card.path is not None and text != card.path.stem:
        problems.append(error("id-file-mismatch", f"id '{text}' is niet gelijk aan de bestandsnaam "
                              f"'{card.path.name}'; hernoem het bestand naar '{text}.md' of pas de id aan",
                              field="id"))
    return problems


def _check_summary(card: Card) -> list[Problem]:
    summary = card.meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        return []
    sentences = split_sentences(summary)
    problems = []
    if len(sentences) != 1:
        problems.append(error("summary-sentences", f"'summary' moet één zin zijn, het zijn er "
                              f"{len(sentences)}: '{summary.strip()}'", field="summary"))
    words = sum(s.word_count for s in sentences)
    if words > T.MAX_SUMMARY_WORDS:
        problems.append(warning("summary-too-long", f"de samenvatting heeft {words} woorden (B1: max "
                                f"{T.MAX_SUMMARY_WORDS}); houd alleen de kern over: '{summary.strip()}'",
                                field="summary"))
    return problems


def _check_questions(questions) -> list[Problem]:
    if questions in (None, ""):
        return []
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        return [error("wrong-type", "'questions' moet een lijst met vragen zijn (elke vraag op een regel "
                      "die begint met '- ')", field="questions")]
    problems = []
    if len(questions) < T.MIN_QUESTIONS:
        problems.append(error("too-few-questions", f"er staan {len(questions)} vragen in 'questions'; "
                              f"schrijf er minstens {T.MIN_QUESTIONS}, zoals een burger ze stelt",
                              field="questions"))
    seen: set[str] = set()
    for q in questions:
        key = _question_key(q)
        if key in seen:
            problems.append(warning("duplicate-question", f"de vraag '{q}' staat er twee keer in",
                                    field="questions"))
        seen.add(key)
    return problems


def _check_tags(tags) -> list[Problem]:
    if tags in (None, ""):
        return []
    if not isinstance(tags, dict):
        return [error("wrong-type", "'tags' moet de velden organisation, law en route hebben", field="tags")]
    problems = []
    for key in TAG_KEYS:
        if key not in tags:
            problems.append(error("missing-field", f"tags.{key} ontbreekt (gebruik [] als er geen waarde is)",
                                  field=f"tags.{key}"))
    for key, values in tags.items():
        where = f"tags.{key}"
        if key not in TAG_KEYS:
            problems.append(warning("unknown-field", f"onbekende tag '{key}'; gebruik {', '.join(TAG_KEYS)}",
                                    field=where))
            continue
        if values is None:
            values = []
        if not isinstance(values, list):
            problems.append(error("wrong-type", f"{where} moet een lijst zijn, bijvoorbeeld [{values}]",
                                  field=where))
            continue
        for value in values:
            if key == "law":
                if not isinstance(value, str) or not is_known_law_tag(value):
                    problems.append(error("bad-value", f"{where}: '{value}' is geen bekende wet; gebruik een "
                                          f"afkorting als Awb, Wmo, Wlz, Jeugdwet, Zvw, Wkkgz, Atw (lijst: "
                                          f"knowledge/checker/vocabulary.py)", field=where))
            elif value not in ALLOWED_TAGS[key]:
                problems.append(error("bad-value", f"{where}: '{value}' is niet toegestaan; kies uit: "
                                      f"{', '.join(ALLOWED_TAGS[key])}", field=where))
    return problems


def _question_key(question: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", question.lower()).split())


def check_across_cards(cards: list[Card]) -> dict[Path | None, list[Problem]]:
    """Problems that involve more than one card: duplicate ids, the same question twice."""
    problems: dict[Path | None, list[Problem]] = defaultdict(list)
    by_id: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        if card.meta.get("id") not in (None, ""):
            by_id[str(card.meta["id"])].append(card)
    for card_id, same in by_id.items():
        if len(same) > 1:
            for card in same:
                others = ", ".join(c.path.name if c.path else "?" for c in same if c is not card)
                problems[card.path].append(error("duplicate-id", f"id '{card_id}' komt ook voor in {others}; "
                                                 "elke kaart heeft een eigen id", field="id"))
    by_question: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        for q in {_question_key(q) for q in card.questions}:
            by_question[q].append(card)
    for q, same in by_question.items():
        if len(same) > 1:
            for card in same:
                others = ", ".join(c.path.name if c.path else "?" for c in same if c is not card)
                problems[card.path].append(warning(
                    "shared-question", f"de vraag '{q}' staat ook in {others}; de zoekfunctie kan dan "
                    "niet kiezen", field="questions"))
    return problems

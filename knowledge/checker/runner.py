"""Run every check over a folder of cards."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.cards_model import CARDS_DIR, Card, CardFormatError, card_paths, load_card

from .english import EnglishMeasures, check_english
from .glossary import GLOSSARY_DIR, load_glossary
from .problems import ERROR, INFO, WARNING, Problem, error, warning
from .readability import Measures, analyse, problems_for
from .review import check_review, today_default
from .schema import check_across_cards, check_schema
from .sources import SOURCES_DIR, check_sources, default_seeds_dir, unstored_citations


@dataclass
class CardReport:
    path: Path
    card_id: str | None
    problems: list[Problem] = field(default_factory=list)
    measures: Measures | None = None
    english_measures: EnglishMeasures | None = None  # the `## English` section, when the card has one

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class CheckResult:
    cards: list[CardReport]
    glossary_problems: list[Problem]
    cards_dir: Path
    seeds_dir: Path
    today: dt.date
    sources_dir: Path = SOURCES_DIR  # the source library (knowledge/sources)
    # Seed citations that resolve only in the full seed files (warnings for developers: the
    # library misses them, so an installation without the seeds would refuse these cards).
    library_notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.cards)

    def report_for(self, card_id: str) -> CardReport:
        return next(r for r in self.cards if r.card_id == card_id or r.path.stem == card_id)


def check_card(card: Card, *, seeds_dir: Path | str | None = None, today: dt.date | None = None,
               glossary: frozenset[str] | None = None, sources_dir: Path | str | None = None) -> CardReport:
    """All single-card checks (schema, sources, review, B1) for one parsed card."""
    today = today or today_default()
    problems = check_schema(card) + check_sources(card, seeds_dir, sources_dir) + check_review(card, today)
    measures = None
    if card.body.strip():
        analysis = analyse(card.body, glossary)
        measures = analysis.measures
        for p in problems_for(analysis, card.body):
            if p.severity != INFO:
                line = card.body_line_of(p.start) if p.start is not None else None
                problems.append(replace(p, line=line))
    english, english_measures = check_english(card)
    return CardReport(card.path or Path(f"{card.id}.md"), card.id or None, problems + english, measures,
                      english_measures)


def check_cards(cards_dir: Path | str = CARDS_DIR, *, seeds_dir: Path | str | None = None,
                today: dt.date | None = None, glossary_dir: Path | str = GLOSSARY_DIR,
                sources_dir: Path | str | None = None) -> CheckResult:
    cards_dir = Path(cards_dir)
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    sources_dir = Path(sources_dir) if sources_dir is not None else SOURCES_DIR
    today = today or today_default()
    glossary = load_glossary(glossary_dir)
    reports: list[CardReport] = []
    cards: list[Card] = []
    for path in card_paths(cards_dir):
        try:
            card = load_card(path)
        except (CardFormatError, UnicodeDecodeError) as exc:
            reports.append(CardReport(path, None, [error("unreadable", str(exc), field="file")]))
            continue
        cards.append(card)
        reports.append(check_card(card, seeds_dir=seeds_dir, today=today, glossary=glossary.words,
                                  sources_dir=sources_dir))
    shared = check_across_cards(cards)
    for report in reports:
        report.problems.extend(shared.get(report.path, []))
    notes = [warning("lines-not-stored", f"{card.path.name if card.path else card.id}: {cited} staat nog niet in "
                     "de bronnenmap (knowledge/sources); zonder de seeds faalt deze kaart. Voeg het fragment toe "
                     "met `python -m knowledge.sources extract`", field="sources")
             for card in cards for cited in unstored_citations(card, seeds_dir, sources_dir)]
    return CheckResult(reports, list(glossary.problems), cards_dir, seeds_dir, today, sources_dir, notes)

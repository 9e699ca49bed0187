"""The editors' card list: every card file and every draft-only card, with its status."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from api.core.db import Database
from api.models import CardDraft
from knowledge.cards_model import CardFormatError, card_paths, parse_card
from knowledge.checker.review import review_state


@dataclass
class CardRow:
    id: str
    title: str
    summary: str
    review_by: dt.date | None
    has_draft: bool
    review: str  # "" | "soon" | "overdue"
    broken: str = ""
    text: str = field(default="", repr=False)

    @property
    def status_labels(self) -> list[tuple[str, str]]:
        labels = [("published", "Gepubliceerd")] if not self.broken else [("broken", "Bestand kapot")]
        if self.has_draft:
            labels.append(("draft", "Concept"))
        if self.review == "overdue":
            labels.append(("overdue", "Controle te laat"))
        elif self.review == "soon":
            labels.append(("soon", "Controle binnenkort"))
        return labels


def list_cards(db: Database, cards_dir: Path, today: dt.date, query: str = "", status: str = "") -> list[CardRow]:
    """The cards whose id, title or text has every word of `query`; status "draft" or "review" filters."""
    with db.session() as session:
        drafts = set(session.scalars(select(CardDraft.card_id)))
    rows: list[CardRow] = []
    for path in card_paths(cards_dir):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            card = parse_card(text, path)
            rows.append(CardRow(card.id or path.stem, card.title or path.stem, card.summary, card.review_by,
                                card.id in drafts, review_state(card.review_by, today), text=text))
        except CardFormatError as exc:
            rows.append(CardRow(path.stem, path.stem, "", None, path.stem in drafts, "", str(exc), text))
    known = {r.id for r in rows}
    for card_id in sorted(drafts - known):  # new cards that only exist as a draft
        rows.append(CardRow(card_id, card_id, "", None, True, "", text=""))
    words = [w for w in query.lower().split() if w]
    if words:
        rows = [r for r in rows if all(w in f"{r.id}\n{r.title}\n{r.text}".lower() for w in words)]
    if status == "draft":
        rows = [r for r in rows if r.has_draft]
    elif status == "review":
        rows = [r for r in rows if r.review]
    return rows

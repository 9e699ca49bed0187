"""Review dates: a card is checked again before `review_by`.

One limit for all: thresholds.REVIEW_WARNING_DAYS, for the checker's warning, the editors' card
list and `python -m api.cli review-due`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from knowledge.cards_model import Card, CardFormatError, card_paths, load_card

from . import thresholds as T
from .problems import Problem, error, warning


def today_default() -> dt.date:
    """The date in Europe/Amsterdam (callers with a fixed clock, such as the API, pass `today`)."""
    try:
        from zoneinfo import ZoneInfo
        return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except Exception:  # no time zone data: the local date is close enough
        return dt.date.today()


def check_review(card: Card, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    reviewed, review_by = card.reviewed, card.review_by
    if reviewed and reviewed > today:
        problems.append(error("reviewed-in-future", f"reviewed {reviewed} ligt in de toekomst "
                              f"(vandaag is {today})", field="reviewed"))
    if reviewed and review_by and review_by <= reviewed:
        problems.append(error("review-order", f"review_by {review_by} moet na reviewed {reviewed} liggen",
                              field="review_by"))
    if review_by:
        days = (review_by - today).days
        if days < 0:
            problems.append(error("review-overdue", f"review overdue: review_by was {review_by} "
                                  f"({-days} dagen geleden); controleer de kaart en zet reviewed en "
                                  "review_by opnieuw", field="review_by"))
        elif days <= T.REVIEW_WARNING_DAYS:
            problems.append(warning("review-soon", f"review_by is {review_by}, over {days} dagen; "
                                    "plan de controle van deze kaart", field="review_by"))
    return problems


def review_state(review_by: dt.date | None, today: dt.date) -> str:
    """"overdue" (review_by has passed), "soon" (within REVIEW_WARNING_DAYS) or ""."""
    if review_by is None:
        return ""
    if review_by < today:
        return "overdue"
    if (review_by - today).days <= T.REVIEW_WARNING_DAYS:
        return "soon"
    return ""


def review_due(cards_dir: Path, today: dt.date) -> list[tuple[str, dt.date | None, str]]:
    """Cards past or within REVIEW_WARNING_DAYS of review_by (and unreadable ones): (id, review_by, state)."""
    due = []
    for path in card_paths(cards_dir):
        try:
            card = load_card(path)
        except (CardFormatError, UnicodeDecodeError):
            due.append((path.stem, None, "broken"))
            continue
        state = review_state(card.review_by, today) if card.review_by else "overdue"
        if state:
            due.append((card.id or path.stem, card.review_by, state))
    return sorted(due, key=lambda d: (d[1] or dt.date.min, d[0]))

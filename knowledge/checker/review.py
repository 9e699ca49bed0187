"""Review dates: a card is checked again before `review_by`."""
from __future__ import annotations

import datetime as dt
import os

from knowledge.cards_model import Card

from . import thresholds as T
from .problems import Problem, error, warning


def today_default() -> dt.date:
    """WEGWIJS_TODAY when set (as the API does), else the date in Europe/Amsterdam."""
    value = os.environ.get("WEGWIJS_TODAY")
    if value:
        return dt.date.fromisoformat(value)
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

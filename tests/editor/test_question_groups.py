"""Grouping the knowledge gaps' questions (api/services/question_groups.py); no running stack."""
from __future__ import annotations

import datetime as dt

from api.services.question_groups import group_questions


def test_grouping_joins_rewordings_newest_first():
    now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)
    items = [
        {"question": "kan ik mijn hond meenemen naar het verpleeghuis", "kind": "low", "card_id": None,
         "at": now},
        {"question": "mag mijn hond mee naar het verpleeghuis", "kind": "low", "card_id": None,
         "at": now - dt.timedelta(hours=1)},
        {"question": "wanneer wordt de huurtoeslag betaald", "kind": "not_helpful", "card_id": "x",
         "at": now - dt.timedelta(hours=2)},
    ]
    groups = group_questions(items)  # TF-IDF (no embedding model)
    assert [g["count"] for g in groups] == [2, 1]
    assert groups[0]["question"].startswith("kan ik mijn hond")
    assert groups[1]["not_helpful"] == 1 and groups[1]["cards"] == ["x"]

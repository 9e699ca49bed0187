"""Review dates across the cards folder (knowledge/checker/review.py) and `python -m api.cli review-due`."""
from __future__ import annotations

import datetime as dt

from api.cli import main as cli_main
from knowledge.cards_model import CARDS_DIR
from knowledge.checker.review import review_due, review_state
from knowledge.checker.thresholds import REVIEW_WARNING_DAYS


def test_review_state_uses_the_checker_warning_days():
    today = dt.date(2026, 11, 23)
    assert review_state(None, today) == ""
    assert review_state(today - dt.timedelta(days=1), today) == "overdue"
    assert review_state(today + dt.timedelta(days=REVIEW_WARNING_DAYS), today) == "soon"
    assert review_state(today + dt.timedelta(days=REVIEW_WARNING_DAYS + 1), today) == ""


def test_review_due_cli(tmp_path, capsys):
    today = dt.date(2026, 11, 23)
    text = (CARDS_DIR / "cak-eigen-bijdrage.md").read_text(encoding="utf-8")
    (tmp_path / "cak-eigen-bijdrage.md").write_text(text)
    assert review_due(tmp_path, today) == []
    assert cli_main(["review-due", "--cards-dir", str(tmp_path), "--today", "2026-11-23"]) == 0
    soon = text.replace("review_by: 2027-11-23", "review_by: 2026-12-10")
    (tmp_path / "cak-eigen-bijdrage.md").write_text(soon)
    assert cli_main(["review-due", "--cards-dir", str(tmp_path), "--today", "2026-11-23"]) == 0
    (tmp_path / "cak-eigen-bijdrage.md").write_text(text.replace("review_by: 2027-11-23", "review_by: 2026-11-01"))
    assert cli_main(["review-due", "--cards-dir", str(tmp_path), "--today", "2026-11-23"]) == 1
    assert "TE LAAT\t2026-11-01\tcak-eigen-bijdrage" in capsys.readouterr().out

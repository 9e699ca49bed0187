"""Editor service parts that need no running stack."""
from __future__ import annotations

import datetime as dt

from api.cli import main as cli_main
from api.services.editor_service import (card_to_fields, compose, fields_to_text, group_questions, parse_sources,
                                         review_due, write_atomic)
from knowledge.cards_model import CARDS_DIR, load_cards, parse_card


def _norm(value):
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return str(value)


def test_form_fields_round_trip_every_card():
    for card in load_cards(CARDS_DIR):
        again = parse_card(fields_to_text(card_to_fields(card)))
        assert _norm(again.meta) == _norm(card.meta), card.id
        assert again.body == card.body, card.id


def test_body_only_change_keeps_the_front_matter_as_written():
    path = CARDS_DIR / "cak-eigen-bijdrage.md"
    old = path.read_text(encoding="utf-8")
    fields = card_to_fields(parse_card(old))
    fields["body"] += "\n\nEen nieuwe zin."
    new = compose(fields, old)
    assert new.split("\n---\n", 1)[0] == old.split("\n---\n", 1)[0]
    assert new.rstrip().endswith("Een nieuwe zin.")


def test_sources_one_per_line():
    assert parse_sources("url: https://x.nl/a\nlaw: Awb art. 6:7\nseed: 001_a.txt lines 3-9\nseed: 002.txt") == [
        {"url": "https://x.nl/a"}, {"law": "Awb art. 6:7"}, {"seed": "001_a.txt", "lines": "3-9"}, {"seed": "002.txt"}]


def test_atomic_write_leaves_no_temp_file(tmp_path):
    target = tmp_path / "kaart.md"
    write_atomic(target, "een\n")
    write_atomic(target, "twee\n")
    assert target.read_text() == "twee\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.md"]


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

"""The card text format of the editors' form (knowledge/card_file.py); no running stack."""
from __future__ import annotations

from knowledge.card_file import card_to_fields, compose, fields_to_text, parse_sources, write_atomic
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
    assert parse_card(new).body.endswith("Een nieuwe zin.")
    assert parse_card(new).english == parse_card(old).english  # the card's English section stays


def test_sources_one_per_line():
    assert parse_sources("url: https://x.nl/a\nlaw: Awb art. 6:7\nseed: 001_a.txt lines 3-9\nseed: 002.txt") == [
        {"url": "https://x.nl/a"}, {"law": "Awb art. 6:7"}, {"seed": "001_a.txt", "lines": "3-9"}, {"seed": "002.txt"}]


def test_atomic_write_leaves_no_temp_file(tmp_path):
    target = tmp_path / "kaart.md"
    write_atomic(target, "een\n")
    write_atomic(target, "twee\n")
    assert target.read_text() == "twee\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.md"]

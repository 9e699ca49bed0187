"""Knowledge search over the API, and a card edited on disk is used without a restart."""
import time

import pytest

pytestmark = pytest.mark.stack


def test_search_finds_the_card_for_a_citizen_question(api):
    response = api.get("/api/knowledge/search", params={"q": "wie stuurt die rekening voor mijn thuiszorg?", "k": 3})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    assert any(r["card_id"].startswith("cak") for r in results)
    assert all(r["title"] and r["snippet"] for r in results)
    assert results[0]["score"] >= results[-1]["score"]


def test_search_refuses_an_empty_query(api):
    assert api.get("/api/knowledge/search", params={"q": ""}).status_code == 422


def test_a_source_card_can_be_read(api):
    card = api.get("/api/knowledge/cards/bezwaar-termijn").json()
    assert card["title"] and "6 weken" in card["body"]
    assert card["sources"]
    assert api.get("/api/knowledge/cards/bestaat-niet").status_code == 404


def test_an_edited_card_is_answered_without_a_restart(api, stack, chat):
    path = stack.cards_dir / "parkeervergunning-mantelzorg.md"
    path.write_text(
        "---\n"
        "id: parkeervergunning-mantelzorg\n"
        "title: Parkeren als mantelzorger\n"
        "summary: Als mantelzorger kunt u soms een parkeervergunning krijgen.\n"
        "questions:\n"
        "  - mag ik als mantelzorger gratis parkeren bij mijn moeder\n"
        "  - parkeervergunning voor mantelzorgers\n"
        "  - waar parkeer ik als ik voor mijn vader zorg\n"
        "tags: {organisation: [gemeente], law: [Wmo], route: []}\n"
        "sources:\n"
        "  - url: https://www.voorbeeld.nl/parkeren\n"
        "audience: relative\n"
        "reviewed: 2026-11-23\n"
        "review_by: 2027-11-23\n"
        "---\n"
        "Zorgt u vaak voor iemand in een straat met betaald parkeren? "
        "Vraag dan bij de gemeente een parkeervergunning voor mantelzorgers aan. "
        "Het kenteken van uw auto staat op de vergunning.\n",
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + 60
        found = []
        while time.monotonic() < deadline:
            found = api.get("/api/knowledge/search", params={"q": "parkeervergunning voor mantelzorgers"}).json()["results"]
            if found and found[0]["card_id"] == "parkeervergunning-mantelzorg":
                break
            time.sleep(1)
        assert found[0]["card_id"] == "parkeervergunning-mantelzorg"
        c = chat()
        c.say("wat is een parkeervergunning voor mantelzorgers?")
        assert "parkeervergunning-mantelzorg" in c.sources()
        assert "kenteken" in c.all_text
    finally:
        path.unlink()

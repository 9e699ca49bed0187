"""Publishing a card that cites a seed report works in an installation without ../shared/seeds:
the citation resolves in knowledge/sources, and a range that is not there is refused with what to do.

In-process (FastAPI TestClient, no Rasa, no embedding model): the app's state is set up by hand,
with an empty cards folder in tmp_path and WEGWIJS_SEEDS_DIR pointing at an empty folder.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.core.config import Settings
from api.core.db import Database
from api.services import auth
from api.services.knowledge_service import KnowledgeService
from knowledge.sources import load_excerpts
from tests.accounts import PASSWORD

TODAY = "2026-11-23"
BODY = """\
U maakt bezwaar met een brief of via de website van de organisatie. Zet in uw brief:

- uw naam en adres;
- de datum;
- over welk besluit het gaat (stuur een kopie van de brief mee);
- waarom u het niet eens bent met het besluit;
- uw handtekening.

Weet u nog niet precies waarom u het niet eens bent? Stuur dan toch op tijd een korte brief. \
Schrijf dat u de redenen later stuurt. Zo bent u niet te laat.
"""


def card_text(card_id: str, seed: str, lines: str) -> str:
    return f"""---
id: {card_id}
title: Wat zet u in een bezwaar?
summary: In uw bezwaar staan uw naam, de datum, het besluit, uw reden en uw handtekening.
questions:
  - wat zet ik in mijn bezwaarbrief test {card_id}
  - hoe ziet een bezwaarbrief eruit test {card_id}
  - wat moet er in mijn bezwaar test {card_id}
tags:
  organisation: [gemeente]
  law: [Awb]
  route: [bezwaar]
sources:
  - law: "Awb art. 6:5"
  - seed: {seed}
    lines: {lines}
audience: both
reviewed: 2026-11-01
review_by: 2027-11-01
---
{BODY}"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """An editor's logged-in client of an app whose machine has no seed files."""
    empty = tmp_path / "no-seeds"
    empty.mkdir()
    monkeypatch.setenv("WEGWIJS_SEEDS_DIR", str(empty))
    cards = tmp_path / "cards"
    cards.mkdir()
    from api.core.rate_limits import RateLimits
    from api.main import create_app
    from api.services.login_guard import LoginGuard

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'wegwijs.db'}", cards_dir=cards,
                        index_dir=tmp_path / "index", fixed_today=TODAY)
    app = create_app(settings)
    db = Database(settings.database_url)
    db.migrate()
    app.state.settings, app.state.db = settings, db
    app.state.knowledge = KnowledgeService(cards, settings.index_dir)  # not loaded: no model needed
    app.state.rate_limits = RateLimits(settings.rate_limit_uri)
    app.state.login_guard = LoginGuard(app.state.rate_limits, settings)
    auth.create_user(db, "eva", PASSWORD, "editor", "Eva de Vries")
    client = TestClient(app)
    response = client.post("/editor/login", data={"username": "eva", "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303, response.text
    client.cards_dir = cards
    yield client
    client.close()
    db.engine.dispose()


def stored_range() -> tuple[str, str, str]:
    """A seed, a stored block of it, and a range of it that is not stored."""
    seed, stored = sorted(load_excerpts().items())[-1]
    block = stored.blocks[0]
    first = 1
    while any(n in stored.lines for n in range(first, first + 4)):
        first += 1
    return seed, f"{block.first}-{block.last}", f"{first}-{first + 3}"


def test_publish_of_a_card_citing_a_seed_works_without_the_seed_files(editor):
    seed, cited, _ = stored_range()
    text = card_text("bron-uit-rapport", seed, cited)
    check = editor.post("/editor/api/check", json={"text": text})
    assert check.status_code == 200
    assert [p for p in check.json()["problems"] if p["severity"] == "error"] == []
    response = editor.post("/editor/api/cards/bron-uit-rapport/publish", json={"text": text})
    assert response.status_code == 200, response.text
    assert response.json()["ok"] is True
    assert (Path(editor.cards_dir) / "bron-uit-rapport.md").read_text(encoding="utf-8") == text


def test_a_range_not_in_the_library_is_refused_with_what_to_do(editor):
    seed, _, outside = stored_range()
    response = editor.post("/editor/api/cards/bron-buiten-map/publish",
                           json={"text": card_text("bron-buiten-map", seed, outside)})
    assert response.status_code == 422, response.text
    [problem] = response.json()["problems"]
    assert problem["code"] == "lines-not-stored" and problem["label"] == "Bronnen (bron 2)"
    assert "staan niet in de bronnenmap" in problem["message"]
    assert "Vraag dan een ontwikkelaar om het fragment toe te voegen" in problem["message"]
    for developer_word in ("--seeds-dir", "WEGWIJS_SEEDS_DIR", "../shared", "python -m"):
        assert developer_word not in response.text
    assert not (Path(editor.cards_dir) / "bron-buiten-map.md").exists()

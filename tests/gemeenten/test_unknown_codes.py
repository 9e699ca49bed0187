"""A stored gemeente code the installation does not have (a former single gemeente.yml's "0000", a
removed file) is the default gemeente's: no KeyError, and the default team still sees the chat."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from api.core.config import Settings
from api.core.db import Database
from api.models import Conversation, Handoff
from api.services.auth import StaffIdentity
from api.services.gemeenten import code_for_new_conversation, may_see
from api.services.handoff import HandoffService
from knowledge.domain.gemeenten import LEGACY_CODE, load_gemeenten

ROOT = Path(__file__).resolve().parents[2]
SINGLE = ROOT / "knowledge" / "domain" / "gemeente.yml"
VOORBEELD_STAFF = StaffIdentity(1, "anna", "Anna", "staff", None)
PROEFSTAD_STAFF = StaffIdentity(2, "piet", "Piet", "staff", "proefstad")


class NoCards:
    def titles(self, card_ids):
        return []


@pytest.fixture
def db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'handoff.db'}")
    database.migrate()
    yield database
    database.engine.dispose()


def waiting(db, code: str | None) -> str:
    with db.session() as session:
        conversation = Conversation(state={}, gemeente=code, handoff_reason="request",
                                    handoff_requested_at=datetime(2026, 11, 23, 9, tzinfo=timezone.utc))
        session.add(conversation)
        session.flush()
        session.add(Handoff(conversation_id=conversation.id, status="waiting"))
        return conversation.id


@pytest.mark.parametrize("code", [LEGACY_CODE, "1234"])
def test_an_unknown_stored_code_reads_as_the_default_gemeente(code):
    gemeenten = load_gemeenten(ROOT / "gemeenten", SINGLE)
    assert gemeenten.get(code) == gemeenten.default
    assert gemeenten.file_of(code) == ROOT / "gemeenten" / "9991.yml"
    assert may_see(gemeenten, VOORBEELD_STAFF, code) and not may_see(gemeenten, PROEFSTAD_STAFF, code)


def test_one_gemeente_file_stores_no_code_for_a_new_conversation():
    single = load_gemeenten(None, SINGLE)
    assert code_for_new_conversation(single, None) is None
    assert code_for_new_conversation(single, single.default_code) is None
    regional = load_gemeenten(ROOT / "gemeenten", SINGLE)
    assert code_for_new_conversation(regional, None) == "9991"


def test_the_default_team_keeps_the_chats_of_a_former_single_file(db):
    settings = Settings(fixed_today="2026-11-23", rasa_url="http://127.0.0.1:9", gemeenten_dir=ROOT / "gemeenten")
    service = HandoffService(db, NoCards(), settings)
    legacy, proefstad = waiting(db, LEGACY_CODE), waiting(db, "9992")
    assert [e["id"] for e in service.snapshot(VOORBEELD_STAFF)["queue"]] == [legacy]
    assert [e["id"] for e in service.snapshot(PROEFSTAD_STAFF)["queue"]] == [proefstad]
    assert service.conversation_detail(legacy, VOORBEELD_STAFF)["id"] == legacy

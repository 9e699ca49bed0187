"""A database made by the version that kept who answers in `conversations.state` as well: on the
next start every conversation keeps the handoff the citizen and staff saw, now from the one store,
and the queue, the claim and retention read it (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from api.models import Conversation, Handoff, new_id, utcnow
from api.services.handoff import HandoffService
from api.services.handoff.store import public_state
from api.services.retention import expired_conversations
from tests.handoff.test_queue_unit import NoCards, settings


def old_conversation(db, handoff: str, row: str | None = None, at: dt.datetime | None = None) -> str:
    """As the earlier version stored it: the JSON `handoff` key, and a row only once staff was involved."""
    at = at or utcnow()
    conversation_id = new_id()
    with db.engine.begin() as connection:  # only the columns that version had (no later ones in the INSERT)
        connection.execute(insert(Conversation.__table__).values(
            id=conversation_id, locale="nl", created_at=at, updated_at=at, handoff_requested_at=at,
            state={"route": "bezwaar", "organisation": "gemeente", "decision_date": None, "deadline": None,
                   "asking_for": "self", "handoff": handoff}))
        if row:
            connection.execute(insert(Handoff.__table__).values(conversation_id=conversation_id, status=row,
                                                                updated_at=at))
    return conversation_id


def seen(db, conversation_id: str) -> dict:
    with db.session() as session:
        return public_state(session, session.get(Conversation, conversation_id))


def test_an_old_database_keeps_every_handoff_as_it_was(old_database):
    database = old_database
    old = utcnow() - dt.timedelta(days=200)
    waiting = old_conversation(database, "waiting", at=old)
    old_plain = old_conversation(database, "offered", at=old)
    talking = old_conversation(database, "active", row="active")
    handed_back = old_conversation(database, "none", row="returned")
    waiting_again = old_conversation(database, "waiting", row="closed")  # asked again after a close
    offered, callback, plain = (old_conversation(database, h) for h in ("offered", "callback", "none"))

    database.migrate()  # the first start of this version (schema migrations)
    database.migrate()  # and the one after: nothing changes twice

    expected = {waiting: "waiting", old_plain: "offered", talking: "active", handed_back: "none", waiting_again: "waiting",
                offered: "offered", callback: "callback", plain: "none"}
    assert {cid: seen(database, cid)["handoff"] for cid in expected} == expected
    assert seen(database, talking)["route"] == "bezwaar"  # the facts stay
    with database.session() as session:
        assert all("handoff" not in c.state for c in session.query(Conversation))
    service = HandoffService(database, NoCards(), settings())
    assert [e["id"] for e in service.queue()] == [waiting, waiting_again]
    # the move is no activity: an old chat stays due for deletion, unless it waits for staff
    assert expired_conversations(database, utcnow() - dt.timedelta(days=90)) == [old_plain]

"""Deleting conversations in the database (SQLite and PostgreSQL): one conversation leaves nothing
behind, and the retention job deletes what had no activity for the retention period, except chats
that wait for or talk to staff."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import MetaData, select, text

from api.core.config import Settings
from api.core.privacy import mask_for_storage
from api.models import (Callback, Conversation, Feedback, Handoff, HandoffEvent, KnowledgeGap, Message, StaffNote,
                        utcnow)
from api.services.rasa_client import RasaClient
from api.services.retention import ConversationEraser, delete_rows, expired_conversations

NOBODY_LISTENS = "http://127.0.0.1:9"  # Rasa is not running in these tests


def _conversation(db, at: dt.datetime, handoff: str = "none", claim: str | None = None) -> tuple[str, str]:
    """A conversation with a row in every table that belongs to it; returns (id, its unique word)."""
    word = f"papegaai{uuid.uuid4().hex[:8]}"
    question = f"mag mijn {word} mee op vakantie, bel 0612345678"
    with db.session() as session:
        conversation = Conversation(state={"route": None}, created_at=at, updated_at=at)
        session.add(conversation)
        session.flush()
        cid = conversation.id
        citizen = Message(conversation_id=cid, sender="citizen", text=question, created_at=at)
        bot = Message(conversation_id=cid, sender="bot", text=f"Over {word} weet ik niets.", created_at=at)
        session.add_all([citizen, bot])
        session.flush()
        session.add(Feedback(conversation_id=cid, card_id=None, question=mask_for_storage(question), helpful=False,
                             created_at=at))
        session.add(Callback(conversation_id=cid, contact=f"{word}@voorbeeld.nl", preferred_time="morgen",
                             created_at=at))
        session.add(KnowledgeGap(question=mask_for_storage(question), created_at=at))
        session.add(StaffNote(conversation_id=cid, text=f"note about {word}", created_at=at))
        session.add(Handoff(conversation_id=cid, status=claim or handoff, updated_at=at))  # who answers
        if claim:
            session.add(HandoffEvent(conversation_id=cid, kind="message", message_id=bot.id, created_at=at))
    return cid, word


def _everything(db) -> str:
    """Every row of every table in the database, as text (tables found by reflection, not by the models)."""
    metadata = MetaData()
    metadata.reflect(db.engine)
    with db.engine.connect() as connection:
        return "\n".join(str(tuple(row)) for table in metadata.sorted_tables
                         for row in connection.execute(select(table)))


def test_deleting_a_conversation_leaves_nothing_of_it(database):
    gone, word = _conversation(database, utcnow(), claim="closed")
    kept, other = _conversation(database, utcnow())
    assert delete_rows(database, gone, nlu_chars=1000)
    stored = _everything(database)
    assert gone not in stored and word not in stored
    assert kept in stored and other in stored  # the other conversation is untouched
    assert not delete_rows(database, gone, nlu_chars=1000)  # a second time: nothing to delete


def test_rasa_trackers_in_the_same_database_are_deleted_too(database):
    """Rasa's SQL tracker store keeps events by sender_id (its table `events`)."""
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
                                "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
                                "action_name VARCHAR(255), data TEXT)"))
    cid, word = _conversation(database, utcnow())
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO events (id, sender_id, type_name, data) VALUES (1, :id, 'user', :data)"),
                           {"id": cid, "data": f'{{"text": "{word}"}}'})
    delete_rows(database, cid, nlu_chars=1000)
    assert word not in _everything(database)


async def test_the_retention_job_deletes_only_what_is_old_and_not_with_staff(database):
    now = utcnow()
    old, recent = now - dt.timedelta(days=91), now - dt.timedelta(days=10)
    expired, expired_word = _conversation(database, old)
    closed_with_staff, _ = _conversation(database, old, handoff="closed", claim="closed")
    waiting, _ = _conversation(database, old, handoff="waiting")
    talking, _ = _conversation(database, old, handoff="active", claim="active")
    fresh, _ = _conversation(database, recent)
    old_but_active, _ = _conversation(database, old)
    with database.session() as session:  # the citizen wrote again 10 days ago
        session.add(Message(conversation_id=old_but_active, sender="citizen", text="nog een vraag", created_at=recent))
        session.add(KnowledgeGap(question="een vraag van lang geleden", created_at=old))

    settings = Settings(retention_days=90)
    assert set(expired_conversations(database, now - dt.timedelta(days=90))) == {expired, closed_with_staff}
    report = await ConversationEraser(database, RasaClient(NOBODY_LISTENS, 1), settings).purge_expired(now)

    assert report.conversations == 2 and report.trackers_left == 2
    with database.session() as session:
        left = set(session.scalars(select(Conversation.id)).all())
        gaps = session.scalars(select(KnowledgeGap.question)).all()
    assert left == {waiting, talking, fresh, old_but_active}
    assert "een vraag van lang geleden" not in gaps and not any(expired_word in g for g in gaps)
    assert expired_word not in _everything(database)

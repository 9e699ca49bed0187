"""Deleting conversations: by the citizen ("Verwijder dit gesprek"), by an admin (console, CLI) and
after the retention period (`WEGWIJS_RETENTION_DAYS`, default 90 days since the last activity).

A conversation is deleted everywhere it is kept:
- every table with a `conversation_id` column (messages, state, feedback, call-back request with
  the contact, staff handoff, staff notes, and any table added later);
- knowledge gaps recorded from its questions (they carry no conversation id: matched by text);
- Rasa's tracker (the bot's memory of the conversation): emptied through Rasa's HTTP API
  (`PUT /conversations/{id}/tracker/events` with `[]`), and Rasa's `events` table when Rasa keeps
  its trackers in the same database.

Retention never deletes a conversation that waits for or talks to a staff member.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, exists, inspect, select, text

from api.core.config import Settings
from api.core.db import Base, Database
from api.core.privacy import mask_for_storage
from api.models import Conversation, Handoff, KnowledgeGap, Message
from api.services.conversation_service import text_for_the_bot
from api.services.handoff.store import WITH_STAFF
from api.services.rasa_client import RasaClient, RasaUnavailable

logger = logging.getLogger("api.retention")

BATCH = 200
RASA_EVENTS_TABLE = "events"  # Rasa's SQLTrackerStore


def conversation_tables() -> list[Table]:
    """Tables holding rows of a conversation, those that point at others first."""
    return [t for t in reversed(Base.metadata.sorted_tables) if "conversation_id" in t.c]


def _gap_questions(session, conversation_id: str, nlu_chars: int) -> set[str]:
    """The knowledge-gap texts this conversation's messages would have produced (see record_gap)."""
    texts = session.scalars(select(Message.text).where(Message.conversation_id == conversation_id,
                                                       Message.sender == "citizen")).all()
    return {mask_for_storage(text_for_the_bot(t, nlu_chars).strip()[:1000]) for t in texts if t and t.strip()}


def _has_rasa_events(session) -> bool:
    bind = session.get_bind()
    inspector = inspect(bind)
    if not inspector.has_table(RASA_EVENTS_TABLE):
        return False
    return "sender_id" in {c["name"] for c in inspector.get_columns(RASA_EVENTS_TABLE)}


def delete_rows(db: Database, conversation_id: str, nlu_chars: int) -> bool:
    """Delete every stored row of one conversation; False when there is no such conversation."""
    with db.session() as session:
        if session.get(Conversation, conversation_id) is None:
            return False
        questions = _gap_questions(session, conversation_id, nlu_chars)
        if questions:
            session.execute(delete(KnowledgeGap).where(KnowledgeGap.question.in_(questions)))
        for table in conversation_tables():
            session.execute(delete(table).where(table.c.conversation_id == conversation_id))
        session.execute(delete(Conversation).where(Conversation.id == conversation_id))
        if _has_rasa_events(session):
            session.execute(text(f"DELETE FROM {RASA_EVENTS_TABLE} WHERE sender_id = :id"), {"id": conversation_id})
    return True


def expired_conversations(db: Database, cutoff: dt.datetime, limit: int = BATCH) -> list[str]:
    """Conversations without any activity since `cutoff` that do not wait for or talk to staff.

    Activity: the conversation itself, or any row of it (message, staff note, handoff …) created or
    updated after `cutoff`."""
    conditions = [Conversation.created_at < cutoff, Conversation.updated_at < cutoff]
    for table in conversation_tables():
        for column in ("created_at", "updated_at"):
            if column in table.c:
                conditions.append(~exists().where(table.c.conversation_id == Conversation.id, table.c[column] >= cutoff))
    conditions.append(~exists().where(Handoff.conversation_id == Conversation.id, Handoff.status.in_(WITH_STAFF)))
    with db.session() as session:
        return list(session.scalars(select(Conversation.id).where(*conditions).limit(limit)).all())


def delete_old_gaps(db: Database, cutoff: dt.datetime) -> int:
    with db.session() as session:
        return session.execute(delete(KnowledgeGap).where(KnowledgeGap.created_at < cutoff)).rowcount or 0


@dataclass
class PurgeReport:
    conversations: int = 0
    gaps: int = 0
    trackers_left: int = 0  # Rasa could not be reached for these trackers


class ConversationEraser:
    """Deletes conversations in the database and in Rasa; runs the retention job."""

    def __init__(self, db: Database, rasa: RasaClient, settings: Settings,
                 on_change: Callable[[], None] | None = None):
        self.db = db
        self.rasa = rasa
        self.settings = settings
        self.on_change = on_change  # the staff console's live queue

    async def delete(self, conversation_id: str) -> bool:
        """Delete one conversation everywhere; False when it does not exist."""
        deleted = await asyncio.to_thread(delete_rows, self.db, conversation_id, self.settings.nlu_chars)
        if not deleted:
            return False
        await self._forget_tracker(conversation_id)
        if self.on_change is not None:
            self.on_change()
        return True

    async def _forget_tracker(self, conversation_id: str) -> bool:
        try:
            await self.rasa.forget(conversation_id)
            return True
        except RasaUnavailable as error:
            # In-memory trackers are gone with a stopped Rasa; an SQL tracker store in this
            # database was emptied with the rows. Only a tracker store elsewhere keeps it.
            logger.warning("rasa tracker not emptied (%s); conversation %s… deleted from the database",
                           error, conversation_id[:8])
            return False

    async def purge_expired(self, now: dt.datetime | None = None) -> PurgeReport:
        now = now or dt.datetime.now(dt.timezone.utc)
        cutoff = now - dt.timedelta(days=self.settings.retention_days)
        report = PurgeReport()
        while True:
            ids = await asyncio.to_thread(expired_conversations, self.db, cutoff)
            for conversation_id in ids:
                if await asyncio.to_thread(delete_rows, self.db, conversation_id, self.settings.nlu_chars):
                    report.conversations += 1
                    if not await self._forget_tracker(conversation_id):
                        report.trackers_left += 1
            if len(ids) < BATCH:
                break
        report.gaps = await asyncio.to_thread(delete_old_gaps, self.db, cutoff)
        if report.conversations or report.gaps:
            logger.info("retention (%d days): %d conversations and %d knowledge gaps deleted",
                        self.settings.retention_days, report.conversations, report.gaps)
            if self.on_change is not None:
                self.on_change()
        return report

    async def run(self) -> None:
        """The retention job: at start, then every `retention_check_s` seconds."""
        while True:
            try:
                await self.purge_expired()
            except Exception:  # noqa: BLE001 - try again next time; never stop the job
                logger.exception("retention run failed")
            await asyncio.sleep(self.settings.retention_check_s)

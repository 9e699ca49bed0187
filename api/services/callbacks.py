"""Call-back requests: one per conversation (the table has a unique row per conversation).

A citizen may ask again in the same conversation (after a chat with staff, or with new contact
details): then the row is updated and open again, not inserted a second time."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Callback, utcnow


def record_callback(session: Session, conversation_id: str, contact: str, preferred_time: str) -> Callback:
    callback = session.scalar(select(Callback).where(Callback.conversation_id == conversation_id))
    if callback is None:
        callback = Callback(conversation_id=conversation_id, contact=contact, preferred_time=preferred_time)
        session.add(callback)
        return callback
    callback.contact = contact
    callback.preferred_time = preferred_time
    callback.status = "open"
    callback.created_at = utcnow()
    return callback

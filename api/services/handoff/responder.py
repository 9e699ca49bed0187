"""The one place that decides who answers a citizen's message: the bot, or the staff member who
has the chat. It reads the one handoff status (store.py) and nothing else.

`StaffDesk` is what the conversation service needs of the staff side (HandoffService is one):
whether staff can take a chat now, and to hand it a citizen's message while staff has the chat.
"""
from __future__ import annotations

from enum import Enum
from typing import Protocol

from sqlalchemy.orm import Session

from api.models import Message
from api.services.handoff import store


class Responder(Enum):
    BOT = "bot"
    STAFF = "staff"


def who_answers(handoff: str) -> Responder:
    """Staff from the claim until it hands back or closes; the bot otherwise (also while the
    citizen waits in the queue: "U wacht al op een medewerker")."""
    return Responder.STAFF if handoff == store.ACTIVE else Responder.BOT


def responder(session: Session, conversation_id: str) -> Responder:
    return who_answers(store.status(session, conversation_id))


class StaffDesk(Protocol):
    def staff_available(self, gemeente: str | None = None) -> bool:
        """Staff can take a chat of this gemeente now (its office hours, someone of its team online)."""

    async def citizen_wrote(self, conversation_id: str, message: Message) -> None:
        """A citizen's message (stored) for the staff member who has the chat."""

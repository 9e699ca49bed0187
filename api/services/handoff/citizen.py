"""The citizen's side of a handoff: while staff has the chat the citizen's messages go to the
console instead of the bot, and the widget polls `/updates` for staff messages and its status line."""
from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Conversation, Handoff, HandoffEvent, Message
from api.schemas import MessageIn, MessagesOut, State
from api.services.handoff import summaries
from api.services.handoff.claims import JOINED
from api.services.handoff.errors import NotFound
from api.services.handoff.queue import queue_order, waiting_text
from api.services.handoff.times import iso


class CitizenSide:
    """Part of HandoffService (uses its `db`, `settings` and `_push_message`)."""

    async def intercept(self, conversation_id: str, message: MessageIn) -> MessagesOut | None:
        """Called first in ConversationService.handle(): while staff has the chat, store the
        citizen's message, push it to the consoles and do not ask Rasa."""
        with self.db.session() as session:
            claim = session.get(Handoff, conversation_id)
            if claim is None or claim.status != "active":
                return None
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                return None
            citizen = Message(conversation_id=conversation_id, sender="citizen",
                              text=message.text or self._button_title(session, conversation_id, message.payload),
                              payload=message.payload, delivered=True)
            session.add(citizen)
            session.flush()
            state = {**State().model_dump(mode="json"), **(conversation.state or {}), "handoff": "active"}
            conversation.state = state
            entry = summaries.entry(citizen, {}, self.settings)
        await self._push_message(conversation_id, entry)
        return MessagesOut(messages=[], state=State(**state))

    def _button_title(self, session: Session, conversation_id: str, payload: str | None) -> str:
        """A button click shows as the button's title, as in ConversationService."""
        recent = session.scalars(
            select(Message).where(Message.conversation_id == conversation_id, Message.sender == "bot")
            .order_by(Message.id.desc()).limit(5)
        ).all()
        for bot_message in recent:
            for button in bot_message.buttons or []:
                if button.get("payload") == payload:
                    return button["title"]
        return payload or ""

    def updates(self, conversation_id: str, after: int) -> dict:
        """Staff messages and handoff notices after message `after`, the state, and the status line."""
        with self.db.session() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                raise NotFound(conversation_id)
            rows = session.execute(
                select(Message, HandoffEvent.staff_id)
                .join(HandoffEvent, HandoffEvent.message_id == Message.id)
                .where(Message.conversation_id == conversation_id, Message.id > after)
                .order_by(Message.id)
            ).all()
            names = summaries.first_names(session, {staff_id for _, staff_id in rows if staff_id})
            messages = [
                {"id": m.id, "sender": m.sender, "text": m.text, "sources": m.sources or [],
                 "created_at": iso(m.created_at),
                 **({"staff_name": names.get(staff_id)} if m.sender == "staff" else {})}
                for m, staff_id in rows
            ]
            state = {**State().model_dump(mode="json"), **(conversation.state or {})}
            claim = session.get(Handoff, conversation_id)
            status: dict[str, Any] = {"text": None, "position": None, "ahead": None, "staff_name": None}
            if claim is not None and claim.status == "active":
                state["handoff"] = "active"
                staff_name = summaries.first_names(session, {claim.claimed_by}).get(claim.claimed_by, "een medewerker")
                status.update(text=JOINED.format(name=staff_name), staff_name=staff_name)
            elif state.get("handoff") == "waiting":
                order = queue_order(session, self.settings.today())
                if conversation_id in order:
                    ahead = order.index(conversation_id)
                    status.update(text=waiting_text(ahead), position=ahead + 1, ahead=ahead)
            status["key"] = status_key(state["handoff"], status)
            last_id = max([after] + [m["id"] for m in messages])
        return {"messages": messages, "state": State(**state).model_dump(mode="json"), "status": status,
                "last_id": last_id}


def status_key(handoff: str, status: dict) -> str:
    """A short fingerprint of the state and the status line (no name or text in the URL it is sent back in)."""
    plain = "|".join(str(v) for v in (handoff, status["text"], status["position"], status["staff_name"]))
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()[:16]

"""The citizen's side of a handoff: while staff has the chat the citizen's messages go to the
console instead of the bot (responder.py decides), and the widget polls `/updates` for staff
messages and its status line."""
from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from api.models import Conversation, Handoff, HandoffEvent, Message
from api.schemas import State
from api.services.handoff import store, summaries
from api.services.handoff.claims import JOINED
from api.services.handoff.errors import NotFound
from api.services.handoff.queue import queue_order, waiting_text
from api.services.handoff.times import iso
from knowledge.i18n import N_, translate, use_locale

STAFF_MEMBER = N_("een medewerker")  # a staff member whose name is unknown


class CitizenSide:
    """Part of HandoffService (uses its `db`, `settings` and `_push_message`)."""

    async def citizen_wrote(self, conversation_id: str, message: Message) -> None:
        """The citizen wrote while staff has the chat (stored by ConversationService, which asked
        the Responder): show it in the consoles."""
        await self._push_message(conversation_id, summaries.entry(message, {}, self.settings))

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
            state = store.public_state(session, conversation)
            status: dict[str, Any] = {"text": None, "position": None, "ahead": None, "staff_name": None}
            if state["handoff"] == store.ACTIVE:
                claim = session.get(Handoff, conversation_id)
                staff_name = summaries.first_names(session, {claim.claimed_by}).get(claim.claimed_by) or translate(STAFF_MEMBER, conversation.locale)
                status.update(text=translate(JOINED, conversation.locale).format(name=staff_name), staff_name=staff_name)
            elif state["handoff"] == store.WAITING:
                # the place in its own team's queue (teams.py)
                order = queue_order(session, self.settings.today(), self.team_codes(conversation),
                                    self.gemeenten.default_code)
                if conversation_id in order:
                    ahead = order.index(conversation_id)
                    with use_locale(conversation.locale):
                        status.update(text=waiting_text(ahead), position=ahead + 1, ahead=ahead)
            status["key"] = status_key(state["handoff"], status)
            last_id = max([after] + [m["id"] for m in messages])
        return {"messages": messages, "state": State(**state).model_dump(mode="json"), "status": status,
                "last_id": last_id}


def status_key(handoff: str, status: dict) -> str:
    """A short fingerprint of the state and the status line (no name or text in the URL it is sent back in)."""
    plain = "|".join(str(v) for v in (handoff, status["text"], status["position"], status["staff_name"]))
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()[:16]

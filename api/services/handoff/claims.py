"""A staff member's hold on a chat: claim it, write in it (messages, internal notes), hand it back
to the bot, or close it with an outcome.

Who has a conversation is its `handoffs` row (store.py): a claim is one conditional
`UPDATE handoffs SET status = 'active', claimed_by = … WHERE conversation_id = … AND status = 'waiting'
AND claimed_by IS NULL`, so of two simultaneous claims exactly one changes the row and the other
gets a 409. Rasa is not told: the bot learns who answers with the next message that reaches it.
"""
from __future__ import annotations

import asyncio
import logging

from sqlalchemy.orm import Session

from api.models import Conversation, Handoff, HandoffEvent, Message, StaffNote
from api.services.auth import StaffIdentity
from api.services.handoff import store, summaries
from api.services.handoff.errors import Conflict, Invalid
from knowledge.i18n import N_, translate

logger = logging.getLogger("api.handoff")

MAX_STAFF_TEXT = 5000
# How a chat with staff can end (api/staff_views.py has the labels).
OUTCOMES = ("beantwoord", "doorverwezen", "terugbelafspraak", "crisis_opgevolgd", "geen_reactie", "anders")

# What the citizen reads when staff takes over, hands back or closes.
JOINED = N_("U praat nu met {name}.")
RETURNED = N_("U praat weer met Wegwijs, de digitale gids. Stel gerust uw vraag.")
CLOSED = N_("De medewerker heeft het gesprek afgesloten. Heeft u nog een vraag? Typ die dan hier.")


def in_language(session: Session, conversation_id: str, text: str) -> str:
    """A notice to the citizen in the conversation's language."""
    conversation = session.get(Conversation, conversation_id)
    return translate(text, conversation.locale if conversation else None)


class StaffClaims:
    """Part of HandoffService (uses its `db`, `settings`, `knowledge`, `hub`, `present`, and `visible`
    of teams.py: staff act only on their own team's chats)."""

    def claim_in_db(self, conversation_id: str, user: StaffIdentity) -> dict:
        """The claim itself (sync, so two requests really run at the same time in threads).

        Both conditions, "nobody has it" and "the citizen waits", are in the one UPDATE: a chat that
        stops waiting (handed back, closed) between a check and the claim is never taken."""
        with self.db.session() as session:
            self.visible(session, conversation_id, user)  # another team's chat is not there (teams.py)
        with self.db.session() as session:
            won = store.claim(session, conversation_id, user.id)
            if won:
                notice = Message(conversation_id=conversation_id, sender="bot",
                                 text=in_language(session, conversation_id, JOINED).format(name=user.first_name))
                session.add(notice)
                session.flush()
                session.add(HandoffEvent(conversation_id=conversation_id, staff_id=user.id, kind="claimed",
                                         message_id=notice.id))
                entry = summaries.entry(notice, {}, self.settings)
        if not won:
            with self.db.session() as session:
                claim = session.get(Handoff, conversation_id)
                if claim is not None and claim.claimed_by is not None:
                    raise Conflict(self._taken_message(session, claim, user))
                raise Conflict("Dit gesprek wacht niet (meer) op een medewerker.")
        logger.info("conversation %s claimed by staff #%s", conversation_id[:8], user.id)
        return entry

    def _taken_message(self, session: Session, claim: Handoff | None, user: StaffIdentity) -> str:
        if claim is not None and claim.claimed_by == user.id:
            return "U heeft dit gesprek al overgenomen."
        name = summaries.first_names(session, {claim.claimed_by}).get(claim.claimed_by) if claim else None
        if name:
            return f"{name} heeft dit gesprek al overgenomen. Kies een ander gesprek uit de wachtrij."
        return "Een collega heeft dit gesprek al overgenomen. Kies een ander gesprek uit de wachtrij."

    async def claim(self, conversation_id: str, user: StaffIdentity) -> dict:
        entry = await asyncio.to_thread(self.claim_in_db, conversation_id, user)
        await self._push_message(conversation_id, entry)
        await self.hub.send_all({"type": "conversation", "conversation_id": conversation_id, "event": "claimed",
                                 "staff_id": user.id, "staff_name": user.first_name})
        self.hub.poke()
        return {"conversation_id": conversation_id, "claimed_by": user.first_name, "message": entry}

    def _require_mine(self, session: Session, conversation_id: str, user: StaffIdentity,
                      admin_may: bool = False) -> Handoff:
        """Only the staff member who claimed the chat writes in it; an admin may also hand back or
        close someone else's chat (e.g. when that colleague has left)."""
        self.visible(session, conversation_id, user)
        claim = session.get(Handoff, conversation_id)
        if claim is None or claim.status != store.ACTIVE:
            raise Conflict("Neem het gesprek eerst over.")
        if claim.claimed_by != user.id and not (admin_may and user.role == "admin"):
            raise Conflict(self._taken_message(session, claim, user))
        return claim

    async def send_staff_message(self, conversation_id: str, user: StaffIdentity, text: str,
                                 card_id: str | None = None) -> dict:
        text = (text or "").strip()
        if not text:
            raise Invalid("Typ eerst een bericht.")
        if len(text) > MAX_STAFF_TEXT:
            raise Invalid(f"Een bericht mag hoogstens {MAX_STAFF_TEXT} tekens hebben.")
        sources = self.knowledge.titles([card_id]) if card_id else []
        with self.db.session() as session:
            self._require_mine(session, conversation_id, user)
            message = Message(conversation_id=conversation_id, sender="staff", text=text, sources=sources)
            session.add(message)
            session.flush()
            session.add(HandoffEvent(conversation_id=conversation_id, staff_id=user.id, kind="message",
                                     message_id=message.id))
            entry = summaries.entry(message, {message.id: user.first_name}, self.settings)
        await self._push_message(conversation_id, entry)
        return entry

    async def add_note(self, conversation_id: str, user: StaffIdentity, text: str) -> dict:
        text = (text or "").strip()
        if not text:
            raise Invalid("Typ eerst een notitie.")
        if len(text) > MAX_STAFF_TEXT:
            raise Invalid(f"Een notitie mag hoogstens {MAX_STAFF_TEXT} tekens hebben.")
        with self.db.session() as session:
            self.visible(session, conversation_id, user)
            note = StaffNote(conversation_id=conversation_id, staff_id=user.id, text=text)
            session.add(note)
            session.flush()
            out = summaries.note(note, user.display_name, self.settings)
        await self.hub.send_all(self.present({"type": "note", "conversation_id": conversation_id, "note": out}))
        return out

    async def hand_back(self, conversation_id: str, user: StaffIdentity) -> dict:
        """The bot answers again, from the citizen's next message on."""
        entry = self._end(conversation_id, user, event="returned", handoff=store.NONE, text=RETURNED, outcome=None)
        await self._after_end(conversation_id, user, entry, "returned")
        return {"conversation_id": conversation_id, "handoff": "none", "message": entry}

    async def close(self, conversation_id: str, user: StaffIdentity, outcome: str) -> dict:
        if outcome not in OUTCOMES:
            raise Invalid("Kies een uitkomst: " + ", ".join(OUTCOMES) + ".")
        entry = self._end(conversation_id, user, event="closed", handoff=store.CLOSED, text=CLOSED, outcome=outcome)
        await self._after_end(conversation_id, user, entry, "closed")
        return {"conversation_id": conversation_id, "handoff": "closed", "outcome": outcome, "message": entry}

    def _end(self, conversation_id: str, user: StaffIdentity, event: str, handoff: str, text: str,
             outcome: str | None) -> dict:
        with self.db.session() as session:
            self._require_mine(session, conversation_id, user, admin_may=True)
            if not store.end(session, conversation_id, handoff, outcome):
                raise Conflict("Neem het gesprek eerst over.")  # ended by a colleague just now
            notice = Message(conversation_id=conversation_id, sender="bot", text=in_language(session, conversation_id, text))
            session.add(notice)
            session.flush()
            session.add(HandoffEvent(conversation_id=conversation_id, staff_id=user.id, kind=event,
                                     outcome=outcome, message_id=notice.id))
            entry = summaries.entry(notice, {}, self.settings)
        logger.info("conversation %s %s by staff #%s%s", conversation_id[:8], event, user.id,
                    f" ({outcome})" if outcome else "")
        return entry

    async def _after_end(self, conversation_id: str, user: StaffIdentity, entry: dict, what: str) -> None:
        await self._push_message(conversation_id, entry)
        await self.hub.send_all({"type": "conversation", "conversation_id": conversation_id, "event": what,
                                 "staff_id": user.id, "staff_name": user.first_name})
        self.hub.poke()


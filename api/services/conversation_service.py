"""A citizen's conversation: store every message, let the one who answers have it (the bot, or the
staff member who has the chat: api/services/handoff/responder.py), return the answer and the state."""
from __future__ import annotations

import html
import logging
import re
from typing import Any

from sqlalchemy import select

from api.core.config import Settings
from api.core.db import Database
from api.core.privacy import mask_for_storage
from api.core.rate_limits import RateLimits
from api.models import Conversation, Feedback, Message, MessageDelivery, utcnow
from api.schemas import BotMessage, MessageIn, MessagesOut, State, Transcript, TranscriptEntry
from api.services.callbacks import record_callback
from api.services.conversation_locks import ConversationLocks
from api.services.delivery import BotDelivery, NotDelivered
from api.services.handoff import store
from api.services.handoff.responder import Responder, StaffDesk, responder
from api.services.handoff.store import HandoffSignal
from api.services.gaps import record_gap
from api.services.gemeenten import code_for_new_conversation, gemeenten_of, office_open
from api.services.knowledge_service import KnowledgeService
from api.services import language_choice
from api.services.language_check import is_gibberish
from api.services.card_language import in_language
from api.services.local_answers import for_gemeente, with_contacts
from api.services.offered_payloads import as_typed_text, screen
from api.services.rasa_client import BotReply, RasaClient
from api.services.state_guard import keep_known
from knowledge.domain.case import Case

logger = logging.getLogger("api.conversations")

NOT_UNDERSTOOD_PAYLOAD = "/nlu_fallback"
FEEDBACK_PAYLOADS = {"/feedback_helpful": True, "/feedback_not_helpful": False}
TAG = re.compile(r"<[^>]{0,200}>")


class ConversationNotFound(Exception):
    pass


class MessageTooLong(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


class BotUnavailable(Exception):
    """Rasa could not be reached; the citizen's message is stored and will be answered later."""


def text_for_the_bot(text: str, limit: int) -> str:
    """What NLU reads: markup removed, whitespace collapsed, at most `limit` characters."""
    plain = " ".join(html.unescape(TAG.sub(" ", text)).split())
    return (plain or text.strip())[:limit]


def state_from_slots(slots: dict[str, Any]) -> dict[str, Any]:
    """Rasa slots -> the case facts of the public state (knowledge/domain/case.py). Who answers
    (`handoff`) is not the bot's to say: it comes from the handoff store."""
    return Case.from_slots(slots).public_state()


class ConversationService:
    def __init__(self, db: Database, rasa: RasaClient, knowledge: KnowledgeService, settings: Settings,
                 limits: RateLimits, staff: StaffDesk | None = None, locks: ConversationLocks | None = None):
        self.db = db
        self.rasa = rasa
        self.knowledge = knowledge
        self.settings = settings
        self.staff = staff  # None: no staff console (the bot answers everything)
        self.limits = limits  # unanswered questions kept per conversation (api/core/rate_limits.py)
        self.gemeenten = gemeenten_of(settings)  # whose conversation it is (api/services/gemeenten.py)
        # exactly once to the bot, an answer always (delivery.py); `locks`: one conversation at a time
        self.delivery = BotDelivery(self, locks)

    def create(self, locale: str, staff_available_override: bool | None = None, gemeente: str | None = None) -> str:
        """A new conversation of gemeente `gemeente` (its CBS code; None: the default gemeente).
        An unknown code raises UnknownGemeente."""
        code = code_for_new_conversation(self.gemeenten, gemeente)
        with self.db.session() as session:
            conversation = Conversation(
                locale=locale, state=store.empty_facts(), staff_available_override=staff_available_override,
                gemeente=code,
            )
            session.add(conversation)
            session.flush()
            return conversation.id

    def _get(self, session, conversation_id: str) -> Conversation:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None:
            raise ConversationNotFound(conversation_id)
        return conversation

    def _staff_available(self, conversation: Conversation) -> bool:
        if conversation.staff_available_override is not None:
            return conversation.staff_available_override
        if self.staff is not None:  # staff handoff: the gemeente's office hours AND someone of its team online
            return self.staff.staff_available(conversation.gemeente)
        return office_open(self.settings, self.gemeenten.get(conversation.gemeente))

    async def handle(self, conversation_id: str, message: MessageIn) -> MessagesOut:
        text = message.text or ""
        if len(text) > self.settings.max_message_chars:
            raise MessageTooLong(self.settings.max_message_chars)
        async with self.delivery.locks.hold(conversation_id):
            sent_before = self.delivery.sent_before(conversation_id, message.client_message_id)
            if sent_before is not None:  # the widget sent it again: the same message, answered once
                return await self._delivered(self.delivery.resume(conversation_id, sent_before))
            # only buttons the bot offered (api/services/offered_payloads.py); checked after the
            # resend check: a click already stored is no longer "offered" in the last turn
            if message.payload:
                with self.db.session() as session:
                    message = screen(session, conversation_id, message)
            with self.db.session() as session:  # who answers is decided and the message stored at once
                conversation = self._get(session, conversation_id)
                answers = responder(session, conversation_id) if self.staff is not None else Responder.BOT
                shown = self._shown_text(session, conversation_id, message)
                citizen = Message(conversation_id=conversation_id, sender="citizen", text=shown,
                                  payload=message.payload, delivered=answers is Responder.STAFF)
                session.add(citizen)
                session.flush()
                # for staff: no answer now (staff writes), the state says who has the chat
                taken = MessagesOut(messages=[], state=State(**store.public_state(session, conversation))) \
                    if answers is Responder.STAFF else None
                language = self._language_turn(session, conversation, citizen) if taken is None else None
                if isinstance(language, MessagesOut):  # the language offer: the bot waits for the choice
                    taken = language
                # after the language choice the bot answers the first message (and a longer reply after it)
                to_answer = language if isinstance(language, list) else [citizen.id]
                self.delivery.track(session, conversation_id, citizen.id, message.client_message_id, answer=taken)
                earlier = self.delivery.undelivered_before(session, conversation_id, to_answer[0]) if taken is None else []
            if isinstance(language, MessagesOut):
                return taken
            if taken is not None:
                await self.staff.citizen_wrote(conversation_id, citizen)  # to the staff console, not to Rasa
                return taken
            outs = [await self._delivered(self.delivery.answer(conversation_id, message_id,
                                                               undelivered=earlier if i == 0 else []))
                    for i, message_id in enumerate(to_answer)]
            return MessagesOut(messages=[m for out in outs for m in out.messages], state=outs[-1].state,
                               locale=outs[-1].locale)

    def _language_turn(self, session, conversation: Conversation, citizen: Message) -> MessagesOut | list[int] | None:
        """The conversation's language (api/services/language_choice.py). An English first message in a Dutch
        conversation: the offer (the bot waits), or English at once when it cannot wait. The answer to the
        offer sets the language; the bot then answers the first message (and a longer reply after it)."""
        if language_choice.english_first_message(session, conversation, citizen):
            if language_choice.cannot_wait(citizen.text):
                conversation.locale = "en"
                return None
            offer = language_choice.offer_message(conversation.id)
            session.add(offer)
            citizen.delivered = True
            return MessagesOut(messages=[BotMessage(text=offer.text, buttons=offer.buttons)],
                               state=State(**store.public_state(session, conversation)), locale=conversation.locale)
        first = language_choice.open_offer(session, conversation.id, citizen)
        if first is None:
            return None
        conversation.locale = language_choice.chosen(citizen, first)
        first.delivered = False  # the bot answers the story the citizen told first
        if language_choice.is_choice(citizen):
            citizen.delivered = True
            return [first.id]
        return [first.id, citizen.id]

    async def _delivered(self, answering) -> MessagesOut:
        try:
            return await answering
        except NotDelivered as error:
            raise BotUnavailable() from error

    def text_for_bot(self, message) -> str:
        """What Rasa gets for a stored citizen message (text or button payload)."""
        if message.payload:
            return message.payload.strip()
        to_bot = as_typed_text(text_for_the_bot(message.text, self.settings.nlu_chars))
        if not to_bot or is_gibberish(to_bot):
            return NOT_UNDERSTOOD_PAYLOAD  # keyboard mashing: no random intent
        return to_bot

    def _shown_text(self, session, conversation_id: str, message: MessageIn) -> str:
        """For a button click, the transcript shows the button's title."""
        if message.text:
            return message.text
        last_bot = session.scalars(
            select(Message).where(Message.conversation_id == conversation_id, Message.sender == "bot")
            .order_by(Message.id.desc()).limit(5)
        ).all()
        for bot_message in last_bot:
            for button in bot_message.buttons or []:
                if button.get("payload") == message.payload:
                    return button["title"]
        return message.payload or ""

    def _store_turn(self, conversation_id: str, citizen_id: int, message: MessageIn,
                    replies: list[BotReply], slots: dict[str, Any] | None,
                    forgot: bool = False, signal: HandoffSignal | None = None, gap: bool = False) -> MessagesOut:
        """`slots` None: Rasa's facts are unknown (keep ours). `forgot`: Rasa knew nothing of the
        conversation (keep what we knew). `signal`: the bot's (or the safety net's) handoff signal,
        decided on by the handoff store. `gap`: no card answered the citizen's question: kept for the
        editors (api/services/gaps.py)."""
        with self.db.session() as session:
            conversation = self._get(session, conversation_id)
            # a card's answer: in the conversation's language (English section, api/services/card_language.py),
            # then the local text of the conversation's gemeente, else the shared text
            gemeente = self.gemeenten.get(conversation.gemeente)
            card = lambda card_id: self.knowledge.card(card_id)  # noqa: E731
            replies = in_language(replies, conversation.locale, card)
            # the contact lines: in the conversation's language (the delivery runs in its use_locale)
            replies = with_contacts(for_gemeente(replies, gemeente.code, card), gemeente)
            out = [
                BotMessage(text=r.text, buttons=r.buttons, sources=self.knowledge.titles(r.source_ids))
                for r in replies
            ]
            session.get(Message, citizen_id).delivered = True
            if message.payload in FEEDBACK_PAYLOADS:
                self._record_feedback(session, conversation_id, citizen_id, FEEDBACK_PAYLOADS[message.payload])
            if gap:
                record_gap(session, self.text_for_bot(message))  # the question as the bot read it
            for reply in out:
                session.add(Message(conversation_id=conversation_id, sender="bot", text=reply.text,
                                    buttons=[b.model_dump() for b in reply.buttons],
                                    sources=[s.model_dump() for s in reply.sources]))
            previous = store.facts(conversation)
            conversation.state = keep_known(previous, state_from_slots(slots) if slots is not None else previous,
                                            forgot)
            before, handoff = store.apply_signal(session, conversation_id, signal)
            if handoff == store.WAITING and before != store.WAITING:
                conversation.handoff_requested_at = utcnow()
                conversation.handoff_reason = signal.reason
            if handoff == store.CALLBACK and before != store.CALLBACK:
                record_callback(session, conversation_id, str((slots or {}).get("callback_contact") or ""),
                                str((slots or {}).get("callback_time") or ""))
            result = MessagesOut(messages=out, state=State(**store.public_state(session, conversation, handoff)),
                                 locale=conversation.locale)
            delivery = session.get(MessageDelivery, citizen_id)
            if delivery is not None:  # kept for a resend of the same message
                delivery.answer = result.model_dump(mode="json")
        return result

    def _record_feedback(self, session, conversation_id: str, citizen_id: int, helpful: bool) -> None:
        """Feedback belongs to the last answer with sources and the question before it."""
        earlier = session.scalars(
            select(Message).where(Message.conversation_id == conversation_id, Message.id < citizen_id)
            .order_by(Message.id.desc())
        ).all()
        answer = next((m for m in earlier if m.sender == "bot" and m.sources), None)
        question = next((m for m in earlier if m.sender == "citizen" and answer and m.id < answer.id), None)
        session.add(Feedback(conversation_id=conversation_id,
                             card_id=answer.sources[0]["card_id"] if answer else None,
                             question=mask_for_storage(question.text) if question else "", helpful=helpful))

    def transcript(self, conversation_id: str) -> Transcript:
        with self.db.session() as session:
            conversation = self._get(session, conversation_id)
            entries = [
                TranscriptEntry(id=m.id, sender=m.sender, text=m.text, buttons=m.buttons or [], sources=m.sources or [],
                                delivered=m.delivered, created_at=m.created_at.isoformat())
                for m in conversation.messages
            ]
            return Transcript(id=conversation.id, locale=conversation.locale,
                              gemeente=conversation.gemeente or self.gemeenten.default_code, messages=entries,
                              state=State(**store.public_state(session, conversation)))

"""Every citizen message reaches the bot exactly once, and the citizen always gets an answer.

- A message is stored first (`messages`, `delivered: false`) with its delivery row
  (`message_deliveries`): the widget's `client_message_id`, attempts, and the answer given.
  The same id again is the same message: the stored answer, not a second message.
- Before a message goes to Rasa the attempt is recorded. An attempt that may have reached Rasa
  (a timeout, an API crash) is never simply sent again: Rasa's stored tracker is asked first
  (each message carries its id in the metadata); if Rasa processed it, its answer is taken from
  there. Only after twice the Rasa timeout without a trace is it sent again.
- A message the bot did not get (Rasa down) is sent again by a background job as soon as Rasa
  answers, or before the citizen's next message; the answer is stored and the widget shows it.
- The bot's answer is never nothing: with no reply (the action server down) the citizen reads a
  fallback with the person button; a crisis or a request for a person is queued by the API
  itself when the bot could not (api/services/safety_net.py).
- Every message tells the bot who answers (metadata `handoff`, from the one handoff store): the
  bot keeps no copy of its own, so a hand-back or a lost tracker needs no update in Rasa.

One lock per conversation (api/services/conversation_locks.py: across the API's worker processes
with REDIS_URL) keeps the messages of a conversation in order and a resend from overtaking the
first attempt. With several Rasa instances (rasa_client.py) a message the API could not hand to
one goes to the next; one that may have arrived is never given to another instance, and Rasa's
lock store keeps the turns in order.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from api.core.rate_limits import may_record_gap
from api.models import Conversation, Message, MessageDelivery, utcnow
from api.services.conversation_locks import ConversationLocks
from api.schemas import BotMessage, MessageIn, MessagesOut, State
from api.services import safety_net
from api.services.handoff import store
from api.services.handoff.responder import Responder, responder
from api.services.handoff.store import HandoffSignal, after_signal
from api.services.rasa_client import (
    BotReply,
    RasaUnavailable,
    RasaUnreachable,
    TurnView,
    replies_of_turn,
)
from api.services.state_guard import knows_something, slots_to_restore
from knowledge.domain.gemeenten import Gemeente
from knowledge.i18n import META_LOCALE, use_locale

if TYPE_CHECKING:
    from api.services.conversation_service import ConversationService

logger = logging.getLogger("api.delivery")

METADATA_KEY = "wegwijs_message_id"  # in the metadata of every message sent to Rasa
WITH_A_PERSON = (store.WAITING, store.ACTIVE, store.CALLBACK)


class NotDelivered(Exception):
    """The bot did not get the message; it is stored and will be sent again."""


class StillWorking(NotDelivered):
    """Rasa may still be answering an earlier attempt; its answer is picked up later."""


@dataclass
class Pending:
    """A stored citizen message, as the delivery needs it."""

    id: int
    text: str
    payload: str | None
    delivered: bool
    answer: dict | None
    attempts: int
    last_attempt_at: datetime | None
    maybe_received: bool
    facts: dict  # the case facts the API knows (route, organisation, dates, asking_for)
    handoff: str  # who answers, from the handoff store
    staff_available: bool
    gemeente: str | None  # the conversation's gemeente (CBS code; None: the default)
    locale: str = "nl"  # the conversation's language: the bot and the API's own texts use it


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


class BotDelivery:
    def __init__(self, conversations: ConversationService, locks: ConversationLocks | None = None):
        self.conversations = conversations
        self.db = conversations.db
        self.rasa = conversations.rasa
        self.settings = conversations.settings
        self.locks = locks or ConversationLocks()  # one conversation at a time (in every worker)

    # --- the widget's message id -----------------------------------------------------------

    def sent_before(self, conversation_id: str, client_message_id: str | None) -> int | None:
        """The stored message with this client id, if the widget sent it before."""
        if not client_message_id:
            return None
        with self.db.session() as session:
            return session.scalar(select(MessageDelivery.message_id).where(
                MessageDelivery.conversation_id == conversation_id,
                MessageDelivery.client_message_id == client_message_id))

    def track(self, session, conversation_id: str, message_id: int, client_message_id: str | None,
              answer: MessagesOut | None = None) -> None:
        """`answer`: the message is answered already (it went to the staff member who has the chat)."""
        session.add(MessageDelivery(message_id=message_id, conversation_id=conversation_id,
                                    client_message_id=client_message_id,
                                    answer=answer.model_dump(mode="json") if answer is not None else None))

    async def resume(self, conversation_id: str, message_id: int) -> MessagesOut:
        """A resend: the answer already given, or (not answered yet) one more try."""
        pending = self._load(conversation_id, message_id)
        if pending.answer is not None:
            return MessagesOut(**pending.answer)
        if pending.delivered:  # answered, but the answer was not kept (a crash in between)
            return self._answer_from_transcript(conversation_id, message_id)
        return await self.answer(conversation_id, message_id)

    # --- delivering ------------------------------------------------------------------------

    async def answer(self, conversation_id: str, message_id: int, all_late: bool = False,
                     undelivered: list[int] | None = None) -> MessagesOut:
        """Deliver the conversation's undelivered messages up to `message_id`, oldest first, and
        return the answers (earlier ones start with "Wegwijs werkt weer …"). `undelivered`: those
        messages, when the caller read them already (`undelivered_before`)."""
        outs: list[MessagesOut] = []
        if undelivered is None:
            with self.db.session() as session:
                undelivered = self.undelivered_before(session, conversation_id, message_id)
        for earlier in [*undelivered, message_id]:
            late = all_late or earlier != message_id
            try:
                outs.append(await self._deliver(conversation_id, earlier, late))
            except StillWorking:
                if earlier == message_id:
                    raise
                # Rasa may still be on that one: its answer is picked up later, this one goes on.
        if not outs:
            return self._answer_from_transcript(conversation_id, message_id)
        return MessagesOut(messages=[m for out in outs for m in out.messages], state=outs[-1].state,
                           locale=outs[-1].locale)

    async def _deliver(self, conversation_id: str, message_id: int, late: bool) -> MessagesOut:
        pending = self._load(conversation_id, message_id, attempt=True)  # a first attempt is recorded with it
        with use_locale(pending.locale):  # the API's own texts in the conversation's language
            if pending.delivered:
                return MessagesOut(**pending.answer) if pending.answer else \
                    self._answer_from_transcript(conversation_id, message_id)
            if pending.maybe_received:
                recovered = await self._recover(conversation_id, pending, late)
                if recovered is not None:
                    return recovered
                self._attempt(message_id)
            metadata = {"today": self.settings.today().isoformat(), "staff_available": pending.staff_available,
                        "handoff": pending.handoff, METADATA_KEY: message_id, META_LOCALE: pending.locale,
                        # the facts of the conversation's gemeente the bot's advice needs (its ombudsman)
                        "gemeente": self._gemeente(pending).for_the_bot()}
            try:
                said = await self.rasa.send(conversation_id, self.conversations.text_for_bot(pending), metadata)
            except RasaUnreachable:
                self._attempt(message_id, reached=False)
                return self._without_bot(conversation_id, pending, late, maybe_received=False)
            except RasaUnavailable as error:
                logger.warning("rasa did not answer in time for conversation %s: %s", conversation_id[:8], error)
                return self._without_bot(conversation_id, pending, late, maybe_received=True)
            view = said.view(METADATA_KEY, message_id)  # the stored turn, sent with the reply (bot/turn_channel.py)
            if view is None:  # a bot without that channel, or a turn it did not store: ask for the tracker
                view, actions_up = await asyncio.gather(self._stored_turn(conversation_id, message_id),
                                                        self.rasa.actions_up(said.instance))
            else:
                actions_up = await self.rasa.actions_up(said.instance)
            if view is None:  # Rasa answered but did not keep the turn (it failed half-way): its state is unknown
                logger.warning("rasa did not store the turn of message #%s", message_id)
            return await self._finish(conversation_id, pending, said.replies, said.handoff, view, actions_up, late)

    async def _recover(self, conversation_id: str, pending: Pending, late: bool) -> MessagesOut | None:
        """An earlier attempt may have reached Rasa: take its answer from the tracker if so."""
        tracker = await self._tracker(conversation_id)
        if tracker is None:
            raise StillWorking() if self._in_grace(pending) else NotDelivered()
        turn = replies_of_turn(tracker.get("events") or [], METADATA_KEY, pending.id)
        if turn is not None:
            logger.info("answer of message #%s taken from rasa's tracker", pending.id)
            said, intent = turn
            return await self._finish(conversation_id, pending, said.replies, said.handoff,
                                      TurnView.from_tracker(tracker, intent), True, late)
        if self._in_grace(pending):
            raise StillWorking()
        return None  # Rasa never got it: send it again

    def _in_grace(self, pending: Pending) -> bool:
        last = _aware(pending.last_attempt_at)
        return last is not None and utcnow() - last < timedelta(seconds=2 * self.settings.rasa_timeout_s)

    async def _finish(self, conversation_id: str, pending: Pending, replies: list[BotReply],
                      signal: HandoffSignal | None, view: TurnView | None, actions_up: bool,
                      late: bool) -> MessagesOut:
        """Store the bot's answer and apply its handoff signal. `view` None: Rasa's view of this
        turn is unknown, so the facts stay as they were and crisis words count as if the bot had
        not understood."""
        slots = view.slots if view else None
        forgot = view is not None and view.user_messages <= 1 and knows_something(pending.facts)
        gap = any(r.gap for r in replies) and await may_record_gap(self.conversations.limits, self.settings,
                                                                   conversation_id)
        person = safety_net.wants_a_person(pending.payload, pending.text, view.intent if view else None,
                                           bot_understood=view is not None)
        # the bot's own handoff signal decides; the net catches a crisis or a call for a person the bot left
        # unanswered (its action server down). The bot only offers a person when the words name no danger.
        if (person and signal is None and after_signal(pending.handoff, signal) not in WITH_A_PERSON
                and (view.active_loop if view else None) != "callback_form"):
            replies = replies + safety_net.handoff_replies(person, pending.staff_available, [r.text for r in replies],
                                                           pending.text, self._gemeente(pending).phone)
            if pending.staff_available:  # the API queues the chat itself
                signal = HandoffSignal("requested", person)
        elif not replies or not actions_up:
            replies = replies + [safety_net.fallback()]
        if late:
            replies = [safety_net.late_answer(pending.text)] + replies
        out = self._store(conversation_id, pending, replies, slots, forgot, signal, gap)
        if forgot:  # tell the bot the facts it lost
            with contextlib.suppress(RasaUnavailable):
                await self.rasa.set_slots(conversation_id, slots_to_restore(out.state.model_dump(mode="json")))
        return out

    def _without_bot(self, conversation_id: str, pending: Pending, late: bool, maybe_received: bool) -> MessagesOut:
        """Rasa did not answer. A crisis or a request for a person is queued by the API; a citizen
        who already waits for a person is told so; anything else waits for Rasa (503)."""
        person = safety_net.wants_a_person(pending.payload, pending.text, None, bot_understood=False)
        if person and pending.handoff not in store.WITH_STAFF:
            replies = safety_net.handoff_replies(person, pending.staff_available, [], pending.text,
                                                 self._gemeente(pending).phone)
            return self._store(conversation_id, pending, replies, None, False,
                               HandoffSignal("requested", person) if pending.staff_available else None)
        if pending.handoff in store.WITH_STAFF:
            return self._store(conversation_id, pending, [safety_net.still_waiting()], None, False, None)
        raise StillWorking() if maybe_received else NotDelivered()

    def _store(self, conversation_id: str, pending: Pending, replies: list[BotReply], slots: dict | None,
               forgot: bool, signal: HandoffSignal | None, gap: bool = False) -> MessagesOut:
        message = MessageIn(text=pending.text or None, payload=pending.payload)
        return self.conversations._store_turn(conversation_id, pending.id, message, replies, slots,
                                              forgot=forgot, signal=signal, gap=gap)

    def _gemeente(self, pending: Pending) -> Gemeente:
        return self.conversations.gemeenten.get(pending.gemeente)

    # --- what Rasa and the action server say -----------------------------------------------

    async def _stored_turn(self, conversation_id: str, message_id: int) -> TurnView | None:
        """The turn of that message in Rasa's stored tracker; None when it is not there."""
        tracker = await self._tracker(conversation_id)
        turn = replies_of_turn(tracker.get("events") or [], METADATA_KEY, message_id) if tracker else None
        return TurnView.from_tracker(tracker, turn[1]) if turn is not None else None

    async def _tracker(self, conversation_id: str) -> dict[str, Any] | None:
        try:
            return await self.rasa.tracker(conversation_id)
        except RasaUnavailable:
            return None

    # --- the database ----------------------------------------------------------------------

    def _load(self, conversation_id: str, message_id: int, attempt: bool = False) -> Pending:
        """The message as the delivery needs it (as it was before this call). `attempt`: a message that
        no earlier attempt may have reached goes to Rasa now, so the attempt is recorded at once."""
        with self.db.session() as session:
            message = session.get(Message, message_id)
            conversation = session.get(Conversation, conversation_id)
            delivery = session.get(MessageDelivery, message_id)
            if delivery is None:  # stored before deliveries were tracked
                delivery = MessageDelivery(message_id=message_id, conversation_id=conversation_id, attempts=0,
                                           maybe_received=False)
                session.add(delivery)
                session.flush()
            pending = Pending(
                id=message_id, text=message.text, payload=message.payload, delivered=message.delivered,
                answer=delivery.answer, attempts=delivery.attempts, last_attempt_at=delivery.last_attempt_at,
                maybe_received=delivery.maybe_received,
                facts=store.facts(conversation), handoff=store.status(session, conversation_id),
                staff_available=self.conversations._staff_available(conversation),
                gemeente=conversation.gemeente, locale=conversation.locale,
            )
            if attempt and not message.delivered and not delivery.maybe_received:
                self._record_attempt(delivery)
            return pending

    def _attempt(self, message_id: int, reached: bool = True) -> None:
        """Recorded before the message leaves (reached=True), corrected when Rasa was not reachable."""
        with self.db.session() as session:
            delivery = session.get(MessageDelivery, message_id)
            if reached:
                self._record_attempt(delivery)
            else:
                delivery.maybe_received = False

    @staticmethod
    def _record_attempt(delivery: MessageDelivery) -> None:
        delivery.attempts += 1
        delivery.last_attempt_at = utcnow()
        delivery.maybe_received = True

    def undelivered_before(self, session, conversation_id: str, message_id: int) -> list[int]:
        """The conversation's citizen messages before `message_id` that the bot did not get yet."""
        since = utcnow() - timedelta(hours=self.settings.retry_max_age_h)
        return list(session.scalars(select(Message.id).where(
            Message.conversation_id == conversation_id, Message.sender == "citizen",
            Message.delivered.is_(False), Message.id < message_id, Message.created_at >= since,
        ).order_by(Message.id)).all())

    def _answer_from_transcript(self, conversation_id: str, message_id: int) -> MessagesOut:
        with self.db.session() as session:
            conversation = session.get(Conversation, conversation_id)
            later = session.scalars(select(Message).where(
                Message.conversation_id == conversation_id, Message.id > message_id).order_by(Message.id)).all()
            messages = []
            for message in later:
                if message.sender == "citizen":
                    break
                if message.sender == "bot":
                    messages.append(BotMessage(text=message.text, buttons=message.buttons or [],
                                               sources=message.sources or []))
            state = State(**store.public_state(session, conversation))
        return MessagesOut(messages=messages, state=state, locale=conversation.locale)

    # --- the background job ----------------------------------------------------------------

    async def run(self) -> None:
        """Every WEGWIJS_RETRY_SECONDS: send undelivered messages again (Rasa may be back)."""
        while True:
            await asyncio.sleep(self.settings.retry_interval_s)
            try:
                await self.retry_undelivered()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the job must survive anything and try again
                logger.exception("retrying undelivered messages failed")

    async def retry_undelivered(self) -> int:
        since = utcnow() - timedelta(hours=self.settings.retry_max_age_h)
        with self.db.session() as session:
            rows = session.execute(
                select(Message.conversation_id, func.max(Message.id))
                .where(Message.sender == "citizen", Message.delivered.is_(False), Message.created_at >= since)
                .group_by(Message.conversation_id).order_by(func.min(Message.id)).limit(100)
            ).all()
        answered = 0
        for conversation_id, last_id in rows:
            if await self.locks.busy(conversation_id):
                continue  # a request of the citizen is on it
            async with self.locks.hold(conversation_id):
                if self._with_staff(conversation_id):
                    continue
                try:
                    await self.answer(conversation_id, last_id, all_late=True)
                    answered += 1
                except StillWorking:
                    continue
                except NotDelivered:
                    break  # Rasa is still down: next round
        return answered

    def _with_staff(self, conversation_id: str) -> bool:
        """A staff member has the chat: they read the messages; the bot must not answer them."""
        with self.db.session() as session:
            if responder(session, conversation_id) is not Responder.STAFF:
                return False
            for message in session.scalars(select(Message).where(
                    Message.conversation_id == conversation_id, Message.sender == "citizen",
                    Message.delivered.is_(False))):
                message.delivered = True
            return True

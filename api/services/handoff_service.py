"""Staff handoff (routes.md §5): the queue, claims, the live chat between staff and citizen,
hand back to the bot, close, call-backs, and who is online.

Everything is in the database (tables in api/models.py): a restart of the API keeps the queue,
the claims and the messages. The in-memory `StaffHub` only pushes changes to the staff consoles
(WebSocket) and wakes the citizen's long-poll on `/updates`.

Who has a conversation is the `handoffs` row: `claimed_by` is set with one conditional
`UPDATE handoffs SET claimed_by = … WHERE conversation_id = … AND claimed_by IS NULL`, so of two
simultaneous claims exactly one changes a row and the other gets a 409.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import httpx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session, selectinload

from api.core.config import Settings
from api.core.db import Database
from api.models import (
    Callback,
    Conversation,
    Handoff,
    HandoffEvent,
    Message,
    StaffNote,
    StaffUser,
    utcnow,
)
from api.schemas import MessageIn, MessagesOut, State
from api.services import auth
from api.services.auth import StaffIdentity
from api.services.knowledge_service import KnowledgeService
from knowledge.domain.dates import format_date_nl
from knowledge.domain.routing import ORGANISATIONS

logger = logging.getLogger("api.handoff")

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
DEADLINE_CLOSE_DAYS = 7
SAID_MESSAGES = 3
SAID_CHARS = 160
QUEUE_TRANSCRIPT = 20  # last messages per queue entry pushed over the WebSocket (all: "Bekijken")
MAX_STAFF_TEXT = 5000

ROUTE_LABELS = {
    "klacht": "Klacht", "bezwaar": "Bezwaar", "klacht_en_bezwaar": "Klacht en bezwaar",
    "ingebrekestelling": "Ingebrekestelling", "aanvraag": "Aanvraag",
}
ASKING_FOR_LABELS = {"self": "voor zichzelf", "relative": "voor een naaste (mantelzorger)"}
# Reasons that put a chat at the top of the queue (routes.md §5: danger, and urgent with priority).
PRIORITY_REASONS = ("crisis", "urgent")
REASON_LABELS = {
    "crisis": "Crisis of gevaar", "urgent": "Dringend: zorg stopt of geen zorg",
    "request": "Vroeg om een medewerker", "request_human": "Vroeg om een medewerker",
    "kastje_muur": "Van het kastje naar de muur", "angry": "Boos of wanhopig", "deadline": "Termijn bijna voorbij",
    "not_understood": "Wegwijs begreep het twee keer niet", "offer": "Wegwijs bood een medewerker aan",
}
OUTCOMES = {
    "beantwoord": "Vraag beantwoord",
    "doorverwezen": "Doorverwezen naar een organisatie",
    "terugbelafspraak": "Terugbelafspraak gemaakt",
    "crisis_opgevolgd": "Crisis: hulp ingeschakeld",
    "geen_reactie": "Inwoner reageerde niet meer",
    "anders": "Anders",
}
SENDER_LABELS = {"citizen": "Inwoner", "bot": "Wegwijs", "staff": "Medewerker"}
HANDOFF_LABELS = {
    "waiting": "Wacht op een medewerker", "active": "In gesprek met een medewerker", "returned": "Terug bij Wegwijs",
    "closed": "Afgesloten", "none": "Bij Wegwijs", "offered": "Medewerker aangeboden", "callback": "Terugbelverzoek",
}

JOINED = "U praat nu met {name}."
RETURNED = "U praat weer met Wegwijs, de digitale gids. Stel gerust uw vraag."
CLOSED = "De medewerker heeft het gesprek afgesloten. Heeft u nog een vraag? Typ die dan hier."


def waiting_text(ahead: int) -> str:
    if ahead <= 0:
        return "U wacht op een medewerker. Er wacht niemand voor u."
    if ahead == 1:
        return "U wacht op een medewerker. Er wacht 1 persoon voor u."
    return f"U wacht op een medewerker. Er wachten {ahead} personen voor u."


class HandoffError(Exception):
    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(HandoffError):
    status_code = 404


class Conflict(HandoffError):
    status_code = 409


class Invalid(HandoffError):
    status_code = 422


class BotNotReachable(HandoffError):
    status_code = 503


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _iso(value: datetime | None) -> str | None:
    value = _aware(value)
    return value.isoformat() if value else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + " …"


def mask_contact(contact: str) -> str:
    """For lists: 'j***@example.nl', '06******78'."""
    contact = contact.strip()
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = re.sub(r"\D", "", contact)
    if len(digits) >= 6:
        return digits[:2] + "*" * (len(digits) - 4) + digits[-2:]
    return "***"


@dataclass
class QueueRow:
    conversation: Conversation
    crisis: bool
    deadline_close: bool
    requested_at: datetime

    @property
    def key(self) -> tuple:
        return (0 if self.crisis else 1, 0 if self.deadline_close else 1, self.requested_at, self.conversation.id)


class StaffHub:
    """Open staff WebSockets and change notifications (one process)."""

    def __init__(self, still_allowed: Any = None) -> None:
        self.sockets: dict[Any, StaffIdentity] = {}
        # async (websocket) -> bool: the login behind a socket still counts (checked per message)
        self._still_allowed = still_allowed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dirty: asyncio.Event | None = None
        self._changed: asyncio.Condition | None = None

    def bind(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._dirty = asyncio.Event()
        self._changed = asyncio.Condition()

    def online(self) -> list[StaffIdentity]:
        users = {u.id: u for u in self.sockets.values() if u.may_use_console}
        return sorted(users.values(), key=lambda u: u.display_name)

    def online_count(self) -> int:
        return len(self.online())

    def connect(self, websocket: Any, user: StaffIdentity) -> None:
        self.sockets[websocket] = user
        self.poke()

    def disconnect(self, websocket: Any) -> None:
        if self.sockets.pop(websocket, None) is not None:
            self.poke()

    async def close_user(self, user_id: int) -> None:
        for websocket, user in list(self.sockets.items()):
            if user.id == user_id:
                self.sockets.pop(websocket, None)
                with contextlib.suppress(Exception):
                    await websocket.close(code=4401)
        self.poke()

    async def send_all(self, payload: dict) -> None:
        for websocket in list(self.sockets):
            if self._still_allowed is not None and not await self._still_allowed(websocket):
                await self.drop(websocket)
                continue
            try:
                await asyncio.wait_for(websocket.send_json(payload), timeout=5)
            except Exception:  # noqa: BLE001 - a broken socket is dropped
                self.sockets.pop(websocket, None)

    async def drop(self, websocket: Any) -> None:
        """A socket whose login no longer counts (logged out, deactivated, expired): close it."""
        if self.sockets.pop(websocket, None) is not None:
            self.poke()
        with contextlib.suppress(Exception):
            await websocket.close(code=4401)

    def poke(self) -> None:
        """Something changed: recompute the queue, wake long-polls. Call in the event loop."""
        if self._dirty is None:
            return
        self._dirty.set()
        asyncio.ensure_future(self._notify())

    def poke_threadsafe(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            if asyncio.get_running_loop() is loop:
                self.poke()
                return
        except RuntimeError:
            pass
        loop.call_soon_threadsafe(self.poke)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_change(self, timeout: float) -> None:
        if self._changed is None:
            await asyncio.sleep(timeout)
            return
        async with self._changed:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)


class HandoffService:
    def __init__(self, db: Database, knowledge: KnowledgeService, settings: Settings):
        self.db = db
        self.knowledge = knowledge
        self.settings = settings
        self.hub = StaffHub(still_allowed=self.socket_allowed)
        self.templates = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)),
                                     autoescape=select_autoescape(["html"]))
        self.templates.globals.update(outcomes=OUTCOMES)
        self._rasa = httpx.AsyncClient(base_url=settings.rasa_url, timeout=10,  # Rasa's API wants its token
                                       params={"token": settings.rasa_token} if settings.rasa_token else None)
        self._publisher: asyncio.Task | None = None
        self._listeners: list[tuple[Any, str, Any]] = []

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        self.hub.bind()
        self._install_listeners()
        self._publisher = asyncio.create_task(self._publish_queue())

    async def stop(self) -> None:
        if self._publisher is not None:
            self._publisher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._publisher
        for target, name, fn in self._listeners:
            event.remove(target, name, fn)
        self._listeners.clear()
        for websocket in list(self.hub.sockets):
            with contextlib.suppress(Exception):
                await websocket.close(code=1001)
        await self._rasa.aclose()

    def _install_listeners(self) -> None:
        """Notice every committed change to conversations (from any code path), and keep a
        claimed conversation's state `active` even if a bot turn that was under way writes it."""
        engine = self.db.engine
        watched = (Conversation, Message, Callback, Handoff, HandoffEvent, StaffNote)

        def before_flush(session: Session, _context, _instances) -> None:
            if session.bind is not engine:
                return
            for obj in list(session.dirty):
                if isinstance(obj, Conversation) and (obj.state or {}).get("handoff") != "active":
                    with session.no_autoflush:
                        claim = session.get(Handoff, obj.id)
                    if claim is not None and claim.status == "active":
                        obj.state = {**(obj.state or {}), "handoff": "active"}

        def after_flush(session: Session, _context) -> None:
            if session.bind is engine and any(
                isinstance(o, watched) for o in (*session.new, *session.dirty, *session.deleted)
            ):
                session.info["wegwijs_changed"] = True

        def after_commit(session: Session) -> None:
            if session.info.pop("wegwijs_changed", False):
                self.hub.poke_threadsafe()

        for name, fn in (("before_flush", before_flush), ("after_flush", after_flush), ("after_commit", after_commit)):
            event.listen(Session, name, fn)
            self._listeners.append((Session, name, fn))

    async def socket_allowed(self, websocket: Any) -> bool:
        """The session cookie of a staff WebSocket still belongs to an active console account."""
        user = await asyncio.to_thread(auth.session_user, self.db, websocket.cookies.get(auth.COOKIE_NAME))
        return user is not None and user.may_use_console

    # --- availability ----------------------------------------------------------------------

    def staff_available(self) -> bool:
        """Office hours (or always/never), and with office hours at least one staff member online."""
        if not self.settings.staff_available_now():
            return False
        if self.settings.staff_availability == "office-hours":
            return self.hub.online_count() > 0
        return True

    # --- citizen side ----------------------------------------------------------------------

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
            entry = self._entry(citizen, {})
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
            names = self._first_names(session, {staff_id for _, staff_id in rows if staff_id})
            messages = [
                {"id": m.id, "sender": m.sender, "text": m.text, "sources": m.sources or [],
                 "created_at": _iso(m.created_at),
                 **({"staff_name": names.get(staff_id)} if m.sender == "staff" else {})}
                for m, staff_id in rows
            ]
            state = {**State().model_dump(mode="json"), **(conversation.state or {})}
            claim = session.get(Handoff, conversation_id)
            status: dict[str, Any] = {"text": None, "position": None, "ahead": None, "staff_name": None}
            if claim is not None and claim.status == "active":
                state["handoff"] = "active"
                staff_name = self._first_names(session, {claim.claimed_by}).get(claim.claimed_by, "een medewerker")
                status.update(text=JOINED.format(name=staff_name), staff_name=staff_name)
            elif state.get("handoff") == "waiting":
                order = [row.conversation.id for row in self._queue_rows(session)]
                if conversation_id in order:
                    ahead = order.index(conversation_id)
                    status.update(text=waiting_text(ahead), position=ahead + 1, ahead=ahead)
            last_id = max([after] + [m["id"] for m in messages])
        return {"messages": messages, "state": State(**state).model_dump(mode="json"), "status": status,
                "last_id": last_id}

    # --- the queue -------------------------------------------------------------------------

    def _queue_rows(self, session: Session, with_messages: bool = False) -> list[QueueRow]:
        query = select(Conversation).where(Conversation.state["handoff"].as_string() == "waiting")
        if with_messages:
            query = query.options(selectinload(Conversation.messages))
        waiting = session.scalars(query).all()
        if not waiting:
            return []
        taken = set(session.scalars(
            select(Handoff.conversation_id).where(
                Handoff.conversation_id.in_([c.id for c in waiting]), Handoff.status == "active")
        ))
        today = self.settings.today()
        rows = []
        for conversation in waiting:
            if conversation.id in taken:
                continue
            deadline = _date((conversation.state or {}).get("deadline"))
            rows.append(QueueRow(
                conversation=conversation,
                crisis=conversation.handoff_reason in PRIORITY_REASONS,
                deadline_close=deadline is not None and (deadline - today).days <= DEADLINE_CLOSE_DAYS,
                requested_at=_aware(conversation.handoff_requested_at or conversation.updated_at
                                    or conversation.created_at),
            ))
        return sorted(rows, key=lambda r: r.key)

    def queue(self) -> list[dict]:
        """Waiting conversations, in the order staff should take them, each with its summary."""
        with self.db.session() as session:
            rows = self._queue_rows(session, with_messages=True)
            authors = self._staff_authors(session, [row.conversation.id for row in rows])
            return [self._summary(session, row.conversation, position=i + 1, transcript_limit=None, authors=authors)
                    for i, row in enumerate(rows)]

    def snapshot(self) -> dict:
        """What the console's queue page shows; pushed over the WebSocket when it changes."""
        with self.db.session() as session:
            rows = self._queue_rows(session, with_messages=True)
            authors = self._staff_authors(session, [row.conversation.id for row in rows])
            queue = [self._summary(session, row.conversation, position=i + 1, transcript_limit=QUEUE_TRANSCRIPT,
                                   authors=authors)
                     for i, row in enumerate(rows)]
            active = []
            claims = session.execute(
                select(Handoff, Conversation).join(Conversation, Conversation.id == Handoff.conversation_id)
                .where(Handoff.status == "active").order_by(Handoff.claimed_at)
                .options(selectinload(Conversation.messages))
            ).all()
            names = self._first_names(session, {claim.claimed_by for claim, _ in claims})
            for claim, conversation in claims:
                summary = self._summary(session, conversation, transcript_limit=0, authors={})
                summary["claimed_by"] = names.get(claim.claimed_by)
                summary["claimed_by_id"] = claim.claimed_by
                summary["claimed_at"] = _iso(claim.claimed_at)
                active.append(summary)
            open_callbacks = session.scalar(select(func.count()).select_from(Callback).where(Callback.status == "open"))
        online = [u.display_name for u in self.hub.online()]
        return {"queue": queue, "active": active, "callbacks_open": int(open_callbacks or 0), "online": online}

    def render_snapshot(self, snapshot: dict, viewer_id: int | None = None) -> dict:
        return {
            "queue": self.templates.get_template("staff/_queue.html").render(queue=snapshot["queue"]),
            "active": self.templates.get_template("staff/_active.html").render(active=snapshot["active"],
                                                                              me=viewer_id),
        }

    def queue_message(self, snapshot: dict) -> dict:
        return {
            "type": "queue",
            "server_time": utcnow().isoformat(),
            "count": len(snapshot["queue"]),
            "ids": [e["id"] for e in snapshot["queue"]],
            "active_ids": [e["id"] for e in snapshot["active"]],
            "callbacks_open": snapshot["callbacks_open"],
            "online": snapshot["online"],
            "html": self.render_snapshot(snapshot),
        }

    async def _publish_queue(self) -> None:
        """Push the queue to every console when it changes (at once on a change in this
        process; every 2 s as a safety net, e.g. for changes made by another API process)."""
        last = None
        hub = self.hub
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(hub._dirty.wait(), timeout=2.0)
            hub._dirty.clear()
            if not hub.sockets:
                last = None
                continue
            try:
                snapshot = await asyncio.to_thread(self.snapshot)
                key = json.dumps(snapshot, sort_keys=True, default=str)
                if key == last:
                    continue
                last = key
                message = await asyncio.to_thread(self.queue_message, snapshot)
                await hub.send_all(message)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep publishing
                logger.exception("queue push failed")
                await asyncio.sleep(1)

    # --- summaries -------------------------------------------------------------------------

    def _first_names(self, session: Session, staff_ids: set) -> dict[int, str]:
        ids = {i for i in staff_ids if i}
        if not ids:
            return {}
        users = session.scalars(select(StaffUser).where(StaffUser.id.in_(ids))).all()
        return {u.id: (u.display_name or u.username).split()[0] for u in users}

    def _staff_authors(self, session: Session, conversation_ids: list[str]) -> dict[int, str]:
        """Message id -> first name of the staff member who wrote it, for these conversations."""
        if not conversation_ids:
            return {}
        rows = session.execute(
            select(HandoffEvent.message_id, HandoffEvent.staff_id)
            .where(HandoffEvent.conversation_id.in_(conversation_ids), HandoffEvent.kind == "message")
        ).all()
        names = self._first_names(session, {staff_id for _, staff_id in rows})
        return {message_id: names.get(staff_id, "Medewerker") for message_id, staff_id in rows if message_id}

    def _entry(self, message: Message, authors: dict[int, str]) -> dict:
        who = authors.get(message.id) if message.sender == "staff" else None
        return {
            "id": message.id, "sender": message.sender, "text": message.text,
            "who": who or SENDER_LABELS.get(message.sender, message.sender),
            "sources": message.sources or [], "delivered": message.delivered,
            "created_at": _iso(message.created_at),
            "time": _aware(message.created_at).astimezone(self.settings.now().tzinfo).strftime("%H:%M"),
        }

    def _summary(self, session: Session, conversation: Conversation, position: int | None = None,
                 transcript_limit: int | None = None, authors: dict[int, str] | None = None) -> dict:
        state = {**State().model_dump(mode="json"), **(conversation.state or {})}
        messages = conversation.messages
        said = [_truncate(m.text, SAID_CHARS) for m in messages
                if m.sender == "citizen" and not m.payload and m.text.strip()][:SAID_MESSAGES]
        cards: dict[str, str] = {}
        for m in messages:
            if m.sender == "bot":
                for source in m.sources or []:
                    cards.setdefault(source.get("card_id", ""), source.get("title", ""))
        today = self.settings.today()
        decision = _date(state.get("decision_date"))
        deadline = _date(state.get("deadline"))
        days_left = (deadline - today).days if deadline else None
        requested = _aware(conversation.handoff_requested_at)
        if authors is None:
            authors = self._staff_authors(session, [conversation.id])
        shown = messages if transcript_limit is None else (messages[-transcript_limit:] if transcript_limit else [])
        organisation = state.get("organisation")
        return {
            "id": conversation.id,
            "short_id": conversation.id[:8],
            "position": position,
            "handoff": state.get("handoff"),
            "handoff_label": HANDOFF_LABELS.get(state.get("handoff") or "none", ""),
            "route": state.get("route"),
            "route_label": ROUTE_LABELS.get(state.get("route") or "", "Nog niet bekend"),
            "organisation": organisation,
            "organisation_label": ORGANISATIONS[organisation].name if organisation in ORGANISATIONS else "Nog niet bekend",
            "decision_date": decision.isoformat() if decision else None,
            "decision_date_label": format_date_nl(decision) if decision else "Niet bekend",
            "deadline": deadline.isoformat() if deadline else None,
            "deadline_label": format_date_nl(deadline) if deadline else "Geen termijn",
            "deadline_days_left": days_left,
            "deadline_close": days_left is not None and days_left <= DEADLINE_CLOSE_DAYS,
            "asking_for": state.get("asking_for"),
            "asking_for_label": ASKING_FOR_LABELS.get(state.get("asking_for") or "", "Niet bekend"),
            "reason": conversation.handoff_reason,
            "reason_label": REASON_LABELS.get(conversation.handoff_reason or "", conversation.handoff_reason or "Onbekend"),
            "crisis": conversation.handoff_reason in PRIORITY_REASONS,
            "requested_at": _iso(requested),
            "citizen_said": said,
            "cards": [{"card_id": k, "title": v} for k, v in cards.items() if k],
            "message_count": len(messages),
            "transcript": [self._entry(m, authors) for m in shown],
        }

    def conversation_detail(self, conversation_id: str, viewer: StaffIdentity) -> dict:
        with self.db.session() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                raise NotFound("Dit gesprek bestaat niet.")
            summary = self._summary(session, conversation)
            claim = session.get(Handoff, conversation_id)
            order = [row.conversation.id for row in self._queue_rows(session)]
            notes = session.execute(
                select(StaffNote, StaffUser.display_name).outerjoin(StaffUser, StaffUser.id == StaffNote.staff_id)
                .where(StaffNote.conversation_id == conversation_id).order_by(StaffNote.id)
            ).all()
            claimed_by = claim.claimed_by if claim is not None and claim.status == "active" else None
            summary.update(
                position=order.index(conversation_id) + 1 if conversation_id in order else None,
                waiting=conversation_id in order,
                claim_status=claim.status if claim is not None else None,
                outcome=claim.outcome if claim is not None else None,
                outcome_label=OUTCOMES.get(claim.outcome or "", "") if claim is not None else "",
                claimed_by_id=claimed_by,
                claimed_by=self._first_names(session, {claimed_by}).get(claimed_by) if claimed_by else None,
                mine=claimed_by == viewer.id,
                notes=[{"id": n.id, "text": n.text, "who": name or "Medewerker", "created_at": _iso(n.created_at),
                        "time": _aware(n.created_at).astimezone(self.settings.now().tzinfo).strftime("%d-%m %H:%M")}
                       for n, name in notes],
            )
            callback = session.scalar(select(Callback).where(Callback.conversation_id == conversation_id))
            summary["callback_id"] = callback.id if callback else None
            return summary

    # --- staff actions ---------------------------------------------------------------------

    def claim_in_db(self, conversation_id: str, user: StaffIdentity) -> dict:
        """The claim itself (sync, so two requests really run at the same time in threads).

        Both conditions, "nobody has it" and "the citizen waits", are in the one UPDATE: a chat that
        stops waiting (handed back, closed) between a check and the claim is never taken."""
        with self.db.session() as session:
            if session.get(Conversation, conversation_id) is None:
                raise NotFound("Dit gesprek bestaat niet.")
        with self.db.session() as session:  # make sure the row exists; a no-op if it does
            session.execute(self._insert_ignore(conversation_id))
        now = utcnow()
        waiting = select(Conversation.id).where(Conversation.id == conversation_id,
                                                Conversation.state["handoff"].as_string() == "waiting")
        with self.db.session() as session:
            changed = session.execute(
                update(Handoff)
                .where(Handoff.conversation_id == conversation_id, Handoff.claimed_by.is_(None),
                       Handoff.conversation_id.in_(waiting))
                .values(claimed_by=user.id, claimed_at=now, status="active", outcome=None, updated_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
            if changed == 1:
                conversation = session.get(Conversation, conversation_id)
                conversation.state = {**(conversation.state or {}), "handoff": "active"}
                notice = Message(conversation_id=conversation_id, sender="bot", text=JOINED.format(name=user.first_name))
                session.add(notice)
                session.flush()
                session.add(HandoffEvent(conversation_id=conversation_id, staff_id=user.id, kind="claimed",
                                         message_id=notice.id))
                entry = self._entry(notice, {})
        if changed != 1:
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
        name = self._first_names(session, {claim.claimed_by}).get(claim.claimed_by) if claim else None
        if name:
            return f"{name} heeft dit gesprek al overgenomen. Kies een ander gesprek uit de wachtrij."
        return "Een collega heeft dit gesprek al overgenomen. Kies een ander gesprek uit de wachtrij."

    def _insert_ignore(self, conversation_id: str):
        values = {"conversation_id": conversation_id, "status": "waiting", "updated_at": utcnow()}
        if self.db.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(Handoff).values(**values).on_conflict_do_nothing(index_elements=["conversation_id"])

    async def claim(self, conversation_id: str, user: StaffIdentity) -> dict:
        entry = await asyncio.to_thread(self.claim_in_db, conversation_id, user)
        await self._set_bot_handoff(conversation_id, "active", required=False)
        await self._push_message(conversation_id, entry)
        await self.hub.send_all({"type": "conversation", "conversation_id": conversation_id, "event": "claimed",
                                 "staff_id": user.id, "staff_name": user.first_name})
        self.hub.poke()
        return {"conversation_id": conversation_id, "claimed_by": user.first_name, "message": entry}

    def _require_mine(self, session: Session, conversation_id: str, user: StaffIdentity,
                      admin_may: bool = False) -> Handoff:
        """Only the staff member who claimed the chat writes in it; an admin may also hand back or
        close someone else's chat (e.g. when that colleague has left)."""
        if session.get(Conversation, conversation_id) is None:
            raise NotFound("Dit gesprek bestaat niet.")
        claim = session.get(Handoff, conversation_id)
        if claim is None or claim.status != "active":
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
            entry = self._entry(message, {message.id: user.first_name})
        await self._push_message(conversation_id, entry)
        return entry

    async def add_note(self, conversation_id: str, user: StaffIdentity, text: str) -> dict:
        text = (text or "").strip()
        if not text:
            raise Invalid("Typ eerst een notitie.")
        if len(text) > MAX_STAFF_TEXT:
            raise Invalid(f"Een notitie mag hoogstens {MAX_STAFF_TEXT} tekens hebben.")
        with self.db.session() as session:
            if session.get(Conversation, conversation_id) is None:
                raise NotFound("Dit gesprek bestaat niet.")
            note = StaffNote(conversation_id=conversation_id, staff_id=user.id, text=text)
            session.add(note)
            session.flush()
            out = {"id": note.id, "text": note.text, "who": user.display_name, "created_at": _iso(note.created_at),
                   "time": _aware(note.created_at).astimezone(self.settings.now().tzinfo).strftime("%d-%m %H:%M")}
        out_html = self.templates.get_template("staff/_note.html").render(n=out)
        await self.hub.send_all({"type": "note", "conversation_id": conversation_id, "note": out, "html": out_html})
        return out

    async def hand_back(self, conversation_id: str, user: StaffIdentity) -> dict:
        """The bot answers again: Rasa's slot first (if Rasa is down nothing changes), then the database."""
        with self.db.session() as session:
            self._require_mine(session, conversation_id, user, admin_may=True)
        await self._set_bot_handoff(conversation_id, "none", required=True)
        entry = self._end(conversation_id, user, status="returned", handoff="none", text=RETURNED, outcome=None)
        await self._after_end(conversation_id, user, entry, "returned")
        return {"conversation_id": conversation_id, "handoff": "none", "message": entry}

    async def close(self, conversation_id: str, user: StaffIdentity, outcome: str) -> dict:
        if outcome not in OUTCOMES:
            raise Invalid("Kies een uitkomst: " + ", ".join(OUTCOMES) + ".")
        with self.db.session() as session:
            self._require_mine(session, conversation_id, user, admin_may=True)
        await self._set_bot_handoff(conversation_id, "closed", required=True)
        entry = self._end(conversation_id, user, status="closed", handoff="closed", text=CLOSED, outcome=outcome)
        await self._after_end(conversation_id, user, entry, "closed")
        return {"conversation_id": conversation_id, "handoff": "closed", "outcome": outcome, "message": entry}

    def _end(self, conversation_id: str, user: StaffIdentity, status: str, handoff: str, text: str,
             outcome: str | None) -> dict:
        with self.db.session() as session:
            claim = self._require_mine(session, conversation_id, user, admin_may=True)
            claim.status = status
            claim.claimed_by = None
            claim.outcome = outcome
            conversation = session.get(Conversation, conversation_id)
            conversation.state = {**(conversation.state or {}), "handoff": handoff}
            notice = Message(conversation_id=conversation_id, sender="bot", text=text)
            session.add(notice)
            session.flush()
            session.add(HandoffEvent(conversation_id=conversation_id, staff_id=user.id, kind=status,
                                     outcome=outcome, message_id=notice.id))
            entry = self._entry(notice, {})
        logger.info("conversation %s %s by staff #%s%s", conversation_id[:8], status, user.id,
                    f" ({outcome})" if outcome else "")
        return entry

    async def _after_end(self, conversation_id: str, user: StaffIdentity, entry: dict, what: str) -> None:
        await self._push_message(conversation_id, entry)
        await self.hub.send_all({"type": "conversation", "conversation_id": conversation_id, "event": what,
                                 "staff_id": user.id, "staff_name": user.first_name})
        self.hub.poke()

    async def _set_bot_handoff(self, conversation_id: str, value: str, required: bool) -> None:
        try:
            response = await self._rasa.post(f"/conversations/{conversation_id}/tracker/events",
                                             json=[{"event": "slot", "name": "handoff", "value": value}])
            response.raise_for_status()
        except httpx.HTTPError as error:
            logger.warning("could not set the bot's handoff slot for %s: %s", conversation_id[:8], type(error).__name__)
            if required:
                raise BotNotReachable("Wegwijs (de bot) is nu niet bereikbaar. Er is niets veranderd. "
                                      "Probeer het zo opnieuw.") from error

    async def _push_message(self, conversation_id: str, entry: dict) -> None:
        html = self.templates.get_template("staff/_message.html").render(m=entry)
        await self.hub.send_all({"type": "message", "conversation_id": conversation_id, "message": entry,
                                 "html": html})

    # --- call-backs ------------------------------------------------------------------------

    def callbacks(self) -> list[dict]:
        with self.db.session() as session:
            rows = session.execute(
                select(Callback, Conversation).join(Conversation, Conversation.id == Callback.conversation_id)
                .order_by(Callback.status.desc(), Callback.created_at)
            ).all()
            return [self._callback(cb, conversation, full=False) for cb, conversation in rows]

    def callback_detail(self, callback_id: int, viewer: StaffIdentity) -> dict:
        with self.db.session() as session:
            callback = session.get(Callback, callback_id)
            if callback is None:
                raise NotFound("Dit terugbelverzoek bestaat niet.")
            conversation = session.get(Conversation, callback.conversation_id)
            out = self._callback(callback, conversation, full=True)
            out["summary"] = self._summary(session, conversation)
        logger.info("call-back #%s opened by staff #%s", callback_id, viewer.id)
        return out

    def set_callback_status(self, callback_id: int, status: str, user: StaffIdentity) -> dict:
        if status not in ("open", "done"):
            raise Invalid("Status is 'open' of 'done'.")
        with self.db.session() as session:
            callback = session.get(Callback, callback_id)
            if callback is None:
                raise NotFound("Dit terugbelverzoek bestaat niet.")
            callback.status = status
            out = self._callback(callback, session.get(Conversation, callback.conversation_id), full=False)
        logger.info("call-back #%s set to %s by staff #%s", callback_id, status, user.id)
        return out

    def _callback(self, callback: Callback, conversation: Conversation, full: bool) -> dict:
        state = conversation.state or {}
        out = {
            "id": callback.id,
            "conversation_id": callback.conversation_id,
            "contact_masked": mask_contact(callback.contact),
            "preferred_time": callback.preferred_time,
            "status": callback.status,
            "status_label": "Open" if callback.status == "open" else "Afgehandeld",
            "created_at": _iso(callback.created_at),
            "created_label": _aware(callback.created_at).astimezone(self.settings.now().tzinfo).strftime("%d-%m-%Y %H:%M"),
            "route_label": ROUTE_LABELS.get(state.get("route") or "", "Nog niet bekend"),
            "reason_label": REASON_LABELS.get(conversation.handoff_reason or "", conversation.handoff_reason or "Onbekend"),
        }
        if full:
            out["contact"] = callback.contact
        return out


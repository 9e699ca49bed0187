"""What staff needs to know about a conversation (the data; api/staff_views.py adds the Dutch
labels and renders it): route, organisation, dates, what the citizen said, the cards already
shown, the transcript, and for one conversation also the claim and the internal notes."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core.config import Settings
from api.models import Callback, Conversation, Handoff, HandoffEvent, Message, StaffNote, StaffUser
from api.services.auth import StaffIdentity
from api.services.gemeenten import gemeenten_of
from api.services.handoff import store
from api.services.handoff.errors import NotFound
from api.services.handoff.queue import PRIORITY_REASONS, queue_order
from api.services.handoff.times import aware, iso
from knowledge.domain.case import Case

SAID_MESSAGES = 3
SAID_CHARS = 160


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + " …"


def first_names(session: Session, staff_ids: set) -> dict[int, str]:
    ids = {i for i in staff_ids if i}
    if not ids:
        return {}
    users = session.scalars(select(StaffUser).where(StaffUser.id.in_(ids))).all()
    return {u.id: (u.display_name or u.username).split()[0] for u in users}


def staff_authors(session: Session, conversation_ids: list[str]) -> dict[int, str | None]:
    """Message id -> first name of the staff member who wrote it (None: unknown), for these conversations."""
    if not conversation_ids:
        return {}
    rows = session.execute(
        select(HandoffEvent.message_id, HandoffEvent.staff_id)
        .where(HandoffEvent.conversation_id.in_(conversation_ids), HandoffEvent.kind == "message")
    ).all()
    names = first_names(session, {staff_id for _, staff_id in rows})
    return {message_id: names.get(staff_id) for message_id, staff_id in rows if message_id}


def _gemeente_name(settings: Settings, code: str | None) -> str | None:
    """The gemeente's name for staff, when the installation serves more than one (else None)."""
    gemeenten = gemeenten_of(settings)
    return gemeenten.get(code).name if len(gemeenten.by_code) > 1 else None


def entry(message: Message, authors: dict[int, str | None], settings: Settings) -> dict:
    """One transcript line; `author` is the staff member's first name for a staff message."""
    return {
        "id": message.id, "sender": message.sender, "text": message.text,
        "author": authors.get(message.id) if message.sender == "staff" else None,
        "sources": message.sources or [], "delivered": message.delivered,
        "created_at": iso(message.created_at),
        "time": aware(message.created_at).astimezone(settings.now().tzinfo).strftime("%H:%M"),
    }

# The conversation's language as staff read it (the console is Dutch).
LANGUAGE_LABELS = {"nl": "Nederlands", "en": "Engels"}


def summary(session: Session, conversation: Conversation, settings: Settings, position: int | None = None,
            transcript_limit: int | None = None, authors: dict[int, str | None] | None = None) -> dict:
    state = store.public_state(session, conversation)
    messages = conversation.messages
    said = [_truncate(m.text, SAID_CHARS) for m in messages
            if m.sender == "citizen" and not m.payload and m.text.strip()][:SAID_MESSAGES]
    cards: dict[str, str] = {}
    for m in messages:
        if m.sender == "bot":
            for source in m.sources or []:
                cards.setdefault(source.get("card_id", ""), source.get("title", ""))
    case = Case.from_slots(state, today=settings.today())  # the state has the slots' names
    requested = aware(conversation.handoff_requested_at)
    if authors is None:
        authors = staff_authors(session, [conversation.id])
    shown = messages if transcript_limit is None else (messages[-transcript_limit:] if transcript_limit else [])
    return {
        "id": conversation.id,
        "short_id": conversation.id[:8],
        "gemeente": conversation.gemeente,  # CBS code (None: the default gemeente)
        "gemeente_name": _gemeente_name(settings, conversation.gemeente),
        "position": position,
        "locale": conversation.locale,  # the citizen's language: staff answer in it (issue 13)
        "language_label": LANGUAGE_LABELS.get(conversation.locale, conversation.locale),
        "handoff": state.get("handoff"),
        "route": state.get("route"),
        "organisation": state.get("organisation"),
        "decision_date": case.decision_date.isoformat() if case.decision_date else None,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "deadline_days_left": case.days_left(),
        "deadline_close": case.deadline_needs_haste(),
        "asking_for": state.get("asking_for"),
        "reason": conversation.handoff_reason,
        "crisis": conversation.handoff_reason in PRIORITY_REASONS,
        "requested_at": iso(requested),
        "citizen_said": said,
        "cards": [{"card_id": k, "title": v} for k, v in cards.items() if k],
        "message_count": len(messages),
        "transcript": [entry(m, authors, settings) for m in shown],
    }


def note(note: StaffNote, who: str, settings: Settings) -> dict:
    return {"id": note.id, "text": note.text, "who": who, "created_at": iso(note.created_at),
            "time": aware(note.created_at).astimezone(settings.now().tzinfo).strftime("%d-%m %H:%M")}


STAFF_ACTS = {"claimed": "active", "returned": "returned", "closed": "closed"}


def last_staff_act(session: Session, conversation_id: str) -> str | None:
    """How staff last left the chat (`active`, `returned`, `closed`), None if staff never had it;
    the console shows it while the bot answers again ("Teruggegeven aan Wegwijs.")."""
    kind = session.scalar(
        select(HandoffEvent.kind).where(HandoffEvent.conversation_id == conversation_id,
                                        HandoffEvent.kind.in_(STAFF_ACTS)).order_by(HandoffEvent.id.desc()).limit(1))
    return STAFF_ACTS.get(kind)


def conversation_detail(session: Session, settings: Settings, conversation_id: str, viewer: StaffIdentity,
                        queue: tuple[set[str] | None, str | None] = (None, None)) -> dict:
    """`queue`: the gemeente codes of the conversation's team queue and the default code (None: one queue)."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise NotFound("Dit gesprek bestaat niet.")
    out = summary(session, conversation, settings)
    claim = session.get(Handoff, conversation_id)
    order = queue_order(session, settings.today(), *queue)
    notes = session.execute(
        select(StaffNote, StaffUser.display_name).outerjoin(StaffUser, StaffUser.id == StaffNote.staff_id)
        .where(StaffNote.conversation_id == conversation_id).order_by(StaffNote.id)
    ).all()
    claimed_by = claim.claimed_by if claim is not None and claim.status == store.ACTIVE else None
    out.update(
        position=order.index(conversation_id) + 1 if conversation_id in order else None,
        waiting=conversation_id in order,
        claim_status=last_staff_act(session, conversation_id),
        outcome=claim.outcome if claim is not None else None,
        claimed_by_id=claimed_by,
        claimed_by=first_names(session, {claimed_by}).get(claimed_by) if claimed_by else None,
        mine=claimed_by == viewer.id,
        notes=[note(n, name or "Medewerker", settings) for n, name in notes],
    )
    callback = session.scalar(select(Callback).where(Callback.conversation_id == conversation_id))
    out["callback_id"] = callback.id if callback else None
    return out

"""Who answers a conversation: the one store of the handoff state, and its state machine.

The `handoffs` row of a conversation holds its status (no row: `none`), and every reader derives
the public `state.handoff` from it (`public_state`). It changes in two ways only:

- the bot *signals* (a custom payload in its reply, read by api/services/rasa_client.py) and the
  API decides with `after_signal`: `offered`, `requested` (→ `waiting`), `declined` (→ `none`),
  `callback`. A bot turn never ends `waiting` or `active`: only staff does that;
- staff claims (`waiting` → `active`), hands back (→ `none`) or closes (→ `closed`), see claims.py.

Every change is one conditional UPDATE on that row (compare and set), so a bot turn that was under
way while staff claimed the chat cannot undo the claim, and of two claims exactly one wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.models import Conversation, Handoff, utcnow
from api.schemas import State
from api.services.handoff.listeners import mark_changed

NONE, OFFERED, WAITING, ACTIVE, CALLBACK, CLOSED = "none", "offered", "waiting", "active", "callback", "closed"
WITH_STAFF = (WAITING, ACTIVE)  # ended only by staff
# What a bot signal asks for (bot/actions/context.py handoff_signal).
SIGNALS = {"offered": OFFERED, "requested": WAITING, "declined": NONE, "callback": CALLBACK}
LEGACY = {"returned": NONE}  # a row handed back by an earlier version


@dataclass(frozen=True)
class HandoffSignal:
    """The bot's (or the API's safety net's) request to change who answers."""

    kind: str  # a key of SIGNALS
    reason: str | None = None


def after_signal(current: str, signal: HandoffSignal | None) -> str:
    """The status after a signal: the state machine's bot side."""
    if signal is None or signal.kind not in SIGNALS or current in WITH_STAFF:
        return current
    return SIGNALS[signal.kind]


def _stored(session: Session, conversation_id: str) -> str | None:
    # a column query, never an object from the session's identity map: always what is committed now
    return session.scalar(select(Handoff.status).where(Handoff.conversation_id == conversation_id))


def public(stored: str | None) -> str:
    return LEGACY.get(stored, stored) if stored else NONE


def status(session: Session, conversation_id: str) -> str:
    return public(_stored(session, conversation_id))


def facts(conversation: Conversation) -> dict[str, Any]:
    """The case facts kept on the conversation (route, organisation, dates, asking_for)."""
    stored = {k: v for k, v in (conversation.state or {}).items() if k != "handoff"}
    return {**empty_facts(), **stored}


def empty_facts() -> dict[str, Any]:
    return {k: v for k, v in State().model_dump(mode="json").items() if k != "handoff"}


def public_state(session: Session, conversation: Conversation, handoff: str | None = None) -> dict[str, Any]:
    """The state the widget and the console see: the facts plus who answers."""
    return {**facts(conversation), "handoff": handoff or status(session, conversation.id)}


def ensure_row(session: Session, conversation_id: str) -> None:
    """The conversation's row, inserted if missing (a no-op if it exists, also under a race)."""
    values = {"conversation_id": conversation_id, "status": NONE, "updated_at": utcnow()}
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(Handoff).values(**values).on_conflict_do_nothing(index_elements=["conversation_id"]))


def _compare_and_set(session: Session, conversation_id: str, stored: str | None, new: str, **values) -> bool:
    changed = session.execute(
        update(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.status == stored)
        .values(status=new, updated_at=utcnow(), **values).execution_options(synchronize_session=False)
    ).rowcount
    if changed:
        mark_changed(session)
    return changed == 1


def apply_signal(session: Session, conversation_id: str, signal: HandoffSignal | None) -> tuple[str, str]:
    """Apply a signal; returns (status before, status after)."""
    if signal is None:
        current = status(session, conversation_id)
        return current, current
    ensure_row(session, conversation_id)
    while True:
        stored = _stored(session, conversation_id)
        before = public(stored)
        after = after_signal(before, signal)
        if after == before or _compare_and_set(session, conversation_id, stored, after):
            return before, after
        # staff changed the row in between: decide again on what it is now


def claim(session: Session, conversation_id: str, staff_id: int) -> bool:
    """`waiting` → `active` for this staff member, if nobody has it; True when this claim won.
    (A waiting conversation has its row: the signal that queued it made it.)"""
    now = utcnow()
    changed = session.execute(
        update(Handoff)
        .where(Handoff.conversation_id == conversation_id, Handoff.status == WAITING, Handoff.claimed_by.is_(None))
        .values(status=ACTIVE, claimed_by=staff_id, claimed_at=now, outcome=None, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed:
        mark_changed(session)
    return changed == 1


def end(session: Session, conversation_id: str, new: str, outcome: str | None) -> bool:
    """Staff ends its chat: `active` → `none` (handed back) or `closed`."""
    return _compare_and_set(session, conversation_id, ACTIVE, new, claimed_by=None, outcome=outcome)

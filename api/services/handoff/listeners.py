"""Session listeners: notice every committed change to conversations (from any code path), and
keep a claimed conversation's state `active` even if a bot turn that was under way writes it."""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from api.models import Callback, Conversation, Handoff, HandoffEvent, Message, StaffNote

WATCHED = (Conversation, Message, Callback, Handoff, HandoffEvent, StaffNote)


def install(engine: Engine, on_commit: Callable[[], None]) -> list[tuple[Any, str, Any]]:
    """Listen on sessions bound to `engine`; call `on_commit` after a commit that changed a watched
    row. Returns what `remove` needs."""

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
            isinstance(o, WATCHED) for o in (*session.new, *session.dirty, *session.deleted)
        ):
            session.info["wegwijs_changed"] = True

    def after_commit(session: Session) -> None:
        if session.info.pop("wegwijs_changed", False):
            on_commit()

    installed = []
    for name, fn in (("before_flush", before_flush), ("after_flush", after_flush), ("after_commit", after_commit)):
        event.listen(Session, name, fn)
        installed.append((Session, name, fn))
    return installed


def remove(installed: list[tuple[Any, str, Any]]) -> None:
    for target, name, fn in installed:
        event.remove(target, name, fn)
    installed.clear()

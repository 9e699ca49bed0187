"""Session listeners: notice every committed change to conversations (from any code path) and
tell the hub. They only notify; they never change what is stored."""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from api.models import Callback, Conversation, Handoff, HandoffEvent, Message, StaffNote

WATCHED = (Conversation, Message, Callback, Handoff, HandoffEvent, StaffNote)


CHANGED = "wegwijs_changed"


def mark_changed(session: Session) -> None:
    """A change made with an UPDATE statement (not through a watched object) counts too."""
    session.info[CHANGED] = True


def install(engine: Engine, on_commit: Callable[[], None]) -> list[tuple[Any, str, Any]]:
    """Listen on sessions bound to `engine`; call `on_commit` after a commit that changed a watched
    row. Returns what `remove` needs."""

    def after_flush(session: Session, _context) -> None:
        if session.bind is engine and any(
            isinstance(o, WATCHED) for o in (*session.new, *session.dirty, *session.deleted)
        ):
            mark_changed(session)

    def after_commit(session: Session) -> None:
        if session.info.pop(CHANGED, False):
            on_commit()

    installed = []
    for name, fn in (("after_flush", after_flush), ("after_commit", after_commit)):
        event.listen(Session, name, fn)
        installed.append((Session, name, fn))
    return installed


def remove(installed: list[tuple[Any, str, Any]]) -> None:
    for target, name, fn in installed:
        event.remove(target, name, fn)
    installed.clear()

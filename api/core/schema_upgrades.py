"""Changes to tables that already exist. `create_all` only adds missing tables, so a database made
by an earlier version gets these here, once (each step checks first)."""
from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

# (table, column): VARCHAR(n) that became TEXT. SQLite does not enforce lengths; PostgreSQL does.
WIDENED_TO_TEXT = [("callbacks", "contact")]


def upgrade_schema(engine: Engine) -> None:
    move_handoff_into_its_row(engine)
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for table, column in WIDENED_TO_TEXT:
            kind = connection.execute(text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table AND column_name = :column"
            ), {"table": table, "column": column}).scalar()
            if kind == "character varying":
                connection.execute(text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text"))


# What an earlier version kept in conversations.state["handoff"], as the handoffs row's status.
KEPT_STATUSES = ("offered", "waiting", "callback", "closed")


def move_handoff_into_its_row(engine: Engine) -> None:
    """Earlier versions kept who answers twice: in `conversations.state` (JSON, key `handoff`) and
    as an `active` row in `handoffs` while staff had the chat. Now the row is the one store: the
    JSON value moves into it (an `active` row stays as it is) and leaves the JSON. Conversations
    without the key (all of them after the first start) are not touched. Times are kept, so the
    move is no activity for the retention job."""
    from api.models import Conversation, Handoff

    with Session(engine) as session, session.begin():
        legacy = session.execute(
            select(Conversation.id, Conversation.state, Conversation.updated_at)
            .where(Conversation.state["handoff"].as_string().is_not(None))).all()
        for conversation_id, state, updated_at in legacy:
            row = session.execute(select(Handoff.status, Handoff.updated_at)
                                  .where(Handoff.conversation_id == conversation_id)).first()
            value = state.get("handoff")
            status = value if value in KEPT_STATUSES else "none"
            if row is None:
                session.add(Handoff(conversation_id=conversation_id, status=status, updated_at=updated_at))
            elif row.status != "active":
                session.execute(update(Handoff).where(Handoff.conversation_id == conversation_id).values(
                    status=status, claimed_by=None, updated_at=row.updated_at))
            session.execute(update(Conversation).where(Conversation.id == conversation_id).values(
                state={k: v for k, v in state.items() if k != "handoff"}, updated_at=updated_at))

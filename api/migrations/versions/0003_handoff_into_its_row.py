"""Who answers a conversation lives in its `handoffs` row only.

Earlier versions kept it twice: in `conversations.state` (JSON, key `handoff`) and as an `active`
row in `handoffs` while staff had the chat. The JSON value moves into the row (an `active` row stays
as it is) and leaves the JSON. Conversations without the key are not touched. Times are kept, so
the move is no activity for the retention job (api/services/retention.py).

The tables are described here as they were at this revision, not imported from api/models.py.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# What an earlier version kept in conversations.state["handoff"], as the handoffs row's status.
KEPT_STATUSES = ("offered", "waiting", "callback", "closed")

conversations = sa.table("conversations", sa.column("id", sa.String), sa.column("state", sa.JSON),
                         sa.column("updated_at", sa.DateTime(timezone=True)))
handoffs = sa.table("handoffs", sa.column("conversation_id", sa.String), sa.column("status", sa.String),
                    sa.column("claimed_by", sa.Integer), sa.column("updated_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    bind = op.get_bind()
    legacy = bind.execute(sa.select(conversations.c.id, conversations.c.state, conversations.c.updated_at)
                          .where(conversations.c.state["handoff"].as_string().is_not(None))).all()
    for conversation_id, state, updated_at in legacy:
        row = bind.execute(sa.select(handoffs.c.status, handoffs.c.updated_at)
                           .where(handoffs.c.conversation_id == conversation_id)).first()
        value = state.get("handoff")
        status = value if value in KEPT_STATUSES else "none"
        if row is None:
            bind.execute(sa.insert(handoffs).values(conversation_id=conversation_id, status=status,
                                                    updated_at=updated_at))
        elif row.status != "active":
            bind.execute(sa.update(handoffs).where(handoffs.c.conversation_id == conversation_id)
                         .values(status=status, claimed_by=None, updated_at=row.updated_at))
        bind.execute(sa.update(conversations).where(conversations.c.id == conversation_id)
                     .values(state={k: v for k, v in state.items() if k != "handoff"}, updated_at=updated_at))


def downgrade() -> None:
    pass  # nothing to undo: the row holds the same value, and the JSON copy is not read any more

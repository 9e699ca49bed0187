"""Baseline: the tables as api/models.py had them when migrations began.

A database made before then (by `create_all`, without `alembic_version`) already has these tables,
or some of them: what exists is kept as it is, with its rows; only missing tables and indexes are
added (IF NOT EXISTS). The next revisions bring the older column types and data up to date.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def conversation_id(ondelete: str = "CASCADE") -> list[sa.SchemaItem]:
    return [sa.Column("conversation_id", sa.String(32), nullable=False),
            sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete=ondelete)]


def staff_id(name: str, nullable: bool = True, ondelete: str = "SET NULL") -> list[sa.SchemaItem]:
    return [sa.Column(name, sa.Integer(), nullable=nullable),
            sa.ForeignKeyConstraint([name], ["staff_users.id"], ondelete=ondelete)]


def serial_id() -> sa.Column:
    return sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)


def table(name: str, *items: sa.SchemaItem | list[sa.SchemaItem], primary_key: str = "id") -> None:
    flat = [item for entry in items for item in (entry if isinstance(entry, list) else [entry])]
    op.create_table(name, *flat, sa.PrimaryKeyConstraint(primary_key), if_not_exists=True)


def index(table_name: str, column: str) -> None:
    op.create_index(f"ix_{table_name}_{column}", table_name, [column], unique=False, if_not_exists=True)


def upgrade() -> None:
    table("conversations",
          sa.Column("id", sa.String(32), nullable=False),
          sa.Column("locale", sa.String(5), nullable=False),
          at("created_at"), at("updated_at"),
          sa.Column("state", sa.JSON(), nullable=False),
          sa.Column("staff_available_override", sa.Boolean(), nullable=True),
          at("handoff_requested_at", nullable=True),
          sa.Column("handoff_reason", sa.String(40), nullable=True))
    table("knowledge_gaps", serial_id(), sa.Column("question", sa.Text(), nullable=False), at("created_at"))
    index("knowledge_gaps", "created_at")
    table("staff_users", serial_id(),
          sa.Column("username", sa.String(80), nullable=False),
          sa.Column("display_name", sa.String(120), nullable=False),
          sa.Column("role", sa.String(10), nullable=False),
          sa.Column("password_hash", sa.String(255), nullable=False),
          sa.Column("active", sa.Boolean(), nullable=False),
          at("created_at"),
          sa.UniqueConstraint("username"))
    table("callbacks", serial_id(), conversation_id(),
          sa.Column("contact", sa.Text(), nullable=False),
          sa.Column("preferred_time", sa.String(200), nullable=False),
          sa.Column("status", sa.String(20), nullable=False),
          at("created_at"),
          sa.UniqueConstraint("conversation_id"))
    table("card_drafts",
          sa.Column("card_id", sa.String(120), nullable=False),
          sa.Column("text", sa.Text(), nullable=False),
          staff_id("updated_by"), at("updated_at"), primary_key="card_id")
    table("card_versions", serial_id(),
          sa.Column("card_id", sa.String(120), nullable=False),
          sa.Column("version", sa.Integer(), nullable=False),
          sa.Column("text", sa.Text(), nullable=False),
          sa.Column("source", sa.String(20), nullable=False),
          staff_id("created_by"),
          sa.Column("created_by_name", sa.String(120), nullable=False),
          at("created_at"))
    index("card_versions", "card_id")
    table("editor_audit", serial_id(), at("at"), staff_id("user_id"),
          sa.Column("username", sa.String(80), nullable=False),
          sa.Column("action", sa.String(20), nullable=False),
          sa.Column("card_id", sa.String(120), nullable=False),
          sa.Column("version", sa.Integer(), nullable=True),
          sa.Column("old_text", sa.Text(), nullable=True),
          sa.Column("new_text", sa.Text(), nullable=False))
    index("editor_audit", "card_id")
    table("feedback", serial_id(), conversation_id(),
          sa.Column("card_id", sa.String(120), nullable=True),
          sa.Column("question", sa.Text(), nullable=False),
          sa.Column("helpful", sa.Boolean(), nullable=False),
          at("created_at"))
    index("feedback", "conversation_id")
    table("handoffs", conversation_id(),
          sa.Column("status", sa.String(20), nullable=False),
          staff_id("claimed_by"), at("claimed_at", nullable=True),
          sa.Column("outcome", sa.String(40), nullable=True),
          at("updated_at"), primary_key="conversation_id")
    table("messages", serial_id(), conversation_id(),
          sa.Column("sender", sa.String(10), nullable=False),
          sa.Column("text", sa.Text(), nullable=False),
          sa.Column("payload", sa.Text(), nullable=True),
          sa.Column("buttons", sa.JSON(), nullable=False),
          sa.Column("sources", sa.JSON(), nullable=False),
          sa.Column("delivered", sa.Boolean(), nullable=False),
          at("created_at"))
    index("messages", "conversation_id")
    table("staff_notes", serial_id(), conversation_id(), staff_id("staff_id"),
          sa.Column("text", sa.Text(), nullable=False), at("created_at"))
    index("staff_notes", "conversation_id")
    table("staff_sessions",
          sa.Column("token_hash", sa.String(64), nullable=False),
          staff_id("user_id", nullable=False, ondelete="CASCADE"),
          at("created_at"), at("expires_at"), primary_key="token_hash")
    index("staff_sessions", "user_id")
    table("handoff_events", serial_id(), conversation_id(), staff_id("staff_id"),
          sa.Column("kind", sa.String(20), nullable=False),
          sa.Column("outcome", sa.String(40), nullable=True),
          sa.Column("message_id", sa.Integer(), nullable=True),
          sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
          at("created_at"))
    index("handoff_events", "conversation_id")
    index("handoff_events", "message_id")
    table("message_deliveries",
          sa.Column("message_id", sa.Integer(), nullable=False),
          sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
          conversation_id(),
          sa.Column("client_message_id", sa.String(64), nullable=True),
          sa.Column("attempts", sa.Integer(), nullable=False),
          at("last_attempt_at", nullable=True),
          sa.Column("maybe_received", sa.Boolean(), nullable=False),
          sa.Column("answer", sa.JSON(), nullable=True),
          sa.UniqueConstraint("conversation_id", "client_message_id"), primary_key="message_id")
    index("message_deliveries", "conversation_id")


def downgrade() -> None:
    raise NotImplementedError("The baseline is never undone: that would empty the database.")

"""Tables: conversations, their messages, feedback on answers and call-back requests.

A change here needs a migration in api/migrations/versions/ (`.venv/bin/alembic revision --autogenerate
-m "..."`); tests/api/test_migrations.py fails until the two agree."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core.db import Base


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    locale: Mapped[str] = mapped_column(String(5), default="nl")
    # CBS code of the gemeente whose widget started it (gemeenten/<code>.yml); None: the default gemeente
    gemeente: Mapped[str | None] = mapped_column(String(4), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    # None: follow the office-hours setting; True/False: set by a test or evaluation header.
    staff_available_override: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    handoff_requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    handoff_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", order_by="Message.id", cascade="all, delete-orphan"
    )


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    sender: Mapped[str] = mapped_column(String(10))  # citizen | bot | staff
    text: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)
    buttons: Mapped[list] = mapped_column(JSON, default=list)
    sources: Mapped[list] = mapped_column(JSON, default=list)
    delivered: Mapped[bool] = mapped_column(Boolean, default=True)  # False: the bot was unreachable
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")


class Feedback(Base):
    """A citizen's answer to "Heeft dit geholpen?", for the editors."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[str | None] = mapped_column(String(120), nullable=True)
    question: Mapped[str] = mapped_column(Text, default="")
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Callback(Base):
    """A call-back request made when no staff member was available."""

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), unique=True)
    contact: Mapped[str] = mapped_column(Text)  # an e-mail address may be 254 characters
    preferred_time: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --- Staff handoff and console (added for api/routes/staff.py, api/services/handoff/) ---


class StaffUser(Base):
    """A front-office account. Roles: staff and admin use the console; editor does not."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(10))  # staff | editor | admin
    # The team whose gemeenten' chats a staff member sees (staff_team in gemeenten/<code>.yml);
    # None: the default gemeente's team. An admin sees every team's.
    team: Mapped[str | None] = mapped_column(String(40), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StaffSession(Base):
    """A login: the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Handoff(Base):
    """Who answers a conversation: the one store of `state.handoff` (api/services/handoff/store.py).
    No row: `none`. Changed only by conditional UPDATEs (a claim: ... WHERE status = 'waiting' AND
    claimed_by IS NULL)."""

    __tablename__ = "handoffs"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    # none | offered | waiting | active | callback | closed (`returned`: handed back, by an earlier version)
    status: Mapped[str] = mapped_column(String(20), default="none")
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class HandoffEvent(Base):
    """What staff did: claimed, message, notice (shown to the citizen), returned, closed.

    `message_id` points at the message the citizen sees (staff messages and notices); the
    citizen's `/updates` returns exactly those messages."""

    __tablename__ = "handoff_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(40), nullable=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StaffNote(Base):
    """An internal note on a conversation; never shown to the citizen."""

    __tablename__ = "staff_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --- Editors' tools (added for api/routes/editor.py, api/services/card_publisher.py) ---
# The card files stay the source of truth; these tables hold drafts,
# published versions (for history and rollback), the audit log and knowledge gaps.


class CardDraft(Base):
    """An unpublished edit of a card (one per card; the last save wins). Never read by the bot."""

    __tablename__ = "card_drafts"

    card_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class CardVersion(Base):
    """A card text that was live: published in the editor, rolled back, or found in the file."""

    __tablename__ = "card_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    card_id: Mapped[str] = mapped_column(String(120), index=True)
    version: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … per card
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # file | publish | rollback
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    created_by_name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(Base):
    """Who changed which card when, with the old and the new text."""

    __tablename__ = "editor_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True)
    username: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(20))  # publish | rollback
    card_id: Mapped[str] = mapped_column(String(120), index=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    old_text: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: a new card
    new_text: Mapped[str] = mapped_column(Text)


class KnowledgeGap(Base):
    """A free question no card answered well enough (personal numbers masked before storing)."""

    __tablename__ = "knowledge_gaps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


# --- Delivery of citizen messages to the bot (api/services/delivery.py) ---


class MessageDelivery(Base):
    """A citizen message on its way to the bot. `client_message_id` is the widget's id for the
    message: the same id again is the same message (a resend), answered with `answer` and never
    stored or processed twice. `maybe_received`: an attempt may have reached Rasa (a timeout, a
    crash), so Rasa's tracker is asked before the message is sent again."""

    __tablename__ = "message_deliveries"
    __table_args__ = (UniqueConstraint("conversation_id", "client_message_id"),)

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    client_message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    maybe_received: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # the response, for a resend

"""One installation, many gemeenten (issue 14): a conversation keeps the CBS code of the gemeente
whose widget started it, and a staff account the team whose chats it sees.

Both columns may be empty: a conversation of an earlier version belongs to the default gemeente,
an account without a team to the default gemeente's team (knowledge/domain/gemeenten.py).

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("conversations", sa.Column("gemeente", sa.String(length=4), nullable=True))
    op.create_index(op.f("ix_conversations_gemeente"), "conversations", ["gemeente"], unique=False)
    op.add_column("staff_users", sa.Column("team", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column("staff_users", "team")
    op.drop_index(op.f("ix_conversations_gemeente"), table_name="conversations")
    op.drop_column("conversations", "gemeente")

"""callbacks.contact became TEXT (an e-mail address may be 254 characters).

An earlier version made it VARCHAR(200). SQLite does not enforce lengths; PostgreSQL does, so there
the column is widened when it is still a VARCHAR.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    contact = next(c for c in sa.inspect(bind).get_columns("callbacks") if c["name"] == "contact")
    if getattr(contact["type"], "length", None) is not None:
        op.alter_column("callbacks", "contact", type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    pass  # TEXT stays: a shorter column could not hold the addresses stored since

"""Changes to tables that already exist. `create_all` only adds missing tables, so a database made
by an earlier version gets these here, once (each step checks first)."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

# (table, column): VARCHAR(n) that became TEXT. SQLite does not enforce lengths; PostgreSQL does.
WIDENED_TO_TEXT = [("callbacks", "contact")]


def upgrade_schema(engine: Engine) -> None:
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

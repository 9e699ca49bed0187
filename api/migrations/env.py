"""Alembic's entry point: migrates the API's database (api/models.py) and nothing else in it.

Run by the API at start (api/core/migrate.py, which hands over its connection) or by a developer:

    .venv/bin/alembic revision --autogenerate -m "what changed"   # after changing api/models.py
    .venv/bin/alembic upgrade head                                # DATABASE_URL, as the API reads it
"""
from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from api import models  # noqa: F401  (registers the tables)
from api.core.db import Base, make_engine
from api.core.migrate import include_name


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, include_name=include_name,
                      # SQLite changes a column by copying its table ("batch" mode)
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("Wegwijs migrates a live database only (no --sql).")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from api.core.config import get_settings

    engine = make_engine(get_settings().database_url)
    try:
        with engine.begin() as connection:
            run_migrations(connection)
    finally:
        engine.dispose()


main()

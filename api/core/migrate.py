"""Schema migrations (Alembic, api/migrations/): every start brings the database to the newest
revision before anything reads it.

- A new database gets every table. A database made before migrations existed (tables, no
  `alembic_version`) keeps its tables and rows: the baseline adds only what is missing, the later
  revisions change what an earlier version left (api/migrations/versions/).
- Several API processes may start at once (workers, a second host): one migrates, the others wait
  for it and then find nothing to do. PostgreSQL: a transaction-level advisory lock, and the whole
  upgrade in that transaction. SQLite: an exclusive lock on a file beside the database.
"""
from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
# pg_advisory_xact_lock's key for "migrating the Wegwijs schema" (any constant, the same everywhere)
MIGRATION_LOCK_KEY = 0x57E6_3115
# Rasa's SQL tracker store keeps its conversations in the same database (bot/endpoints.yml): its
# table is Rasa's to manage, never ours to drop or change.
RASA_TABLES = {"events"}


def include_name(name: str | None, type_: str, _parent_names: dict) -> bool:
    """What autogenerate compares: everything but Rasa's tables."""
    return not (type_ == "table" and name in RASA_TABLES)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    with _only_migrator(engine) as connection:
        command.upgrade(alembic_config(connection), "head")


@contextlib.contextmanager
def _only_migrator(engine: Engine) -> Iterator[Connection]:
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
            yield connection
        return
    with _file_lock(engine.url.database), engine.begin() as connection:
        yield connection


@contextlib.contextmanager
def _file_lock(database: str | None) -> Iterator[None]:
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)

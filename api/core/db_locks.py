"""Locks in the database, for work that must be done by one API worker process at a time (no table
of their own: nothing to migrate).

- `write_lock(session, name)`: until the session's transaction ends. PostgreSQL:
  `pg_advisory_xact_lock` on a number made from `name`; SQLite: `BEGIN IMMEDIATE`, the database's
  one write lock (so `name` does not matter there, and it must come before the session's first
  write). Another session waits for it (SQLite: up to its busy timeout, 5 s).
- `held_lock(engine, name)`: around work that uses several connections of its own (creating the
  tables at start). PostgreSQL: a session-level advisory lock on one connection, let go when the
  block ends or that connection dies; SQLite: nothing (one process).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session


def lock_number(name: str) -> int:
    """A stable signed 64-bit number for PostgreSQL's advisory locks."""
    return int.from_bytes(hashlib.sha256(f"wegwijs:{name}".encode()).digest()[:8], "big", signed=True)


def write_lock(session: Session, name: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_number(name)})
    else:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def held_lock(engine: Engine, name: str) -> Iterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": lock_number(name)})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_number(name)})
            connection.commit()

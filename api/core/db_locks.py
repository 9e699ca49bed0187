"""Locks in the database, for work that must be done by one API worker process at a time (no table
of their own: nothing to migrate).

- `write_lock(session, name)`: until the session's transaction ends. PostgreSQL:
  `pg_advisory_xact_lock` on a number made from `name`; SQLite: `BEGIN IMMEDIATE`, the database's
  one write lock (so `name` does not matter there, and it must come before the session's first
  write). Another session waits for it (SQLite: up to its busy timeout, 5 s).

(Migrating the schema at start has its own lock: api/core/migrate.py.)
"""
from __future__ import annotations

import hashlib
from sqlalchemy import text
from sqlalchemy.orm import Session


def lock_number(name: str) -> int:
    """A stable signed 64-bit number for PostgreSQL's advisory locks."""
    return int.from_bytes(hashlib.sha256(f"wegwijs:{name}".encode()).digest()[:8], "big", signed=True)


def write_lock(session: Session, name: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_number(name)})
    else:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")

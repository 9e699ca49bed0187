"""A database made by an earlier version gets the column changes (create_all only adds tables)."""
from __future__ import annotations

import uuid

import psycopg
import pytest

from api.core.db import Database
from api.models import Callback, Conversation
from tests.conftest import PG_ADMIN

pytestmark = pytest.mark.postgres

LONG_ADDRESS = "a" * 60 + "@" + ".".join(["afdeling-zorg-en-welzijn-van-de-gemeente-voorbeeld"] * 3) + ".nl"


def test_an_old_callbacks_table_takes_a_long_email_address():
    name = f"wegwijs_old_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    try:
        db = Database(url)
        db.create_all()
        with psycopg.connect(url, autocommit=True) as old:  # as the earlier version made it
            old.execute("ALTER TABLE callbacks ALTER COLUMN contact TYPE varchar(200)")
        db.create_all()  # the next start of the API
        with db.session() as session:
            conversation = Conversation(locale="nl", state={})
            session.add(conversation)
            session.flush()
            session.add(Callback(conversation_id=conversation.id, contact=LONG_ADDRESS))
        with db.session() as session:
            assert session.query(Callback).one().contact == LONG_ADDRESS
        db.engine.dispose()
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

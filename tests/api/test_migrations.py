"""Schema migrations (api/core/migrate.py, api/migrations/): a new database gets every table, a
database made by an earlier version keeps every row, several API processes starting at once migrate
once, and api/models.py and the migrations never drift apart (SQLite and PostgreSQL)."""
from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, insert, inspect, select, text

from api.core.db import Base, Database
from api.core.migrate import MIGRATIONS_DIR, alembic_config, include_name
from api.models import Callback, Conversation, Message, MessageDelivery, StaffUser

HEAD = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
LONG_ADDRESS = "a" * 60 + "@" + ".".join(["afdeling-zorg-en-welzijn-van-de-gemeente-voorbeeld"] * 3) + ".nl"


def revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def differences(db: Database, metadata: MetaData = Base.metadata) -> list:
    """What `alembic check` reports: what autogenerate would put in a new migration."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        return compare_metadata(context, metadata)


def test_a_new_database_gets_every_table_at_the_newest_revision(database):
    assert set(inspect(database.engine).get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
    assert revision(database) == HEAD


def test_the_models_and_the_migrations_agree(database):
    """Change api/models.py without a migration and this fails: add one with
    `.venv/bin/alembic revision --autogenerate -m "what changed"`."""
    assert differences(database) == []


def test_the_check_sees_a_model_change_that_has_no_migration(database):
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["conversations"].append_column(Column("channel", Integer, nullable=True))
    assert [d[0] for d in differences(database, changed)] == ["add_column"]


def test_rasa_s_tracker_table_in_the_same_database_is_left_alone(database):
    with database.engine.begin() as connection:  # as Rasa's SQL tracker store makes it
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
    assert differences(database) == []  # autogenerate would otherwise drop it


def old_rows(db: Database) -> str:
    """Rows as an earlier version wrote them: only the columns it had (later columns stay out of the
    INSERT, so this works on the old schema too)."""
    conversation_id = "c" * 32
    with db.engine.begin() as connection:
        connection.execute(insert(Conversation.__table__).values(
            id=conversation_id, locale="nl", state={"route": "bezwaar", "organisation": "gemeente"}))
        connection.execute(insert(Message.__table__).values(conversation_id=conversation_id, sender="citizen",
                                                            text="ik ben het niet eens"))
        connection.execute(insert(Callback.__table__).values(conversation_id=conversation_id, contact="0612345678",
                                                             preferred_time="morgen"))
        connection.execute(insert(StaffUser.__table__).values(username="anna", display_name="Anna Jansen",
                                                              role="staff", password_hash="x"))
    return conversation_id


def test_an_old_database_is_upgraded_and_keeps_its_rows(old_database):
    conversation_id = old_rows(old_database)
    assert revision(old_database) is None  # no alembic_version: made before migrations

    old_database.migrate()
    old_database.migrate()  # the next start: nothing changes twice

    assert revision(old_database) == HEAD
    with old_database.session() as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation.state == {"route": "bezwaar", "organisation": "gemeente"}
        assert [m.text for m in conversation.messages] == ["ik ben het niet eens"]
        assert session.scalars(select(Callback.contact)).all() == ["0612345678"]
        assert session.scalars(select(StaffUser.username)).all() == ["anna"]
        # issue 14: an earlier conversation belongs to the default gemeente, an account to its team
        assert conversation.gemeente is None
        assert session.scalars(select(StaffUser.team)).all() == [None]
    assert differences(old_database) == []


def test_an_old_database_without_a_later_table_gets_it(old_database):
    """A version older still, from before message_deliveries existed."""
    conversation_id = old_rows(old_database)
    with old_database.engine.begin() as connection:
        connection.execute(text("DROP TABLE message_deliveries"))

    old_database.migrate()

    with old_database.session() as session:
        message = session.scalars(select(Message)).one()
        session.add(MessageDelivery(message_id=message.id, conversation_id=conversation_id, client_message_id="m1"))
    with old_database.session() as session:
        assert session.scalars(select(MessageDelivery.client_message_id)).all() == ["m1"]
        assert session.get(Conversation, conversation_id).messages[0].text == "ik ben het niet eens"


@pytest.mark.postgres
def test_an_old_callbacks_table_takes_a_long_email_address(old_database):
    if old_database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite does not enforce a VARCHAR's length")
    with old_database.engine.begin() as connection:  # as the earliest version made it
        connection.execute(text("ALTER TABLE callbacks ALTER COLUMN contact TYPE varchar(200)"))
    conversation_id = old_rows(old_database)

    old_database.migrate()

    with old_database.session() as session:
        session.get(Callback, 1).contact = LONG_ADDRESS
    with old_database.session() as session:
        assert session.get(Conversation, conversation_id).state["route"] == "bezwaar"
        assert session.scalars(select(Callback.contact)).one() == LONG_ADDRESS


def test_api_processes_that_start_together_migrate_once(database_url):
    """Several API workers start at the same moment on a new database: one migrates, the others
    wait for it and find nothing left to do; none fails."""
    processes = [Database(database_url) for _ in range(4)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(processes))

    def start_api(db: Database) -> None:
        start.wait()
        try:
            db.migrate()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=start_api, args=(db,), daemon=True) for db in processes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a start hangs: the migrations block each other"
    assert errors == []
    assert revision(processes[0]) == HEAD
    with processes[0].engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    for db in processes:
        db.engine.dispose()


def test_the_schema_migrates_from_the_alembic_command_line_too(tmp_path, monkeypatch):
    """What a developer runs (alembic.ini in the repository root) reaches the same head."""
    from alembic import command
    from alembic.config import Config

    from api.core.config import get_settings
    from tests.conftest import ROOT

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    try:
        command.upgrade(Config(str(ROOT / "alembic.ini")), "head")
    finally:
        get_settings.cache_clear()
    assert revision(Database(f"sqlite:///{tmp_path / 'cli.db'}")) == HEAD
    assert alembic_config().get_main_option("script_location") == str(MIGRATIONS_DIR)

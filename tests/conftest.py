"""Shared fixtures. The `stack` fixture runs the real Wegwijs stack (Rasa, action server, API)
on test ports with a fixed clock (Monday 23 November 2026), once per test session."""
from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from stack import TEST_PROFILE, Stack  # noqa: E402

# Every process a test starts (the stack, a second API) is a test process: it may use the fixed
# clock and test headers, plain-HTTP cookies, and the same Rasa token as the stack.
os.environ.update(WEGWIJS_TEST_MODE="1", WEGWIJS_INSECURE_COOKIES="1")
os.environ.setdefault("WEGWIJS_RASA_TOKEN", secrets.token_urlsafe(24))

TEST_TODAY = "2026-11-23"
CHROMIUM = "/usr/bin/chromium"  # Debian's package: Playwright cannot download browsers here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module. Playwright's sync API runs its own event loop in this
    thread while it is open, so it must close before an async test (pytest-asyncio) starts."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    reuse = os.environ.get("WEGWIJS_TEST_STACK")
    if reuse:
        # Development only: "<api url>|<sqlite file>|<rasa port>|<action port>" of a stack that is
        # already running with the same settings as below.
        url, db_file, rasa_port, action_port = reuse.split("|")
        yield SimpleNamespace(api_url=url.rstrip("/"), db_file=Path(db_file), api_port=int(url.rsplit(":", 1)[1]),
                              rasa_port=int(rasa_port), action_port=int(action_port), log_dir=None)
        return
    db_file = tmp_path_factory.mktemp("db") / "wegwijs-test.db"
    # The stack reads copies of the cards and the index, so tests may edit cards freely.
    cards_dir = tmp_path_factory.mktemp("knowledge") / "cards"
    shutil.copytree(ROOT / "knowledge" / "cards", cards_dir)
    index_dir = cards_dir.parent / "index"
    if (ROOT / "var" / "index").is_dir():
        shutil.copytree(ROOT / "var" / "index", index_dir)
    api_port = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200"))  # to run two suites side by side
    running = Stack(
        api_port=api_port, rasa_port=api_port - 2995, action_port=api_port - 2945,
        extra_env={
            **TEST_PROFILE,
            "WEGWIJS_TODAY": TEST_TODAY,
            "WEGWIJS_STAFF_AVAILABILITY": "always",
            "DATABASE_URL": f"sqlite:///{db_file}",
            "WEGWIJS_CARD_POLL_SECONDS": "1",
            "WEGWIJS_CARDS_DIR": str(cards_dir),
            "WEGWIJS_INDEX_DIR": str(index_dir),
            "WEGWIJS_RETENTION_CHECK_SECONDS": "1",  # the retention job runs every second (tests/privacy)
        },
    )
    try:
        running.start()
        running.wait_ready(timeout_s=420)
        running.db_file = db_file
        running.cards_dir = cards_dir
        yield running
    finally:
        running.stop()


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@contextlib.contextmanager
def postgres_database(prefix: str = "wegwijs_test") -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped afterwards (with whatever still uses it)."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """An empty database: embedded SQLite, and PostgreSQL (the production profile, at
    127.0.0.1:5432 on every machine) in a throw-away database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'wegwijs.db'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def database(database_url):
    """An empty Wegwijs database with its tables (SQLite and PostgreSQL)."""
    from api.core.db import Database

    db = Database(database_url)
    db.migrate()
    yield db
    db.engine.dispose()


@pytest.fixture
def old_database(database_url):
    """A database as the versions before schema migrations left it: the tables `create_all` made
    (the baseline revision) and no `alembic_version` (SQLite and PostgreSQL)."""
    from alembic import command
    from sqlalchemy import text

    from api.core.db import Database
    from api.core.migrate import alembic_config

    db = Database(database_url)
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(text("DROP TABLE alembic_version"))
    yield db
    db.engine.dispose()


@pytest.fixture(scope="session")
def stack_db(stack):
    """The stack's own database, for creating accounts and checking what was stored."""
    from api.core.db import Database

    db = Database(f"sqlite:///{stack.db_file}")
    db.migrate()
    yield db
    db.engine.dispose()


@pytest.fixture
def make_user(stack_db):
    """make_user("staff", "Anna Jansen") -> the username of a new account with the test password."""
    from api.services import auth
    from tests.accounts import PASSWORD

    def make(role: str = "staff", name: str = "Anna Jansen") -> str:
        username = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}"
        auth.create_user(stack_db, username, PASSWORD, role, name)
        return username

    return make


@pytest.fixture
def api(stack):
    with httpx.Client(base_url=stack.api_url, timeout=60) as client:
        yield client


def said(replies: list[dict]) -> str:
    """The text of the bot's replies of one turn, as one string."""
    return " ".join(r["text"] for r in replies)


class Chat:
    """A citizen's conversation over the public API."""

    def __init__(self, client: httpx.Client, staff_available: bool = True, locale: str = "nl"):
        self.client = client
        response = client.post("/api/conversations", json={"locale": locale},
                               headers={"X-Wegwijs-Staff-Available": str(staff_available).lower()})
        response.raise_for_status()
        self.id = response.json()["id"]
        self.replies: list[dict] = []
        self.state: dict = {}

    def say(self, text: str | None = None, payload: str | None = None) -> list[dict]:
        body = {"text": text} if text is not None else {"payload": payload}
        response = self.client.post(f"/api/conversations/{self.id}/messages", json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        self.replies += data["messages"]
        self.state = data["state"]
        return data["messages"]

    @property
    def all_text(self) -> str:
        return " ".join(m["text"] for m in self.replies)

    def sources(self) -> list[str]:
        return [s["card_id"] for m in self.replies for s in m["sources"]]


@pytest.fixture
def chat(api):
    return lambda **kwargs: Chat(api, **kwargs)

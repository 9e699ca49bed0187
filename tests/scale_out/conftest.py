"""Two API worker processes on different ports that share one PostgreSQL database (a throw-away
one) and Redis (REDIS_URL; their keys start with a prefix made from that database's URL, so no
other test run sees them), as behind a load balancer. They use the real Rasa and action server of
the shared test stack (tests/conftest.py).

Staff availability is `office-hours` with an office that is open all day on the test stack's
Monday: a person is offered only while someone has the staff console open, in either worker.
The card watcher polls only every 10 minutes: a card published in one worker must reach the
other through the change bus.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest
from websockets.sync.client import connect

from api.core.db import Database
from api.services import auth
from stack import TEST_PROFILE, Stack  # tests/conftest.py puts scripts/ on sys.path
from tests.accounts import PASSWORD, logged_in
from tests.conftest import PG_ADMIN, TEST_TODAY

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"


class Worker:
    """One API process of the two (scripts/stack.py's Stack, the API only)."""

    def __init__(self, name: str, port: int, stack, env: dict[str, str], log_dir: Path):
        self.name = name
        self.process = Stack(api_port=port, rasa_port=stack.rasa_port, action_port=stack.action_port,
                             extra_env=env, log_dir=log_dir)
        self.url = self.process.api_url

    def start(self) -> None:
        self.process.start_api()
        self.process.wait_ready(timeout_s=240)

    def kill(self) -> None:
        """As a crash: SIGKILL, no clean shutdown."""
        self.process.kill("api")

    def running(self) -> bool:
        api = self.process.processes.get("api")
        return api is not None and api.poll() is None

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60)


class Accounts:
    """Staff and editor accounts in the workers' database (tests/accounts.py's password)."""

    def __init__(self, database_url: str):
        self.database_url = database_url
        self.db = Database(database_url)

    def account(self, role: str = "staff", name: str = "Anna Jansen") -> str:
        username = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}"
        auth.create_user(self.db, username, PASSWORD, role, name)
        return username

    def close(self) -> None:
        self.db.engine.dispose()


class TwoWorkers(Accounts):
    def __init__(self, one: Worker, two: Worker, database_url: str):
        super().__init__(database_url)
        self.one, self.two = one, two

    def heal(self) -> None:
        for worker in (self.one, self.two):
            if not worker.running():
                worker.process.processes.pop("api", None)
                worker.start()


@pytest.fixture(scope="session")
def two_workers(stack, tmp_path_factory):
    name = f"wegwijs_workers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database_url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    folder = tmp_path_factory.mktemp("workers")
    shutil.copytree(ROOT / "knowledge" / "cards", folder / "cards")
    if (ROOT / "var" / "index").is_dir():
        shutil.copytree(ROOT / "var" / "index", folder / "index")
    env = {
        **TEST_PROFILE,
        "WEGWIJS_TODAY": TEST_TODAY,  # a Monday
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "WEGWIJS_API_WORKERS": "2",  # as each of N workers is told (checked at start)
        "WEGWIJS_STAFF_AVAILABILITY": "office-hours",
        "WEGWIJS_OFFICE_OPEN": "00:00",
        "WEGWIJS_OFFICE_CLOSE": "23:59:59",
        "WEGWIJS_CARDS_DIR": str(folder / "cards"),
        "WEGWIJS_INDEX_DIR": str(folder / "index"),
        "WEGWIJS_CARD_POLL_SECONDS": "600",
        "OMP_NUM_THREADS": "1",
    }
    base = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 50
    workers = TwoWorkers(Worker("one", base, stack, env, folder), Worker("two", base + 1, stack, env, folder),
                         database_url)
    workers.cards_dir = folder / "cards"
    try:
        # both at once, as `uvicorn --workers 2` does: they create the tables together
        starting = [threading.Thread(target=w.start) for w in (workers.one, workers.two)]
        for thread in starting:
            thread.start()
        for thread in starting:
            thread.join()
        workers.heal()  # raises with the log when one did not come up
        yield workers
    finally:
        for worker in (workers.one, workers.two):
            if worker.running():
                worker.process.stop_one("api")
        workers.close()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def workers(two_workers):
    """Both workers running at the start of the test (a test may kill one)."""
    two_workers.heal()
    yield two_workers


@pytest.fixture
def clients():
    """clients(url) -> an httpx client, closed after the test."""
    made: list[httpx.Client] = []

    def make(base_url: str, area: str | None = None, username: str | None = None) -> httpx.Client:
        client = logged_in(base_url, area, username) if area else httpx.Client(base_url=base_url, timeout=60)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


class Console:
    """A staff member's open console: the live WebSocket (/staff/ws) of one API, read in a thread."""

    def __init__(self, api_url: str, staff: httpx.Client):
        url = api_url.replace("http://", "ws://") + "/staff/ws"
        cookie = staff.cookies.get(auth.COOKIE_NAME)
        self.socket = connect(url, additional_headers={"Cookie": f"{auth.COOKIE_NAME}={cookie}"}, open_timeout=10)
        self.messages: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for text in self.socket:
                self.messages.append(json.loads(text))
        except Exception:  # noqa: BLE001 - the worker was killed or the console closed
            pass

    def wait_for(self, matches, timeout_s: float = 10) -> dict:
        """The first pushed message for which `matches(message)` is true."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for message in list(self.messages):
                if matches(message):
                    return message
            time.sleep(0.05)
        raise AssertionError(f"not pushed within {timeout_s:.0f}s; last: {[m.get('type') for m in self.messages[-5:]]}")

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def console():
    """console(api_url, staff_client) -> an open staff console on that API, closed after the test."""
    opened: list[Console] = []

    def make(api_url: str, staff: httpx.Client) -> Console:
        opened.append(Console(api_url, staff))
        return opened[-1]

    yield make
    for c in opened:
        c.close()


def new_conversation(client: httpx.Client) -> str:
    """A citizen's conversation with no test header: staff availability is the real one."""
    response = client.post("/api/conversations", json={"locale": "nl"})
    response.raise_for_status()
    return response.json()["id"]


def say(client: httpx.Client, conversation_id: str, text: str) -> dict:
    response = client.post(f"/api/conversations/{conversation_id}/messages", json={"text": text})
    assert response.status_code == 200, response.text
    return response.json()


def online_in(api_url: str, staff: httpx.Client) -> list[str]:
    """Who the API at `api_url` counts as having the staff console open (asked with `staff`'s login)."""
    response = httpx.get(f"{api_url}/staff/api/queue", cookies=staff.cookies, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["online"]


def wait_until(condition, timeout_s: float, what: str) -> float:
    """Seconds until `condition()` held (polled every 0.1 s); fails after `timeout_s`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout_s, f"{what}: not within {timeout_s:.0f}s"
        time.sleep(0.1)
    return time.monotonic() - started

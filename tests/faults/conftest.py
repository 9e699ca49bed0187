"""A second, private stack for the fault tests: its components are killed, paused and restarted
while citizens talk to it, so the shared `stack` of the other tests is never disturbed.

It runs on PostgreSQL (a throw-away database), the production profile: Rasa's SQL tracker store
and the API share that database. Timeouts are short so a hung component shows up in seconds:
Rasa waits 3 s for a custom action, the API 8 s for Rasa.
"""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest

from api.core.db import Database
from api.services import auth
from stack import TEST_PROFILE, Stack  # tests/conftest.py puts scripts/ on sys.path
from tests.accounts import PASSWORD, logged_in
from tests.conftest import PG_ADMIN, TEST_TODAY

ROOT = Path(__file__).resolve().parents[2]
ACTION_TIMEOUT_S = 3
RASA_TIMEOUT_S = 8


class FaultStack:
    """The stack plus what a fault test does to it (kill, pause, resume, start: scripts/stack.py)
    and what Rasa knows."""

    def __init__(self, stack: Stack, database_url: str):
        self.stack = stack
        self.database_url = database_url
        self.api_url = stack.api_url
        self.rasa_url = f"http://127.0.0.1:{stack.rasa_port}"
        self.paused: set[str] = set()

    def kill(self, name: str) -> None:
        self.stack.kill(name)
        self.paused.discard(name)

    def pause(self, name: str) -> None:
        self.stack.pause(name)
        self.paused.add(name)

    def resume(self, name: str) -> None:
        self.stack.resume(name)
        self.paused.discard(name)

    def start(self, name: str) -> None:
        self.stack.start_one(name)
        self.stack.wait_up(name)

    def restart(self, name: str) -> None:
        self.kill(name)
        self.start(name)

    def heal(self) -> None:
        """Everything running and answering again (after a test that failed half-way)."""
        for name in list(self.paused):
            self.resume(name)
        for name in ("actions", "rasa", "api"):
            process = self.stack.processes.get(name)
            if process is None or process.poll() is not None:
                self.stack.processes.pop(name, None)
                self.start(name)
        self.stack.wait_ready(timeout_s=300)

    def tracker(self, conversation_id: str) -> dict:
        """What Rasa knows about a conversation (slots and all events)."""
        response = httpx.get(f"{self.rasa_url}/conversations/{conversation_id}/tracker",
                             params={"include_events": "ALL", "token": self.stack.rasa_token}, timeout=30)
        response.raise_for_status()
        return response.json()

    def user_texts(self, conversation_id: str) -> list[str]:
        """Every message Rasa processed in this conversation, in order."""
        return [e.get("text") or "" for e in self.tracker(conversation_id)["events"] if e["event"] == "user"]


@pytest.fixture(scope="session")
def fault_stack(tmp_path_factory):
    name = f"wegwijs_faults_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database_url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    api_port = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 40
    running = Stack(
        api_port=api_port, rasa_port=api_port - 2995, action_port=api_port - 2945,
        extra_env={
            **TEST_PROFILE,  # generous rate limits: the tests' citizens all come from 127.0.0.1
            "WEGWIJS_TODAY": TEST_TODAY,
            "WEGWIJS_STAFF_AVAILABILITY": "always",
            "DATABASE_URL": database_url,
            "WEGWIJS_INDEX_DIR": str(ROOT / "var" / "index"),
            "WEGWIJS_ACTION_TIMEOUT_SECONDS": str(ACTION_TIMEOUT_S),
            "WEGWIJS_RASA_TIMEOUT_SECONDS": str(RASA_TIMEOUT_S),
            "WEGWIJS_RETRY_SECONDS": "1",
        },
    )
    faults = FaultStack(running, database_url)
    try:
        running.start()
        running.wait_ready(timeout_s=420)
        yield faults
    finally:
        for paused in list(faults.paused):
            faults.resume(paused)
        running.stop()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def faults(fault_stack):
    """The fault stack, healthy at the start and at the end of every test."""
    fault_stack.heal()
    yield fault_stack
    fault_stack.heal()


@pytest.fixture(scope="session")
def fault_db(fault_stack):
    db = Database(fault_stack.database_url)
    db.migrate()
    yield db
    db.engine.dispose()


class Citizen:
    """A citizen's conversation with the fault stack. Like the widget, every message carries a
    client message id; `send` returns the raw response, `say` expects an answer."""

    def __init__(self, base_url: str, staff_available: bool = True):
        self.client = httpx.Client(base_url=base_url, timeout=60)
        response = self.client.post("/api/conversations", json={"locale": "nl"},
                                    headers={"X-Wegwijs-Staff-Available": str(staff_available).lower()})
        response.raise_for_status()
        self.id = response.json()["id"]
        self.state: dict = {}
        self.replies: list[dict] = []

    def send(self, text: str | None = None, payload: str | None = None, client_id: str | None = None,
             timeout: float = 60) -> httpx.Response:
        body = {"text": text} if text is not None else {"payload": payload}
        body["client_message_id"] = client_id or uuid.uuid4().hex
        response = self.client.post(f"/api/conversations/{self.id}/messages", json=body, timeout=timeout)
        if response.status_code == 200:
            self.state = response.json()["state"]
            self.replies += response.json()["messages"]
        return response

    def say(self, text: str | None = None, payload: str | None = None, client_id: str | None = None) -> list[dict]:
        response = self.send(text, payload, client_id)
        assert response.status_code == 200, response.text
        return response.json()["messages"]

    def transcript(self) -> dict:
        response = self.client.get(f"/api/conversations/{self.id}")
        response.raise_for_status()
        return response.json()

    def citizen_messages(self) -> list[dict]:
        return [m for m in self.transcript()["messages"] if m["sender"] == "citizen"]

    def wait_for_answer(self, timeout_s: float = 60) -> dict:
        """Waits (as the widget polls) until every message of the citizen has been answered."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            transcript = self.transcript()
            messages = transcript["messages"]
            if messages and messages[-1]["sender"] != "citizen" and all(
                    m["delivered"] for m in messages if m["sender"] == "citizen"):
                return transcript
            time.sleep(0.5)
        raise AssertionError(f"no answer within {timeout_s:.0f}s: {self.transcript()['messages'][-3:]}")

    def close(self) -> None:
        self.client.close()


@pytest.fixture
def citizen(fault_stack):
    made: list[Citizen] = []

    def make(staff_available: bool = True) -> Citizen:
        made.append(Citizen(fault_stack.api_url, staff_available))
        return made[-1]

    yield make
    for c in made:
        c.close()


@pytest.fixture
def staff(fault_stack, fault_db):
    """A logged-in staff member of the fault stack (a new account per test)."""
    username = f"anna-{uuid.uuid4().hex[:6]}"
    auth.create_user(fault_db, username, PASSWORD, "staff", "Anna Jansen")
    client = logged_in(fault_stack.api_url, "/staff", username)
    yield client
    client.close()


def queue_ids(staff_client: httpx.Client) -> list[str]:
    response = staff_client.get("/staff/api/queue")
    response.raise_for_status()
    return [entry["id"] for entry in response.json()["queue"]]


BEZWAAR = ("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
           "daar ben ik het niet mee eens")

"""A stack with two Rasa instances, each with its own action server, on PostgreSQL (a throw-away
database) and the Redis lock store: the production profile of scripts/stack.py with
WEGWIJS_RASA_INSTANCES=2. Its own ports (WEGWIJS_TEST_API_PORT + 20, Rasa and actions below)."""
from __future__ import annotations

import os
import uuid

import httpx
import pytest

from stack import TEST_PROFILE, Stack  # tests/conftest.py puts scripts/ on sys.path
from tests.conftest import ROOT, TEST_TODAY, postgres_database

REDIS_URL = "redis://127.0.0.1:6379/3"  # a Redis database of its own


@pytest.fixture(scope="session")
def two_rasa_stack():
    api_port = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 20
    with postgres_database("wegwijs_rasa_scale") as database_url:
        running = Stack(
            api_port=api_port, rasa_port=api_port - 3000, action_port=api_port - 2990,
            extra_env={
                **TEST_PROFILE,
                "WEGWIJS_TODAY": TEST_TODAY,
                "WEGWIJS_STAFF_AVAILABILITY": "always",
                "DATABASE_URL": database_url,
                "REDIS_URL": REDIS_URL,
                "WEGWIJS_RASA_INSTANCES": "2",
                "WEGWIJS_INDEX_DIR": str(ROOT / "var" / "index"),
            },
        )
        try:
            running.start()
            running.wait_ready(timeout_s=600)
            yield running
        finally:
            running.stop()


@pytest.fixture
def stack2(two_rasa_stack):
    """The two-instance stack, with both instances running at the start and the end of a test."""
    yield two_rasa_stack
    for name in ("rasa", "rasa-2"):
        if name not in two_rasa_stack.processes:
            two_rasa_stack.start_one(name)
            two_rasa_stack.wait_up(name)


@pytest.fixture
def api2(two_rasa_stack):
    with httpx.Client(base_url=two_rasa_stack.api_url, timeout=120) as client:
        yield client


def new_conversation(client: httpx.Client) -> str:
    response = client.post("/api/conversations", json={"locale": "nl"})
    response.raise_for_status()
    return response.json()["id"]


def tracker_events(stack: Stack, conversation_id: str) -> list[dict]:
    """Every event Rasa stored for the conversation (asked of the first instance; both share them)."""
    response = httpx.get(f"{stack.rasa_url(0)}/conversations/{conversation_id}/tracker",
                         params={"include_events": "ALL", "token": stack.rasa_token}, timeout=30)
    response.raise_for_status()
    return response.json()["events"]


def turns(events: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Each user message with the events after it, up to the next user message."""
    found: list[tuple[dict, list[dict]]] = []
    for event in events:
        if event["event"] == "user":
            found.append((event, []))
        elif found:
            found[-1][1].append(event)
    return found


def unique_sender() -> str:
    return uuid.uuid4().hex

"""Helpers for the staff handoff tests: staff accounts in the stack's database, logged-in clients,
citizens waiting for a person."""
from __future__ import annotations

import uuid

import httpx
import pytest

from api.core.db import Database
from api.services import auth

PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="session")
def stack_db(stack):
    db = Database(f"sqlite:///{stack.db_file}")
    yield db
    db.engine.dispose()


@pytest.fixture
def make_user(stack_db):
    """Creates an account in the stack's database: make_user("staff", "Anna Jansen") -> username."""

    def make(role: str = "staff", name: str = "Anna Jansen") -> str:
        username = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}"
        auth.create_user(stack_db, username, PASSWORD, role, name)
        return username

    return make


def login(base_url: str, username: str, password: str = PASSWORD) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=60)
    response = client.post("/staff/login", data={"username": username, "password": password})
    assert response.status_code == 303, response.text
    assert client.cookies.get(auth.COOKIE_NAME)
    return client


@pytest.fixture
def staff_client(stack, make_user):
    """A logged-in staff member's HTTP client (role staff)."""
    clients = []

    def make(role: str = "staff", name: str = "Anna Jansen") -> httpx.Client:
        client = login(stack.api_url, make_user(role, name))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def ask_for_a_person(chat, first: str | None = None, staff_available: bool = True):
    c = chat(staff_available=staff_available)
    if first:
        c.say(first)
    c.say("ik wil graag met een medewerker spreken")
    return c


def updates(api: httpx.Client, conversation_id: str, after: int = 0, wait: float = 0) -> dict:
    response = api.get(f"/api/conversations/{conversation_id}/updates", params={"after": after, "wait": wait})
    assert response.status_code == 200, response.text
    return response.json()

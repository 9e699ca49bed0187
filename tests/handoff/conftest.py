"""Helpers for the staff handoff tests: staff accounts in the stack's database, logged-in clients,
citizens waiting for a person."""
from __future__ import annotations


import httpx
import pytest

from tests.accounts import PASSWORD, logged_in



def login(base_url: str, username: str, password: str = PASSWORD) -> httpx.Client:
    return logged_in(base_url, "/staff", username, password)


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

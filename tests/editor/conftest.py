"""Helpers for the editor tests: accounts in the stack's database, logged-in clients, the stack's
copied cards folder (tests never touch knowledge/cards in the repository)."""
from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from tests.accounts import PASSWORD, logged_in
from knowledge.card_file import write_atomic

ROOT = Path(__file__).resolve().parents[2]
CARD = "cak-eigen-bijdrage"
QUESTION = "hoeveel eigen bijdrage moet ik betalen"


@pytest.fixture(scope="session")
def cards_dir(stack) -> Path:
    """The copy of the cards the test stack reads (WEGWIJS_TEST_CARDS_DIR with WEGWIJS_TEST_STACK)."""
    folder = getattr(stack, "cards_dir", None) or os.environ.get("WEGWIJS_TEST_CARDS_DIR")
    if not folder:
        pytest.skip("the reused stack has no cards folder: set WEGWIJS_TEST_CARDS_DIR")
    folder = Path(folder).resolve()
    assert folder != (ROOT / "knowledge" / "cards").resolve(), "tests must not edit the repository's cards"
    return folder


def editor_login(base_url: str, username: str, password: str = PASSWORD) -> httpx.Client:
    return logged_in(base_url, "/editor", username, password)


@pytest.fixture
def client_as(stack, make_user):
    """client_as("editor") -> an httpx client logged in at /editor with a new account of that role."""
    clients: list[httpx.Client] = []

    def make(role: str = "editor") -> httpx.Client:
        client = editor_login(stack.api_url, make_user(role))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def restore_card(stack, cards_dir):
    """Puts card files back as they were (through the file, as a developer would) after the test."""
    saved: dict[Path, str] = {}

    def keep(card_id: str) -> str:
        path = cards_dir / f"{card_id}.md"
        saved.setdefault(path, path.read_text(encoding="utf-8"))
        return saved[path]

    yield keep
    for path, text in saved.items():
        if path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)

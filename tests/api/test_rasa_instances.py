"""Several Rasa instances (api/services/rasa_client.py): the API spreads the messages over them,
skips an instance it cannot reach, and never gives a message that may have arrived to another one."""
from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pydantic import ValidationError

from api.core.config import Settings
from api.services.rasa_client import INSTANCE_KEY, RasaClient, RasaUnavailable, RasaUnreachable

PORTS = (8545, 8546)
NOBODY_LISTENS = "http://127.0.0.1:8547"


class FakeRasa(ThreadingHTTPServer):
    """Rasa's REST channel as the API sees it; keeps every message it got."""

    def __init__(self, port: int, delay_s: float = 0):
        self.messages: list[dict] = []
        self.delay_s = delay_s
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.messages.append(body)
        time.sleep(self.server.delay_s)
        self.answer([{"recipient_id": body["sender"], "text": f"antwoord op {body['message']}"}])

    def do_GET(self) -> None:  # noqa: N802 - the tracker
        self.answer({"events": [], "slots": {}})

    def answer(self, content) -> None:
        answer = json.dumps(content).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *_args) -> None:
        pass


@contextmanager
def fake_rasas(*delays: float):
    servers = [FakeRasa(port, delay) for port, delay in zip(PORTS, delays)]
    threads = [threading.Thread(target=server.serve_forever, daemon=True) for server in servers]
    for thread in threads:
        thread.start()
    try:
        yield servers
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


async def test_messages_are_spread_over_the_instances_in_turn():
    with fake_rasas(0, 0) as (one, two):
        rasa = RasaClient([one.url, two.url], timeout_s=5)
        turns = []
        for n in range(4):  # as delivery.py: each message, then the tracker
            turns.append(await rasa.send("gesprek-1", f"bericht {n}", {"handoff": "none"}))
            await rasa.tracker("gesprek-1")
        await rasa.close()
    assert [m["message"] for m in one.messages] == ["bericht 0", "bericht 2"]
    assert [m["message"] for m in two.messages] == ["bericht 1", "bericht 3"]
    assert [t.replies[0].text for t in turns] == [f"antwoord op bericht {n}" for n in range(4)]
    assert [m["metadata"][INSTANCE_KEY] for m in one.messages + two.messages] == [one.url] * 2 + [two.url] * 2


async def test_an_instance_that_is_down_is_skipped_and_every_message_is_answered():
    with fake_rasas(0) as (up,):
        rasa = RasaClient([NOBODY_LISTENS, up.url], timeout_s=5)
        turns = [await rasa.send("gesprek-1", f"bericht {n}", {}) for n in range(3)]
        await rasa.close()
    assert [t.replies[0].text for t in turns] == [f"antwoord op bericht {n}" for n in range(3)]
    assert [m["message"] for m in up.messages] == ["bericht 0", "bericht 1", "bericht 2"]  # each once


async def test_a_message_that_may_have_arrived_is_never_given_to_another_instance():
    with fake_rasas(3, 0) as (slow, fast):
        rasa = RasaClient([slow.url, fast.url], timeout_s=1)
        with pytest.raises(RasaUnavailable) as unavailable:
            await rasa.send("gesprek-1", "bericht 0", {})
        await rasa.close()
    assert not isinstance(unavailable.value, RasaUnreachable)  # delivery.py asks the tracker before a resend
    assert [m["message"] for m in slow.messages] == ["bericht 0"] and fast.messages == []


async def test_no_instance_reachable_means_no_instance_got_the_message():
    rasa = RasaClient([NOBODY_LISTENS, NOBODY_LISTENS.replace("8547", "8548")], timeout_s=5)
    with pytest.raises(RasaUnreachable):
        await rasa.send("gesprek-1", "bericht 0", {})
    assert await rasa.ready() is False
    await rasa.close()


def test_each_rasa_instance_needs_its_own_action_server(monkeypatch):
    monkeypatch.setenv("WEGWIJS_RASA_URLS", "http://rasa-1:5005, http://rasa-2:5005/")
    monkeypatch.setenv("WEGWIJS_ACTION_SERVER_URLS", "http://actions-1:5055,http://actions-2:5055")
    assert Settings().rasa_instances == (("http://rasa-1:5005", "http://rasa-2:5005"),
                                         ("http://actions-1:5055", "http://actions-2:5055"))
    monkeypatch.setenv("WEGWIJS_ACTION_SERVER_URLS", "http://actions-1:5055")
    with pytest.raises(ValidationError) as refused:
        Settings()
    assert "WEGWIJS_RASA_URLS has 2 URL(s) and WEGWIJS_ACTION_SERVER_URLS 1" in str(refused.value)
    monkeypatch.delenv("WEGWIJS_RASA_URLS")
    monkeypatch.delenv("WEGWIJS_ACTION_SERVER_URLS")
    assert Settings(rasa_url="http://rasa:5005").rasa_instances == (("http://rasa:5005",), ("http://127.0.0.1:5055",))

"""Card publishing across API workers (issue 15): two editors publish the same card at the same
moment on two workers; they get versions n+1 and n+2 (never the same number), the card file holds
the later one, and both workers answer with that text at once (their card watchers poll only
every 10 minutes here).

"At the same moment" is made sure of: the test holds the versions table (LOCK TABLE … EXCLUSIVE
MODE: reading it goes on, adding a version waits) until both publishes are waiting in the
database, then lets go. Without a lock across the workers both would have read version n by then
and both would add n+1."""
from __future__ import annotations

import threading
import uuid

import httpx
import psycopg
import pytest

from .conftest import wait_until

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

CARD = "cak-eigen-bijdrage"
ANCHOR = "Het CAK berekent het bedrag."


def with_sentence(text: str, sentence: str) -> str:
    assert ANCHOR in text
    return text.replace(ANCHOR, f"{ANCHOR} {sentence}", 1)


def publish(editor: httpx.Client, text: str) -> httpx.Response:
    return editor.post(f"/editor/api/cards/{CARD}/publish", json={"text": text})


def waiting_in_the_database(connection: psycopg.Connection) -> int:
    """Sessions of this database that wait for a lock (the table, or another publish)."""
    return connection.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                              "AND wait_event_type = 'Lock'").fetchone()[0]


def card_body(worker_url: str) -> str:
    response = httpx.get(f"{worker_url}/api/knowledge/cards/{CARD}", timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["body"]


def test_two_publishes_at_once_on_two_workers_get_two_version_numbers(workers, clients):
    eva = workers.account("editor", "Eva de Vries")
    on_one, on_two = clients(workers.one.url, "/editor", eva), clients(workers.two.url, "/editor", eva)
    original = (workers.cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    baseline = publish(on_one, with_sentence(original, f"Basis {uuid.uuid4().hex[:6]}."))
    assert baseline.status_code == 200, baseline.text
    n = baseline.json()["version"]

    sentences = {"one": f"Zin van werker een {uuid.uuid4().hex[:6]}.", "two": f"Zin van werker twee {uuid.uuid4().hex[:6]}."}
    start = threading.Barrier(2)
    results: dict[str, httpx.Response] = {}

    def publish_on(name: str, editor: httpx.Client) -> None:
        start.wait()
        results[name] = publish(editor, with_sentence(original, sentences[name]))

    threads = [threading.Thread(target=publish_on, args=item) for item in (("one", on_one), ("two", on_two))]
    with psycopg.connect(workers.database_url) as versions_held, psycopg.connect(workers.database_url) as look:
        versions_held.execute("LOCK TABLE card_versions IN EXCLUSIVE MODE")
        for thread in threads:
            thread.start()
        wait_until(lambda: waiting_in_the_database(look) == 2, 30, "both publishes wait in the database")
        versions_held.rollback()  # both go on now
        for thread in threads:
            thread.join(timeout=60)
    assert all(r.status_code == 200 for r in results.values()), {k: r.text for k, r in results.items()}
    versions = {name: r.json()["version"] for name, r in results.items()}
    assert sorted(versions.values()) == [n + 1, n + 2]

    later = max(versions, key=versions.get)
    assert sentences[later] in (workers.cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    for worker in (workers.one, workers.two):  # the worker that published last, and the other one
        took = wait_until(lambda: sentences[later] in card_body(worker.url), 5, f"worker {worker.name} has the new text")
        assert took < 2.0
    history = on_two.get(f"/editor/cards/{CARD}/history", headers={"Accept": "application/json"}).json()["versions"]
    numbers = [v["version"] for v in history if v["version"] is not None]
    assert len(numbers) == len(set(numbers)) and numbers[0] == n + 2 and history[0]["live"]

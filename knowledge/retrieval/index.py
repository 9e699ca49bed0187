"""Dense card index: chunk vectors in a FAISS IndexFlatIP, persisted with a manifest.

On disk (default ``var/index/``)::

    manifest.json   format, model (path, fingerprint, dimension, prompts), chunking
                    version, per-card content sha256 and chunk count, build stats
    chunks.json     one record per vector: card id, kind, text, cache key
    index.faiss     faiss.IndexFlatIP over L2-normalised chunk vectors (cosine)

A new index is written to a temporary sibling folder and renamed into place, by one process
at a time (several API workers share the folder; a lock file next to it), and not at all when
the same index is there already. Chunk
vectors are cached by the sha256 of their text (plus prompt side), so a rebuild
embeds only chunks whose text is new; the previous index is the cache. The cache is
dropped when the model fingerprint changes.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from knowledge.paths import INDEX_DIR
from knowledge.embedding.model import (DOCUMENT_PROMPTS, QUERY_PROMPTS, encode_documents,
                                       encode_queries, model_dimension, model_fingerprint,
                                       prompt_name)

from .chunks import Chunk, card_chunks, chunking_version

INDEX_FORMAT = 1
DEFAULT_INDEX_DIR = INDEX_DIR
EMBED_BATCH = 16  # one encode call per batch: a concurrent search waits for one batch at most


def _faiss():
    import faiss

    faiss.omp_set_num_threads(1)  # ~1000 vectors: one thread is plenty, more only stalls
    return faiss


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def card_file_hashes(cards_dir: Path) -> dict[str, str]:
    """{card id (file stem): sha256 of the file} for every ``*.md`` card file."""
    out = {}
    for p in sorted(Path(cards_dir).glob("*.md")):
        try:
            out[p.stem] = file_sha256(p)
        except OSError:  # removed between glob and read
            continue
    return out


def model_info(model) -> dict:
    """What identifies the vectors a model makes: weights and prompts."""
    prompts = getattr(model, "prompts", {}) or {}
    qp, dp = prompt_name(model, QUERY_PROMPTS), prompt_name(model, DOCUMENT_PROMPTS)
    info = {
        "path": str(getattr(model, "wegwijs_path", "") or ""),
        "dimension": model_dimension(model),
        "query_prompt": prompts.get(qp, "") if qp else "",
        "document_prompt": prompts.get(dp, "") if dp else "",
    }
    if info["path"] and Path(info["path"]).is_dir():
        fp = model_fingerprint(info["path"])
    else:  # a model object without a folder: fingerprint what it computes
        probe = encode_documents(model, ["wegwijs fingerprint: bezwaar maken tegen een besluit"])
        fp = hashlib.sha256(np.round(probe, 3).tobytes()).hexdigest()[:16]
    info["fingerprint"] = hashlib.sha256(
        f"{fp}|{info['query_prompt']}|{info['document_prompt']}".encode()).hexdigest()[:16]
    return info


@dataclass
class DenseIndex:
    """Chunk vectors of a set of cards, searchable per card (max over its chunks)."""
    chunks: list[Chunk]
    vectors: np.ndarray                       # (n_chunks, dim) float32, L2-normalised
    card_ids: list[str]                       # card order used for score arrays
    manifest: dict = field(default_factory=dict)

    def __post_init__(self):
        faiss = _faiss()
        self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
        dim = self.vectors.shape[1] if self.vectors.ndim == 2 and self.vectors.shape[1] else \
            int(self.manifest.get("model", {}).get("dimension", 1))
        self.faiss = faiss.IndexFlatIP(dim)
        if len(self.vectors):
            self.faiss.add(self.vectors)
        pos = {cid: i for i, cid in enumerate(self.card_ids)}
        self.chunk_card = np.array([pos[c.card_id] for c in self.chunks], dtype=np.int64)

    @property
    def dimension(self) -> int:
        return self.faiss.d

    def cache(self) -> dict[str, np.ndarray]:
        return {c.key: self.vectors[i] for i, c in enumerate(self.chunks)}

    def card_scores(self, qvec: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Max cosine per card (order of card_ids) and the index of that best chunk."""
        n_cards = len(self.card_ids)
        best = np.full(n_cards, -1.0, dtype=np.float32)
        best_chunk = np.full(n_cards, -1, dtype=np.int64)
        n = self.faiss.ntotal
        if n == 0 or n_cards == 0:
            return best, best_chunk
        scores, idx = self.faiss.search(np.asarray(qvec, dtype=np.float32).reshape(1, -1), n)
        # results come best first: the first time a card is seen is its max
        for s, i in zip(scores[0], idx[0]):
            if i < 0:
                continue
            c = self.chunk_card[i]
            if best_chunk[c] < 0:
                best[c], best_chunk[c] = s, i
        return best, best_chunk


@dataclass
class BuildStats:
    cards: int = 0
    chunks: int = 0
    embedded_chunks: int = 0
    reused_chunks: int = 0
    embedded_cards: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def embed_chunks(model, chunks: list[Chunk], cache: dict[str, np.ndarray] | None,
                 stats: BuildStats | None = None) -> np.ndarray:
    """Vectors for ``chunks``, embedding only those whose key is not in ``cache``."""
    cache = cache if cache is not None else {}
    todo: dict[str, Chunk] = {}
    for c in chunks:
        if c.key not in cache and c.key not in todo:
            todo[c.key] = c
    fresh: dict[str, np.ndarray] = {}
    for as_query in (False, True):
        items = [c for c in todo.values() if c.as_query == as_query]
        encode = encode_queries if as_query else encode_documents
        for start in range(0, len(items), EMBED_BATCH):
            batch = items[start:start + EMBED_BATCH]
            fresh.update(zip((c.key for c in batch), encode(model, [c.text for c in batch])))
    if stats is not None:
        stats.embedded_chunks += len(fresh)
        stats.reused_chunks += len(chunks) - sum(1 for c in chunks if c.key in fresh)
        stats.embedded_cards = sorted({c.card_id for c in todo.values()})
    if not chunks:
        return np.zeros((0, model_dimension(model)), dtype=np.float32)
    return np.stack([fresh[c.key] if c.key in fresh else cache[c.key] for c in chunks])


def build_index(cards: list, model, *, strategy: str, info: dict | None = None,
                card_hashes: dict[str, str] | None = None,
                cache: dict[str, np.ndarray] | None = None) -> tuple[DenseIndex, BuildStats]:
    start = time.perf_counter()
    info = info or model_info(model)
    stats = BuildStats(cards=len(cards))
    chunks: list[Chunk] = []
    per_card: dict[str, int] = {}
    for card in cards:
        cc = card_chunks(card, strategy)
        chunks.extend(cc)
        per_card[card.id] = len(cc)
    stats.chunks = len(chunks)
    vectors = embed_chunks(model, chunks, cache, stats)
    card_hashes = card_hashes or {}
    stats.seconds = time.perf_counter() - start
    manifest = {
        "format": INDEX_FORMAT,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "model": info,
        "chunking": chunking_version(strategy),
        "cards": {c.id: {"sha256": card_hashes.get(c.id, ""),
                         "path": str(getattr(c, "path", "") or ""),
                         "chunks": per_card[c.id]} for c in cards},
        "counts": {"cards": len(cards), "chunks": len(chunks)},
        "build": stats.as_dict(),
    }
    return DenseIndex(chunks, vectors, [c.id for c in cards], manifest), stats


def same_index(a: dict | None, b: dict | None) -> bool:
    """Two manifests describe the same index: the same cards' contents, model and chunking."""
    if not a or not b:
        return False
    return (a.get("cards") == b.get("cards") and a.get("chunking") == b.get("chunking")
            and a.get("model", {}).get("fingerprint") == b.get("model", {}).get("fingerprint"))


@contextmanager
def _one_writer(index_dir: Path) -> Iterator[None]:
    """Across processes: one writer of ``index_dir`` at a time."""
    with open(index_dir.parent / f".{index_dir.name}.lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _manifest_on_disk(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save_index(index: DenseIndex, index_dir: Path | str) -> Path:
    """Write the index next to ``index_dir`` and rename it into place (unless another process
    has just written the same index)."""
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    with _one_writer(index_dir):
        if not same_index(_manifest_on_disk(index_dir), index.manifest):
            _write_index(index, index_dir)
    return index_dir


def _write_index(index: DenseIndex, index_dir: Path) -> None:
    faiss = _faiss()
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", dir=index_dir.parent))
    try:
        faiss.write_index(index.faiss, str(tmp / "index.faiss"))
        records = [{"card_id": c.card_id, "kind": c.kind, "text": c.text,
                    "as_query": c.as_query, "key": c.key} for c in index.chunks]
        (tmp / "chunks.json").write_text(json.dumps(records, ensure_ascii=False, indent=0) + "\n",
                                         encoding="utf-8")
        (tmp / "manifest.json").write_text(
            json.dumps(index.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for f in tmp.iterdir():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o755)
        old = None
        if index_dir.exists():
            old = index_dir.parent / f".{index_dir.name}.old-{os.getpid()}-{time.monotonic_ns()}"
            index_dir.rename(old)
        try:
            tmp.rename(index_dir)
        except OSError:
            if old is not None and not index_dir.exists():
                old.rename(index_dir)  # put the previous index back
                old = None
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def load_index(index_dir: Path | str) -> DenseIndex | None:
    """The persisted index, or None when missing or unreadable."""
    faiss = _faiss()
    index_dir = Path(index_dir)
    try:
        manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != INDEX_FORMAT:
            return None
        records = json.loads((index_dir / "chunks.json").read_text(encoding="utf-8"))
        fidx = faiss.read_index(str(index_dir / "index.faiss"))
    except (OSError, ValueError, RuntimeError):
        return None
    if fidx.ntotal != len(records):
        return None
    vectors = fidx.reconstruct_n(0, fidx.ntotal) if fidx.ntotal else \
        np.zeros((0, fidx.d), dtype=np.float32)
    chunks = [Chunk(r["card_id"], r["kind"], r["text"], bool(r.get("as_query"))) for r in records]
    if any(c.key != r.get("key") for c, r in zip(chunks, records)):
        return None
    card_ids = list(manifest.get("cards", {}))
    if any(c.card_id not in manifest.get("cards", {}) for c in chunks):
        return None
    return DenseIndex(chunks, vectors, card_ids, manifest)


def reusable_cache(index: DenseIndex | None, info: dict) -> dict:
    """Chunk vectors from ``index`` that are valid for the model ``info``."""
    if index is None:
        return {}
    if index.manifest.get("model", {}).get("fingerprint") != info.get("fingerprint"):
        return {}
    return index.cache()

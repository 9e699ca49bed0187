"""Retrieval over the knowledge cards (dense e5 + BM25), see ``search.KnowledgeBase``."""
from __future__ import annotations

__all__ = ["KnowledgeBase", "Hit", "CONFIDENCE_THRESHOLD"]


def __getattr__(name):  # import torch/faiss only when the search layer is used
    if name in __all__:
        from . import search
        return getattr(search, name)
    raise AttributeError(name)

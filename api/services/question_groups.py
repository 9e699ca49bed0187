"""Grouping similar questions (the editors' knowledge gaps): rewordings of one question join a group.

With the embedding model the questions are compared by cosine; without it (or when encoding fails)
by TF-IDF over the content words.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

EMBEDDING_SIMILARITY = 0.9   # e5 cosines are high overall; 0.9 joins rewordings of one question
TFIDF_SIMILARITY = 0.45


def _tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _STOPWORDS]


_STOPWORDS = frozenset("""de het een en van ik mijn wat hoe kan moet wie waar wanneer waarom is zijn dat die dit
    voor met mij mag niet wel ook aan bij naar als dan nog heb heeft hebben wordt worden word zou
    kunnen over maar door om uit tot of er op te in je u uw we wij ze zij hij zij the""".split())


def _tfidf(texts: list[str]) -> list[dict[str, float]]:
    docs = [Counter(_tokens(t)) for t in texts]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    vectors = []
    for d in docs:
        v = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def group_questions(items: list[dict[str, Any]], embed=None) -> list[dict[str, Any]]:
    """Greedy grouping: each question joins the first group whose first question is similar enough."""
    if not items:
        return []
    texts = [i["question"] for i in items]
    similarity = None
    if embed is not None:
        try:
            import numpy as np

            vecs = np.asarray(embed(texts), dtype=float)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-12
            sims = vecs @ vecs.T
            similarity = (lambda a, b: float(sims[a, b])), EMBEDDING_SIMILARITY, "embedding"
        except Exception:  # noqa: BLE001 - fall back to TF-IDF
            similarity = None
    if similarity is None:
        vectors = _tfidf(texts)
        similarity = ((lambda a, b: sum(x * vectors[b].get(w, 0.0) for w, x in vectors[a].items())),
                      TFIDF_SIMILARITY, "tfidf")
    sim, threshold, method = similarity
    groups: list[dict[str, Any]] = []
    leaders: list[int] = []
    for index, item in enumerate(items):
        key = " ".join(_tokens(item["question"])) or item["question"].lower()
        for group, leader in zip(groups, leaders):
            if sim(index, leader) >= threshold or key == group["key"]:
                group["items"].append(item)
                break
        else:
            groups.append({"key": key, "question": item["question"], "items": [item], "method": method})
            leaders.append(index)
    for group in groups:
        group["count"] = len(group["items"])
        group["newest"] = group["items"][0]["at"]
        group["low"] = sum(1 for i in group["items"] if i["kind"] == "low")
        group["not_helpful"] = group["count"] - group["low"]
        group["cards"] = sorted({i["card_id"] for i in group["items"] if i["card_id"]})
        group["examples"] = list(dict.fromkeys(i["question"] for i in group["items"]))[:5]
    groups.sort(key=lambda g: g["newest"], reverse=True)
    return groups

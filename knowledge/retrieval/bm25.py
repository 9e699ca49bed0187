"""BM25 over whole cards (rank-bm25) with a simple Dutch tokenizer.

Used as the lexical baseline and as the lexical half of the hybrid score. Besides the
raw BM25 score, :meth:`BM25Index.normalized_scores` gives a query-normalised score in
[0, 1]: the BM25 score divided by the largest score the query could reach (every query
term matched with unbounded term frequency). Unlike min-max or z-scores over the result
list, it does not depend on the other cards, so a threshold on it keeps its meaning
when the card set changes.
"""
from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
from rank_bm25 import BM25Okapi

# Function words that carry no topic. Kept short on purpose: words such as "geen",
# "niet", "wel", "hulp" or "zorg" stay, they matter in this domain.
STOPWORDS = frozenset("""
de het een en of maar want dus dat die dit deze daar hier er is ben bent zijn was waren
word wordt worden werd heb hebt heeft hebben had kan kun kunt kunnen kon mag mogen moet
moeten wil wilt willen zal zult zullen zou zouden ik je jij u hij zij ze we wij jullie
me mij mijn m'n jouw jou uw zijn haar hun hen ons onze men iets iemand wat wie waar
wanneer hoe waarom welk welke van in op aan met voor naar bij uit over om tot door
als dan ook nog al toch eens even wel zo heel erg te ja nee oke ok hoi hallo beste
dag graag alsjeblieft aub a.u.b. bedankt eigenlijk gewoon echt toen nu zo'n
""".split())

_TOKEN = re.compile(r"[a-z0-9]+")
# Light Dutch suffix stripping: plural and inflection endings, longest first.
_SUFFIXES = ("heden", "ingen", "tjes", "ing", "en", "es", "ers", "er", "e", "s")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def stem(word: str) -> str:
    """Very light stemmer: strip one common ending, undouble the final consonant."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            word = word[: -len(suf)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lowercase, strip accents, split on non-alphanumerics, drop stopwords, stem."""
    return [stem(t) for t in _TOKEN.findall(_fold(text)) if t not in STOPWORDS]


class BM25Index:
    def __init__(self, doc_ids: list[str], texts: list[str], k1: float = 1.5, b: float = 0.75):
        self.doc_ids = list(doc_ids)
        self.k1, self.b = k1, b
        tokens = [tokenize(t) or ["\0"] for t in texts]
        self._bm25 = BM25Okapi(tokens, k1=k1, b=b) if tokens else None
        n = len(tokens)
        # idf of a term that no card contains (used to weigh unknown query words)
        self._idf_unseen = math.log((n + 0.5) / 0.5) if n else 1.0

    def __len__(self) -> int:
        return len(self.doc_ids)

    def scores(self, query: str) -> np.ndarray:
        """Raw BM25 score per document (order of ``doc_ids``)."""
        if self._bm25 is None:
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokenize(query)), dtype=np.float32)

    def normalized_scores(self, query: str) -> np.ndarray:
        """BM25 / best reachable BM25 for this query, in [0, 1]."""
        if self._bm25 is None:
            return np.zeros(0, dtype=np.float32)
        q = tokenize(query)
        if not q:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        raw = np.asarray(self._bm25.get_scores(q), dtype=np.float32)
        bound = sum(max(self._bm25.idf.get(t, self._idf_unseen), 0.0) for t in q) * (self.k1 + 1)
        if bound <= 0:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        return np.clip(raw / bound, 0.0, 1.0)

    def search(self, query: str, k: int = 3) -> list[tuple[str, float]]:
        s = self.scores(query)
        order = np.argsort(-s, kind="stable")[:k]
        return [(self.doc_ids[i], float(s[i])) for i in order]

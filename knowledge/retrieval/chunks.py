"""Which text of a knowledge card is embedded.

A card becomes one or more chunks; a card's dense score is the best (max) cosine over
its chunks. Strategies (compared by ``python -m evaluation.retrieval_eval``):

* ``card``      one chunk: title + summary + body.
* ``card_q``    one chunk: title + summary + the card's questions + body.
* ``multi``     title + summary; each question; each body paragraph.
* ``multi_ctx`` like ``multi`` but every question and paragraph is prefixed with the title.
* ``multi_qq``  like ``multi`` but questions are embedded as queries (symmetric
                question-to-question match, with the model's query prompt).

A card's English section (knowledge/card_languages.py) adds one chunk of kind ``english`` in
every strategy: its English title (without a title: its first paragraph), a passage of the same
card, so an English question finds the card. The Dutch chunks stay exactly as they were. Only the
title, measured on evaluation/retrieval/questions_en.yml with 30 of 111 cards in English: the whole
English text (or its paragraphs) as passages pulls English questions about the other cards to
the 30 (any English text is closer to an English question than Dutch text is), R@3 0.872 -> 0.853
(0.798 with every paragraph); the title alone: 0.881. A separate English BM25 did worse still.

``DEFAULT_STRATEGY`` is the one the measurements chose; ``CHUNKING_VERSION`` changes
whenever chunk texts change, so persisted indexes are rebuilt.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from knowledge.card_languages import english_title, english_text

STRATEGIES = ("card", "card_q", "multi", "multi_ctx", "multi_qq")
DEFAULT_STRATEGY = "multi_qq"
CHUNKING_REVISION = 2  # 2: English chunks
MIN_PARAGRAPH_WORDS = 25   # shorter paragraphs are joined to the next one
MAX_PARAGRAPH_WORDS = 120  # longer ones are split on sentence ends


def chunking_version(strategy: str = DEFAULT_STRATEGY) -> str:
    return f"{strategy}-v{CHUNKING_REVISION}"


@dataclass(frozen=True)
class Chunk:
    card_id: str
    kind: str         # "title" | "question" | "body" | "card" | "english"
    text: str
    as_query: bool = False  # embed with the query prompt instead of the passage prompt

    @property
    def key(self) -> str:
        """Cache key of the vector: depends on the text and on the prompt side only."""
        side = "q" if self.as_query else "p"
        return hashlib.sha256(f"{side}\0{self.text}".encode("utf-8")).hexdigest()


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|`|^#+\s*|^\s*[-*+]\s+|^\s*\d+[.)]\s+|^>\s*)", re.M)


def plain(text: str) -> str:
    """Markdown to plain text (links keep their label), whitespace collapsed."""
    text = _LINK.sub(r"\1", text or "")
    text = _MARKUP.sub("", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _words(s: str) -> int:
    return len(s.split())


def paragraphs(body: str) -> list[str]:
    """Body split into paragraphs of roughly MIN..MAX words."""
    raw = [re.sub(r"\s+", " ", plain(p)).strip() for p in re.split(r"\n\s*\n", body or "")]
    raw = [p for p in raw if p]
    pieces: list[str] = []
    for p in raw:
        if _words(p) <= MAX_PARAGRAPH_WORDS:
            pieces.append(p)
            continue
        cur: list[str] = []
        for sent in re.split(r"(?<=[.!?])\s+", p):
            if cur and _words(" ".join(cur + [sent])) > MAX_PARAGRAPH_WORDS:
                pieces.append(" ".join(cur))
                cur = []
            cur.append(sent)
        if cur:
            pieces.append(" ".join(cur))
    merged: list[str] = []
    buf = ""
    for p in pieces:
        buf = f"{buf} {p}".strip() if buf else p
        if _words(buf) >= MIN_PARAGRAPH_WORDS:
            merged.append(buf)
            buf = ""
    if buf:
        if merged and _words(merged[-1]) + _words(buf) <= MAX_PARAGRAPH_WORDS:
            merged[-1] = f"{merged[-1]} {buf}"
        else:
            merged.append(buf)
    return merged


def _title_summary(card) -> str:
    title, summary = plain(card.title), plain(card.summary)
    return f"{title}. {summary}" if title and not title.endswith((".", "?", "!")) else f"{title} {summary}".strip()


def card_chunks(card, strategy: str = DEFAULT_STRATEGY) -> list[Chunk]:
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown chunking strategy {strategy!r}; choose from {STRATEGIES}")
    cid = card.id
    head = _title_summary(card)
    questions = [plain(q) for q in (card.questions or []) if plain(q)]
    body = " ".join(paragraphs(card.body))
    if strategy == "card":
        return _unique([Chunk(cid, "card", f"{head} {body}".strip())] + english_chunks(card))
    if strategy == "card_q":
        qs = " ".join(q if q.endswith("?") else q + "?" for q in questions)
        return _unique([Chunk(cid, "card", f"{head} {qs} {body}".strip())] + english_chunks(card))
    out = [Chunk(cid, "title", head)]
    title = plain(card.title)
    for q in questions:
        text = f"{title} {q}" if strategy == "multi_ctx" else q
        out.append(Chunk(cid, "question", text, as_query=(strategy == "multi_qq")))
    for p in paragraphs(card.body):
        text = f"{title} {p}" if strategy == "multi_ctx" else p
        out.append(Chunk(cid, "body", text))
    return _unique(out + english_chunks(card))


def english_chunks(card) -> list[Chunk]:
    """The English title of a card with an English section (without a title: its first paragraph)."""
    first = (paragraphs(english_text(card)) or [""])[0]
    text = plain(english_title(card)) or first
    return [Chunk(card.id, "english", text)] if text else []


def _unique(chunks: list[Chunk]) -> list[Chunk]:
    """The same text twice in one card adds nothing."""
    seen, unique = set(), []
    for c in chunks:
        if c.key not in seen:
            seen.add(c.key)
            unique.append(c)
    return unique


def card_text(card) -> str:
    """All searchable Dutch text of a card in one string (for BM25)."""
    parts = [plain(card.title), plain(card.summary), *[plain(q) for q in card.questions or []],
             " ".join(paragraphs(card.body))]
    return " ".join(p for p in parts if p)


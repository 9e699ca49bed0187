"""Sentences and words of a (Markdown) text, with offsets into the original text.

Sentence rules (Markdown aware, offsets always refer to the original text):
- a heading, a list item and a table row is a sentence of its own; a blank line
  ends a paragraph;
- `.`, `!`, `?` and `…` end a sentence when followed by white space or the end of
  the block, except after a known abbreviation ("art.", "bijv.", "o.a.", "d.w.z."),
  or when the next word starts in lower case (Dutch sentences start with a
  capital, so it was an unknown abbreviation). A single capital does end a
  sentence ("verzekeraar A. Maar ..."): cards name letters more often than initials;
- numbers such as "6:7", "1.200" or "13-11-2026" never split a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end the sentence (lower case,
# without the final dot). Multi-letter forms such as "o.a." and "d.w.z." are
# recognised by shape as well.
ABBREVIATIONS = frozenset("""
    a.s afd art artt bijv blz bv b.v ca c.q cf d.d d.w.z dhr dr drs e.a e.d e.v enz etc evt
    excl hfst i.c i.p.v i.v.m incl ing ir jl jr m.b.t m.i.v max mevr min mln mld mr mw n.a.v
    nl nr nrs o.a o.b.v p pag prof resp sr st t.a.v t.o.v tel vgl vlg z.g.a.n z.o.z z.s.m zgn
    jan feb mrt apr jun jul aug sep sept okt nov dec
""".split())
# These may also close a sentence ("... brieven, formulieren enz. Daarna ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"enz", "etc", "e.d", "e.a", "e.v"})

_TOKEN_RE = re.compile(r"""
    (?P<link>(?:https?://|www\.)[^\s<>()\[\]"]*[^\s<>()\[\]".,;:!?'”’]
            |[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
   |(?P<number>\d(?:[\w.,:/-]*\w)?)
   |(?P<abbr>(?:[^\W\d_]\.){2,})
   |(?P<word>[^\W\d_](?:[\w'’-]*[^\W_])?)
""", re.VERBOSE)
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")

_HEADING_RE = re.compile(r"[ \t]{0,3}(#{1,6})(?=[ \t]|$)")
_ITEM_RE = re.compile(r"[ \t]*([-*+•]|\d{1,3}[.)])[ \t]+")
_RULE_RE = re.compile(r"[ \t]*([-*_][ \t]*){3,}$")
_QUOTE_MARK_RE = re.compile(r"[ \t]{0,3}(>[ \t>]*)")
_TABLE_RE = re.compile(r"[ \t]*\|")
_INLINE_MARKUP = [
    re.compile(r"</?[A-Za-z][^>\n]*>"),              # HTML tags
    re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)"),      # emphasis, code
]
_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # "word" | "abbr" | "number" | "link"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str   # the sentence with Markdown removed and white space collapsed
    tokens: tuple[Token, ...]

    @property
    def word_count(self) -> int:
        return len(self.tokens)


def mask_markdown(text: str) -> str:
    """`text` with Markdown markup replaced by spaces (same length, same offsets)."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for start, line in _lines(text):
        for pattern in (_RULE_RE, _HEADING_RE, _QUOTE_MARK_RE, _ITEM_RE):
            m = pattern.match(line)
            if m:
                if pattern is _RULE_RE:
                    blank(start, start + len(line))
                else:
                    blank(start + m.start(1), start + m.end(1))
        if _TABLE_RE.match(line):
            for i, ch in enumerate(line):
                if ch == "|":
                    blank(start + i, start + i + 1)
    for m in _LINK_RE.finditer(text):
        blank(m.start(), m.start(1))
        blank(m.end(1), m.end())
    for pattern in _INLINE_MARKUP:
        for m in pattern.finditer(text):
            blank(m.start(), m.end())
    return "".join(chars)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a (Markdown) text; sentences without words are dropped."""
    masked = mask_markdown(text)
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text, masked):
        start = block_start
        for m in _BOUNDARY_RE.finditer(masked, block_start, block_end):
            if _ends_sentence(masked, m, block_start, block_end):
                _add_sentence(sentences, masked, start, m.end())
                start = m.end()
        _add_sentence(sentences, masked, start, block_end)
    return sentences


def _lines(text: str):
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _blocks(text: str, masked: str) -> list[tuple[int, int]]:
    """Paragraphs, list items, headings and table rows as (start, end) offsets."""
    blocks: list[tuple[int, int]] = []
    current: list[int] | None = None
    for start, line in _lines(text):
        end = start + len(line)
        if not masked[start:end].strip():
            kind = "blank"
        elif _HEADING_RE.match(line) or _TABLE_RE.match(line):
            kind = "single"
        elif _ITEM_RE.match(line) and not _RULE_RE.match(line):
            kind = "item"
        else:
            kind = "text"
        if kind != "text" and current:
            blocks.append((current[0], current[1]))
            current = None
        if kind == "single":
            blocks.append((start, end))
        elif kind == "item":
            current = [start, end]
        elif kind == "text":
            if current:
                current[1] = end       # continuation line of a paragraph or list item
            else:
                current = [start, end]
    if current:
        blocks.append((current[0], current[1]))
    return blocks


def _ends_sentence(masked: str, m: re.Match, block_start: int, block_end: int) -> bool:
    punct = m.group().rstrip("\"'”’)]")
    rest = masked[m.end():block_end].lstrip()
    if not rest:
        return True
    if punct != ".":
        return True          # ?, !, … and "..." always end a sentence
    before = re.search(r"(\S+)$", masked[block_start:m.start()])
    prev = before.group(1).lstrip("([\"'“‘") if before else ""
    lowered = prev.lower()
    if lowered in ABBREVIATIONS or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", lowered):
        return lowered in SENTENCE_FINAL_ABBREVIATIONS and rest[0].isupper()
    if rest[0].islower():
        return False
    return True


def _add_sentence(sentences: list[Sentence], masked: str, start: int, end: int) -> None:
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    tokens = tuple(Token(m.start(), m.end(), m.group(), m.lastgroup)
                   for m in _TOKEN_RE.finditer(masked, start, end))
    if tokens:
        sentences.append(Sentence(start, end, " ".join(masked[start:end].split()), tokens))


"""The English section of a card (knowledge/card_languages.py): plain English (B1) and fixed terms.

Readability: the checker's own sentence split (sentences.py), then Flesch Reading Ease with
textstat's English constants, average and longest sentence (limits: thresholds.py). textstat
itself counts English syllables with the CMU dictionary, which it downloads at run time (not
possible here), so syllables are counted the way textstat does without it: hyphenation by the
pyphen English dictionary, or vowel groups when that gives more (pyphen misses short syllables).

Terms: a Dutch legal term in the English text is glossed on first use, always with the product's
fixed English words (TERMS): the first "objection" or "bezwaar" must read "objection (bezwaar)".
"hoger beroep" is always "higher appeal". Dates read "28 December 2026".
Messages are for the (Dutch) editors, like the rest of the checker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.card_languages import ENGLISH_HEADING, english_parts, near_english_headings

from . import thresholds as T
from .problems import Problem, error, warning
from .sentences import Token, split_sentences

# Dutch term, the fixed English words, the gloss to write on first use (None: never the Dutch word).
TERMS: tuple[tuple[str, str, str | None], ...] = (
    ("hoger beroep", "higher appeal", None),
    ("voorlopige voorziening", "provisional measure", "provisional measure (voorlopige voorziening)"),
    ("ingebrekestelling", "notice of default", "notice of default (ingebrekestelling)"),
    ("cliëntondersteuning", "client support", "client support (cliëntondersteuning)"),
    ("bezwaar", "objection", "objection (bezwaar)"),
    ("klacht", "complaint", "complaint (klacht)"),
    ("beroep", "appeal", "appeal (beroep)"),
    ("rechtbank", "court", "court (rechtbank)"),
    ("dwangsom", "penalty payment", "penalty payment (dwangsom)"),
    ("machtiging", "authorisation", "authorisation (machtiging)"),
    ("volmacht", "power of attorney", "power of attorney (volmacht)"),
    ("gemeente", "municipality", "municipality (gemeente)"),
)
# Names that stay as they are and hold a term's word ("Centrale Raad van Beroep").
NAMES = ("Centrale Raad van Beroep",)
# textstat's Flesch Reading Ease constants for English.
FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = 206.835, 1.015, 84.6

_DUTCH_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_BAD_DATES = (re.compile(rf"\b\d{{1,2}} (?:{_DUTCH_MONTHS})\b"),           # 28 december (Dutch)
              re.compile(rf"\b(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?\b", re.IGNORECASE),  # December 28
              re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th) (?:of )?(?:{_MONTHS})\b", re.IGNORECASE))  # 28th December


@dataclass
class EnglishMeasures:
    sentences: int = 0
    words: int = 0
    avg_sentence_words: float = 0.0
    max_sentence_words: int = 0
    flesch: float = 0.0

    def summary_line(self) -> str:
        return (f"{self.words} woorden, {self.sentences} zinnen, gemiddeld {self.avg_sentence_words:.1f} woorden "
                f"per zin (max {T.MAX_AVG_SENTENCE_WORDS_ENGLISH:g}), langste zin {self.max_sentence_words} "
                f"(max {T.MAX_SENTENCE_WORDS_ENGLISH}), Flesch {self.flesch:.1f} (min {T.MIN_FLESCH_ENGLISH:g})")


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # installed with textstat; textstat's English fallback dictionary
    return pyphen.Pyphen(lang="en_US")


def english_syllables(word: str) -> int:
    word = word.lower()
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1  # a silent final e: "made", "care"
    by_hyphens = sum(len(_hyphenator().positions(p)) + 1 for p in re.split(r"[-'’]", word) if p)
    return max(1, groups, by_hyphens)


def _syllables(token: Token) -> int:
    if token.kind == "number":
        return min(4, sum(ch.isdigit() for ch in token.text))
    if token.kind == "link":
        return 3
    if token.kind == "abbr":
        return sum(ch.isalpha() for ch in token.text)
    return english_syllables(token.text)


def measure(text: str) -> tuple[EnglishMeasures, list]:
    sentences = split_sentences(text)
    tokens = [t for s in sentences for t in s.tokens]
    if not sentences or not tokens:
        return EnglishMeasures(), sentences
    words = len(tokens)
    syllables = sum(_syllables(t) for t in tokens)
    flesch = FRE_BASE - FRE_SENTENCE * words / len(sentences) - FRE_SYLLABLE * syllables / words
    return EnglishMeasures(len(sentences), words, words / len(sentences),
                           max(s.word_count for s in sentences), flesch), sentences


def check_english_text(text: str) -> list[Problem]:
    """Problems of an English answer text, with offsets into `text`."""
    m, sentences = measure(text)
    if not sentences:
        return [error("english-empty", "de Engelse tekst onder '## English' is leeg", field="english")]
    problems = []
    for number, s in enumerate(sentences, start=1):
        if s.word_count > T.MAX_SENTENCE_WORDS_ENGLISH:
            problems.append(error("english-sentence-too-long",
                                  f"Engelse tekst: zin {number} heeft {s.word_count} woorden (max "
                                  f"{T.MAX_SENTENCE_WORDS_ENGLISH}): '{s.text[:160]}' — maak er twee zinnen van",
                                  field="english", start=s.start, end=s.end))
    if m.avg_sentence_words > T.MAX_AVG_SENTENCE_WORDS_ENGLISH:
        problems.append(error("english-avg-sentence-length",
                              f"Engelse tekst: de zinnen zijn gemiddeld {m.avg_sentence_words:.1f} woorden lang "
                              f"(max {T.MAX_AVG_SENTENCE_WORDS_ENGLISH:g}); splits de langste zinnen",
                              field="english"))
    if m.flesch < T.MIN_FLESCH_ENGLISH:
        problems.append(error("english-flesch",
                              f"Engelse tekst: Flesch is {m.flesch:.0f} (min {T.MIN_FLESCH_ENGLISH:g}): gebruik "
                              "kortere zinnen en kortere woorden", field="english"))
    return problems + check_terms(text) + check_dates(text)


def check_terms(text: str) -> list[Problem]:
    """Each Dutch legal term glossed on first use with the fixed English words."""
    work = text
    for name in NAMES:
        work = re.sub(re.escape(name), lambda m: " " * len(m.group()), work, flags=re.IGNORECASE)
    problems = []
    for dutch, english, gloss in TERMS:
        words = re.compile(rf"\b(?:{re.escape(english)}s?|{re.escape(dutch)})\b", re.IGNORECASE)
        found = list(words.finditer(work))
        if not found:
            continue
        first = found[0]
        glossed = re.compile(rf"\b{re.escape(english)}s? \({re.escape(dutch)}\)", re.IGNORECASE) if gloss else None
        at_first = glossed.match(work, first.start()) if glossed else None
        if gloss is None:
            bad = next((m for m in found if m.group().lower() == dutch), None)
            if bad:
                problems.append(error("english-term", f"Engelse tekst: schrijf '{english}', niet '{bad.group()}'",
                                      field="english", start=bad.start(), end=bad.end()))
        elif at_first is None:
            problems.append(error("english-term", f"Engelse tekst: leg '{first.group()}' de eerste keer uit als "
                                  f"'{gloss}'", field="english", start=first.start(), end=first.end()))
        if gloss is None:  # "higher appeal" is no first use of "appeal" (TERMS lists it first)
            work = words.sub(lambda m: " " * len(m.group()), work)
    return problems


def check_dates(text: str) -> list[Problem]:
    return [error("english-date", f"Engelse tekst: schrijf datums als '28 December 2026', niet '{m.group()}'",
                  field="english", start=m.start(), end=m.end())
            for pattern in _BAD_DATES for m in pattern.finditer(text)]


def check_english(card) -> tuple[list[Problem], EnglishMeasures | None]:
    """All problems of a card's English section (with file line numbers), and its measures."""
    problems = [error("english-heading", f"'{m.group().strip()}' is geen goede kop voor de Engelse tekst; schrijf "
                      "precies '## English'", line=card.body_line_of(m.start()))
                for m in near_english_headings(card.body)]
    problems += [error("english-twice", "de kaart heeft twee keer '## English'; zet alle Engelse tekst onder één kop",
                       line=card.body_line_of(m.start())) for m in ENGLISH_HEADING.finditer(card.body)]
    if not card.english_line:
        return problems, None
    title, text = english_parts(card.english)
    offset = card.english.find(text) if text else 0
    problems += [error("english-twice", "de kaart heeft twee keer '## English'; zet alle Engelse tekst onder "
                       "één kop", field="english", line=card.english_line_of(m.start()))
                 for m in ENGLISH_HEADING.finditer(card.english)]
    if not title:
        problems.append(warning("english-no-title", "de Engelse tekst heeft geen titel; zet op de eerste regel "
                                "'Title: …' (daarmee vindt de zoekfunctie de kaart bij een Engelse vraag)",
                                field="english", line=card.english_line))
    for p in check_english_text(text):
        line = card.english_line_of(offset + p.start) if p.start is not None else card.english_line
        problems.append(Problem(p.severity, p.code, p.message, p.field, p.start, p.end, line))
    return problems, measure(text)[0] if text else None

"""B1 readability of Dutch text: sentences, words, rare words and Flesch–Douma.

`check_text(text)` is the entry point for live feedback: it returns problems with
character offsets into `text` (long sentences, informal address, and every rare
word as an INFO problem). `analyse(text)` returns the measures behind them.

Sentences and tokens: sentences.py.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from . import thresholds as T
from .glossary import load_glossary
from .problems import Problem, error, info
from .sentences import Sentence, Token, split_sentences

# Informal address; cards use "u" (docs/contracts.md). Quoted speech is exempt.
INFORMAL_PRONOUNS = frozenset({"je", "jij", "jou", "jouw", "jouwe", "jullie", "jezelf"})

# Flesch–Douma (Douma 1960): the Dutch adaptation of Flesch Reading Ease, the same
# constants textstat 0.7.13 uses for lang "nl".
DOUMA_BASE, DOUMA_SENTENCE, DOUMA_SYLLABLE = 206.835, 0.93, 77.0

_QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|„[^”\"\n]*[”\"]")


@dataclass
class Measures:
    sentences: int = 0
    words: int = 0
    avg_sentence_words: float = 0.0
    max_sentence_words: int = 0
    checked_words: int = 0      # words checked for rarity (numbers and links left out)
    rare_word_count: int = 0
    rare_share: float = 0.0     # rare_word_count / checked_words
    rare_words: list[str] = field(default_factory=list)  # distinct, most frequent first
    syllables: int = 0
    flesch_douma: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("avg_sentence_words", "rare_share", "flesch_douma"):
            data[key] = round(data[key], 3 if key == "rare_share" else 1)
        return data

    def summary_line(self) -> str:
        return (f"{self.words} woorden ({T.MIN_BODY_WORDS}–{T.MAX_BODY_WORDS}), "
                f"{self.sentences} zinnen, gemiddeld {self.avg_sentence_words:.1f} woorden per zin "
                f"(max {T.MAX_AVG_SENTENCE_WORDS:g}), langste zin {self.max_sentence_words} "
                f"(max {T.MAX_SENTENCE_WORDS}), zeldzame woorden {self.rare_share:.1%} "
                f"(max {T.MAX_RARE_WORD_SHARE:.0%}), Flesch–Douma {self.flesch_douma:.1f} "
                f"(min {T.MIN_FLESCH_DOUMA:g})")


@dataclass
class Analysis:
    sentences: list[Sentence]
    measures: Measures
    rare_tokens: list[Token]


# --------------------------------------------------------------------------- words

@lru_cache(maxsize=2)
def frequent_words(size: int = T.RARE_WORD_VOCABULARY_SIZE) -> frozenset[str]:
    """The `size` most frequent Dutch words according to wordfreq."""
    from wordfreq import top_n_list
    return frozenset(w.replace("’", "'") for w in top_n_list("nl", size))


def is_common(word: str, glossary: frozenset[str] = frozenset()) -> bool:
    """True if `word` (or a simple inflection of it) is frequent or in the glossary."""
    w = word.lower().replace("’", "'").strip("'")
    vocabulary = frequent_words()

    def known(candidate: str) -> bool:
        return candidate in vocabulary or candidate in glossary

    if len(w.replace(".", "")) <= 1 or known(w) or known(w.replace(".", "")):
        return True
    if any(known(form) for form in base_forms(w)):
        return True
    if "-" in w:  # e-mailadres, Wmo-pgb: every part must be common
        return all(is_common(part, glossary) for part in w.split("-") if part)
    return False


_SEPARABLE_PREFIXES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug",
                       "toe", "uit", "voor", "vast", "weg")
_SUFFIXES = ("'s", "s", "n", "en", "e", "er", "ere", "ers", "st", "ste", "t", "d",
             "te", "de", "ten", "den", "je", "jes", "tje", "tjes")


def base_forms(word: str) -> set[str]:
    """Possible dictionary forms of an inflected Dutch word (a simple rule, not a lemmatiser).

    Plurals (klachten, bezwaren, brieven, indicaties, pgb's), verb forms (stuurt,
    stuurde, gestuurd, beslist), adjective endings (onafhankelijke) and diminutives
    (briefje). Candidates that are not words are harmless: they are only looked up.
    """
    stems = {word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 2}
    if word.endswith(("d", "t")) and len(word) > 5:
        if word.startswith("ge"):
            stems.add(word[2:-1])                 # gestuurd -> stuur, gemaakt -> maak
        for prefix in _SEPARABLE_PREFIXES:        # aangevraagd -> aanvraag
            if word.startswith(prefix + "ge") and len(word) > len(prefix) + 4:
                stems.add(prefix + word[len(prefix) + 2:-1])
    forms: set[str] = set()
    for stem in stems:
        for variant in _spelling_variants(stem):
            forms.add(variant)
            forms.add(variant + "en")             # stem -> infinitive (maak -> maken)
    return forms


def _spelling_variants(stem: str) -> set[str]:
    variants = {stem}
    if stem.endswith("v"):
        variants.add(stem[:-1] + "f")             # brieven -> brief
    if stem.endswith("z"):
        variants.add(stem[:-1] + "s")             # huizen -> huis
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        variants.add(stem[:-1])                   # bakken -> bak
    m = re.search(r"(?<=[^aeiou])([aeou])([^aeiouyj])$", stem)
    if m:                                         # bezwar(en) -> bezwaar
        variants.add(stem[: m.start(1)] + m.group(1) * 2 + m.group(2))
        variants.add(stem[: m.start(1)] + m.group(1) * 2 + {"v": "f", "z": "s"}.get(m.group(2), m.group(2)))
    m = re.search(r"(?<=[^aeiou])(aa|ee|oo|uu)([^aeiou])$", stem)
    if m:                                         # stuur -> stur(en), geef -> gev(en)
        consonant = {"f": "v", "s": "z"}.get(m.group(2), m.group(2))
        variants.add(stem[: m.start(1)] + m.group(1)[0] + consonant)
    if stem[-1] not in "aeiou":
        variants.add(stem + stem[-1])             # zit -> zitt(en)
    return variants


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # installed with textstat; the same Dutch dictionary textstat uses
    return pyphen.Pyphen(lang="nl")


def syllable_count(token: Token) -> int:
    """Syllables of a token: Dutch hyphenation for words, estimates for the rest."""
    if token.kind == "number":
        return min(4, sum(ch.isdigit() for ch in token.text))  # "6" zes, "13" der-tien
    if token.kind == "link":
        return 3
    if token.kind == "abbr":
        return sum(ch.isalpha() for ch in token.text)          # o.a. -> o-a
    hyphenator = _hyphenator()
    parts = [p for p in re.split(r"[-'’]", token.text.lower()) if any(ch.isalpha() for ch in p)]
    return sum(len(hyphenator.positions(p)) + 1 for p in parts) or 1


# --------------------------------------------------------------------------- measures

def analyse(text: str, glossary: frozenset[str] | None = None) -> Analysis:
    if glossary is None:
        glossary = load_glossary().words
    sentences = split_sentences(text)
    tokens = [t for s in sentences for t in s.tokens]
    checked = [t for t in tokens if t.kind in ("word", "abbr")]
    rare = [t for t in checked if not is_common(t.text, glossary)]
    counts: dict[str, int] = {}
    for t in rare:
        key = t.text.lower()
        counts[key] = counts.get(key, 0) + 1
    syllables = sum(syllable_count(t) for t in tokens)
    measures = Measures(
        sentences=len(sentences),
        words=len(tokens),
        avg_sentence_words=len(tokens) / len(sentences) if sentences else 0.0,
        max_sentence_words=max((s.word_count for s in sentences), default=0),
        checked_words=len(checked),
        rare_word_count=len(rare),
        rare_share=len(rare) / len(checked) if checked else 0.0,
        rare_words=sorted(counts, key=lambda k: -counts[k]),
        syllables=syllables,
        flesch_douma=flesch_douma(len(sentences), len(tokens), syllables),
    )
    return Analysis(sentences, measures, rare)


def flesch_douma(sentences: int, words: int, syllables: int) -> float:
    if not sentences or not words:
        return 0.0
    return DOUMA_BASE - DOUMA_SENTENCE * words / sentences - DOUMA_SYLLABLE * syllables / words


def check_text(text: str, glossary: frozenset[str] | None = None, *,
               check_length: bool = True) -> list[Problem]:
    """All B1 problems of a text, with character offsets into `text`.

    ERROR problems break a rule from thresholds.py; INFO problems mark each rare
    word (for highlighting in an editor).
    """
    analysis = analyse(text, glossary)
    return problems_for(analysis, text, check_length=check_length)


def problems_for(analysis: Analysis, text: str, *, check_length: bool = True) -> list[Problem]:
    m, sentences = analysis.measures, analysis.sentences
    problems: list[Problem] = []
    if not sentences:
        return [error("empty-text", "de tekst is leeg")]

    for number, s in enumerate(sentences, start=1):
        if s.word_count > T.MAX_SENTENCE_WORDS:
            problems.append(error(
                "sentence-too-long",
                f"zin {number} heeft {s.word_count} woorden (max {T.MAX_SENTENCE_WORDS}): "
                f"'{_quote(s.text)}' — maak er twee zinnen van",
                start=s.start, end=s.end))
    quoted = [(q.start(), q.end()) for q in _QUOTED_RE.finditer(text)]
    for number, s in enumerate(sentences, start=1):
        informal = [t for t in s.tokens if t.text.lower() in INFORMAL_PRONOUNS
                    and not any(a <= t.start < b for a, b in quoted)]
        if informal:
            problems.append(error(
                "informal-address",
                f"zin {number} zegt '{informal[0].text}'; spreek de lezer aan met 'u': '{_quote(s.text)}'",
                start=informal[0].start, end=informal[0].end))

    if m.avg_sentence_words > T.MAX_AVG_SENTENCE_WORDS:
        longest = sorted(enumerate(sentences, start=1), key=lambda p: -p[1].word_count)[:3]
        listing = ", ".join(f"zin {n} ({s.word_count} woorden)" for n, s in sorted(longest))
        problems.append(error(
            "avg-sentence-length",
            f"de zinnen zijn gemiddeld {m.avg_sentence_words:.1f} woorden lang "
            f"(max {T.MAX_AVG_SENTENCE_WORDS:g}); splits de langste zinnen: {listing}"))
    if m.rare_share > T.MAX_RARE_WORD_SHARE:
        shown = ", ".join(f"'{w}'" for w in m.rare_words[:12])
        more = f" en {len(m.rare_words) - 12} meer" if len(m.rare_words) > 12 else ""
        problems.append(error(
            "rare-words",
            f"{m.rare_share:.0%} van de woorden is geen gewoon woord (max {T.MAX_RARE_WORD_SHARE:.0%}): "
            f"{shown}{more}. Kies gewone woorden; een vakwoord dat de kaart uitlegt mag in "
            f"knowledge/glossary/"))
    if m.flesch_douma < T.MIN_FLESCH_DOUMA:
        long_words = sorted({t.text for s in sentences for t in s.tokens if t.kind == "word"},
                            key=lambda w: -syllable_count(Token(0, 0, w, "word")))[:5]
        problems.append(error(
            "flesch-douma",
            f"Flesch–Douma is {m.flesch_douma:.0f} (min {T.MIN_FLESCH_DOUMA:g}): gebruik kortere "
            f"zinnen en kortere woorden; langste woorden: {', '.join(long_words)}"))
    if check_length and m.words < T.MIN_BODY_WORDS:
        problems.append(error(
            "body-too-short",
            f"de tekst heeft {m.words} woorden (min {T.MIN_BODY_WORDS}); leg het antwoord iets meer uit"))
    if check_length and m.words > T.MAX_BODY_WORDS:
        problems.append(error(
            "body-too-long",
            f"de tekst heeft {m.words} woorden (max {T.MAX_BODY_WORDS}); maak hem korter of "
            f"verdeel hem over twee kaarten"))
    for t in analysis.rare_tokens:
        problems.append(info(
            "rare-word",
            f"'{t.text}' is geen gewoon woord (niet bij de {T.RARE_WORD_VOCABULARY_SIZE} meest "
            f"gebruikte woorden en niet in de woordenlijst)",
            start=t.start, end=t.end))
    return problems


def _quote(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"

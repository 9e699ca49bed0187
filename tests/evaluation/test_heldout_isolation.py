"""The held-out set stays unseen: none of its messages (or a near-duplicate) is in the bot's data.

evaluation/heldout/ was written blind and frozen before the bot was changed; copying one
of its sentences into bot/data/ would make its pass rate meaningless.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from evaluation.run_scenarios import load_scenarios

REPO_ROOT = Path(__file__).resolve().parents[2]
HELDOUT = sorted((REPO_ROOT / "evaluation").glob("heldout*/*.yml"))  # heldout/ and the second set heldout2/
BOT_DATA = sorted((REPO_ROOT / "bot" / "data").glob("*.yml"))
NEAR_DUPLICATE = 0.8  # token Jaccard similarity
MIN_TOKENS = 4  # "ja", "de gemeente": too short to be a held-out sentence of its own
# Bot sentences a later blind writer happened to write again (everyday phrases), with the commit that
# put them in bot/data before that set was written: not a copy from the held-out set.
IN_BOT_DATA_BEFORE = {
    "ik wil een mens spreken": "08c994f (2026-11-23), before heldout9 (ba53561)",
}


ENTITY_MARKUP = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def tokens(text: str) -> frozenset[str]:
    """Lowercase words; Rasa's entity markup "[CIZ](organisation)" counts as "CIZ"."""
    text = ENTITY_MARKUP.sub(lambda m: m[1] or m[2], text)
    return frozenset(re.findall(r"\w+", text.casefold()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def heldout_messages() -> list[tuple[str, str]]:
    scenarios = load_scenarios(HELDOUT)
    return [(s["name"], turn["text"]) for s in scenarios for turn in s["turns"] if "text" in turn]


def bot_sentences() -> list[str]:
    """Every example and every text in bot/data (NLU examples, stories, rules)."""
    found: list[str] = []
    for path in BOT_DATA:
        text = path.read_text(encoding="utf-8")
        found += [line.strip()[2:].strip() for line in text.splitlines() if line.strip().startswith("- ")]
        found += [m.strip() for m in re.findall(r"user:\s*\|?\s*(.+)", text)]
    return [s for s in found if s]


def near_duplicates(messages: list[tuple[str, str]], sentences: list[str]) -> list[str]:
    index = [(tokens(s), s) for s in sentences]
    problems = []
    for name, message in messages:
        mine = tokens(message)
        if len(mine) < MIN_TOKENS:
            continue
        for theirs, sentence in index:
            if sentence in IN_BOT_DATA_BEFORE:
                continue
            if jaccard(mine, theirs) >= NEAR_DUPLICATE:
                problems.append(f"{name}: {message[:80]!r} ~ bot/data {sentence[:80]!r}")
                break
    return problems


def test_heldout_set_is_large_enough():
    assert len(load_scenarios(HELDOUT)) >= 150


def test_no_heldout_message_is_in_the_bot_data():
    problems = near_duplicates(heldout_messages(), bot_sentences())
    assert not problems, "held-out messages found in bot/data:\n" + "\n".join(problems)


@pytest.mark.parametrize("copy", ["exact", "near"])
def test_the_check_finds_a_copied_sentence(copy):
    name, message = next((n, m) for n, m in heldout_messages() if len(tokens(m)) >= 8)
    planted = message if copy == "exact" else message.rsplit(" ", 1)[0]
    sentences = bot_sentences() + [planted]
    assert near_duplicates([(name, message)], sentences), "a planted copy was not found"

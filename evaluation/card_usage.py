"""Which knowledge cards answer most: ``.venv/bin/python -m evaluation.card_usage [--top N]``.

Runs the bot's own retrieval (knowledge.retrieval.reader.CardReader: the action server's encoder,
language check and answer threshold) over every citizen text turn of the conversation sets
(evaluation/scenarios/*.yml, evaluation/heldout*/*.yml) and every question of
evaluation/retrieval/questions.yml, and counts the top-1 card of each message that clears the
answer threshold. Prints the ranking, most used first. Used to choose the cards that get an
English section first (issue 13). Reads the sets only to count; the index on disk is not written.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "evaluation" / "retrieval" / "questions.yml"


def turn_texts(data) -> list[str]:
    """Every `text` of a turn in a scenario file's YAML (any nesting of lists and mappings)."""
    found: list[str] = []
    if isinstance(data, dict):
        turns = data.get("turns")
        if isinstance(turns, list):
            found += [t["text"] for t in turns if isinstance(t, dict) and isinstance(t.get("text"), str)]
        for key, value in data.items():
            if key != "turns":
                found += turn_texts(value)
    elif isinstance(data, list):
        for item in data:
            found += turn_texts(item)
    return found


def messages() -> dict[str, list[str]]:
    """{set name: its messages}."""
    files = sorted((REPO / "evaluation" / "scenarios").glob("*.yml"))
    files += sorted(p for d in sorted(REPO.glob("evaluation/heldout*")) if d.is_dir() for p in d.glob("*.yml"))
    sets = {str(p.relative_to(REPO)): turn_texts(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in files}
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    sets[str(QUESTIONS.relative_to(REPO))] = [str(q["q"]) for q in questions]
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=0, help="print only the N most used cards")
    args = ap.parse_args(argv)

    from knowledge.paths import CARDS_DIR, INDEX_DIR
    from knowledge.retrieval.reader import CardReader

    reader = CardReader(CARDS_DIR, INDEX_DIR, wait_s=600)
    counts: Counter = Counter()
    per_set: dict[str, tuple[int, int]] = {}
    for name, texts in messages().items():
        answered = 0
        for text in texts:
            hit = reader.best_answer(text)
            if hit is not None:
                counts[hit.card_id] += 1
                answered += 1
        per_set[name] = (len(texts), answered)
    total, answered = sum(n for n, _ in per_set.values()), sum(a for _, a in per_set.values())
    print(f"{total} messages in {len(per_set)} sets, {answered} answered by a card "
          f"(threshold {reader._ready().threshold:.2f}), {len(counts)} cards used\n")
    ranking = counts.most_common(args.top or None)
    for rank, (card_id, n) in enumerate(ranking, start=1):
        print(f"{rank:3d}  {n:4d}  {card_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Summarise `rasa test nlu --cross-validation` output: intent F1 overall and per intent.

    python -m evaluation.nlu_report bot/results/nlu-cv [--min-f1 0.90]

When the run wrote every prediction (intent_successes.json and intent_errors.json; evaluation/nlu_cv.py
asks for them), the numbers are also split by the file their example came from: English is every
example of bot/data/nlu_en.yml, Dutch the rest (issue 13).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ENGLISH_DATA = Path(__file__).resolve().parents[1] / "bot" / "data" / "nlu_en.yml"
ENTITY_MARKUP = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")
SHOWN = ("klacht", "klacht_en_bezwaar", "bezwaar")


def print_table(rows: list[tuple[str, dict]]) -> None:
    print(f"{'intent':28} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for name, r in sorted(rows, key=lambda item: item[1]["f1-score"]):
        print(f"{name:28} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1-score']:6.3f} {r['support']:5d}")


def english_texts(path: Path = ENGLISH_DATA) -> set[str]:
    """The plain text of every example in the English NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    texts = set()
    for item in (data or {}).get("nlu", []):
        for line in (item.get("examples") or "").splitlines() if "intent" in item else []:
            line = line.strip()[2:].strip()
            if line:
                texts.add(ENTITY_MARKUP.sub(lambda m: m[1] or m[2], line).strip())
    return texts


def scores(pairs: list[tuple[str, str]]) -> tuple[dict[str, dict], float, float, float]:
    """Per intent precision/recall/F1/support of (target, predicted) pairs; weighted F1, macro F1, accuracy."""
    targets, predicted = Counter(t for t, _p in pairs), Counter(p for _t, p in pairs)
    right = Counter(t for t, p in pairs if t == p)
    report = {}
    for name in targets:
        precision = right[name] / predicted[name] if predicted[name] else 0.0
        recall = right[name] / targets[name]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[name] = {"precision": precision, "recall": recall, "f1-score": f1, "support": targets[name]}
    total = sum(targets.values())
    weighted = sum(r["f1-score"] * r["support"] for r in report.values()) / total
    macro = sum(r["f1-score"] for r in report.values()) / len(report)
    return report, weighted, macro, sum(right.values()) / total


def by_language(results_dir: Path) -> int:
    predictions = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = results_dir / name
        if path.exists():
            predictions += json.loads(path.read_text())
    if not (results_dir / "intent_successes.json").exists():
        print(f"no {results_dir / 'intent_successes.json'}: run evaluation/nlu_cv.py (it adds --successes)",
              file=sys.stderr)
        return 2
    english = english_texts()
    for language in ("nl", "en"):
        pairs = [(p["intent"], (p.get("intent_prediction") or {}).get("name") or "None") for p in predictions
                 if (p["text"].strip() in english) == (language == "en")]
        if not pairs:
            continue
        report, weighted, macro, accuracy = scores(pairs)
        print(f"\n== {language}: {len(pairs)} examples")
        print_table(list(report.items()))
        shown = ", ".join(f"{name} {report[name]['f1-score']:.3f}" for name in SHOWN if name in report)
        print(f"{language}: weighted F1 {weighted:.3f}, macro {macro:.3f}, accuracy {accuracy:.3f}; {shown}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results_dir", type=Path)
    parser.add_argument("--min-f1", type=float, default=0.90)
    args = parser.parse_args()
    report_file = args.results_dir / "intent_report.json"
    if not report_file.exists():
        print(f"no {report_file}: run `make eval-nlu` first", file=sys.stderr)
        return 2
    report = json.loads(report_file.read_text())
    rows = [(name, r) for name, r in report.items() if isinstance(r, dict) and "f1-score" in r
            and name not in ("macro avg", "weighted avg", "micro avg")]
    print_table(rows)
    weighted = report["weighted avg"]["f1-score"]
    macro = report["macro avg"]["f1-score"]
    print(f"\nintent F1 (5-fold cross-validation): weighted {weighted:.3f}, macro {macro:.3f}, accuracy "
          f"{report.get('accuracy', float('nan')):.3f}")
    if (args.results_dir / "intent_successes.json").exists():
        by_language(args.results_dir)
    return 0 if weighted >= args.min_f1 else 1


if __name__ == "__main__":
    sys.exit(main())

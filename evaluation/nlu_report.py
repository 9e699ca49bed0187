"""Summarise `rasa test nlu --cross-validation` output: intent F1 overall and per intent.

    python -m evaluation.nlu_report bot/results/nlu-cv [--min-f1 0.90]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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
    print(f"{'intent':28} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for name, r in sorted(rows, key=lambda item: item[1]["f1-score"]):
        print(f"{name:28} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1-score']:6.3f} {r['support']:5d}")
    weighted = report["weighted avg"]["f1-score"]
    macro = report["macro avg"]["f1-score"]
    print(f"\nintent F1 (5-fold cross-validation): weighted {weighted:.3f}, macro {macro:.3f}, accuracy "
          f"{report.get('accuracy', float('nan')):.3f}")
    return 0 if weighted >= args.min_f1 else 1


if __name__ == "__main__":
    sys.exit(main())

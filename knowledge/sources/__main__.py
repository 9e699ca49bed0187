"""python -m knowledge.sources extract|check [--seeds-dir DIR] [--cards-dir DIR] [--sources-dir DIR]

extract  (re)build knowledge/sources/*.excerpts.txt from the cards' seed citations: only the cited
         line ranges, with their line numbers and the report's title, author and year.
check    every seed citation of the cards is stored; with the seeds folder, the stored lines are
         still the seed's lines. Exit 1 when not.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from knowledge.cards_model import CARDS_DIR
from knowledge.paths import SEEDS_DIR

from .extract import extract, verify
from .store import SOURCES_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.sources", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("extract", "check"))
    # The CLI's settings: its arguments, else the environment (read here only).
    parser.add_argument("--seeds-dir", type=Path, default=os.environ.get("WEGWIJS_SEEDS_DIR") or SEEDS_DIR,
                        help="folder with the full seed files (default: WEGWIJS_SEEDS_DIR or ../shared/seeds)")
    parser.add_argument("--cards-dir", type=Path, default=CARDS_DIR, help=f"default: {CARDS_DIR}")
    parser.add_argument("--sources-dir", type=Path, default=SOURCES_DIR, help=f"default: {SOURCES_DIR}")
    parser.add_argument("--dry-run", action="store_true", help="extract: only say what would change")
    args = parser.parse_args(argv)
    seeds_dir = args.seeds_dir
    if args.command == "check":
        problems = verify(seeds_dir if seeds_dir.is_dir() else None, args.cards_dir, args.sources_dir)
        for p in problems:
            print(f"!! {p}")
        checked = "stored lines compared with " + str(seeds_dir) if seeds_dir.is_dir() else \
            f"seed files not available at {seeds_dir}: stored texts not compared"
        print(f"{'OK' if not problems else 'PROBLEMS'}: {len(problems)} problem(s); {checked}")
        return 0 if not problems else 1
    if not seeds_dir.is_dir():
        print(f"note: no seeds folder at {seeds_dir}; only citations already stored can be kept "
              "(give --seeds-dir to add new ones)")
    outcome = extract(seeds_dir if seeds_dir.is_dir() else None, args.cards_dir, args.sources_dir,
                      dry_run=args.dry_run)
    verb = "would write" if args.dry_run else "wrote"
    for path in outcome.written:
        print(f"{verb} {path}")
    for path in outcome.removed:
        print(f"{'would remove' if args.dry_run else 'removed'} {path} (no card cites it any more)")
    for problem in outcome.problems:
        print(f"!! {problem}")
    total = sum(p.stat().st_size for p in Path(args.sources_dir).glob("*.excerpts.txt"))
    print(f"{len(outcome.written)} written, {len(outcome.unchanged)} unchanged, {len(outcome.removed)} removed; "
          f"excerpt files now {total / 1024:.0f} kB")
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())

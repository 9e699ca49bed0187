"""python -m knowledge.checker [cards_dir] [--seeds-dir DIR] [--json] [--today YYYY-MM-DD]

Checks every knowledge card and prints a report; exits 1 if any card has an error.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from knowledge.cards_model import CARDS_DIR
from knowledge.paths import SEEDS_DIR

from .report import format_json, format_text
from .runner import check_cards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.checker",
                                     description="Check the Wegwijs knowledge cards.")
    parser.add_argument("cards_dir", nargs="?", type=Path, default=CARDS_DIR,
                        help=f"folder with <id>.md cards (default: {CARDS_DIR})")
    # The CLI's settings: its arguments, else these environment variables (read here only).
    parser.add_argument("--seeds-dir", type=Path, default=os.environ.get("WEGWIJS_SEEDS_DIR") or SEEDS_DIR,
                        help="optional folder with the full seed files (default: WEGWIJS_SEEDS_DIR or "
                             "../shared/seeds next to the repository); seed citations resolve in "
                             "knowledge/sources without it")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=os.environ.get("WEGWIJS_TODAY") or None,
                        help="date for the review check (default: WEGWIJS_TODAY or today)")
    args = parser.parse_args(argv)
    if not args.cards_dir.is_dir():
        parser.error(f"{args.cards_dir} is not a folder")
    result = check_cards(args.cards_dir, seeds_dir=args.seeds_dir, today=args.today)
    print(format_json(result) if args.json else format_text(result))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())

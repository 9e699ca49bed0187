"""CLI: ``python -m knowledge.retrieval build`` builds or updates the index;
``python -m knowledge.retrieval search "vraag"`` shows the top hits."""
from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    from .index import DEFAULT_INDEX_DIR
    from .search import DEFAULT_CARDS_DIR

    ap = argparse.ArgumentParser(prog="python -m knowledge.retrieval")
    ap.add_argument("command", choices=["build", "search"])
    ap.add_argument("query", nargs="*", help="question (for search)")
    ap.add_argument("--cards", default=str(DEFAULT_CARDS_DIR), help="card folder")
    ap.add_argument("--index", default=str(DEFAULT_INDEX_DIR), help="index folder")
    ap.add_argument("--model", default=os.environ.get("WEGWIJS_EMBEDDING_MODEL"), help="sentence-transformers folder "
                    "(default: setting WEGWIJS_EMBEDDING_MODEL or var/models/multilingual-e5-small)")
    ap.add_argument("-k", type=int, default=3)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from knowledge.embedding.model import load_model

    from .search import KnowledgeBase

    model = load_model(args.model, threads=2 if args.command == "build" else None)
    t_model = time.perf_counter() - t0
    kb = KnowledgeBase(args.cards, args.index, model=model)
    r = kb.last_refresh
    b = r.get("build", {})
    if args.command == "build":
        print(f"model      {kb.model_info['path']} (fingerprint {kb.model_info['fingerprint']}), "
              f"loaded in {t_model:.1f} s")
        print(f"cards      {b.get('cards', 0)}  (added {len(r.get('added', []))}, "
              f"changed {len(r.get('changed_cards', []))}, removed {len(r.get('removed', []))})")
        print(f"chunks     {b.get('chunks', 0)}  (embedded {b.get('embedded_chunks', 0)}, "
              f"reused {b.get('reused_chunks', 0)})")
        for e in r.get("errors", []):
            print(f"error      {e}")
        print(f"index      {kb.index_dir}  method {kb.method}, chunking {kb.strategy}, "
              f"threshold {kb.threshold:.3f}")
        print(f"time       refresh {r.get('seconds', 0):.2f} s, total {time.perf_counter() - t0:.1f} s")
        return 1 if r.get("errors") else 0
    query = " ".join(args.query)
    for h in kb.search(query, k=args.k):
        mark = "" if h.score >= kb.threshold else "  (below threshold)"
        print(f"{h.score:.3f}  {h.card_id}  {h.title}{mark}\n       {h.snippet[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Retrieval evaluation: ``.venv/bin/python -m evaluation.retrieval_eval``.

Measures, on evaluation/retrieval/questions.yml against knowledge/cards:

* recall@1, recall@3 and MRR of dense (each chunking strategy), BM25 and hybrid
  (dense + query-normalised BM25, several weights);
* query latency p50/p95 of ``KnowledgeBase.search`` with the default settings;
* index build time, cold (no cached vectors) and incremental (one card edited);
* the confidence threshold: precision/recall of "answer" vs. "don't know" on the
  in-scope vs. out-of-scope questions, for the threshold in knowledge.retrieval.search
  and for the best threshold on this set.

Prints a Markdown report and writes it to evaluation/results/retrieval.md
(``--no-write`` to skip). Options: ``--cards DIR``, ``--questions FILE``.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "evaluation" / "retrieval" / "questions.yml"
RESULTS = REPO / "evaluation" / "results" / "retrieval.md"
HYBRID_WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5)
VECTOR_CACHE = REPO / "var" / "cache" / "retrieval_eval_vectors.npz"


def load_vector_cache(fingerprint: str) -> dict:
    try:
        z = np.load(VECTOR_CACHE, allow_pickle=False)
        if str(z["fingerprint"]) != fingerprint:
            return {}
        return dict(zip(z["keys"].tolist(), z["vectors"]))
    except (OSError, KeyError, ValueError):
        return {}


def save_vector_cache(fingerprint: str, cache: dict) -> None:
    VECTOR_CACHE.parent.mkdir(parents=True, exist_ok=True)
    keys = list(cache)
    tmp = VECTOR_CACHE.with_suffix(".tmp.npz")
    np.savez(tmp, fingerprint=np.array(fingerprint), keys=np.array(keys),
             vectors=np.stack([cache[k] for k in keys]) if keys else np.zeros((0, 1), np.float32))
    tmp.replace(VECTOR_CACHE)


# ------------------------------------------------------------------------ data
def load_questions(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    out = []
    for it in items:
        cards = it["cards"]
        cards = [] if cards in ("none", None, []) or cards == ["none"] else list(cards)
        out.append({"q": str(it["q"]), "cards": cards})
    return out


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", s))


NEAR_COPY = 0.7  # word-set Jaccard with a question of the target card


def check_questions(questions: list[dict], cards: list) -> list[str]:
    """Problems: unknown card ids, and questions (nearly) copied from a target card's
    own ``questions`` field (same words, Jaccard >= NEAR_COPY)."""
    by_id = {c.id: c for c in cards}
    problems = []
    for it in questions:
        words = set(_norm(it["q"]).split())
        for cid in it["cards"]:
            if cid not in by_id:
                problems.append(f"unknown card id {cid!r} in: {it['q']}")
                continue
            for cq in by_id[cid].questions:
                other = set(_norm(cq).split())
                if words and len(words & other) / len(words | other) >= NEAR_COPY:
                    problems.append(f"(nearly) copied from card {cid} ({cq!r}): {it['q']}")
    return problems


# --------------------------------------------------------------------- metrics
def rank_metrics(score_rows: np.ndarray, card_ids: list[str], questions: list[dict]) -> dict:
    """recall@1/@3 and MRR over in-scope questions; score_rows[q] = score per card."""
    r1 = r3 = mrr = 0.0
    n = 0
    misses = []
    for row, it in zip(score_rows, questions):
        if not it["cards"]:
            continue
        n += 1
        order = np.argsort(-row, kind="stable")
        ranked = [card_ids[i] for i in order]
        good = set(it["cards"])
        rank = next((i + 1 for i, cid in enumerate(ranked) if cid in good), None)
        if rank == 1:
            r1 += 1
        if rank is not None and rank <= 3:
            r3 += 1
        else:
            misses.append((it["q"], it["cards"], ranked[:3]))
        if rank is not None:
            mrr += 1.0 / rank
    return {"r1": r1 / n, "r3": r3 / n, "mrr": mrr / n, "n": n, "misses": misses}


def threshold_metrics(top: np.ndarray, in_scope: np.ndarray, t: float) -> dict:
    answered = top >= t
    tp = int((answered & in_scope).sum())
    fp = int((answered & ~in_scope).sum())
    n_in, n_out = int(in_scope.sum()), int((~in_scope).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / n_in if n_in else 0.0
    oos_rejected = 1.0 - fp / n_out if n_out else 1.0
    return {"t": t, "precision": precision, "recall": recall, "oos_rejected": oos_rejected,
            "j": recall + oos_rejected - 1.0}


MIN_ANSWERED = 0.95  # calibration rule: answer at least this share of in-scope questions


def best_threshold(top: np.ndarray, in_scope: np.ndarray, min_recall: float = 0.0) -> dict:
    """The threshold with the best balanced accuracy (recall + OOS rejected - 1) among
    those that still answer at least ``min_recall`` of the in-scope questions; on ties
    the lowest such threshold."""
    cands = np.unique(np.round(top, 3))
    scored = [threshold_metrics(top, in_scope, float(t)) for t in cands]
    ok = [s for s in scored if s["recall"] >= min_recall] or scored[:1]
    best_j = max(s["j"] for s in ok)
    return next(s for s in ok if s["j"] >= best_j - 1e-9)


# ------------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cards", default=str(REPO / "knowledge" / "cards"))
    ap.add_argument("--questions", default=str(QUESTIONS))
    ap.add_argument("--no-write", action="store_true", help="do not write evaluation/results/retrieval.md")
    ap.add_argument("--quick", action="store_true",
                    help="also seed the timed index build with the cached vectors (no cold-build time)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from knowledge.cards_model import load_cards
    from knowledge.embedding.model import encode_queries, load_model
    from knowledge.retrieval import search as S
    from knowledge.retrieval.bm25 import BM25Index
    from knowledge.retrieval.chunks import DEFAULT_STRATEGY, STRATEGIES, Chunk, card_text
    from knowledge.retrieval.index import build_index, model_info

    cards = load_cards(args.cards)
    questions = load_questions(Path(args.questions))
    problems = check_questions(questions, cards)
    card_ids = [c.id for c in cards]
    in_scope = np.array([bool(it["cards"]) for it in questions])
    n_in, n_out = int(in_scope.sum()), int((~in_scope).sum())

    t = time.perf_counter()
    model = load_model(os.environ.get("WEGWIJS_EMBEDDING_MODEL"))  # the setting, as the API reads it
    t_load = time.perf_counter() - t
    info = model_info(model)

    # query vectors once; one shared vector cache, so each text is embedded once
    # (the comparison reuses var/cache/retrieval_eval_vectors.npz; the timed build below does not)
    cache: dict = load_vector_cache(info["fingerprint"])
    qtexts = [it["q"] for it in questions]
    qkeys = [Chunk("", "query", q, as_query=True).key for q in qtexts]
    todo = [q for q, k in zip(qtexts, qkeys) if k not in cache]
    cache.update({Chunk("", "query", q, as_query=True).key: v
                  for q, v in zip(todo, encode_queries(model, todo))})
    qvecs = np.stack([cache[k] for k in qkeys])

    # dense, per chunking strategy
    dense_rows: dict[str, np.ndarray] = {}
    chunk_counts: dict[str, int] = {}
    for strategy in STRATEGIES:
        dense, stats = build_index(cards, model, strategy=strategy, info=info, cache=cache)
        cache.update(dense.cache())
        chunk_counts[strategy] = stats.chunks
        dense_rows[strategy] = np.stack([dense.card_scores(v)[0] for v in qvecs])

    save_vector_cache(info["fingerprint"], cache)
    bm25 = BM25Index(card_ids, [card_text(c) for c in cards])
    bm25_raw = np.stack([bm25.scores(q) for q in qtexts])
    bm25_norm = np.stack([bm25.normalized_scores(q) for q in qtexts])

    rows = []  # (name, scores matrix)
    for strategy in STRATEGIES:
        rows.append((f"dense · {strategy}", dense_rows[strategy]))
    rows.append(("BM25 (raw)", bm25_raw))
    for strategy in STRATEGIES:
        for w in HYBRID_WEIGHTS:
            rows.append((f"hybrid · {strategy} · w={w}", (1 - w) * dense_rows[strategy] + w * bm25_norm))
    results = {name: rank_metrics(m, card_ids, questions) for name, m in rows}
    matrices = dict(rows)

    default_dense = f"dense · {DEFAULT_STRATEGY}"
    default_hybrid = f"hybrid · {DEFAULT_STRATEGY} · w={S.HYBRID_WEIGHT}"
    if default_hybrid not in matrices:
        matrices[default_hybrid] = (1 - S.HYBRID_WEIGHT) * dense_rows[DEFAULT_STRATEGY] + S.HYBRID_WEIGHT * bm25_norm
        results[default_hybrid] = rank_metrics(matrices[default_hybrid], card_ids, questions)
    chosen = {"dense": default_dense, "bm25": "BM25 (raw)", "hybrid": default_hybrid}[S.DEFAULT_METHOD]

    # Is choosing (chunking, w) on this set overfitted? 2-fold check: choose on the even
    # questions, score on the odd ones, and the other way round.
    def pick(names, idx):
        sub = [questions[i] for i in idx]
        return max(names, key=lambda n: (rank_metrics(matrices[n][idx], card_ids, sub)["r3"],
                                         rank_metrics(matrices[n][idx], card_ids, sub)["mrr"]))
    hybrid_names = [n for n in matrices if n.startswith("hybrid")]
    folds = [np.arange(0, len(questions), 2), np.arange(1, len(questions), 2)]
    cv = []
    for a, b in ((0, 1), (1, 0)):
        name = pick(hybrid_names, folds[a])
        r = rank_metrics(matrices[name][folds[b]], card_ids, [questions[i] for i in folds[b]])
        d = rank_metrics(matrices[default_dense][folds[b]], card_ids, [questions[i] for i in folds[b]])
        cv.append((name, r, d))

    # thresholds (BM25 is thresholded on its normalised score)
    thr_inputs = {"dense": matrices[default_dense], "bm25": bm25_norm, "hybrid": matrices[default_hybrid]}
    calib = {}
    for method, m in thr_inputs.items():
        top = m.max(axis=1)
        calib[method] = {"configured": threshold_metrics(top, in_scope, S.CALIBRATED_THRESHOLDS[method]),
                         f"best, answers ≥ {MIN_ANSWERED:.0%} in scope": best_threshold(top, in_scope, MIN_ANSWERED),
                         "best": best_threshold(top, in_scope),
                         "in_top": top[in_scope], "out_top": top[~in_scope]}

    # the real KnowledgeBase: cold build, incremental refresh, latency
    tmp = Path(tempfile.mkdtemp(prefix="wegwijs-eval-"))
    try:
        cards_copy = tmp / "cards"
        shutil.copytree(args.cards, cards_copy)
        t = time.perf_counter()
        kb = S.KnowledgeBase(cards_copy, tmp / "index", model=model,
                             vector_cache=cache if args.quick else None)
        t_cold = time.perf_counter() - t
        cold_chunks = kb.last_refresh["build"]["embedded_chunks"]
        kb_rows = []
        lat = []
        for q in qtexts:
            t = time.perf_counter()
            hits = kb.search(q, k=len(card_ids))
            lat.append((time.perf_counter() - t) * 1000)
            pos = {h.card_id: h.score for h in hits}
            kb_rows.append([pos.get(cid, -1.0) for cid in card_ids])
        t = time.perf_counter()
        kb2 = S.KnowledgeBase(cards_copy, tmp / "index", model=model)
        t_warm = time.perf_counter() - t
        warm_chunks = kb2.last_refresh["build"]["embedded_chunks"]
        victim = sorted(cards_copy.glob("*.md"))[0]
        victim.write_text(victim.read_text(encoding="utf-8").rstrip()
                          + "\n\nDeze zin is toegevoegd om de index bij te werken.\n", encoding="utf-8")
        t = time.perf_counter()
        kb.refresh()
        t_incr = time.perf_counter() - t
        incr = kb.last_refresh["build"]
        kb_metrics = rank_metrics(np.array(kb_rows), card_ids, questions)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lat.sort()
    p50 = statistics.median(lat)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]

    # ------------------------------------------------------------------ report
    import torch

    L = []
    L.append("# Retrieval evaluation\n")
    L.append(f"Command: `.venv/bin/python -m evaluation.retrieval_eval` · {len(cards)} cards · "
             f"{n_in} in-scope + {n_out} out-of-scope questions · model `{info['path']}` "
             f"(fingerprint {info['fingerprint']}) · machine: {os.cpu_count()} CPU cores, torch threads "
             f"{torch.get_num_threads()}, load average at the end {os.getloadavg()[0]:.1f} "
             "(other jobs share the CPU; latency and build times depend on it)\n")
    if problems:
        L.append("**Question-set problems:**\n")
        L.extend(f"- {p}" for p in problems)
        L.append("")
    L.append("## Ranking (in-scope questions; a hit is any of the question's right cards)\n")
    L.append("| method | recall@1 | recall@3 | MRR |")
    L.append("|---|---|---|---|")
    main_rows = [default_dense, "BM25 (raw)", default_hybrid]
    for name in main_rows:
        r = results[name]
        mark = " **(chosen)**" if name == chosen else ""
        L.append(f"| {name}{mark} | {r['r1']:.3f} | {r['r3']:.3f} | {r['mrr']:.3f} |")
    L.append(f"| KnowledgeBase.search (default settings, end to end) | {kb_metrics['r1']:.3f} | "
             f"{kb_metrics['r3']:.3f} | {kb_metrics['mrr']:.3f} |")
    L.append("\n### Chunking strategies (dense, and hybrid at each BM25 weight w)\n")
    L.append("| chunking | chunks | dense R@1 / R@3 / MRR | " + " | ".join(f"hybrid w={w} R@1 / R@3 / MRR" for w in HYBRID_WEIGHTS) + " |")
    L.append("|---|---|---|" + "---|" * len(HYBRID_WEIGHTS))
    for strategy in STRATEGIES:
        r = results[f"dense · {strategy}"]
        cells = [f"{r['r1']:.3f} / {r['r3']:.3f} / {r['mrr']:.3f}"]
        for w in HYBRID_WEIGHTS:
            h = results[f"hybrid · {strategy} · w={w}"]
            cells.append(f"{h['r1']:.3f} / {h['r3']:.3f} / {h['mrr']:.3f}")
        mark = " (default)" if strategy == DEFAULT_STRATEGY else ""
        L.append(f"| {strategy}{mark} | {chunk_counts[strategy]} | " + " | ".join(cells) + " |")

    L.append("\n2-fold check of the choice (pick the best hybrid chunking and w on one half of the "
             "questions, score it on the other half):\n")
    for i, (name, r, d) in enumerate(cv):
        L.append(f"- fold {i + 1}: picked `{name}` → held-out R@1 {r['r1']:.3f}, R@3 {r['r3']:.3f}, "
                 f"MRR {r['mrr']:.3f} (dense `{DEFAULT_STRATEGY}` on the same half: R@3 {d['r3']:.3f})")
    L.append("\n## Confidence threshold (answer vs. \"I don't know\")\n")
    L.append("Top-1 score ≥ threshold → answer. Precision = share of answered questions that are in scope; "
             "recall = share of in-scope questions answered; OOS rejected = share of out-of-scope questions "
             "below the threshold. \"best\" = highest recall + OOS rejected − 1 on this set; "
             f"the configured value follows the rule \"best among thresholds that answer ≥ {MIN_ANSWERED:.0%} "
             "of in-scope questions\", rounded down to 2 decimals.\n")
    L.append("| method | threshold | precision | recall | OOS rejected | in-scope top-1 min / median | OOS top-1 median / max |")
    L.append("|---|---|---|---|---|---|---|")
    for method in ("dense", "bm25", "hybrid"):
        c = calib[method]
        for label in [k for k in c if k not in ("in_top", "out_top")]:
            m = c[label]
            L.append(f"| {method} ({label}) | {m['t']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | "
                     f"{m['oos_rejected']:.3f} | {c['in_top'].min():.3f} / {np.median(c['in_top']):.3f} | "
                     f"{np.median(c['out_top']):.3f} / {c['out_top'].max():.3f} |")
    L.append(f"\nIn use: method `{S.DEFAULT_METHOD}`, chunking `{DEFAULT_STRATEGY}`, BM25 weight "
             f"{S.HYBRID_WEIGHT}, `CONFIDENCE_THRESHOLD` = {S.CONFIDENCE_THRESHOLD:.3f}.\n")

    L.append("## Speed (2 cores)\n")
    L.append("| what | value |")
    L.append("|---|---|")
    L.append(f"| model load | {t_load:.1f} s |")
    L.append(f"| query latency p50 / p95 (`search`, k=all, incl. query embedding) | {p50:.1f} ms / {p95:.1f} ms |")
    quick = " (--quick: cached vectors)" if args.quick else ""
    L.append(f"| index build, cold{quick} ({cold_chunks} chunks embedded, {len(cards)} cards) | {t_cold:.2f} s |")
    L.append(f"| index load from disk, nothing changed ({warm_chunks} chunks embedded) | {t_warm:.2f} s |")
    L.append(f"| incremental refresh, 1 card edited ({incr['embedded_chunks']} chunk(s) of "
             f"{', '.join(incr['embedded_cards'])} embedded) | {t_incr:.2f} s |")
    L.append(f"\nTotal evaluation time: {time.perf_counter() - t0:.0f} s.\n")

    L.append(f"## Questions missed at @3 by the chosen method ({chosen})\n")
    for q, good, top3 in results[chosen]["misses"]:
        L.append(f"- {q} — want {', '.join(good)}; got {', '.join(top3)}")
    L.append("")

    report = "\n".join(L)
    print(report)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(report + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

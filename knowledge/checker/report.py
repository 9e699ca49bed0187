"""Print a CheckResult for editors (text) or tools (JSON)."""
from __future__ import annotations

import json
from dataclasses import asdict
from collections import Counter

from .problems import ERROR
from .runner import CheckResult

LABELS = {"error": "FOUT", "warning": "let op"}
# Problems a developer fixes by adding excerpts to knowledge/sources.
SOURCE_LIBRARY_CODES = ("lines-not-stored", "missing-seed")


def format_text(result: CheckResult) -> str:
    out: list[str] = []
    for p in result.glossary_problems:
        out.append(f"woordenlijst: let op: {p.message}")
    for p in result.library_notes:
        out.append(f"bronnenmap: let op: {p.message}")
    for r in result.cards:
        status = "OK" if r.ok else "FOUT"
        counts = f"{len(r.errors)} fouten, {len(r.warnings)} waarschuwingen"
        out.append(f"{r.path.name}: {status} ({counts})")
        for p in sorted(r.problems, key=lambda p: (p.severity != ERROR, p.line or 0)):
            where = f"regel {p.line}" if p.line else p.field
            out.append(f"  {LABELS.get(p.severity, p.severity)} [{where}] {p.message}")
        if r.measures:
            out.append(f"  B1: {r.measures.summary_line()}")
            if r.measures.rare_words:
                out.append(f"  zeldzame woorden: {', '.join(r.measures.rare_words)}")
        if r.english_measures:
            out.append(f"  Engels: {r.english_measures.summary_line()}")
    out.append(summary_text(result))
    return "\n".join(out)


def summary_text(result: CheckResult) -> str:
    total = len(result.cards)
    passed = sum(r.ok for r in result.cards)
    seeds = str(result.seeds_dir) if result.seeds_dir.is_dir() else f"{result.seeds_dir} niet aanwezig"
    lines = [f"{total} kaarten in {result.cards_dir}: {passed} goed, {total - passed} met fouten "
             f"(bronnenmap: {result.sources_dir}, seeds: {seeds}, datum: {result.today})"]
    common = problem_counts(result)
    if common:
        lines.append("meest voorkomende fouten: " + ", ".join(f"{code} ({n})" for code, n in common.most_common(8)))
    if result.library_notes or any(p.code in SOURCE_LIBRARY_CODES for r in result.cards for p in r.problems):
        lines.append("voor ontwikkelaars: zet ontbrekende seed-fragmenten in de bronnenmap met "
                     "`python -m knowledge.sources extract --seeds-dir <map met de seeds>` (knowledge/sources/README.md)")
    return "\n".join(lines)


def problem_counts(result: CheckResult, severity: str = ERROR) -> Counter:
    """How many cards have each kind of problem."""
    return Counter(code for r in result.cards
                   for code in {p.code for p in r.problems if p.severity == severity})


def format_json(result: CheckResult) -> str:
    data = {
        "ok": result.ok,
        "cards_dir": str(result.cards_dir),
        "seeds_dir": str(result.seeds_dir),
        "sources_dir": str(result.sources_dir),
        "today": result.today.isoformat(),
        "summary": {
            "cards": len(result.cards),
            "passed": sum(r.ok for r in result.cards),
            "failed": sum(not r.ok for r in result.cards),
            "errors_by_code": dict(problem_counts(result).most_common()),
        },
        "glossary_problems": [p.to_dict() for p in result.glossary_problems],
        "library_notes": [p.to_dict() for p in result.library_notes],
        "cards": [
            {
                "path": str(r.path),
                "id": r.card_id,
                "ok": r.ok,
                "problems": [p.to_dict() for p in r.problems],
                "measures": r.measures.to_dict() if r.measures else None,
                "english_measures": asdict(r.english_measures) if r.english_measures else None,
            }
            for r in result.cards
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)

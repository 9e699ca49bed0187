"""The glossary: domain words that do not count as rare (knowledge/glossary/*.txt).

One lowercase word per line; `#` starts a comment. Every file in the folder counts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .problems import Problem, warning

GLOSSARY_DIR = Path(__file__).resolve().parents[1] / "glossary"


@dataclass(frozen=True)
class Glossary:
    words: frozenset[str]
    problems: list[Problem] = field(default_factory=list)  # badly formed lines (warnings)


def load_glossary(glossary_dir: Path | str = GLOSSARY_DIR) -> Glossary:
    """All words in `glossary_dir/*.txt`; cached until a file changes."""
    glossary_dir = Path(glossary_dir)
    files = sorted(glossary_dir.glob("*.txt")) if glossary_dir.is_dir() else []
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    return _load(str(glossary_dir), stamp)


@lru_cache(maxsize=8)
def _load(glossary_dir: str, stamp: tuple[tuple[str, int], ...]) -> Glossary:
    words: set[str] = set()
    problems: list[Problem] = []
    for name, _ in stamp:
        path = Path(name)
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            where = f"{path.name} regel {number}"
            if any(ch.isspace() for ch in line):
                problems.append(warning(
                    "glossary-format",
                    f"{where}: '{line}' is meer dan één woord; zet elk woord op een eigen regel",
                    field="glossary"))
                words.update(w.lower() for w in line.split())
                continue
            if line != line.lower():
                problems.append(warning(
                    "glossary-format", f"{where}: '{line}' moet in kleine letters", field="glossary"))
            words.add(line.lower().replace("’", "'"))
    return Glossary(frozenset(words), problems)

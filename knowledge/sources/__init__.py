"""The source library: excerpts of the seed reports that knowledge cards cite.

A card may cite `seed: <file>` with `lines: a-b`. The full seed files live outside the
repository (`../shared/seeds` on a developer's machine), so this folder keeps, per seed file,
only the cited line ranges with their original line numbers and the report's title, author
and year (`<seed>.excerpts.txt`; format in store.py and README.md). The card checker resolves
seed citations here, so an installation without the seeds can check and publish cards.

    python -m knowledge.sources extract --seeds-dir ../shared/seeds   # rebuild from the cards' citations
    python -m knowledge.sources check [--seeds-dir ../shared/seeds]   # every citation stored, texts unchanged
"""
from __future__ import annotations

from typing import Any

from .catalog import describe_seed
from .store import (SOURCES_DIR, ExcerptFormatError, SeedExcerpts, load_excerpts, parse_lines,
                    read_excerpts)


def describe_source(source: dict[str, Any], sources_dir=SOURCES_DIR) -> dict[str, Any]:
    """A card source for readers: a seed citation gets the report's title, author, year and the
    cited text (when stored); other sources are returned as they are."""
    result = dict(source)
    name = source.get("seed")
    if not isinstance(name, str):
        return result
    excerpts, _ = read_excerpts(sources_dir)
    stored = excerpts.get(name.strip())
    info = stored.origin() if stored else describe_seed(name.strip())
    for key in ("title", "author", "year"):
        if info.get(key):
            result.setdefault(key, info[key])
    lines = parse_lines(source.get("lines"))
    if stored and lines and lines[0] >= 1 and stored.covers(*lines):
        result["excerpt"] = stored.text(*lines)
    return result


__all__ = ["SOURCES_DIR", "ExcerptFormatError", "SeedExcerpts", "describe_seed", "describe_source",
           "load_excerpts", "parse_lines", "read_excerpts"]

"""Every card names where its facts come from, and every source must resolve.

A source is one of:
- `law: "Awb art. 6:7"` — names a known law (vocabulary.KNOWN_LAWS);
- `seed: <file>` with `lines: a-b` — the cited lines are in the source library
  (knowledge/sources: the cited excerpts of each seed report, with their original line
  numbers), or in the full seed file when the seeds folder is available (a developer's
  machine: the `seeds_dir` argument, default ../shared/seeds). Without the seeds, a range that is not
  in the library is an error in words an editor can act on; with them, `check_cards` lists
  it (CheckResult.library_notes) so a developer runs `python -m knowledge.sources extract`;
- `url: https://...` — an https address (not fetched).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from knowledge.cards_model import Card
from knowledge.paths import SEEDS_DIR
from knowledge.sources.store import SOURCES_DIR, SeedExcerpts, format_ranges, parse_lines, read_excerpts

from .problems import Problem, error, warning
from .vocabulary import find_law

SOURCE_KINDS = ("law", "seed", "url")


# What an editor reads when a cited seed range is not in the source library.
ASK_DEVELOPER = "Vraag dan een ontwikkelaar om het fragment toe te voegen aan de bronnenmap."


def default_seeds_dir() -> Path:
    """`../shared/seeds` next to the repository (the API and the CLIs pass WEGWIJS_SEEDS_DIR instead).

    Optional: the full seed files are only on a developer's machine; knowledge/sources suffices."""
    return SEEDS_DIR


def check_sources(card: Card, seeds_dir: Path | str | None = None,
                  sources_dir: Path | str | None = None) -> list[Problem]:
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    sources_dir = Path(sources_dir) if sources_dir is not None else SOURCES_DIR
    sources = card.meta.get("sources")
    if sources in (None, "", []):
        return [error("no-sources", "de kaart heeft geen bronnen; noem onder 'sources' minstens één "
                      "wetsartikel (law), seed-bestand met regels (seed + lines) of https-adres (url)",
                      field="sources")]
    if not isinstance(sources, list):
        return []  # reported by the schema check
    problems: list[Problem] = []
    for number, source in enumerate(sources, start=1):
        where = f"sources[{number}]"
        if not isinstance(source, dict):
            problems.append(error("bad-source", f"bron {number} ('{source}') moet 'law:', 'seed:' (met "
                                  "'lines:') of 'url:' hebben", field=where))
            continue
        kinds = [k for k in SOURCE_KINDS if k in source]
        extra = [k for k in source if k not in SOURCE_KINDS and k != "lines"]
        if len(kinds) != 1:
            problems.append(error("bad-source", f"bron {number} moet precies één van law, seed of url "
                                  f"hebben (nu: {', '.join(map(str, source)) or 'niets'})", field=where))
            continue
        if extra:
            problems.append(warning("bad-source", f"bron {number} heeft onbekende velden: "
                                    f"{', '.join(map(str, extra))}", field=where))
        kind = kinds[0]
        if kind == "law":
            problems += _check_law(number, source["law"], where)
        elif kind == "url":
            problems += _check_url(number, source["url"], where)
        else:
            problems += _check_seed(number, source, seeds_dir, sources_dir, where)
        if kind != "seed" and "lines" in source:
            problems.append(warning("bad-source", f"bron {number}: 'lines' hoort alleen bij een seed",
                                    field=where))
    return problems


def _check_law(number: int, value, where: str) -> list[Problem]:
    if not isinstance(value, str) or not value.strip():
        return [error("bad-law", f"bron {number}: 'law' is leeg; schrijf bijvoorbeeld \"Awb art. 6:7\"",
                      field=where)]
    if not find_law(value):
        return [error("bad-law", f"bron {number}: '{value}' noemt geen bekende wet (zoals Awb, Wmo 2015, "
                      "Wlz, Jeugdwet, Zvw, Wkkgz, Atw); lijst: knowledge/checker/vocabulary.py",
                      field=where)]
    return []


def _check_url(number: int, value, where: str) -> list[Problem]:
    parts = urlsplit(value.strip()) if isinstance(value, str) else None
    if not parts or parts.scheme != "https" or not parts.netloc or " " in value.strip():
        return [error("bad-url", f"bron {number}: '{value}' is geen https-adres; gebruik een volledig "
                      "adres dat begint met https://", field=where)]
    return []


def _check_seed(number: int, source: dict, seeds_dir: Path, sources_dir: Path, where: str) -> list[Problem]:
    name = source.get("seed")
    if not isinstance(name, str) or not name.strip():
        return [error("bad-seed", f"bron {number}: 'seed' is leeg; noem het bestand, bijvoorbeeld "
                      "004_ee66866ac2510e76.txt", field=where)]
    name = name.strip()
    if Path(name).name != name:
        return [error("bad-seed", f"bron {number}: seed '{name}' moet alleen een bestandsnaam zijn, "
                      "zonder map", field=where)]
    path = seeds_dir / name
    full = path if path.is_file() else None
    stored = read_excerpts(sources_dir)[0].get(name)
    if full is None and stored is None:
        return [error("missing-seed", f"bron {number}: seed-bestand '{name}' bestaat niet in de bronnenmap van "
                      "Wegwijs. Controleer de naam van het bestand. Is het een nieuwe bron? "
                      + ASK_DEVELOPER.replace("het fragment", "het bestand"), field=where)]
    if "lines" not in source or source["lines"] in (None, ""):
        return [error("bad-lines", f"bron {number}: zet bij seed '{name}' ook 'lines: a-b' (de regels waar "
                      "het feit staat)", field=where)]
    lines = _parse_lines(source["lines"])
    if lines is None:
        return [error("bad-lines", f"bron {number}: lines '{source['lines']}' moet de vorm 'a-b' hebben, "
                      "bijvoorbeeld 120-135", field=where)]
    first, last = lines
    if full is not None:
        total, blank = _seed_lines(str(full), full.stat().st_mtime_ns)
    else:
        total, blank = stored.seed_lines, stored.blank_lines()
    if first < 1 or last < first:
        return [error("bad-lines", f"bron {number}: lines {first}-{last} is geen geldig bereik (eerste regel "
                      "is 1, en a ≤ b)", field=where)]
    if total and last > total:
        return [error("lines-out-of-range", f"bron {number}: lines {first}-{last} valt buiten '{name}', dat "
                      f"{total} regels heeft", field=where)]
    if full is None:
        missing = stored.missing(first, last)
        if missing:
            return [_not_stored(number, name, first, last, missing, stored, where)]
    if all(n in blank for n in range(first, last + 1)):
        return [error("empty-lines", f"bron {number}: regels {first}-{last} van '{name}' zijn leeg; "
                      "controleer de regelnummers", field=where)]
    return []


def unstored_citations(card: Card, seeds_dir: Path | str | None = None,
                       sources_dir: Path | str | None = None) -> list[str]:
    """Seed citations of a card that resolve only in the full seed files, not in the source library.

    They pass here, but not in an installation without the seeds: `make check-cards` lists them so
    a developer runs `python -m knowledge.sources extract`."""
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    stored = read_excerpts(sources_dir if sources_dir is not None else SOURCES_DIR)[0]
    found = []
    for source in card.sources:
        name, lines = source.get("seed"), _parse_lines(source.get("lines"))
        if not isinstance(name, str) or not lines or Path(name.strip()).name != name.strip():
            continue
        name = name.strip()
        if not (seeds_dir / name).is_file():
            continue  # resolved in the library, or reported as an error
        excerpts = stored.get(name)
        if excerpts is None or not excerpts.covers(*lines):
            found.append(f"{name} regels {lines[0]}-{lines[1]}")
    return found


def _not_stored(number: int, name: str, first: int, last: int, missing: list[int], stored: SeedExcerpts,
                where: str) -> Problem:
    """The cited range is not (all) in the source library, and the full seed is not here."""
    if len(missing) == last - first + 1:
        what = f"de regels {first}-{last} van '{name}' staan niet in de bronnenmap van Wegwijs"
    else:
        what = (f"van de regels {first}-{last} van '{name}' staan de regels {format_ranges(missing)} niet in "
                "de bronnenmap van Wegwijs")
    near = _nearest_blocks(stored, first, last)
    hint = f" Uit dit bestand staan er wel: regels {near}." if near else ""
    return error("lines-not-stored", f"bron {number}: {what}.{hint} Controleer de regelnummers. Kloppen ze? "
                 + ASK_DEVELOPER, field=where)


def _nearest_blocks(stored: SeedExcerpts, first: int, last: int, count: int = 3) -> str:
    """The stored ranges closest to first..last, e.g. "1093-1107, 1111-1113"."""
    if not stored.blocks:
        return ""
    def distance(b):
        return 0 if b.first <= last and first <= b.last else min(abs(b.first - last), abs(first - b.last))
    closest = sorted(stored.blocks, key=distance)[:count]
    return ", ".join(f"{b.first}-{b.last}" for b in sorted(closest, key=lambda b: b.first))


def _parse_lines(value) -> tuple[int, int] | None:
    return parse_lines(value)


@lru_cache(maxsize=64)
def _seed_lines(path: str, mtime_ns: int) -> tuple[int, frozenset[int]]:
    """Number of lines in a seed file, and the numbers of its blank lines."""
    # Split on "\n" only, like grep -n and sed: PDF text may hold other line-break characters.
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return len(lines), frozenset(i for i, line in enumerate(lines, start=1) if not line.strip())

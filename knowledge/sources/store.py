"""The excerpt files in knowledge/sources/: read, write, and look up cited lines.

One file per seed report, `<seed file name without .txt>.excerpts.txt`, plain UTF-8 text:

    # comment lines start with '#'
    seed: 004_ee66866ac2510e76.txt
    title: Klachtbehandeling in het sociaal domein
    author: De Nationale ombudsman (Reinier van Zutphen)
    year: 2017
    note: ...
    seed_lines: 3368
    seed_sha256: 5f1c...

    [1093-1107] cited by: bezwaar-of-klacht (1093-1107), klacht-gemeente (1098-1107)
    1093 | Een klacht gaat over de manier waarop
    1094 |
    ...

The header is `key: value` lines up to the first blank line. Each block starts with
`[first-last]` and holds every line of that range of the seed file with its original line
number, so a card's `lines: a-b` points at the same text here as in the full seed file.
Blank lines of the seed stay (as `1094 |`); trailing white space is dropped.
Stdlib only (the Rasa environment imports `knowledge` too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parent
EXCERPT_SUFFIX = ".excerpts.txt"
HEADER_KEYS = ("seed", "title", "author", "year", "note", "seed_lines", "seed_sha256")

_LINE_RE = re.compile(r"\s*(\d+) \|(?: (.*))?")
_BLOCK_RE = re.compile(r"\[(\d+)-(\d+)\](?:\s+cited by:\s*(.*))?")
_HEADER_RE = re.compile(r"([a-z_0-9]+):(?:\s+(.*))?")
_LINES_VALUE_RE = re.compile(r"\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?")


class ExcerptFormatError(ValueError):
    """An excerpt file that does not follow the format above."""


def parse_lines(value) -> tuple[int, int] | None:
    """A card's `lines:` value ("120-135", "120" or 120) as (first, last), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value, value
    if not isinstance(value, str):
        return None
    m = _LINES_VALUE_RE.fullmatch(value)
    if not m:
        return None
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def format_ranges(numbers) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    numbers = sorted(set(numbers))
    parts: list[str] = []
    start = prev = None
    for n in numbers + [None]:
        if start is not None and (n is None or n != prev + 1):
            parts.append(f"{start}-{prev}" if prev != start else str(start))
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(parts)


@dataclass(frozen=True)
class Block:
    first: int
    last: int
    cited_by: str = ""   # "card-a (3-19), card-b (5-10)": who cites lines of this block


@dataclass
class SeedExcerpts:
    """The stored lines of one seed report and where they come from."""
    seed: str
    title: str = ""
    author: str = ""
    year: str = ""
    note: str = ""
    seed_lines: int = 0          # lines in the full seed file (0: unknown)
    seed_sha256: str = ""        # of the full seed file when the excerpts were taken
    lines: dict[int, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    path: Path | None = None

    def missing(self, first: int, last: int) -> list[int]:
        """Line numbers of first..last that are not stored."""
        return [n for n in range(first, last + 1) if n not in self.lines]

    def covers(self, first: int, last: int) -> bool:
        return not self.missing(first, last)

    def blank_lines(self) -> frozenset[int]:
        return frozenset(n for n, text in self.lines.items() if not text.strip())

    def text(self, first: int, last: int) -> str:
        """The stored lines first..last as running text (blank lines dropped, white space collapsed)."""
        words = " ".join(self.lines.get(n, "") for n in range(first, last + 1))
        return " ".join(words.split())

    def origin(self) -> dict[str, str]:
        return {"seed": self.seed, "title": self.title, "author": self.author, "year": self.year}


# --------------------------------------------------------------------------- files

def excerpt_path(sources_dir: Path, seed: str) -> Path:
    stem = seed[:-4] if seed.endswith(".txt") else seed
    return Path(sources_dir) / f"{stem}{EXCERPT_SUFFIX}"


def parse_excerpts(text: str, path: Path | None = None) -> SeedExcerpts:
    where = path.name if path else "excerpts"
    header: dict[str, str] = {}
    lines: dict[int, str] = {}
    blocks: list[Block] = []
    in_header = True
    current: list | None = None   # [first, last, cited_by]
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if in_header:
            if line.startswith("#"):
                continue
            if not line:
                if header:
                    in_header = False
                continue
            m = _HEADER_RE.fullmatch(line)
            if not m:
                raise ExcerptFormatError(f"{where} line {number}: expected 'key: value' in the header")
            header[m.group(1)] = (m.group(2) or "").strip()
            continue
        if not line or line.startswith("#"):
            continue
        m = _BLOCK_RE.fullmatch(line)
        if m:
            _close(current, blocks, lines, where)
            current = [int(m.group(1)), int(m.group(2)), (m.group(3) or "").strip()]
            continue
        m = _LINE_RE.fullmatch(line)
        if not m or current is None:
            raise ExcerptFormatError(f"{where} line {number}: expected '[a-b]' or '<number> | <text>'")
        n = int(m.group(1))
        if not current[0] <= n <= current[1]:
            raise ExcerptFormatError(f"{where} line {number}: line {n} lies outside block "
                                     f"[{current[0]}-{current[1]}]")
        if n in lines:
            raise ExcerptFormatError(f"{where} line {number}: line {n} is stored twice")
        lines[n] = m.group(2) or ""
    _close(current, blocks, lines, where)
    if not header.get("seed"):
        raise ExcerptFormatError(f"{where}: the header has no 'seed:' line")
    try:
        seed_lines = int(header.get("seed_lines") or 0)
    except ValueError as exc:
        raise ExcerptFormatError(f"{where}: seed_lines must be a number") from exc
    return SeedExcerpts(seed=header["seed"], title=header.get("title", ""), author=header.get("author", ""),
                        year=header.get("year", ""), note=header.get("note", ""), seed_lines=seed_lines,
                        seed_sha256=header.get("seed_sha256", ""), lines=lines, blocks=blocks, path=path)


def _close(current, blocks: list[Block], lines: dict[int, str], where: str) -> None:
    if current is None:
        return
    first, last, cited = current
    absent = [n for n in range(first, last + 1) if n not in lines]
    if absent:
        raise ExcerptFormatError(f"{where}: block [{first}-{last}] lacks lines {format_ranges(absent)}")
    blocks.append(Block(first, last, cited))


def format_excerpts(excerpts: SeedExcerpts) -> str:
    width = len(str(max([excerpts.seed_lines, *excerpts.lines.keys(), 1])))
    out = ["# Wegwijs source excerpts: only the lines of this seed report that knowledge cards cite,",
           "# each with its line number in the full seed file. Generated by",
           "# `python -m knowledge.sources extract`; do not edit by hand (see knowledge/sources/README.md)."]
    values = {"seed": excerpts.seed, "title": excerpts.title, "author": excerpts.author, "year": excerpts.year,
              "note": excerpts.note, "seed_lines": str(excerpts.seed_lines or ""),
              "seed_sha256": excerpts.seed_sha256}
    for key in HEADER_KEYS:
        value = " ".join(str(values[key]).split())
        out.append(f"{key}: {value}" if value else f"{key}:")
    for block in excerpts.blocks:
        out.append("")
        out.append(f"[{block.first}-{block.last}]" + (f" cited by: {block.cited_by}" if block.cited_by else ""))
        for n in range(block.first, block.last + 1):
            text = excerpts.lines[n].rstrip()
            out.append(f"{n:>{width}} |" + (f" {text}" if text else ""))
    return "\n".join(out) + "\n"


def excerpt_files(sources_dir: Path | str = SOURCES_DIR) -> list[Path]:
    sources_dir = Path(sources_dir)
    return sorted(sources_dir.glob(f"*{EXCERPT_SUFFIX}")) if sources_dir.is_dir() else []


def load_excerpts(sources_dir: Path | str = SOURCES_DIR) -> dict[str, SeedExcerpts]:
    """Every excerpt file in `sources_dir`, by seed file name; cached until a file changes.

    Raises ExcerptFormatError for a broken file (use `read_excerpts` to collect errors instead)."""
    found, errors = read_excerpts(sources_dir)
    if errors:
        raise ExcerptFormatError("; ".join(errors))
    return found


def read_excerpts(sources_dir: Path | str = SOURCES_DIR) -> tuple[dict[str, SeedExcerpts], list[str]]:
    """(excerpts by seed name, errors): a broken file is left out and named in errors."""
    files = excerpt_files(sources_dir)
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load(stamp)


@lru_cache(maxsize=8)
def _load(stamp: tuple[tuple[str, int, int], ...]) -> tuple[dict[str, SeedExcerpts], list[str]]:
    found: dict[str, SeedExcerpts] = {}
    errors: list[str] = []
    for name, _, _ in stamp:
        path = Path(name)
        try:
            excerpts = parse_excerpts(path.read_text(encoding="utf-8"), path)
        except (ExcerptFormatError, UnicodeDecodeError, OSError) as exc:
            errors.append(str(exc) if isinstance(exc, ExcerptFormatError) else f"{path.name}: {exc}")
            continue
        if excerpt_path(path.parent, excerpts.seed).name != path.name:
            errors.append(f"{path.name}: holds seed '{excerpts.seed}'; name the file "
                          f"{excerpt_path(path.parent, excerpts.seed).name}")
            continue
        found[excerpts.seed] = excerpts
    return found, errors

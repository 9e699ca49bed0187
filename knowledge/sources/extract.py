"""(Re)build knowledge/sources/ from the cards' seed citations, and check it.

`extract` keeps exactly the cited line ranges (overlapping or touching ranges of one seed
become one block). Line texts come from the full seed files when they are available, else
from the excerpt files already stored, so a rebuild without the seeds folder still works for
citations that are stored. `verify` checks that every citation is stored and, with the seeds
folder, that the stored lines are still the seed's lines.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.cards_model import CARDS_DIR, CardFormatError, card_paths, load_card

from .catalog import describe_seed
from .store import (SOURCES_DIR, Block, SeedExcerpts, excerpt_files, excerpt_path, format_excerpts,
                    format_ranges, parse_lines, read_excerpts)


@dataclass(frozen=True)
class Citation:
    seed: str
    first: int
    last: int
    card_id: str


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # citations that could not be stored

    @property
    def ok(self) -> bool:
        return not self.problems


def citations(cards_dir: Path | str = CARDS_DIR) -> tuple[list[Citation], list[str]]:
    """Every well-formed `seed:` + `lines:` source of the cards, and notes on the ones skipped."""
    found: list[Citation] = []
    skipped: list[str] = []
    for path in card_paths(cards_dir):
        try:
            card = load_card(path)
        except (CardFormatError, UnicodeDecodeError) as exc:
            skipped.append(f"{path.name}: not readable ({exc})")
            continue
        for source in card.sources:
            name = source.get("seed")
            if name is None:
                continue
            name = str(name).strip()
            lines = parse_lines(source.get("lines"))
            if not name or Path(name).name != name or lines is None or lines[0] < 1 or lines[1] < lines[0]:
                skipped.append(f"{path.name}: seed '{name}' lines '{source.get('lines')}' is not a valid "
                               "citation (the card checker says why)")
                continue
            found.append(Citation(name, lines[0], lines[1], card.id or path.stem))
    return found, skipped


def merge(cites: list[Citation]) -> list[Block]:
    """Overlapping or touching ranges as one block, each naming the citations inside it."""
    blocks: list[list] = []  # [first, last, [citations]]
    for c in sorted(cites, key=lambda c: (c.first, c.last, c.card_id)):
        if blocks and c.first <= blocks[-1][1] + 1:
            blocks[-1][1] = max(blocks[-1][1], c.last)
            blocks[-1][2].append(c)
        else:
            blocks.append([c.first, c.last, [c]])
    result = []
    for first, last, inside in blocks:
        cited = ", ".join(dict.fromkeys(f"{c.card_id} ({c.first}-{c.last})" for c in inside))
        result.append(Block(first, last, cited))
    return result


def read_seed(path: Path) -> tuple[list[str], str]:
    """The lines of a seed file (split on "\\n" only, like grep -n and the checker) and its sha256."""
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines, hashlib.sha256(data).hexdigest()


def extract(seeds_dir: Path | str | None, cards_dir: Path | str = CARDS_DIR,
            sources_dir: Path | str = SOURCES_DIR, *, dry_run: bool = False) -> Outcome:
    sources_dir = Path(sources_dir)
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else None
    cites, _skipped = citations(cards_dir)  # the card checker reports malformed citations
    stored, errors = read_excerpts(sources_dir)
    outcome = Outcome(problems=[f"existing excerpt file broken: {e}" for e in errors])
    by_seed: dict[str, list[Citation]] = defaultdict(list)
    for c in cites:
        by_seed[c.seed].append(c)
    keep: set[Path] = set()
    for seed, seed_cites in sorted(by_seed.items()):
        target = excerpt_path(sources_dir, seed)
        keep.add(target)
        old = stored.get(seed)
        full = seeds_dir / seed if seeds_dir is not None and (seeds_dir / seed).is_file() else None
        if full is not None:
            seed_lines, digest = read_seed(full)
            total, lookup = len(seed_lines), (lambda n, _l=seed_lines: _l[n - 1] if n <= len(_l) else None)
        elif old is not None:
            total, digest, lookup = old.seed_lines, old.seed_sha256, old.lines.get
        else:
            where = f" in {seeds_dir}" if seeds_dir is not None else " (no --seeds-dir given)"
            outcome.problems.append(f"{seed}: no seed file{where} and nothing stored; cited by "
                                    f"{', '.join(sorted({c.card_id for c in seed_cites}))}")
            continue
        usable = []
        for c in seed_cites:
            absent = [n for n in range(c.first, c.last + 1) if lookup(n) is None]
            if absent:
                why = (f"the seed has {total} lines" if full is not None
                       else f"lines {format_ranges(absent)} are not stored and the seed file is not available")
                outcome.problems.append(f"{seed} lines {c.first}-{c.last} (card {c.card_id}): {why}")
            else:
                usable.append(c)
        if not usable:
            continue  # an existing file stays as it is rather than being emptied
        blocks = merge(usable)
        lines = {n: (lookup(n) or "").rstrip() for b in blocks for n in range(b.first, b.last + 1)}
        info = describe_seed(seed)
        excerpts = SeedExcerpts(seed=seed, title=info["title"], author=info["author"], year=info["year"],
                                note=info["note"], seed_lines=total, seed_sha256=digest, lines=lines, blocks=blocks)
        text = format_excerpts(excerpts)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            outcome.unchanged.append(target)
            continue
        if not dry_run:
            target.write_text(text, encoding="utf-8", newline="\n")
        outcome.written.append(target)
    for path in excerpt_files(sources_dir):
        if path not in keep:
            if not dry_run:
                path.unlink()
            outcome.removed.append(path)
    return outcome


def verify(seeds_dir: Path | str | None, cards_dir: Path | str = CARDS_DIR,
           sources_dir: Path | str = SOURCES_DIR) -> list[str]:
    """Problems with the stored excerpts: a citation not stored, a broken file, and (when the seed
    files are available) stored lines that differ from the seed. Empty when all is well."""
    problems: list[str] = []
    stored, errors = read_excerpts(sources_dir)
    problems += [f"broken excerpt file: {e}" for e in errors]
    cites, _ = citations(cards_dir)
    for c in cites:
        excerpts = stored.get(c.seed)
        if excerpts is None:
            problems.append(f"{c.card_id}: seed {c.seed} is not stored at all")
            continue
        absent = excerpts.missing(c.first, c.last)
        if absent and not (excerpts.seed_lines and c.last > excerpts.seed_lines):
            problems.append(f"{c.card_id}: {c.seed} lines {c.first}-{c.last} not stored "
                            f"(missing {format_ranges(absent)})")
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else None
    if seeds_dir is not None and seeds_dir.is_dir():
        for seed, excerpts in sorted(stored.items()):
            full = seeds_dir / seed
            if not full.is_file():
                continue
            lines, digest = read_seed(full)
            if excerpts.seed_lines != len(lines):
                problems.append(f"{seed}: stored seed_lines {excerpts.seed_lines}, the seed has {len(lines)}")
            different = [n for n, text in excerpts.lines.items()
                         if n > len(lines) or lines[n - 1].rstrip() != text]
            if different:
                problems.append(f"{seed}: stored lines {format_ranges(different)} differ from the seed file")
            elif excerpts.seed_sha256 and excerpts.seed_sha256 != digest:
                problems.append(f"{seed}: the seed file changed since extraction (sha256); the cited lines "
                                "are still the same, run extract to update the header")
    return problems

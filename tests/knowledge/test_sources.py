"""The source library (knowledge/sources): seed citations resolve inside the project.

A real installation has no ../shared/seeds. The excerpt files in knowledge/sources hold every
cited line range with its original line numbers, so the checker (and the editor's publish) work
with an empty seeds folder; a range that is not stored gets a message an editor can act on.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.cards_model import CARDS_DIR, load_cards, parse_card
from knowledge.checker import check_cards
from knowledge.checker.__main__ import main as checker_main
from knowledge.checker.report import format_text
from knowledge.checker.sources import check_sources
from knowledge.sources import describe_source, load_excerpts
from knowledge.sources.__main__ import main as sources_main
from knowledge.sources.extract import citations, extract, verify
from knowledge.sources.store import (SOURCES_DIR, SeedExcerpts, format_excerpts, format_ranges, parse_excerpts)

# tests/knowledge has no __init__.py, so pytest puts it on sys.path (as for test_checker itself)
from test_checker import GOOD_BODY, SEEDS_DIR, TODAY, front_matter, needs_real_seeds, write_card

DEVELOPER_WORDS = ("--seeds-dir", "WEGWIJS_SEEDS_DIR", "../shared", "knowledge/sources", "python -m")


@pytest.fixture
def no_seeds(tmp_path, monkeypatch) -> Path:
    """An installation without the seed files: an empty seeds folder (WEGWIJS_SEEDS_DIR for the CLIs)."""
    folder = tmp_path / "empty-seeds"
    folder.mkdir()
    monkeypatch.setenv("WEGWIJS_SEEDS_DIR", str(folder))
    return folder


def card_citing(seed: str, lines: str, card_id: str = "bron-test"):
    return parse_card("---\n" + yaml.safe_dump(front_matter(card_id, sources=[{"seed": seed, "lines": lines}]),
                                                allow_unicode=True, sort_keys=False) + "---\n" + GOOD_BODY)


def unstored_range(excerpts: SeedExcerpts, size: int = 5) -> tuple[int, int]:
    """A range of the seed that no card cites (so it is not stored)."""
    first = 1
    while any(n in excerpts.lines for n in range(first, first + size)):
        first += 1
    assert first + size - 1 <= excerpts.seed_lines, "every line of the seed is stored?"
    return first, first + size - 1


def seed_citations() -> list[tuple[str, dict]]:
    return [(card.id, source) for card in load_cards(CARDS_DIR) for source in card.sources if "seed" in source]


# --------------------------------------------------------------------------- the real cards

def test_cards_cite_seeds_and_the_library_holds_them():
    assert seed_citations(), "no card cites a seed: nothing to test"
    stored = load_excerpts()
    assert {source["seed"] for _, source in seed_citations()} <= set(stored)


def test_every_seed_citation_resolves_without_the_seed_files(no_seeds):
    problems = []
    for card in load_cards(CARDS_DIR):
        for p in check_sources(card, no_seeds):
            problems.append(f"{card.id}: {p.severity} {p.code} {p.message}")
    assert problems == []


def test_content_gate_cards_pass_with_an_empty_seeds_folder(no_seeds):
    """CONTENT GATE (as test_content_gate_real_cards_have_no_errors) without ../shared/seeds."""
    result = check_cards(CARDS_DIR, seeds_dir=no_seeds)
    assert result.seeds_dir == no_seeds
    failing = [r for r in result.cards if not r.ok]
    details = "\n".join(f"{r.path.name}: {p.message}" for r in failing for p in r.errors)
    assert not failing, f"{len(failing)} of {len(result.cards)} cards have errors:\n{details}"


def test_checker_cli_passes_the_cards_with_an_empty_seeds_folder(no_seeds, capsys):
    code = checker_main([str(CARDS_DIR), "--seeds-dir", str(no_seeds), "--json"])
    out = capsys.readouterr().out
    assert "missing-seed" not in out and "lines-not-stored" not in out
    assert code == 0 or '"ok": false' in out  # only B1/review problems could fail it, never the sources


def test_library_is_small_text():
    files = sorted(SOURCES_DIR.glob("*.excerpts.txt"))
    assert files
    total = sum(p.stat().st_size for p in files)
    assert total < 1_000_000, f"knowledge/sources holds {total} bytes"
    for path in files:
        path.read_text(encoding="utf-8")  # UTF-8 text


def test_every_stored_seed_names_its_origin():
    for seed, excerpts in load_excerpts().items():
        assert excerpts.title and excerpts.author and excerpts.year, seed
        assert excerpts.seed_lines > 0 and len(excerpts.seed_sha256) == 64, seed


def test_library_is_complete_and_consistent_with_the_cards():
    assert verify(None) == []


@needs_real_seeds
def test_stored_lines_are_the_seed_lines():
    """With the seed files at hand: every stored line is the seed's line with the same number."""
    assert verify(SEEDS_DIR) == []
    excerpts = load_excerpts()
    for seed, stored in excerpts.items():
        lines = (SEEDS_DIR / seed).read_text(encoding="utf-8").split("\n")
        for n, text in stored.lines.items():
            assert lines[n - 1].rstrip() == text, (seed, n)


# --------------------------------------------------------------------------- editor messages

def test_range_outside_the_excerpts_gets_an_editor_message(no_seeds):
    seed, stored = sorted(load_excerpts().items())[0]
    first, last = unstored_range(stored)
    [problem] = check_sources(card_citing(seed, f"{first}-{last}"), no_seeds)
    assert problem.severity == "error" and problem.code == "lines-not-stored"
    assert "staan niet in de bronnenmap" in problem.message
    assert "Vraag dan een ontwikkelaar om het fragment toe te voegen" in problem.message
    assert f"{first}-{last}" in problem.message and seed in problem.message
    assert not any(word in problem.message for word in DEVELOPER_WORDS), problem.message


def test_partly_stored_range_names_the_missing_lines(no_seeds):
    seed, stored = sorted(load_excerpts().items())[0]
    block = stored.blocks[0]
    last = block.last + 3
    assert not stored.covers(block.first, last)
    [problem] = check_sources(card_citing(seed, f"{block.first}-{last}"), no_seeds)
    assert problem.code == "lines-not-stored"
    assert format_ranges(stored.missing(block.first, last)) in problem.message


def test_unknown_seed_file_gets_an_editor_message(no_seeds):
    [problem] = check_sources(card_citing("999_nieuw.txt", "1-3"), no_seeds)
    assert problem.code == "missing-seed" and "bestaat niet in de bronnenmap" in problem.message
    assert "ontwikkelaar" in problem.message
    assert not any(word in problem.message for word in DEVELOPER_WORDS), problem.message


def test_stored_range_passes_and_out_of_range_is_still_refused(no_seeds):
    seed, stored = sorted(load_excerpts().items())[0]
    block = stored.blocks[0]
    assert check_sources(card_citing(seed, f"{block.first}-{block.last}"), no_seeds) == []
    [problem] = check_sources(card_citing(seed, f"{stored.seed_lines + 1}-{stored.seed_lines + 4}"), no_seeds)
    assert problem.code == "lines-out-of-range" and f"{stored.seed_lines} regels" in problem.message


@needs_real_seeds
def test_with_the_seed_files_an_unstored_range_passes_but_is_listed_for_developers(tmp_path):
    seed, stored = sorted(load_excerpts().items())[0]
    first, last = unstored_range(stored)
    lines = (SEEDS_DIR / seed).read_text(encoding="utf-8").split("\n")
    while not any(lines[n - 1].strip() for n in range(first, last + 1)):
        first, last = first + 1, last + 1
    write_card(tmp_path / "cards", sources=[{"seed": seed, "lines": f"{first}-{last}"}])
    result = check_cards(tmp_path / "cards", seeds_dir=SEEDS_DIR, today=TODAY)
    assert result.ok and result.cards[0].warnings == []
    [note] = result.library_notes
    assert f"{seed} regels {first}-{last}" in note.message
    text = format_text(result)
    assert "bronnenmap: let op:" in text and "python -m knowledge.sources extract" in text


def test_cli_report_tells_developers_how_to_add_excerpts(tmp_path, no_seeds, capsys):
    seed, stored = sorted(load_excerpts().items())[0]
    first, last = unstored_range(stored)
    write_card(tmp_path / "cards", sources=[{"seed": seed, "lines": f"{first}-{last}"}])
    assert checker_main([str(tmp_path / "cards"), "--today", "2026-11-23"]) == 1
    out = capsys.readouterr().out
    assert "staan niet in de bronnenmap" in out
    assert "voor ontwikkelaars: " in out and "python -m knowledge.sources extract" in out


# --------------------------------------------------------------------------- format and commands

def make_seed(folder: Path, name: str = "010_test.txt", count: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(("" if n % 4 == 0 else f"regel {n} van de bron  ") + "\n" for n in range(1, count + 1)),
                    encoding="utf-8")
    return path


def test_format_round_trip():
    excerpts = SeedExcerpts(seed="010_test.txt", title="Een rapport", author="Iemand", year="2020", note="n",
                            seed_lines=120, seed_sha256="a" * 64,
                            lines={n: ("" if n == 9 else f"tekst {n} | met streep") for n in [*range(8, 12), 100]},
                            blocks=[])
    from knowledge.sources.store import Block
    excerpts.blocks = [Block(8, 11, "kaart-a (8-11)"), Block(100, 100, "kaart-b (100-100)")]
    text = format_excerpts(excerpts)
    assert "  9 |\n" in text and "100 | tekst 100 | met streep" in text
    again = parse_excerpts(text)
    assert again.lines == excerpts.lines and again.blocks == excerpts.blocks
    assert (again.title, again.author, again.year, again.seed_lines) == ("Een rapport", "Iemand", "2020", 120)
    assert format_excerpts(again) == text


def test_broken_excerpt_file_is_refused():
    from knowledge.sources.store import ExcerptFormatError
    with pytest.raises(ExcerptFormatError, match="lacks lines"):
        parse_excerpts("seed: x.txt\n\n[3-5]\n3 | a\n5 | c\n")
    with pytest.raises(ExcerptFormatError, match="outside block"):
        parse_excerpts("seed: x.txt\n\n[3-4]\n3 | a\n4 | b\n7 | c\n")


def test_extract_keeps_only_cited_lines_and_the_checker_uses_them(tmp_path, monkeypatch):
    seeds, cards, library = tmp_path / "seeds", tmp_path / "cards", tmp_path / "library"
    library.mkdir()
    make_seed(seeds)
    write_card(cards, "kaart-a", sources=[{"seed": "010_test.txt", "lines": "2-6"}])
    write_card(cards, "kaart-b", sources=[{"seed": "010_test.txt", "lines": "5-9"},
                                          {"seed": "010_test.txt", "lines": "20-21"}])
    (library / "999_weg.excerpts.txt").write_text("seed: 999_weg.txt\n\n[1-1]\n1 | oud\n", encoding="utf-8")
    outcome = extract(seeds, cards, library)
    assert outcome.ok and [p.name for p in outcome.written] == ["010_test.excerpts.txt"]
    assert [p.name for p in outcome.removed] == ["999_weg.excerpts.txt"]
    stored = load_excerpts(library)["010_test.txt"]
    assert sorted(stored.lines) == [*range(2, 10), 20, 21]
    assert [(b.first, b.last) for b in stored.blocks] == [(2, 9), (20, 21)]
    assert "kaart-a (2-6)" in stored.blocks[0].cited_by and "kaart-b (5-9)" in stored.blocks[0].cited_by
    assert stored.lines[3] == "regel 3 van de bron" and stored.lines[4] == "" and stored.seed_lines == 30
    assert "title:" in (library / "010_test.excerpts.txt").read_text(encoding="utf-8")
    # a second run changes nothing; without the seeds the stored citations are kept
    assert extract(seeds, cards, library).written == []
    assert extract(None, cards, library).written == []
    # the checker resolves the citations from the library alone
    empty = tmp_path / "empty"
    empty.mkdir()
    result = check_cards(cards, seeds_dir=empty, today=TODAY, sources_dir=library)
    assert result.ok, format_text(result)
    # a new citation without the seeds cannot be extracted, and the checker says what to do
    write_card(cards, "kaart-c", sources=[{"seed": "010_test.txt", "lines": "25-27"}])
    assert not extract(None, cards, library).ok
    report = check_cards(cards, seeds_dir=empty, today=TODAY, sources_dir=library).report_for("kaart-c")
    assert [p.code for p in report.errors] == ["lines-not-stored"]
    assert verify(None, cards, library) and verify(seeds, cards, library)
    # with the seeds it is added
    assert extract(seeds, cards, library).ok
    assert verify(seeds, cards, library) == []


def test_verify_finds_a_stored_line_that_differs_from_the_seed(tmp_path):
    seeds, cards, library = tmp_path / "seeds", tmp_path / "cards", tmp_path / "library"
    library.mkdir()
    make_seed(seeds)
    write_card(cards, "kaart-a", sources=[{"seed": "010_test.txt", "lines": "2-3"}])
    extract(seeds, cards, library)
    path = library / "010_test.excerpts.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("regel 3 van", "regel 3 NIET van"), encoding="utf-8")
    [problem] = verify(seeds, cards, library)
    assert "differ" in problem and "3" in problem


def test_sources_command(tmp_path, capsys):
    seeds, cards, library = tmp_path / "seeds", tmp_path / "cards", tmp_path / "library"
    library.mkdir()
    make_seed(seeds)
    write_card(cards, "kaart-a", sources=[{"seed": "010_test.txt", "lines": "2-3"}])
    args = ["--seeds-dir", str(seeds), "--cards-dir", str(cards), "--sources-dir", str(library)]
    assert sources_main(["check", *args]) == 1
    assert sources_main(["extract", *args]) == 0
    assert "wrote" in capsys.readouterr().out
    assert sources_main(["check", *args]) == 0
    assert citations(cards)[0][0].card_id == "kaart-a"


def test_describe_source_gives_origin_and_excerpt():
    card_id, source = seed_citations()[0]
    described = describe_source(source)
    stored = load_excerpts()[source["seed"]]
    assert described["title"] == stored.title and described["year"] == stored.year
    assert described["excerpt"] and described["excerpt"] in " ".join(" ".join(stored.lines.values()).split())
    assert describe_source({"law": "Awb art. 6:7"}) == {"law": "Awb art. 6:7"}

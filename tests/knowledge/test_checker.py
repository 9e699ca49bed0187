"""Tests for the knowledge-card checker (knowledge/checker) and the card parser.

The test named test_content_gate_* runs the checker over the real knowledge/cards
folder and requires zero errors: it is the content gate for the cards. Run only
the gate with `-k content_gate`, everything else with `-k "not content_gate"`.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from knowledge.cards_model import CARDS_DIR, load_card, parse_card
from knowledge.checker import check_cards, check_text
from knowledge.checker import thresholds as T
from knowledge.checker.__main__ import main
from knowledge.checker.readability import analyse, is_common
from knowledge.checker.report import format_text
from knowledge.checker.sentences import split_sentences

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
TODAY = dt.date(2026, 11, 23)

needs_real_seeds = pytest.mark.skipif(
    not SEEDS_DIR.is_dir(),
    reason=f"the shared seed files are not at {SEEDS_DIR}; card sources cannot be resolved here")

# A good B1 card body (the calibration sample "bezwaarschrift", see thresholds.py).
GOOD_BODY = """\
U maakt bezwaar met een brief of via de website van de organisatie. Zet in uw brief:

- uw naam en adres;
- de datum;
- over welk besluit het gaat (stuur een kopie van de brief mee);
- waarom u het niet eens bent met het besluit;
- uw handtekening.

Weet u nog niet precies waarom u het niet eens bent? Stuur dan toch op tijd een korte brief. \
Schrijf dat u de redenen later stuurt. Zo bent u niet te laat.

Maakt u bezwaar voor een ander, bijvoorbeeld voor uw moeder? Dan heeft u een machtiging nodig. \
Daarin staat dat u dit voor haar mag doen.
"""

# 24 words, one sentence.
LONG_SENTENCE = ("U kunt uw bezwaar met de post sturen of bij de balie van de gemeente afgeven, "
                 "maar bewaar altijd een kopie van uw brief.")

# More B1 calibration samples (thresholds.py) and an official-language text.
B1_SAMPLES = {
    "klacht-of-bezwaar": """\
Bent u het niet eens met een besluit? Dan maakt u bezwaar. Een besluit staat in een brief. \
Bijvoorbeeld: u krijgt minder uren hulp, of uw pgb wordt geweigerd.

Bent u niet goed behandeld? Dan dient u een klacht in. Bijvoorbeeld: een medewerker was onbeleefd, \
of niemand belde u terug.

Soms wilt u allebei. U bent het niet eens met het besluit. En u bent ook slecht behandeld. Dan maakt \
u bezwaar tegen het besluit en dient u een klacht in over de behandeling. Dat zijn twee aparte \
brieven. Let op: voor bezwaar heeft u maar 6 weken.""",
    "ombudsman": """\
Heeft u een klacht ingediend bij de organisatie? En bent u niet tevreden met hoe zij uw klacht \
hebben behandeld? Dan kunt u naar de ombudsman.

De ombudsman is onafhankelijk. Hij kijkt of de organisatie u goed heeft behandeld. Het kost u niets.

Veel gemeenten hebben een eigen ombudsman of ombudscommissie. Gaat uw klacht over de gemeente? Kijk \
dan eerst op de website van uw gemeente. Heeft uw gemeente geen eigen ombudsman? Dan gaat u naar de \
Nationale ombudsman.

U heeft hiervoor 1 jaar de tijd. Dat jaar begint als de organisatie klaar is met uw klacht.""",
    "ingebrekestelling": """\
Heeft u hulp aangevraagd, maar krijgt u geen besluit? En is de tijd voorbij die de organisatie \
daarvoor heeft? Dan kunt u de organisatie een brief sturen. Die brief heet een ingebrekestelling.

In de brief schrijft u dat de organisatie te laat is. U vraagt de organisatie om binnen 2 weken te \
beslissen. Beslist de organisatie dan nog niet? Dan moet de organisatie u misschien geld betalen. \
Dat heet een dwangsom.

Bewaar een kopie van uw brief. Stuur de brief aangetekend, of geef hem af en vraag om een bewijs \
dat hij is ontvangen.""",
}
OFFICIAL_TEXT = """\
Tegen het besluit kan binnen een termijn van zes weken na de dag waarop het besluit is bekendgemaakt \
een bezwaarschrift worden ingediend bij het bestuursorgaan dat het besluit heeft genomen. Het \
bezwaarschrift dient te zijn ondertekend en bevat ten minste de naam en het adres van de indiener, \
de dagtekening, een omschrijving van het besluit waartegen het bezwaar is gericht, alsmede de gronden \
van het bezwaar. Indien het bezwaarschrift niet tijdig is ingediend, kan het niet-ontvankelijk worden \
verklaard, tenzij redelijkerwijs niet kan worden geoordeeld dat de indiener in verzuim is geweest."""


def front_matter(card_id: str, **overrides) -> dict:
    meta = {
        "id": card_id,
        "title": "Wat zet u in een bezwaar?",
        "summary": "In uw bezwaar staan uw naam, de datum, het besluit, uw reden en uw handtekening.",
        "questions": ["wat moet er in een bezwaar staan",
                      "hoe schrijf ik een bezwaarbrief",
                      "moet ik mijn bezwaar ondertekenen"],
        "tags": {"organisation": ["gemeente", "ciz", "zorgkantoor"], "law": ["Awb"], "route": ["bezwaar"]},
        "sources": [{"law": "Awb art. 6:5"}, {"url": "https://www.rijksoverheid.nl/onderwerpen/bezwaar"}],
        "audience": "both",
        "reviewed": dt.date(2026, 11, 23),
        "review_by": dt.date(2027, 11, 23),
    }
    for key, value in overrides.items():
        if value is DROP:
            meta.pop(key, None)
        else:
            meta[key] = value
    return meta


DROP = object()


def write_card(folder: Path, card_id: str = "bezwaar-inhoud", body: str = GOOD_BODY, *,
               file_name: str | None = None, **overrides) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (file_name or f"{card_id}.md")
    meta = yaml.safe_dump(front_matter(card_id, **overrides), allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{meta}---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A seeds folder with one 10-line seed file."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "001_test.txt").write_text("".join(f"regel {n} van de bron\n" for n in range(1, 11)),
                                         encoding="utf-8")
    return folder


def check(folder: Path, seeds_dir: Path | None = None, today: dt.date = TODAY):
    return check_cards(folder, seeds_dir=seeds_dir or folder.parent / "no-seeds", today=today)


def codes(report) -> list[str]:
    return [p.code for p in report.errors]


# --------------------------------------------------------------------------- cards

def test_good_b1_card_passes(tmp_path, seeds):
    write_card(tmp_path / "cards", sources=[{"law": "Awb art. 6:5"},
                                           {"seed": "001_test.txt", "lines": "2-4"},
                                           {"url": "https://www.juridischloket.nl/"}])
    result = check(tmp_path / "cards", seeds)
    report = result.cards[0]
    assert report.ok, format_text(result)
    assert report.warnings == [], format_text(result)
    m = report.measures
    assert m.max_sentence_words <= T.MAX_SENTENCE_WORDS
    assert m.avg_sentence_words <= T.MAX_AVG_SENTENCE_WORDS
    assert m.rare_share <= T.MAX_RARE_WORD_SHARE
    assert m.flesch_douma >= T.MIN_FLESCH_DOUMA
    assert T.MIN_BODY_WORDS <= m.words <= T.MAX_BODY_WORDS


def test_card_with_24_word_sentence_is_refused_naming_the_sentence(tmp_path):
    body = GOOD_BODY + "\n" + LONG_SENTENCE + "\n"
    path = write_card(tmp_path / "cards", body=body)
    report = check(tmp_path / "cards").cards[0]
    assert not report.ok
    [problem] = [p for p in report.errors if p.code == "sentence-too-long"]
    assert "24 woorden (max 20)" in problem.message
    assert f"'{LONG_SENTENCE}'" in problem.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1] == LONG_SENTENCE


def test_card_without_sources_is_refused(tmp_path):
    write_card(tmp_path / "cards", "zonder-bronnen", sources=[])
    write_card(tmp_path / "cards", "geen-sources-veld", sources=DROP)
    result = check(tmp_path / "cards")
    for report in result.cards:
        assert "no-sources" in codes(report)
        [problem] = [p for p in report.errors if p.code == "no-sources"]
        assert "geen bronnen" in problem.message
    assert "missing-field" in codes(result.report_for("geen-sources-veld"))


def test_seed_file_that_does_not_exist_is_refused(tmp_path, seeds):
    write_card(tmp_path / "cards", sources=[{"seed": "999_bestaat_niet.txt", "lines": "1-2"}])
    report = check(tmp_path / "cards", seeds).cards[0]
    [problem] = report.errors
    assert problem.code == "missing-seed"
    assert "999_bestaat_niet.txt" in problem.message and "bestaat niet" in problem.message


def test_seed_line_range_beyond_the_file_is_refused(tmp_path, seeds):
    write_card(tmp_path / "cards", sources=[{"seed": "001_test.txt", "lines": "8-12"}])
    report = check(tmp_path / "cards", seeds).cards[0]
    [problem] = report.errors
    assert problem.code == "lines-out-of-range"
    assert "8-12" in problem.message and "10 regels" in problem.message


@pytest.mark.parametrize("lines, code", [("12", "lines-out-of-range"), ("5-3", "bad-lines"),
                                         ("regel 5", "bad-lines"), (None, "bad-lines")])
def test_bad_seed_lines(tmp_path, seeds, lines, code):
    source = {"seed": "001_test.txt"} | ({"lines": lines} if lines is not None else {})
    write_card(tmp_path / "cards", sources=[source])
    assert codes(check(tmp_path / "cards", seeds).cards[0]) == [code]


@needs_real_seeds
def test_seed_reference_resolves_against_the_shared_seeds():
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    total = len(seed.read_text(encoding="utf-8").split("\n"))
    card = parse_card("---\n" + yaml.safe_dump(front_matter(
        "x", sources=[{"seed": seed.name, "lines": f"1-{total - 1}"}])) + "---\n" + GOOD_BODY)
    from knowledge.checker.sources import check_sources
    assert check_sources(card, SEEDS_DIR) == []
    card.meta["sources"] = [{"seed": seed.name, "lines": f"1-{total + 5}"}]
    assert [p.code for p in check_sources(card, SEEDS_DIR)] == ["lines-out-of-range"]


def test_seeds_dir_is_an_argument_and_the_cli_reads_the_environment(tmp_path, seeds, monkeypatch, capsys):
    from knowledge.checker.sources import default_seeds_dir
    write_card(tmp_path / "cards", sources=[{"seed": "001_test.txt", "lines": "1-3"}])
    monkeypatch.setenv("WEGWIJS_SEEDS_DIR", str(tmp_path / "elsewhere"))
    assert default_seeds_dir() == SEEDS_DIR  # knowledge/ itself never reads the environment
    assert check_cards(tmp_path / "cards", seeds_dir=seeds, today=TODAY).cards[0].ok
    assert main([str(tmp_path / "cards"), "--today", "2026-11-23"]) == 1  # the CLI: no seed there
    monkeypatch.setenv("WEGWIJS_SEEDS_DIR", str(seeds))
    assert main([str(tmp_path / "cards"), "--today", "2026-11-23"]) == 0


def test_duplicate_id_is_refused(tmp_path):
    write_card(tmp_path / "cards", "bezwaar-inhoud")
    write_card(tmp_path / "cards", "bezwaar-inhoud", file_name="bezwaar-inhoud-kopie.md")
    result = check(tmp_path / "cards")
    for report in result.cards:
        [problem] = [p for p in report.errors if p.code == "duplicate-id"]
        assert "bezwaar-inhoud" in problem.message and "komt ook voor in" in problem.message
    copy = next(r for r in result.cards if r.path.name == "bezwaar-inhoud-kopie.md")
    assert "id-file-mismatch" in codes(copy)


def test_overdue_review_is_refused_and_near_review_warns(tmp_path):
    write_card(tmp_path / "cards", "verlopen", reviewed=dt.date(2025, 11, 1), review_by=dt.date(2026, 11, 1))
    write_card(tmp_path / "cards", "bijna", review_by=dt.date(2026, 12, 10))
    result = check(tmp_path / "cards")
    overdue = result.report_for("verlopen")
    [problem] = overdue.errors
    assert problem.code == "review-overdue" and "review overdue" in problem.message
    assert "2026-11-01" in problem.message
    soon = result.report_for("bijna")
    assert soon.ok
    assert [p.code for p in soon.warnings if p.field == "review_by"] == ["review-soon"]


@pytest.mark.parametrize("overrides, code", [
    ({"tags": {"organisation": ["wijkteam"], "law": ["Awb"], "route": ["bezwaar"]}}, "bad-value"),
    ({"tags": {"organisation": [], "law": ["Awb"], "route": ["beroep"]}}, "bad-value"),
    ({"tags": {"organisation": [], "law": ["Wet op de zorg"], "route": []}}, "bad-value"),
    ({"tags": {"organisation": [], "law": []}}, "missing-field"),
    ({"audience": "family"}, "bad-value"),
    ({"summary": "U heeft 6 weken. Tel vanaf de dag na de brief."}, "summary-sentences"),
    ({"questions": ["wat moet er in een bezwaar", "bezwaar schrijven"]}, "too-few-questions"),
    ({"questions": "wat moet er in een bezwaar"}, "wrong-type"),
    ({"title": DROP}, "missing-field"),
    ({"review_by": "volgend jaar"}, "bad-date"),
    ({"sources": [{"law": "art. 6:7"}]}, "bad-law"),
    ({"sources": [{"law": ""}]}, "bad-law"),
    ({"sources": [{"url": "http://www.rijksoverheid.nl/"}]}, "bad-url"),
    ({"sources": ["Awb art. 6:7"]}, "bad-source"),
    ({"sources": [{"law": "Awb art. 6:7", "url": "https://wetten.overheid.nl/"}]}, "bad-source"),
])
def test_schema_and_source_errors(tmp_path, overrides, code):
    write_card(tmp_path / "cards", **overrides)
    report = check(tmp_path / "cards").cards[0]
    assert code in codes(report), format_text(check(tmp_path / "cards"))


def test_id_must_equal_file_name_and_be_lowercase(tmp_path):
    write_card(tmp_path / "cards", "Bezwaar_Inhoud", file_name="bezwaar-inhoud.md")
    assert {"bad-id", "id-file-mismatch"} <= set(codes(check(tmp_path / "cards").cards[0]))


def test_known_law_names_are_accepted(tmp_path):
    sources = [{"law": name} for name in ("Awb art. 6:7", "Wmo 2015 art. 2.3.5", "Wlz art. 3.2.1",
                                          "Algemene termijnenwet art. 1", "Wet Nationale ombudsman art. 12",
                                          "Jeugdwet art. 2.3", "Wkkgz art. 17")]
    write_card(tmp_path / "cards", sources=sources)
    assert check(tmp_path / "cards").cards[0].ok


def test_informal_address_is_refused_but_quotes_are_allowed(tmp_path):
    body = GOOD_BODY + '\nU kunt zeggen: "Ik wil je chef spreken." Heb jij een vraag? Bel ons.\n'
    write_card(tmp_path / "cards", body=body)
    problems = [p for p in check(tmp_path / "cards").cards[0].errors if p.code == "informal-address"]
    assert len(problems) == 1 and "'jij'" in problems[0].message.lower()


def test_broken_front_matter_is_reported_not_raised(tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "kapot.md").write_text("Geen front matter hier.\n", encoding="utf-8")
    (folder / "yaml-fout.md").write_text("---\nid: [kapot\n---\nTekst.\n", encoding="utf-8")
    result = check(folder)
    assert [codes(r) for r in result.cards] == [["unreadable"], ["unreadable"]]


def test_cli_exit_codes_and_json(tmp_path, seeds, capsys):
    good, bad = tmp_path / "good", tmp_path / "bad"
    write_card(good)
    write_card(bad, body=GOOD_BODY + "\n" + LONG_SENTENCE + "\n")
    assert main([str(good), "--seeds-dir", str(seeds), "--today", "2026-11-23"]) == 0
    assert "1 goed, 0 met fouten" in capsys.readouterr().out
    assert main([str(bad), "--seeds-dir", str(seeds), "--today", "2026-11-23", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["summary"]["errors_by_code"] == {"sentence-too-long": 1}
    assert data["cards"][0]["measures"]["max_sentence_words"] == 24
    # The review date follows --today.
    assert main([str(good), "--seeds-dir", str(seeds), "--today", "2028-01-01"]) == 1
    assert "review overdue" in capsys.readouterr().out


# --------------------------------------------------------------------------- parser

def test_load_card_fields(tmp_path):
    path = write_card(tmp_path / "cards")
    card = load_card(path)
    assert card.id == "bezwaar-inhoud" and card.path == path
    assert card.questions[0] == "wat moet er in een bezwaar staan"
    assert card.tags["law"] == ["Awb"] and card.tags["route"] == ["bezwaar"]
    assert card.sources[0] == {"law": "Awb art. 6:5"}
    assert card.reviewed == dt.date(2026, 11, 23) and card.review_by == dt.date(2027, 11, 23)
    assert card.body.startswith("U maakt bezwaar") and card.audience == "both"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[card.body_line - 1].startswith("U maakt bezwaar")


# --------------------------------------------------------------------------- readability

def test_sentence_split_handles_abbreviations_numbers_and_lists():
    text = ("Dat staat in art. 6:7 van de Awb. Er zijn o.a. twee wegen, bijv. een brief. "
            "De brief is van 13 nov. 2026.\n\nZet erin:\n- uw naam\n- de datum\n\n## Wat nu?\nBel ons!")
    assert [s.text for s in split_sentences(text)] == [
        "Dat staat in art. 6:7 van de Awb.",
        "Er zijn o.a. twee wegen, bijv. een brief.",
        "De brief is van 13 nov. 2026.",
        "Zet erin:", "uw naam", "de datum", "Wat nu?", "Bel ons!"]


def test_check_text_gives_offsets_of_long_sentences_and_rare_words():
    text = "Dit is kort. " + LONG_SENTENCE + " Let op de dagtekening en reageer tijdig."
    problems = check_text(text, frozenset(), check_length=False)
    [long] = [p for p in problems if p.code == "sentence-too-long"]
    assert text[long.start:long.end] == LONG_SENTENCE
    rare = {text[p.start:p.end] for p in problems if p.code == "rare-word"}
    assert {"dagtekening", "tijdig"} <= rare


def test_rare_words_ignore_numbers_inflections_and_glossary():
    assert is_common("klachten") and is_common("bezwaren") and is_common("aangevraagd")
    assert is_common("brieven") and is_common("stuurt")
    assert not is_common("zorgkantoren")
    assert is_common("zorgkantoren", frozenset({"zorgkantoor"}))
    assert is_common("pgb's", frozenset({"pgb"}))
    m = analyse("Op 13-11-2026 kreeg u 6:7 en 1.200 euro.", frozenset()).measures
    assert m.words == 8 and m.checked_words == 5 and m.rare_word_count == 0


@pytest.mark.parametrize("name", sorted(B1_SAMPLES))
def test_b1_calibration_samples_pass(name):
    errors = [p for p in check_text(B1_SAMPLES[name]) if p.severity == "error"]
    assert errors == []


def test_official_language_fails():
    found = {p.code for p in check_text(OFFICIAL_TEXT) if p.severity == "error"}
    assert {"sentence-too-long", "avg-sentence-length", "flesch-douma"} <= found


# --------------------------------------------------------------------------- content gate

@needs_real_seeds
def test_content_gate_real_cards_have_no_errors():
    """CONTENT GATE: every card in knowledge/cards passes the checker (no errors)."""
    result = check_cards(CARDS_DIR, seeds_dir=SEEDS_DIR)
    assert result.cards, f"no cards found in {CARDS_DIR}"
    failing = [r for r in result.cards if not r.ok]
    details = "\n".join(f"{r.path.name}: {p.message}" for r in failing for p in r.errors)
    assert not failing, f"{len(failing)} of {len(result.cards)} cards have errors:\n{details}"

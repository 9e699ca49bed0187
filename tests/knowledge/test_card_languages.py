"""A card's English section (knowledge/card_languages.py): parsing, the Dutch text left exactly as it
was, the English checker rules, the editors' form, and search in English."""
from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.card_file import card_to_fields, compose
from knowledge.card_languages import english_parts, english_text, english_title, split_english
from knowledge.cards_model import CARDS_DIR, load_cards, parse_card
from knowledge.checker import check_card
from knowledge.checker.english import check_english_text, check_terms
from knowledge.retrieval.chunks import card_chunks

DUTCH = "U heeft 6 weken om bezwaar te maken.\n\nDe termijn begint op de dag na het besluit."
ENGLISH = ("Title: How long do you have to object?\nYou have 6 weeks to make an objection (bezwaar).\n\n"
           "The time starts on the day after the decision.")
LOCAL = "## Lokaal: 9992\nIn Proefstad stuurt u uw bezwaar naar Postbus 1."
FRONT = (Path(CARDS_DIR) / "bezwaar-termijn.md").read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n"


def card(body: str):
    return parse_card(FRONT + body + "\n")


@pytest.mark.parametrize("body", [
    f"{DUTCH}\n\n## English\n{ENGLISH}",
    f"{DUTCH}\n\n{LOCAL}\n\n## English\n{ENGLISH}",   # after the local sections (the cards' layout)
    f"{DUTCH}\n\n## English\n{ENGLISH}\n\n{LOCAL}",   # before them: ends at the first local heading
])
def test_the_english_section_is_cut_out_of_the_dutch_text(body):
    parsed, plain = card(body), card(body.replace(f"## English\n{ENGLISH}", "").replace("\n\n\n\n", "\n\n").strip())
    assert parsed.body == plain.body and "English" not in parsed.body and "You have" not in parsed.body
    assert english_title(parsed) == "How long do you have to object?"
    assert english_text(parsed).startswith("You have 6 weeks") and "Title:" not in english_text(parsed)
    assert "Lokaal" not in parsed.english
    first = (FRONT + body).splitlines().index("Title: How long do you have to object?") + 1
    assert parsed.english_line == first


def test_local_sections_after_the_english_one_keep_their_line_numbers():
    text = FRONT + f"{DUTCH}\n\n## English\n{ENGLISH}\n\n{LOCAL}\n"
    parsed = parse_card(text)
    line = text.splitlines().index("In Proefstad stuurt u uw bezwaar naar Postbus 1.") + 1
    assert parsed.body_line_of(parsed.body.index("In Proefstad")) == line


def test_a_card_without_english_is_read_as_before():
    assert split_english(DUTCH).dutch == DUTCH and split_english(DUTCH).english == ""
    assert english_parts("Just text.") == ("", "Just text.")
    for c in load_cards(CARDS_DIR):  # every card: the Dutch text holds no English section
        assert "## English" not in c.body and split_english(c.body).english == ""


def test_the_dutch_text_of_every_card_with_english_is_exactly_the_file_without_that_section():
    for c in load_cards(CARDS_DIR):
        if not c.english:
            continue
        text = c.path.read_text(encoding="utf-8")
        without = text[: text.index("\n## English\n")].rstrip() + "\n"
        assert parse_card(without).body == c.body, c.id
        assert parse_card(without).english == ""


def test_the_editors_form_shows_the_dutch_text_and_keeps_the_english_section():
    old = FRONT + f"{DUTCH}\n\n## English\n{ENGLISH}\n"
    fields = card_to_fields(parse_card(old))
    assert fields["body"] == DUTCH and fields["english"] == ENGLISH
    form = {k: v for k, v in fields.items() if k != "english"}  # a form that does not know the field
    form["body"] += "\n\nEen nieuwe zin."
    new = parse_card(compose(form, old))
    assert new.body.endswith("Een nieuwe zin.") and new.english == ENGLISH
    assert parse_card(compose(fields, old)).english == ENGLISH


# ------------------------------------------------------------------------------------ checker
PLAIN = ("You have 6 weeks to make an objection (bezwaar). The 6 weeks start on the day after the decision "
         "was sent. Do you not know when it was sent? Then count from the date on the letter. Is the last "
         "day a Saturday, a Sunday or a public holiday? Then you have until the next working day. The letter "
         "is dated 3 November 2026. Then the last day is 15 December 2026.")
OFFICIAL = ("Notwithstanding the aforementioned considerations, individuals contemplating the submission of an "
            "objection (bezwaar) against an administrative determination are strongly encouraged to consult the "
            "applicable statutory provisions regarding procedural deadlines, which generally stipulate a period of "
            "six weeks commencing on the day following the dispatch of the decision. Consequently, procedural "
            "irregularities attributable to the applicant may result in inadmissibility.")


def test_plain_english_passes_and_official_english_fails():
    assert check_english_text(PLAIN) == []
    codes = {p.code for p in check_english_text(OFFICIAL)}
    assert {"english-sentence-too-long", "english-avg-sentence-length", "english-flesch"} <= codes


@pytest.mark.parametrize("text, wrong", [
    ("Make an objection first. An objection (bezwaar) is free.", "objection (bezwaar)"),
    ("Send your bezwaar to the municipality (gemeente).", "objection (bezwaar)"),
    ("Ask the municipality for help.", "municipality (gemeente)"),
    ("You can ask for client support. It is free.", "client support (cliëntondersteuning)"),
    ("After the court (rechtbank) there is hoger beroep.", "higher appeal"),
])
def test_a_dutch_legal_term_is_glossed_with_the_fixed_words_on_first_use(text, wrong):
    [problem] = check_terms(text)
    assert problem.code == "english-term" and wrong in problem.message


def test_glossed_terms_and_names_pass():
    text = ("Make an objection (bezwaar) to the municipality (gemeente). Later you may go to the court "
            "(rechtbank) with an appeal (beroep), then a higher appeal to the Centrale Raad van Beroep. "
            "The bezwaar is free.")
    assert check_terms(text) == []


def test_dates_are_written_the_english_way():
    assert [p.code for p in check_english_text(PLAIN.replace("3 November", "3 november"))] == ["english-date"]
    assert [p.code for p in check_english_text(PLAIN.replace("15 December", "December 15"))] == ["english-date"]


def test_the_card_checker_reports_the_english_section_with_file_lines():
    good = check_card(card(f"{DUTCH} Wacht niet te lang met uw bezwaar, want de termijn loopt altijd door. "
                           f"Vraag hulp als u het niet zeker weet.\n\n## English\nTitle: How long do you have?\n{PLAIN}"))
    assert not [p for p in good.problems if p.field == "english" or p.code.startswith("english")]
    assert good.english_measures and good.english_measures.flesch >= 60
    text = FRONT + f"{DUTCH}\n\n## English\n{OFFICIAL}\n"
    bad = check_card(parse_card(text))
    line = text.splitlines().index(OFFICIAL) + 1
    assert {p.line for p in bad.errors if p.code.startswith("english")} == {line}
    near = check_card(card(f"{DUTCH}\n\n## Engels\nYou have 6 weeks."))
    assert "english-heading" in {p.code for p in near.errors}
    untitled = check_card(card(f"{DUTCH}\n\n## English\n{PLAIN}"))
    assert "english-no-title" in {p.code for p in untitled.warnings}


def test_every_english_section_of_the_cards_passes():
    for c in load_cards(CARDS_DIR):
        if c.english:
            problems = [p for p in check_card(c).errors if p.code.startswith("english")]
            assert problems == [], (c.id, problems)


# ------------------------------------------------------------------------------------ search
def test_english_sections_become_extra_chunks_of_the_same_card():
    parsed = card(f"{DUTCH}\n\n## English\n{ENGLISH}")
    dutch_only = card(DUTCH)
    chunks = card_chunks(parsed)
    assert [c for c in chunks if c.kind != "english"] == card_chunks(dutch_only)
    assert [c.text for c in chunks if c.kind == "english"] == ["How long do you have to object?"]
    assert all(c.card_id == parsed.id for c in chunks)
    untitled = card(f"{DUTCH}\n\n## English\nYou have 6 weeks to make an objection (bezwaar).")
    assert [c.text for c in card_chunks(untitled) if c.kind == "english"] == [
        "You have 6 weeks to make an objection (bezwaar)."]


def test_an_english_question_finds_its_card_through_the_index(tmp_path, e5_model):
    from knowledge.retrieval.search import KnowledgeBase

    cards = tmp_path / "cards"
    cards.mkdir()
    for name in ("bezwaar-termijn", "cak-eigen-bijdrage", "pgb-wat-is", "wijkteam", "klacht-of-bezwaar"):
        (cards / f"{name}.md").write_text((Path(CARDS_DIR) / f"{name}.md").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    english = ("## English\nTitle: How much do you pay yourself for your care?\nThe CAK works out how much "
               "you pay yourself for your care. This is your own contribution (eigen bijdrage).")
    path = cards / "cak-eigen-bijdrage.md"
    dutch = path.read_text(encoding="utf-8").split("\n## English\n")[0].rstrip()  # the Dutch card only
    path.write_text(dutch + "\n\n" + english + "\n", encoding="utf-8")
    kb = KnowledgeBase(cards, tmp_path / "index", model=e5_model)
    hits = kb.search("how much must I pay myself for the care I get", k=3)
    assert hits[0].card_id == "cak-eigen-bijdrage", [(h.card_id, round(h.score, 3)) for h in hits]
    assert hits[0].details["chunk_kind"] == "english"
    assert kb.card("cak-eigen-bijdrage").body == parse_card(
        (Path(CARDS_DIR) / "cak-eigen-bijdrage.md").read_text(encoding="utf-8")).body

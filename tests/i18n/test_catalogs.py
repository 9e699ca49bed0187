"""The guide's texts in English (issue 13): every Dutch text has a reviewed translation, and the
advice reads as English, with the same facts, dates and placeholders."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from knowledge.domain.advice import compose
from knowledge.domain.case import Case
from knowledge.domain.short_answers import key_facts, urgent
from knowledge.i18n import LOCALES, LOCALES_DIR, format_day, supported, translate, use_locale, _

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
TODAY = date(2026, 11, 23)
# Words that only a Dutch sentence has (checked as whole words, case-sensitive where it matters).
DUTCH_WORDS = re.compile(r"\b(U heeft|uw|het|een|niet|naar|bij|dat|wordt|heeft|moet|Dit is)\b")


def catalog(locale: str):
    with open(LOCALES_DIR / locale / "LC_MESSAGES" / "wegwijs.po", "rb") as handle:
        return read_po(handle, locale=locale)


def extracted_messages() -> set[str]:
    """What `make translations` extracts now, from the code and bot/domain.yml (babel.cfg)."""
    with open(ROOT / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "nl"])
def test_every_text_of_the_guide_has_a_translation(locale):
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog(locale) if m.id}
    missing = sorted(t for t in extracted_messages() if t not in translated)
    assert not missing, f"run `make translations` and translate: {missing[:5]}"
    untranslated = [m.id for m in translated.values() if m.fuzzy or not all(m.string if isinstance(m.string, tuple)
                                                                            else [m.string])]
    assert not untranslated, f"fuzzy or empty in {locale}.po: {untranslated[:5]}"


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "nl"])
def test_translations_keep_every_placeholder(locale):
    for message in catalog(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, f"{ids[0]!r} -> {string!r}"


def test_the_compiled_catalog_is_the_reviewed_one():
    """A stale .mo would show old texts: `make setup` compiles (translations-compile)."""
    for message in catalog("en"):
        if message.id and isinstance(message.id, str) and message.string:
            assert translate(message.id, "en") == message.string


def test_locale_tags_fall_back_to_dutch():
    assert supported("en-GB") == "en" and supported("EN") == "en"
    assert supported("fr") == "nl" and supported(None) == "nl"


def test_without_a_language_everything_stays_dutch():
    assert _("de gemeente") == "de gemeente"
    assert format_day(date(2026, 12, 28)) == "maandag 28 december 2026"


def test_dates_in_english():
    with use_locale("en"):
        assert format_day(date(2026, 12, 28)) == "Monday 28 December 2026"


def bezwaar_case(**extra) -> Case:
    facts = {"route": "bezwaar", "about_organisation": "ciz", "decision_date": "2026-11-13", **extra}
    return Case.from_slots(facts, today=TODAY, text="")


def test_the_advice_on_a_bezwaar_reads_as_english_with_the_same_facts():
    dutch = compose(bezwaar_case())
    with use_locale("en"):
        english = compose(bezwaar_case())
    assert (english.route, english.organisation, english.deadline) == (dutch.route, dutch.organisation, dutch.deadline)
    assert "28 December 2026" in english.text and "28 december 2026" in dutch.text
    assert "objection" in english.text and "6 weeks" in english.text and "CIZ" in english.text
    assert not DUTCH_WORDS.search(english.text), english.text
    assert english.cards == dutch.cards  # the same sources


@pytest.mark.parametrize("route, about", [("klacht", "gemeente"), ("klacht", "zorgverzekeraar"),
                                          ("ingebrekestelling", "gemeente"), ("klacht_en_bezwaar", "svb"),
                                          ("aanvraag", "gemeente"), ("klacht", "zorgaanbieder")])
def test_every_route_has_english_advice(route, about):
    facts = {"route": route, "about_organisation": about, "asking_for": "relative", "relative": "moeder"}
    with use_locale("en"):
        answer = compose(Case.from_slots(facts, today=TODAY, text="huishoudelijke hulp"))
    assert not DUTCH_WORDS.search(answer.text), answer.text
    assert "your mother" in answer.text and "authorisation" in answer.text


def test_an_insurer_gets_no_notice_of_default_in_english_either():
    with use_locale("en"):
        answer = compose(Case.from_slots({"route": "klacht", "about_organisation": "zorgverzekeraar"},
                                         today=TODAY, text=""))
    assert "complaint" in answer.text and "Kizi" in answer.text
    assert "notice of default" not in answer.text


def test_one_day_left_is_singular():
    with use_locale("en"):
        answer = compose(bezwaar_case(decision_date="2026-10-13"))  # last day: Tuesday 24 November 2026
    assert "1 day left" in answer.text


def test_key_facts_and_urgent_help_in_english():
    with use_locale("en"):
        facts = key_facts("bezwaar", "gemeente", relative="vader")
        help_now, _cards = urgent("gemeente")
    assert "objection" in facts and "6 weeks" in facts and "your father" in facts
    assert "provisional measure" in help_now and not DUTCH_WORDS.search(help_now)

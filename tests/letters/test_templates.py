"""The letter templates (knowledge/letters/*.md): well formed, legally complete, B1 Dutch."""
from datetime import date

import pytest

from knowledge.checker.readability import check_text
from knowledge.domain.letters import LETTER_IDS, CaseFacts, letter_facts
from knowledge.letters.templates import TemplateError, fill, load_templates, parse_template, sample_text

TEMPLATES = load_templates()
ROUTE_OF = {"bezwaarschrift": ("bezwaar", "gemeente"), "beroepschrift": ("bezwaar", "rechtbank"),
            "klachtbrief": ("klacht", "gemeente"), "ingebrekestelling": ("ingebrekestelling", "ciz"),
            "machtiging": ("bezwaar", "gemeente")}


def sample(letter: str) -> str:
    route, organisation = ROUTE_OF[letter]
    case = CaseFacts(route=route, organisation=organisation, decision_date=date(2026, 11, 13), asking_for="relative")
    return sample_text(TEMPLATES[letter], letter_facts(case, letter, today=date(2026, 11, 23), gemeente_name="Gemeente Voorbeeld"))


def test_there_is_one_template_file_per_letter():
    assert sorted(TEMPLATES) == sorted(LETTER_IDS)


@pytest.mark.parametrize("letter", LETTER_IDS)
def test_every_text_a_citizen_reads_passes_the_b1_checker(letter):
    template = TEMPLATES[letter]
    form = "\n\n".join(f"{f.label}\n\n{f.hint}\n\n" + "\n\n".join(f.options) for f in template.fields)
    texts = {"letter": sample(letter), "summary and form": f"{template.summary}\n\n{form}"}
    for name, text in texts.items():
        errors = [p.message for p in check_text(text, check_length=False) if p.severity == "error"]
        assert not errors, f"{letter} {name}: {errors}"


def test_a_bezwaarschrift_has_what_awb_6_5_asks():
    text = sample("bezwaarschrift")
    for part in ("Jan Jansen", "Dorpsstraat 1", "Datum: 23 november 2026",  # name, address, date
                 "brief van 13 november 2026", "Z-123",  # which decision
                 "Waarom ben ik het niet eens?", "Handtekening"):  # the grounds, the signature
        assert part in text
    assert "Een kopie van de brief met de beslissing" in text


def test_a_bezwaarschrift_without_reasons_is_pro_forma():
    template = TEMPLATES["bezwaarschrift"]
    text = fill(template.body, {"naam": "Jan", "adres": "Straat 1", "aan": "CIZ", "datum": "1 mei 2026",
                                "beslissing": "de beslissing"})
    assert "Mijn redenen stuur ik later" in text and "Waarom ben ik het niet eens" not in text
    assert "BSN" not in text  # an empty optional field leaves its line out


def test_a_klachtbrief_describes_the_conduct_and_when_awb_9_4():
    text = sample("klachtbrief")
    assert "Wat is er gebeurd?" in text and "Niemand belde terug." in text and "1 november" in text


def test_an_ingebrekestelling_puts_in_default_and_names_the_dwangsom():
    text = sample("ingebrekestelling")
    assert "stel ik u in gebreke" in text and "binnen 2 weken" in text and "dwangsom" in text


def test_a_beroepschrift_names_the_decision_on_bezwaar_and_its_organisation():
    text = sample("beroepschrift")
    assert "Ik ga in beroep tegen de beslissing op mijn bezwaar in de brief van 13 november 2026" in text
    assert "Die beslissing is van de gemeente." in text


def test_a_machtiging_is_signed_by_both():
    text = sample("machtiging")
    assert "Ik geef Jan Jansen toestemming om voor mij bezwaar te maken." in text
    assert text.count("Handtekening") == 2 and "Els Jansen" in text


def test_a_template_with_an_unknown_name_is_refused(tmp_path):
    path = tmp_path / "klachtbrief.md"
    path.write_text("---\nid: klachtbrief\ntitle: T\nsummary: S\nlaw: L\nfields: []\n---\nHallo [[naam]] {{iets}}\n",
                    encoding="utf-8")
    with pytest.raises(TemplateError, match=r"\[\[naam\]\] has no field.*\{\{iets\}\} is not a fact"):
        parse_template(path)

"""Which sample letters fit a case, the facts they are filled in with, where they go (no stack needed)."""
from datetime import date

import pytest

from knowledge.domain import deadlines
from knowledge.domain.letters import CaseFacts, letter_facts, letters_for
from knowledge.domain.routing import ORGANISATIONS
from knowledge.letters import NO_LETTER, letter_drafts
from knowledge.letters.sending import sending_for

TODAY = date(2026, 11, 23)
BESTUURSORGANEN = ("gemeente", "ciz", "zorgkantoor", "cak", "svb")


def fits(route, organisation, asking_for="self", **more):
    return letters_for(CaseFacts(route=route, organisation=organisation, asking_for=asking_for, **more))


@pytest.mark.parametrize("organisation", BESTUURSORGANEN)
def test_a_bezwaar_gets_a_bezwaarschrift_at_every_bestuursorgaan(organisation):
    assert fits("bezwaar", organisation) == ("bezwaarschrift",)
    assert fits("klacht_en_bezwaar", organisation) == ("bezwaarschrift", "klachtbrief")


def test_a_decision_on_bezwaar_gets_a_beroepschrift_for_the_rechtbank():
    assert fits("bezwaar", "rechtbank") == ("beroepschrift",)
    assert fits("klacht_en_bezwaar", "rechtbank") == ("beroepschrift",)  # the klacht's organisation is not known


@pytest.mark.parametrize("organisation", [o for o in ORGANISATIONS if o != "rechtbank"])
def test_a_klacht_gets_a_klachtbrief(organisation):
    assert fits("klacht", organisation) == ("klachtbrief",)


@pytest.mark.parametrize("organisation", BESTUURSORGANEN)
def test_an_ingebrekestelling_goes_only_to_a_bestuursorgaan(organisation):
    assert fits("ingebrekestelling", organisation) == ("ingebrekestelling",)


@pytest.mark.parametrize("organisation", ["zorgverzekeraar", "zorgaanbieder", "ombudsman", "rechtbank"])
def test_never_an_ingebrekestelling_to_an_insurer_a_provider_or_a_court(organisation):
    assert "ingebrekestelling" not in fits("ingebrekestelling", organisation)
    assert "bezwaarschrift" not in fits("bezwaar", organisation)


def test_no_ingebrekestelling_while_the_decision_period_may_still_run():
    assert fits("ingebrekestelling", "ciz", bezwaar_weeks=8) == ()  # advice.premature: too early, starts nothing
    assert fits("ingebrekestelling", "ciz", bezwaar_weeks=20) == ("ingebrekestelling",)


def test_a_mantelzorger_also_gets_a_machtiging():
    assert fits("bezwaar", "gemeente", "relative") == ("bezwaarschrift", "machtiging")
    assert fits("klacht", "zorgaanbieder", "relative") == ("klachtbrief", "machtiging")
    assert fits("aanvraag", "ciz", "relative") == ("machtiging",)


def test_no_letter_without_a_route_or_for_an_application_of_ones_own():
    assert fits(None, None) == () and fits("bezwaar", None) == () and fits("aanvraag", "gemeente") == ()


def test_facts_say_the_organisation_the_decision_and_the_last_day_in_dutch():
    case = CaseFacts(route="bezwaar", organisation="gemeente", decision_date=date(2026, 11, 13),
                     deadline=date(2026, 12, 28), asking_for="self")
    facts = letter_facts(case, "bezwaarschrift", today=TODAY, gemeente_name="Gemeente Voorbeeld")
    assert facts["aan"] == "Gemeente Voorbeeld"
    assert facts["beslissing"] == "de beslissing van de gemeente in de brief van 13 november 2026"
    assert facts["termijn"] == "maandag 28 december 2026"
    assert facts["datum"] == "23 november 2026"
    assert facts["namens"] == ""


def test_the_last_day_is_counted_from_the_letter_when_the_conversation_has_none():
    case = CaseFacts(route="bezwaar", organisation="rechtbank", decision_date=date(2026, 11, 13))
    facts = letter_facts(case, "beroepschrift", today=TODAY, gemeente_name="G")
    assert facts["termijn"] == "maandag 28 december 2026"  # deadlines.beroep_deadline, Atw past Christmas
    assert facts["beslissing"] == "de beslissing op mijn bezwaar in de brief van 13 november 2026"
    assert letter_facts(case, "klachtbrief", today=TODAY, gemeente_name="G")["termijn"] == ""


def test_the_ingebrekestelling_asks_a_decision_within_the_dwangsom_term():
    facts = letter_facts(CaseFacts(route="ingebrekestelling", organisation="ciz"), "ingebrekestelling",
                         today=TODAY, gemeente_name="G")
    assert facts["aan"] == "CIZ"
    assert int(facts["dwangsom_weken"]) * 7 == deadlines.DWANGSOM_AFTER_DAYS


def test_a_machtiging_names_what_the_mantelzorger_may_do():
    case = CaseFacts(route="klacht", organisation="zorgaanbieder", asking_for="relative")
    facts = letter_facts(case, "machtiging", today=TODAY, gemeente_name="G")
    assert facts["machtiging_voor"] == "een klacht in te dienen"
    assert facts["onderwerp"] == "mijn klacht over de zorgaanbieder"
    assert facts["aan"] == ""  # the citizen types their provider's name
    assert facts["namens"] == "ja"


def test_the_gemeente_address_comes_from_its_settings(tmp_path):
    settings = tmp_path / "gemeente.yml"
    settings.write_text("name: Gemeente Ergens\nphone: '14 0999'\nwebsite: https://www.ergens.nl\n"
                        "post_address: |\n  Gemeente Ergens\n  Postbus 12\n  9999 ZZ Ergens\n"
                        "bezwaar_url: https://www.ergens.nl/bezwaar\n", encoding="utf-8")
    case = CaseFacts(route="bezwaar", organisation="gemeente")
    sending = sending_for(case, "bezwaarschrift", "maandag 28 december 2026", settings)
    assert sending.address == ["Gemeente Ergens", "Postbus 12", "9999 ZZ Ergens"]
    assert sending.website == "https://www.ergens.nl/bezwaar"
    assert any("maandag 28 december 2026" in line for line in sending.proof)
    drafts = letter_drafts({"route": "bezwaar", "organisation": "gemeente"}, today=TODAY, gemeente_file=settings)
    assert drafts["letters"][0]["facts"]["aan"] == "Gemeente Ergens"


def test_without_an_address_the_citizen_is_told_to_check_the_letter():
    for organisation in ("gemeente", "ciz", "cak", "svb", "zorgkantoor", "zorgverzekeraar"):
        sending = sending_for(CaseFacts(route="bezwaar", organisation=organisation), "bezwaarschrift", "", None)
        assert sending.address == []  # no address is invented
        assert any("adres op de brief" in line for line in sending.where)


def test_how_to_prove_it_was_sent_in_time():
    sending = sending_for(CaseFacts(route="bezwaar", organisation="ciz"), "bezwaarschrift", "maandag 28 december 2026", None)
    text = " ".join(sending.proof)
    assert "aangetekend" in text and "ontvangstbevestiging" in text and "kopie" in text
    assert f"uiterlijk {deadlines.POSTAL_GRACE_DAYS} dagen na die laatste dag" in text  # Awb 6:9


def test_a_state_without_a_route_has_no_letter_but_says_why():
    drafts = letter_drafts({"route": None, "organisation": None}, today=TODAY)
    assert drafts["letters"] == [] and drafts["message"] == NO_LETTER


@pytest.mark.parametrize("organisation", list(ORGANISATIONS))
def test_where_to_send_it_is_b1_dutch(organisation):
    from knowledge.checker.readability import check_text

    route = {"rechtbank": "bezwaar", "zorgaanbieder": "klacht", "zorgverzekeraar": "klacht",
             "ombudsman": "klacht"}.get(organisation, "bezwaar")
    for letter in letters_for(CaseFacts(route=route, organisation=organisation, asking_for="relative")):
        sending = sending_for(CaseFacts(route=route, organisation=organisation), letter, "maandag 28 december 2026", None)
        text = "\n\n".join(sending.where + sending.proof)
        errors = [p.message for p in check_text(text, check_length=False) if p.severity == "error"]
        assert not errors, f"{organisation} {letter}: {errors}"


def test_a_passed_deadline_says_send_it_anyway_and_explain_why():
    case = CaseFacts(route="bezwaar", organisation="gemeente", deadline=date(2026, 11, 20))
    text = " ".join(sending_for(case, "bezwaarschrift", "vrijdag 20 november 2026", None, date(2026, 11, 23)).proof)
    assert "zo snel mogelijk" in text and "waarom u te laat bent" in text  # Awb 6:11
    assert "uiterlijk op" not in text


def test_no_new_bezwaarschrift_while_a_bezwaar_made_earlier_waits_for_its_decision():
    # an ingebrekestelling asked too early keeps the route bezwaar (advice._too_early); the bezwaar was made
    assert letters_for(CaseFacts(route="bezwaar", organisation="ciz", bezwaar_weeks=3)) == ()
    assert letters_for(CaseFacts(route="bezwaar", organisation="ciz")) == ("bezwaarschrift",)


def test_a_gemeentes_own_ombudsman_comes_before_the_nationale_ombudsman(tmp_path):
    from knowledge.domain.gemeente import load_gemeente
    load_gemeente.cache_clear()
    file = tmp_path / "gemeente.yml"
    file.write_text("name: Gemeente Test\nphone: '14 0000'\nwebsite: https://www.test.example\n"
                    "own_ombudsman: de Ombudscommissie Test\nown_ombudsman_url: https://www.test.example/o\n")
    where = sending_for(CaseFacts(route="klacht", organisation="ombudsman"), "klachtbrief", "", file).where
    assert "Ombudscommissie Test" in where[0]
    assert any("Nationale ombudsman" in line for line in where[1:])


@pytest.mark.parametrize(("organisation", "law"), [
    ("gemeente", "artikel 9:1 en 9:4"), ("zorgaanbieder", "Wkkgz"), ("zorgverzekeraar", "Kizi"),
    ("ombudsman", "artikel 9:18"),
])
def test_a_klachtbrief_names_the_law_of_the_organisation(organisation, law):
    drafts = letter_drafts({"route": "klacht", "organisation": organisation, "asking_for": "self"},
                           today=date(2026, 11, 23))
    klachtbrief = next(d for d in drafts["letters"] if d["id"] == "klachtbrief")
    assert law in klachtbrief["law"]
    assert any(row["label"] == "Wet" and law in row["value"] for row in klachtbrief["shown_facts"])
    if organisation != "gemeente":
        assert "9:1 en 9:4" not in klachtbrief["law"]  # the Awb's klacht rules bind only a bestuursorgaan

"""Whole conversations over the public HTTP API against the real stack (Rasa + actions + API).

'Today' is Monday 23 November 2026 for the whole stack."""
import pytest

pytestmark = pytest.mark.stack


def test_a_first_message_that_says_everything_gets_the_answer_at_once(chat):
    c = chat()
    c.say("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
          "daar ben ik het niet mee eens")
    assert c.state == {"route": "bezwaar", "organisation": "gemeente", "decision_date": "2026-11-13",
                       "deadline": "2026-12-28", "asking_for": "self", "handoff": "none"}
    assert "maandag 28 december 2026" in c.all_text
    assert "Eerste Kerstdag" in c.all_text  # why the last day moved
    assert "cliëntondersteuner" in c.all_text
    assert "bezwaar-termijn" in c.sources()


def test_bezwaar_step_by_step_asks_only_what_is_missing(chat):
    c = chat()
    replies = c.say("ik ben het niet eens met de beslissing die ik kreeg")
    assert c.state["route"] == "bezwaar"
    asked = replies[-1]
    assert "organisatie" in asked["text"]
    assert {"CIZ", "CAK"} <= {b["title"] for b in asked["buttons"]}

    ciz_button = next(b for b in asked["buttons"] if b["title"] == "CIZ")
    replies = c.say(payload=ciz_button["payload"])
    assert "datum" in replies[-1]["text"]
    assert c.state["deadline"] is None

    c.say("vorige week dinsdag")
    assert c.state["organisation"] == "ciz"
    assert c.state["decision_date"] == "2026-11-17"
    assert c.state["deadline"] == "2026-12-29"
    assert "dinsdag 29 december 2026" in c.all_text


def test_unreadable_date_gets_a_clear_question_and_loses_nothing(chat):
    c = chat()
    c.say("het CAK heeft mijn eigen bijdrage verhoogd, daar ben ik het niet mee eens")
    replies = c.say("ergens vorig jaar denk ik")
    assert any("13-11-2026" in r["text"] for r in replies)  # shows how to type the date
    c.say("13-11-2026")
    assert (c.state["organisation"], c.state["deadline"]) == ("cak", "2026-12-28")


def test_passed_deadline_warns_and_offers_a_person(chat):
    c = chat()
    c.say("ik ben het niet eens met het besluit van het zorgkantoor van 1 september 2026")
    assert c.state["deadline"] == "2026-10-13"
    assert "te laat" in c.all_text
    assert c.state["handoff"] == "offered"


def test_klacht_about_the_wijkteam_goes_to_the_gemeente(chat):
    c = chat()
    c.say("het wijkteam belt me nooit terug en ze zijn onbeleefd")
    assert c.state["route"] == "klacht"
    assert c.state["organisation"] == "gemeente"
    assert c.state["deadline"] is None
    assert "6 weken" in c.all_text


def test_klacht_already_handled_goes_to_the_ombudsman(chat):
    c = chat()
    c.say("ik heb al een klacht ingediend bij de gemeente maar ik ben niet tevreden over hoe ze die hebben afgehandeld")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "Nationale ombudsman" in c.all_text  # Gemeente Voorbeeld has no ombudsman of its own


def test_klacht_and_bezwaar_together(chat):
    c = chat()
    c.say("mijn pgb is verlaagd door de gemeente en de consulent was ook nog heel onbeschoft tegen mij, "
          "de brief is van 2 november")
    assert c.state["route"] == "klacht_en_bezwaar"
    assert (c.state["organisation"], c.state["deadline"]) == ("gemeente", "2026-12-14")


def test_zorgverzekeraar_refusal_is_a_klacht_not_a_bezwaar(chat):
    c = chat()
    c.say("mijn zorgverzekeraar wil mijn rolstoel niet vergoeden, ik ben het er niet mee eens")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgverzekeraar")
    assert "Kizi" in c.all_text
    assert "ingebrekestelling" not in c.all_text.lower()


def test_no_decision_in_time_is_an_ingebrekestelling(chat):
    c = chat()
    c.say("ik wacht al 4 maanden op een beslissing van het CIZ over mijn aanvraag")
    assert (c.state["route"], c.state["organisation"]) == ("ingebrekestelling", "ciz")
    assert "dwangsom" in c.all_text


def test_care_never_applied_for_is_an_aanvraag(chat):
    c = chat()
    c.say("mijn moeder kan niet meer alleen wonen en moet naar een verpleeghuis, hoe regel ik dat")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "ciz")
    assert c.state["asking_for"] == "relative"


def test_mantelzorger_gets_wording_for_the_relative_and_the_machtiging(chat):
    c = chat()
    c.say("ik ben mantelzorger van mijn moeder")
    assert c.state["asking_for"] == "relative"
    c.say("de gemeente heeft haar huishoudelijke hulp stopgezet, de brief is van 13 november")
    assert c.state["route"] == "bezwaar"
    assert "uw moeder" in c.all_text
    assert "machtiging" in c.all_text


def test_clientondersteuning_for_wlz_at_the_zorgkantoor(chat):
    c = chat()
    c.say("het CIZ heeft mijn indicatie te laag vastgesteld, de brief is van 13 november")
    c.say(payload="/ask_clientondersteuning")
    assert "het zorgkantoor" in c.replies[-1]["text"]
    assert "gratis" in c.replies[-1]["text"]


def test_free_question_is_answered_from_a_card_with_its_source(chat):
    c = chat()
    replies = c.say("wat doet het CAK eigenlijk")
    answer = next(r for r in replies if r["sources"])
    assert answer["sources"][0]["card_id"].startswith("cak")
    assert answer["sources"][0]["title"]
    assert any(r["text"] == "Heeft dit geholpen?" for r in replies)
    c.say(payload="/feedback_not_helpful")
    assert c.state["handoff"] == "offered"


def test_question_without_a_fitting_card_says_so_and_offers_a_person(chat):
    c = chat()
    c.say("wat is de hoofdstad van australie")
    c.say("hoe laat vertrekt de trein naar utrecht")
    assert c.state["handoff"] == "offered"
    assert "medewerker" in c.all_text


def test_asking_for_a_person_puts_the_citizen_in_the_queue(chat):
    c = chat()
    c.say("ik wil graag met een mens praten")
    assert c.state["handoff"] == "waiting"


def test_nobody_available_asks_for_a_call_back(chat, stack):
    c = chat(staff_available=False)
    c.say("kan ik iemand spreken")
    assert c.state["handoff"] == "none"
    c.say("bel mij maar op 0612345678")
    c.say("morgenochtend")
    assert c.state["handoff"] == "callback"
    assert "neemt contact met u op" in c.all_text


def test_crisis_shows_emergency_numbers_then_hands_over(chat):
    c = chat()
    c.say("ik wil niet meer leven")
    assert "113" in c.all_text
    assert "112" not in c.all_text  # routes.md §5: each number only on its own signal
    assert c.state["handoff"] == "waiting"


def test_danger_shows_112_and_not_the_suicide_line(chat):
    c = chat()
    c.say("mijn vader slaat mijn moeder, ik ben bang, help")
    assert "112" in c.all_text and "113" not in c.all_text
    assert c.state["handoff"] == "waiting"


def test_sent_from_pillar_to_post_offers_a_person(chat):
    c = chat()
    c.say("de gemeente stuurt me naar het zorgkantoor en het zorgkantoor stuurt me weer terug naar de gemeente")
    assert c.state["handoff"] == "offered"
    c.say("ja")
    assert c.state["handoff"] == "waiting"


def test_two_messages_not_understood_offer_a_person(chat):
    c = chat()
    c.say("qwrtz plofsnik")
    assert c.state["handoff"] == "none"
    c.say("vlorp grimbel zonk")
    assert c.state["handoff"] == "offered"

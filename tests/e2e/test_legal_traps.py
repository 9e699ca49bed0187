"""The legal traps of issue 9 over the real stack: the right place, the right term, never a wrong hint.

'Today' is Monday 23 November 2026. These conversations are the team's own; the blind
held-out set lives in evaluation/heldout/ and is measured, not tested here."""
import re

import pytest

pytestmark = pytest.mark.stack


def texts(replies):
    return [r["text"] for r in replies]


def test_disagreeing_with_a_decision_gets_route_place_and_term_before_the_date_question(chat):
    c = chat()
    replies = c.say("ik ben het oneens met wat het CAK heeft besloten over mijn eigen bijdrage")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "cak")
    before_question = " ".join(texts(replies[:-1]))
    assert "bezwaar" in before_question and "het CAK" in before_question and "6 weken" in before_question
    assert "datum" in replies[-1]["text"]  # the one question, last, with its own button
    assert replies[-1]["buttons"]


def test_beroep_gets_the_rechtbank_and_6_weeks_at_once(chat):
    c = chat()
    replies = c.say("mijn bezwaar tegen de gemeente is ongegrond verklaard, wat kan ik nog doen")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "rechtbank")
    assert "rechtbank" in " ".join(texts(replies)) and "6 weken" in " ".join(texts(replies))


def test_the_date_on_the_letter_counts_not_the_day_it_arrived(chat):
    c = chat()
    c.say("de beslissing van de gemeente over mijn begeleiding kwam op 16 november binnen, "
          "gedateerd 10 november. ik ben het er niet mee eens")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-11-10", "2026-12-22")


def test_only_the_day_received_is_asked_back(chat):
    c = chat()
    replies = c.say("ik ben het niet eens met het CIZ, ik kreeg hun brief op 16 november")
    assert c.state["decision_date"] is None and c.state["deadline"] is None
    said = " ".join(texts(replies))
    assert "óp de brief" in said and "datum" in replies[-1]["text"]
    c.say("er staat 12 november op")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-11-12", "2026-12-24")


def test_a_letter_date_in_the_future_is_asked_back_not_moved_a_year(chat):
    c = chat()
    c.say("het zorgkantoor heeft mijn pgb verlaagd en dat vind ik onterecht")
    replies = c.say("de brief is van 5 december")
    assert c.state["decision_date"] is None
    assert "toekomst" in " ".join(texts(replies))


@pytest.mark.parametrize(("message", "organisation"), [
    ("de SVB betaalt mijn zorgverlener al twee maanden te laat en niemand belt mij terug", "svb"),
    ("de indicatiesteller van het CIZ was tijdens het huisbezoek ontzettend grof tegen mij", "ciz"),
])
def test_conduct_around_money_or_a_visit_is_a_klacht(chat, message, organisation):
    c = chat()
    c.say(message)
    assert (c.state["route"], c.state["organisation"]) == ("klacht", organisation)
    assert c.state["deadline"] is None


@pytest.mark.parametrize(("message", "organisation"), [
    ("wie kan ons gratis helpen? mijn vader woont sinds vorig jaar in een verpleeghuis", "zorgkantoor"),
    ("ik ga een wlz-indicatie aanvragen bij het ciz, is er iemand die mij gratis kan helpen", "gemeente"),
])
def test_clientondersteuning_names_who_provides_it(chat, message, organisation):
    c = chat()
    c.say(message)
    assert c.state["organisation"] == organisation
    assert "gratis" in c.all_text and "onafhankelijk" in c.all_text


def test_a_mantelzorger_acting_for_a_parent_hears_about_the_machtiging(chat):
    c = chat()
    c.say("mijn moeder heeft dementie, mag ik voor haar de papieren regelen en tekenen?")
    assert c.state["asking_for"] == "relative"
    assert "machtiging" in c.all_text and "volmacht" in c.all_text


def test_a_wlz_client_on_a_waiting_list_goes_to_the_zorgkantoor(chat):
    c = chat()
    c.say("mijn man heeft al een wlz-indicatie, maar er is nergens plek in een verpleeghuis. wat nu?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgkantoor")
    assert "zorgplicht" in c.all_text


@pytest.mark.parametrize(("message", "organisation"), [
    ("ik kan mezelf niet meer douchen en aankleden, waar vraag ik hulp", "zorgverzekeraar"),
    ("ik zoek dagbesteding voor mijn man, hij heeft beginnende dementie", "gemeente"),
])
def test_applications_go_where_that_care_is_decided(chat, message, organisation):
    c = chat()
    c.say(message)
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", organisation)


def test_care_stopping_tomorrow_is_urgent_not_a_suicide_crisis(chat):
    c = chat()
    c.say("morgen stopt de gemeente de thuiszorg van mijn moeder en zij kan echt niet alleen zijn, help")
    assert not re.search(r"\b(112|113)\b", c.all_text)
    assert "voorlopige voorziening" in c.all_text
    assert c.state["handoff"] == "waiting" and c.state["organisation"] == "gemeente"


def test_no_ingebrekestelling_against_an_insurer(chat):
    c = chat()
    c.say("mijn zorgverzekeraar beslist maar niet over mijn aanvraag voor een pgb, het duurt al maanden")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgverzekeraar")
    assert not re.search(r"ingebrekestelling|dwangsom", c.all_text, re.IGNORECASE)


def test_an_ingebrekestelling_8_weeks_after_a_bezwaar_is_premature(chat):
    c = chat()
    c.say("ik heb 8 weken geleden bezwaar gemaakt bij de gemeente en nog steeds geen beslissing, "
          "kan ik ze in gebreke stellen?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert "12 weken" in c.all_text and "nog geen zin" in c.all_text


def test_a_complaint_about_a_wmo_provider_is_not_sent_to_the_wkkgz_route(chat):
    c = chat()
    c.say("ik wil klagen over de huishoudelijke hulp, de thuiszorgorganisatie stuurt steeds niemand")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert not re.search(r"wkkgz|geschilleninstantie", c.all_text, re.IGNORECASE)
    assert "gemeente" in c.all_text


def test_the_advice_is_one_answer_with_one_question_last(chat):
    c = chat()
    replies = c.say("het CIZ heeft mijn aanvraag afgewezen, de brief is van 3 november, ik wil bezwaar maken")
    assert len(replies) <= 3
    advice = replies[0]["text"]
    assert advice.split("\n")[0].count("15 december 2026") == 1  # the last day is in the summary
    questions = [r for r in replies if r["text"].rstrip().endswith("?")]
    assert questions and questions[-1] is replies[-1] and replies[-1]["buttons"]


def test_care_stopping_by_a_dated_decision_gets_the_last_day_for_bezwaar(chat):
    c = chat()
    replies = c.say("Het zorgkantoor stopt per overmorgen met het pgb van mijn dochter. "
                    "De beslissing is van 12 november 2026. Wat nu?")
    said = " ".join(texts(replies))
    assert (c.state["route"], c.state["organisation"], c.state["handoff"]) == ("bezwaar", "zorgkantoor", "waiting")
    assert c.state["deadline"] == "2026-12-24" and "24 december 2026" in said
    assert "voorlopige voorziening" in said and "113" not in said


def test_the_day_care_stopped_is_not_taken_for_the_date_of_the_decision(chat):
    c = chat()
    c.say("De gemeente heeft vandaag mijn thuishulp stopgezet. Vanavond komt er niemand.")
    assert c.state["route"] == "bezwaar" and c.state["decision_date"] is None and c.state["deadline"] is None


def test_no_bezwaar_yet_is_not_a_decision_on_bezwaar(chat):
    c = chat()
    c.say("De gemeente stopt volgende week mijn begeleiding. De brief is gedateerd 3 weken geleden. "
          "Ik heb nog geen bezwaar gemaakt.")
    assert (c.state["organisation"], c.state["deadline"]) == ("gemeente", "2026-12-14")


def test_conduct_while_no_decision_exists_is_a_klacht_even_when_called_bezwaar(chat):
    c = chat()
    c.say("mijn vader kreeg bezoek van iemand van het ciz voor zijn indicatie. die man was heel onvriendelijk.")
    c.say("de uitslag is er nog niet. maar over hoe hij zich gedroeg wil ik bezwaar maken")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ciz")


def test_a_decision_and_rude_conduct_told_as_two_things_is_klacht_and_bezwaar(chat):
    c = chat()
    c.say("De gemeente heeft mijn traplift afgewezen, de beschikking is van 4 november 2026. "
          "De consulent zat tijdens het gesprek de hele tijd op zijn telefoon. Ik wil ze allebei aanpakken.")
    assert (c.state["route"], c.state["deadline"]) == ("klacht_en_bezwaar", "2026-12-16")


def test_letters_left_unanswered_are_a_first_klacht_not_one_for_the_ombudsman(chat):
    c = chat()
    c.say("Ik heb drie keer een brief naar het CAK gestuurd over een dubbele afschrijving. "
          "Ik heb niks teruggehoord. Er is geen besluit. Hoe dien ik een klacht in?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "cak")


def test_a_klacht_never_answered_goes_to_the_ombudsman_not_an_ingebrekestelling(chat):
    c = chat()
    c.say("In juni heb ik een klacht ingediend bij de SVB. Ik heb nooit antwoord gekregen. Het duurt nu al maanden.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")


@pytest.mark.parametrize(("message", "asking_for"), [
    ("Mijn rolstoel is afgewezen door de gemeente. Mijn vrouw vindt dat ook raar. De brief is van 10 november.", "self"),
    ("Ik ben de buurvrouw van meneer Jansen. Hij wil hulp in huis. Mag ik de aanvraag voor hem doen?", "relative"),
])
def test_whose_case_it_is_follows_the_words_not_any_relative_named(chat, message, asking_for):
    c = chat()
    replies = c.say(message)
    assert c.state["asking_for"] == asking_for
    if asking_for == "relative":
        assert "machtiging" in " ".join(texts(replies)) and "uw buurvrouw" not in " ".join(texts(replies))


def test_asking_for_a_person_with_a_dated_decision_still_hears_the_last_day(chat):
    c = chat()
    replies = c.say("Ik heb een beschikking van de SVB van 16 oktober 2026 en ik ben het er niet mee eens. "
                    "Ik wil liever een medewerker spreken.")
    assert (c.state["route"], c.state["organisation"], c.state["handoff"]) == ("bezwaar", "svb", "waiting")
    assert c.state["deadline"] == "2026-11-27" and "27 november 2026" in " ".join(texts(replies))


def test_a_corrected_letter_date_replaces_the_first(chat):
    c = chat()
    c.say("het zorgkantoor heeft mijn pgb verlaagd, brief van 20 oktober")
    c.say("Nee sorry, die van 20 oktober was de uitnodiging. Het besluit zelf is gedateerd 27 oktober 2026.")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-10-27", "2026-12-08")


def test_a_day_of_last_month_is_last_months(chat):
    c = chat()
    c.say("de gemeente heeft mijn begeleiding verlaagd. de beschikking is van vorige maand de 20e. "
          "ik wil bezwaar maken")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-10-20", "2026-12-01")


def test_distress_without_danger_or_suicide_words_offers_a_person_and_keeps_the_case(chat):
    c = chat()
    c.say("de gemeente heeft de traplift voor mijn vader afgewezen, besluit van 2 november 2026")
    replies = c.say("ik weet het niet meer, ik huil alleen nog maar en niemand helpt ons")
    said = " ".join(texts(replies))
    assert "113" not in said and "112" not in said
    assert c.state["handoff"] in ("offered", "waiting")
    assert (c.state["route"], c.state["deadline"]) == ("bezwaar", "2026-12-14")


def test_a_call_back_number_in_the_request_itself_is_not_asked_again(chat):
    c = chat(staff_available=False)
    c.say("mijn vader heeft een besluit van de gemeente: zijn rolstoel is afgewezen. brief van 16 oktober 2026.")
    replies = c.say("kan iemand mij terugbellen? tel 020 - 555 12 34")
    assert "telefoonnummer of e-mailadres" not in " ".join(texts(replies))
    c.say("door de week na vijf uur")
    assert c.state["handoff"] == "callback"


def test_contact_and_time_in_one_answer_finish_the_call_back(chat):
    c = chat(staff_available=False)
    c.say("de gemeente stopt morgen de thuiszorg van mijn vrouw. ik kan haar niet alleen laten")
    c.say("bel me maar op 0031 6 1234 5678, vanavond na acht uur kan het")
    assert c.state["handoff"] == "callback"


def test_an_insurer_that_does_not_answer_an_application_gets_a_klacht_not_an_ingebrekestelling(chat):
    c = chat()
    c.say("In september heb ik bij mijn zorgverzekeraar een pgb aangevraagd voor wijkverpleging. "
          "Ik heb twee keer gemaild maar krijg geen antwoord. Wat kan ik doen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgverzekeraar")


def test_never_having_applied_is_an_application_not_a_late_decision(chat):
    c = chat()
    c.say("ik heb reuma en wil een rolstoel. waar vraag ik die aan")
    c.say("ik heb nog nooit iets aangevraagd, ook geen indicatie")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "gemeente")


def test_asking_to_arrange_it_for_a_parent_keeps_the_bezwaar(chat):
    c = chat()
    c.say("mn moeder heeft een brief van t cak gehad, haar eigen bijdrage gaat omhoog. klopt gwn niet")
    c.say("brief is van 18 november 2026")
    c.say("mag ik dat voor haar regelen?")
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "cak", "2026-12-30")
    assert c.state["asking_for"] == "relative"


@pytest.mark.parametrize(("message", "organisation"), [
    ("sinds september heb ik een indicatie voor de Wet langdurige zorg. ik wil mijn zorg inkopen met een pgb. "
     "moet ik dat bij het CIZ aanvragen?", "zorgkantoor"),
    ("ik kom net uit het ziekenhuis. douchen en aankleden lukt me niet alleen. moet ik naar het wmo-loket?",
     "zorgverzekeraar"),
])
def test_applications_follow_the_kind_of_care_not_the_desk_the_citizen_names(chat, message, organisation):
    c = chat()
    c.say(message)
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", organisation)


def test_a_stroke_in_the_past_is_not_an_emergency(chat):
    c = chat()
    replies = c.say("mijn man had in april een hersenbloeding. hij kan niet meer alleen zijn en heeft permanent "
                    "toezicht nodig. waar vraag ik een verpleeghuis aan?")
    said = " ".join(texts(replies))
    assert "112" not in said and c.state["handoff"] == "none"
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "ciz")


def test_a_person_asked_for_with_a_case_and_nobody_online_hears_the_key_facts_before_the_call_back(chat):
    c = chat(staff_available=False)
    replies = c.say("kan ik iemand spreken over het bezwaar dat ik wil maken tegen het zorgkantoor voor mijn man")
    said = " ".join(texts(replies))
    assert "bezwaar" in said and "zorgkantoor" in said and "6 weken" in said
    assert said.index("6 weken") < said.index("telefoonnummer")  # the facts first, then the call-back question
    assert (c.state["route"], c.state["organisation"], c.state["asking_for"]) == ("bezwaar", "zorgkantoor", "relative")


def test_sent_back_and_forth_with_a_klacht_named_gets_the_klacht_route_and_a_person_offered(chat):
    c = chat()
    replies = c.say("het wijkteam stuurt me door naar de zorgverzekeraar en die weer terug, al weken. "
                    "ik wil een klacht indienen tegen de gemeente hierover")
    assert (c.state["route"], c.state["organisation"], c.state["handoff"]) == ("klacht", "gemeente", "offered")
    assert "klacht" in " ".join(texts(replies))


def test_hours_cut_in_numbers_with_rude_conduct_and_both_named_is_klacht_en_bezwaar(chat):
    c = chat()
    c.say("ze hebben mijn huishoudelijke hulp van 5 naar 3 uur gebracht, besluit van 9 november, veel te weinig. "
          "en de consulent keek de hele tijd naar haar scherm en liet me niet uitpraten. ik wil tegen allebei wat doen")
    assert (c.state["route"], c.state["decision_date"], c.state["deadline"]) == \
        ("klacht_en_bezwaar", "2026-11-09", "2026-12-21")


def test_correcting_the_organisation_after_the_advice_gives_the_advice_for_the_right_one(chat):
    c = chat()
    c.say("ik wil een klacht indienen over het zorgkantoor, ze hebben mijn papieren twee keer kwijtgemaakt")
    assert c.state["organisation"] == "zorgkantoor"
    replies = c.say("nee sorry ik vergis me, het was niet het zorgkantoor maar het CAK")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "cak")
    assert "het CAK" in " ".join(texts(replies))


def test_a_parent_asking_about_support_for_their_child_asks_for_a_relative(chat):
    c = chat()
    c.say("ik ben moeder van een dochter van 9 met autisme. bestaat er gratis onafhankelijke hulp "
          "voor het gesprek met het jeugdteam?")
    assert (c.state["organisation"], c.state["asking_for"]) == ("gemeente", "relative")


def test_a_story_with_a_first_decision_and_a_decision_on_bezwaar_counts_from_the_latest_letter(chat):
    c = chat()
    c.say("in april kreeg ik een besluit van de gemeente van 14 april over minder begeleiding. ik heb toen bezwaar "
          "gemaakt en was bij de hoorzitting. nu is de beslissing op bezwaar er, met datum 30 oktober, bij mij "
          "bezorgd op 4 november. ze blijven bij hun besluit. wat moet ik doen?")
    assert (c.state["organisation"], c.state["decision_date"], c.state["deadline"]) == \
        ("rechtbank", "2026-10-30", "2026-12-11")
    assert c.state["handoff"] == "none"  # the first letter's long-passed term is not this case's


def test_an_expression_of_anger_about_a_decision_is_no_danger(chat):
    c = chat()
    replies = c.say("dat slaat helemaal nergens op! de gemeente heeft mijn pgb afgewezen, brief van 12 november")
    said = " ".join(texts(replies))
    assert "112" not in said and c.state["handoff"] != "waiting"
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "gemeente", "2026-12-24")


def test_applied_long_ago_and_no_klacht_wanted_is_an_ingebrekestelling(chat):
    c = chat()
    replies = c.say("in april heb ik het aanvraagformulier voor een traplift bij de gemeente ingevuld en opgestuurd. "
                    "tot vandaag nooit een beslissing. de mensen zijn aardig, ik wil geen klacht indienen, "
                    "ik wil alleen dat ze eindelijk beslissen")
    assert (c.state["route"], c.state["organisation"]) == ("ingebrekestelling", "gemeente")
    assert "ingebrekestelling" in " ".join(texts(replies))


def test_a_later_message_without_conduct_does_not_add_a_klacht(chat):
    c = chat()
    c.say("ik wil bezwaar maken tegen de beschikking van het CIZ")
    c.say("ik heb die brief niet meer, geen idee van de datum")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "ciz")


def test_a_letter_of_another_organisation_makes_it_the_case_of_the_bezwaar(chat):
    c = chat()
    c.say("het zorgkantoor stuurt me naar de gemeente en de gemeente weer naar het zorgkantoor")
    c.say("nu heb ik een brief van de gemeente van 5 november: mijn begeleiding is afgewezen. daar wil ik tegenin")
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "gemeente", "2026-12-17")


def test_an_eigen_bijdrage_that_is_too_high_is_a_bezwaar_at_the_cak(chat):
    c = chat()
    c.say("mijn eigen bijdrage voor de wmo klopt van geen kant, de beschikking is van 13 november")
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "cak", "2026-12-28")


def test_contact_details_for_a_call_back_do_not_make_a_case(chat):
    c = chat(staff_available=False)
    c.say("ik wil gewoon met iemand praten, niet met een computer")
    c.say("stuur maar een mailtje naar test.persoon@example.org, donderdagochtend is prima")
    assert c.state["route"] is None and c.state["handoff"] == "callback"

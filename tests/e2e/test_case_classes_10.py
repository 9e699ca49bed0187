"""Classes of unseen questions found by the tenth blind held-out set, over the real stack.

The sentences are the team's own (never copied from evaluation/heldout*/). 'Today' is Monday
23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack


def test_the_date_put_on_the_letter_counts_when_its_arrival_is_told_after_it(chat):
    c = chat()
    replies = c.say("De gemeente heeft mijn dagbesteding afgewezen. Het besluit is gedateerd maandag 9 november 2026 "
                    "en kwam pas een week later bij ons binnen. Ik ben het er niet mee eens.")
    assert (c.state["route"], c.state["decision_date"], c.state["deadline"]) == ("bezwaar", "2026-11-09", "2026-12-21")
    assert "21 december 2026" in said(replies)


def test_disagreeing_with_how_a_klacht_was_answered_goes_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("Mijn klacht over een onbeschofte consulent van het CAK is beantwoord met een brief van 2 juni. "
                    "Daar ben ik het nog altijd niet mee eens. Waar kan ik nu heen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert c.state["decision_date"] is None
    assert "Nationale ombudsman" in said(replies)


def test_a_klacht_unanswered_past_the_longest_term_goes_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("Op 1 juli heb ik een klacht ingediend bij het CIZ over een beoordelaar die niet luisterde. "
                    "Het ging naar de klachtencommissie en sindsdien niets. Hoe lang mogen ze erover doen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "10 weken" in said(replies)


def test_money_granted_but_not_paid_is_a_klacht_even_when_called_bezwaar(chat):
    c = chat()
    replies = c.say("De gemeente heeft in mei een bijdrage voor mijn rolstoelbus toegekend, daar waren we blij mee. "
                    "Maar ze betalen maar niet, en op mijn mails krijg ik geen antwoord. Ik wil bezwaar maken.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "gemeente")
    assert c.state["deadline"] is None
    assert "klacht" in said(replies)


def test_a_disputed_decision_and_being_laughed_at_are_both(chat):
    c = chat()
    replies = c.say("Het zorgkantoor heeft mijn pgb verlaagd, de brief is van 12 november 2026. Aan de telefoon zat "
                    "de medewerker met een collega om mij te lachen. Het besluit klopt niet en zo mag je niet "
                    "behandeld worden.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht_en_bezwaar", "zorgkantoor")
    assert c.state["deadline"] == "2026-12-24"
    text = said(replies)
    assert "klacht" in text and "bezwaar" in text


def test_silence_after_a_bezwaar_was_confirmed_is_waiting_for_a_decision(chat):
    c = chat()
    c.say("In maart heb ik bezwaar gemaakt bij de gemeente tegen het stoppen van mijn begeleiding. "
          "Ik kreeg een ontvangstbevestiging en daarna bleef het stil. Wat kan ik doen?")
    assert c.state["route"] == "ingebrekestelling"


def test_stairs_no_longer_possible_and_sent_back_and_forth_is_an_application_at_the_gemeente(chat):
    c = chat()
    c.say("na mijn beroerte kan ik de trap niet meer op. de gemeente zegt dat de verzekeraar een traplift moet "
          "betalen en de verzekeraar stuurt me terug naar de gemeente. wie betaalt dit nou?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "gemeente")


def test_a_relative_who_only_told_the_citizen_something_is_not_whom_the_case_is_about(chat):
    c = chat()
    c.say("Mijn bezwaar over de vervoersvoorziening is afgewezen, de beslissing op bezwaar is van 12 november 2026. "
          "Dat ik daarna naar de rechter kan, wist ik pas via mijn zus. Wat moet ik doen?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "rechtbank")
    assert c.state["asking_for"] == "self"


def test_a_relative_who_died_is_not_whom_the_case_is_about(chat):
    c = chat()
    c.say("ik krijg hulp bij het huishouden via de wmo van een thuiszorgbedrijf. de hulp liet de klok van mijn man "
          "zaliger vallen en werd grof toen ik er iets van zei. waar kan ik klagen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert c.state["asking_for"] == "self"


def test_care_in_a_verpleeghuis_follows_the_wkkgz_even_about_a_wheelchair(chat):
    c = chat()
    replies = c.say("Mijn vader woont in een verpleeghuis met Wlz-zorg. Ze zetten hem bijna nooit meer in zijn "
                    "rolstoel omdat er te weinig personeel is. Ik wil daarover een klacht indienen.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert "klachtenfunctionaris" in said(replies)


def test_the_bare_word_klacht_is_no_klacht_made_already(chat):
    c = chat()
    c.say("klacht")
    c.say("over het cak")
    c.say("ze nemen nooit de telefoon op")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "cak")


def test_a_time_to_call_back_does_not_replace_the_date_of_the_letter(chat):
    c = chat(staff_available=False)
    c.say("De gemeente heeft mijn traplift afgewezen, brief van dinsdag 3 november 2026. De consulent kwam twee keer "
          "niet opdagen. Ik ben het niet eens met de afwijzing en ik vind ook dat ik slecht behandeld ben.")
    c.say("Kan ik iemand spreken?")
    c.say("U kunt mij bellen op 06-12345678, het liefst woensdag na 14 uur.")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-11-03", "2026-12-15")


def test_a_klacht_judged_ungrounded_and_disputed_goes_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("Ik had in augustus een klacht ingediend bij het CAK over een medewerker die mij uitschold. "
                    "Begin oktober kreeg ik bericht: klacht ongegrond. Daar ben ik het helemaal niet mee eens.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "Nationale ombudsman" in said(replies)


def test_a_klacht_about_a_wlz_woonvorm_goes_to_the_provider(chat):
    c = chat()
    replies = c.say("Mijn zus woont in een Wlz-woonvorm en zit daar door personeelstekort vaak de hele dag alleen "
                    "op haar kamer. Ik wil een klacht indienen. Bij wie moet dat?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert "klachtenfunctionaris" in said(replies)


def test_a_friend_counts_as_someone_the_citizen_asks_for(chat):
    c = chat()
    c.say("Mijn vriendin heeft MS en de gemeente heeft haar huishoudelijke hulp verlaagd, de beschikking is van "
          "10 november 2026. Ik ben het daar niet mee eens.")
    assert (c.state["route"], c.state["asking_for"]) == ("bezwaar", "relative")


def test_a_bewindvoerder_acts_for_a_client_without_a_machtiging(chat):
    c = chat()
    replies = c.say("Ik ben beschermingsbewindvoerder van een meneer in een verpleeghuis. Het CAK heeft zijn eigen "
                    "bijdrage verhoogd, de beschikking is van 9 november 2026, en dat bedrag klopt niet.")
    assert (c.state["route"], c.state["organisation"], c.state["asking_for"]) == ("bezwaar", "cak", "relative")
    assert "bewindvoerder" in said(replies)


def test_care_that_may_not_be_visited_from_tomorrow_is_urgent(chat):
    c = chat()
    replies = c.say("de gemeente heeft de verlenging van de dagbesteding van mijn vader geweigerd, beschikking van "
                    "5 november 2026. vanaf morgen mag hij er niet meer heen. wat nu?")
    assert c.state["handoff"] == "waiting"
    text = said(replies)
    assert "voorlopige voorziening" in text
    assert "112" not in text and "113" not in text


def test_a_partner_who_hits_the_citizen_does_not_make_it_his_case(chat):
    c = chat()
    c.say("mijn vriend slaat me als hij boos is")
    assert c.state["asking_for"] is None

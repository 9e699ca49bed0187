"""Classes of unseen questions found by the ninth blind held-out set, over the real stack.

The sentences are the team's own (never copied from evaluation/heldout*/). 'Today' is Monday
23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack


def test_a_klacht_about_hours_that_were_cut_is_a_bezwaar(chat):
    c = chat()
    replies = c.say("ik wil een klacht want de gemeente heeft mijn begeleiding gekort van 6 naar 3 uur, hoe moet dat nu")
    assert c.state["route"] == "bezwaar"
    assert "bezwaar" in said(replies)


def test_naming_a_klacht_in_one_sentence_and_a_refusal_in_the_next_is_a_bezwaar_only(chat):
    c = chat()
    c.say("Ik wil een klacht indienen over de gemeente. Mijn aanvraag voor een traplift is afgewezen. "
          "De brief is gedateerd 9 november 2026. Dat vind ik niet eerlijk.")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert c.state["deadline"] == "2026-12-21"


def test_the_day_a_letter_was_taken_from_the_letterbox_is_asked_back(chat):
    c = chat()
    c.say("het CAK heeft mijn eigen bijdrage verhoogd en daar ben ik het niet mee eens")
    c.say("ik heb die brief op dinsdag 17 november uit de brievenbus gehaald")
    assert c.state["decision_date"] is None
    assert c.state["deadline"] is None


def test_a_bezwaar_refused_with_words_in_between_leads_to_the_rechtbank(chat):
    c = chat()
    replies = c.say("de svb heeft mijn bezwaar tegen de terugvordering van het pgb afgewezen, brief van 5 november. "
                    "kan ik nog een keer bezwaar maken?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "rechtbank")
    assert "rechtbank" in said(replies)


def test_a_bezwaar_that_turns_out_to_be_about_not_calling_back_is_a_klacht(chat):
    c = chat()
    c.say("ik wil bezwaar maken tegen het CAK")
    replies = c.say("ik heb twee keer gemaild over een rekening en ze zouden terugbellen, maar niemand belt ooit terug")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "cak")
    assert "klacht" in said(replies)


def test_a_refused_verpleeghuis_does_not_make_help_with_washing_a_wlz_application(chat):
    c = chat()
    c.say("mijn moeder kan zich sinds haar heupbreuk niet meer zelf wassen. ze wil absoluut geen verpleeghuis. "
          "hoe krijg ik iemand die haar elke ochtend helpt?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgverzekeraar")


def test_the_day_care_stops_is_no_letter_date(chat):
    c = chat()
    c.say("mijn vader kreeg een brief van de gemeente dat zijn huishoudelijke hulp stopt per 1 januari")
    c.say("de brief is van 5 november")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-11-05", "2026-12-17")
    assert c.state["handoff"] == "none"


def test_an_eviction_the_landlord_threatens_is_urgent_without_emergency_numbers(chat):
    c = chat()
    replies = c.say("de gemeente stopt mijn uitkering, brief van 16 november. ik kan de huur niet meer betalen "
                    "en de verhuurder dreigt met uitzetting")
    text = said(replies)
    assert c.state["handoff"] == "waiting"
    assert "voorlopige voorziening" in text
    assert "112" not in text and "113" not in text


def test_sent_around_about_care_still_needed_is_an_application_where_it_belongs(chat):
    c = chat()
    replies = c.say("mijn man kan na zijn operatie niet meer zelf douchen. de gemeente stuurt me naar de "
                    "zorgverzekeraar en de zorgverzekeraar stuurt me terug naar de gemeente. wie moet dit regelen?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgverzekeraar")
    assert c.state["handoff"] == "offered"
    assert "wijkverpleg" in said(replies)


def test_thoughts_of_suicide_after_care_was_stopped_keep_the_bezwaar_at_the_gemeente(chat):
    c = chat()
    replies = c.say("de gemeente heeft mijn dagbesteding gestopt. daar zag ik nog mensen. "
                    "nu wil ik eigenlijk niet meer leven")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert c.state["handoff"] == "waiting"
    assert "113" in said(replies)


def test_conduct_of_a_providers_worker_after_a_wmo_introduction_goes_to_the_provider(chat):
    c = chat()
    c.say("ik regel dingen voor mijn tante, zij krijgt huishoudelijke hulp via de wmo van een thuiszorgbedrijf")
    c.say("die hulp komt steeds te laat en praat de hele tijd door de telefoon. mag ik voor haar klagen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert c.state["asking_for"] == "relative"


def test_a_bezwaar_told_in_a_few_words_over_several_messages(chat):
    c = chat()
    c.say("ik ben curator van mijn broer")
    c.say("het ciz")
    c.say("indicatie te laag")
    replies = c.say("brief van 2 november")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "ciz")
    assert c.state["deadline"] == "2026-12-14"
    assert "14 december 2026" in said(replies)


def test_the_date_at_the_end_of_a_very_long_story_is_read(chat):
    c = chat()
    story = ("Ik woon sinds twintig jaar in dezelfde flat en heb reuma in mijn handen en knieën. " * 12
             + "Nu heeft de gemeente mijn huishoudelijke hulp verlaagd van vier naar twee uur. "
               "De brief is van 12 november. Wat kan ik doen?")
    assert len(story) > 1000
    c.say(story)
    assert (c.state["route"], c.state["decision_date"], c.state["deadline"]) == ("bezwaar", "2026-11-12", "2026-12-24")


def test_disagreeing_with_how_a_klacht_was_handled_goes_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("In juni heb ik een klacht ingediend bij de gemeente over een consulent die mijn papieren kwijtraakte. "
                    "Vorige week kreeg ik antwoord: mijn klacht is ongegrond. Ik ben het niet eens met de manier waarop "
                    "ze mijn klacht hebben behandeld. Waar kan ik nu heen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "ombudsman" in said(replies)

"""Classes of English questions the English held-out set found (issue 13), over the real stack.

The sentences are the team's own (never copied from evaluation/heldout*/). 'Today' is Monday
23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack


def test_a_wmo_provider_told_in_english_gets_its_own_complaint_route(chat):
    c = chat(locale="en")
    c.say("The cleaning company the wmo sends me is a mess. The cleaner comes late or not at all, and last "
          "time she left my kitchen window open. Where do I complain about this company?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert "Wkkgz" not in c.all_text


def test_a_rough_district_nurse_is_a_complaint_not_an_objection(chat):
    c = chat(locale="en")
    replies = c.say("The wijkverpleging nurse who washes me is very rough and she told me I complain too much. "
                    "I want to file a complaint with her organisation.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")
    assert "complaint" in said(replies)


def test_a_raised_voice_and_fewer_hours_are_both(chat):
    c = chat(locale="en")
    replies = c.say("At the talk about my support the consultant raised her voice at me. Then the gemeente sent "
                    "the decision: my begeleiding goes from 5 to 2 hours. The letter is dated 18 November 2026. "
                    "I do not accept the 2 hours.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht_en_bezwaar", "gemeente")
    assert c.state["deadline"] == "2026-12-30"
    assert "complaint" in said(replies) and "objection" in said(replies)


def test_a_complaint_about_a_lower_care_profile_with_a_dated_letter_is_an_objection(chat):
    c = chat(locale="en")
    replies = c.say("I want to complain about the CIZ. My mother got a lower care profile than she needs. "
                    "The letter from the CIZ is from 16 November.")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "ciz")
    assert c.state["deadline"] == "2026-12-28"
    assert "28 December 2026" in said(replies)


def test_a_complaint_still_within_its_term_stays_with_the_organisation(chat):
    c = chat(locale="en")
    replies = c.say("Two weeks ago I sent the SVB a complaint, they pay my mother's carers too late every month. "
                    "How long is the SVB allowed to take to answer it?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "svb")
    assert "6 weeks" in said(replies)


def test_exhaustion_of_a_carer_offers_a_person_without_emergency_numbers(chat):
    c = chat(locale="en")
    replies = c.say("My wife has a Wlz indicatie and has been on the waiting list for a nursing home since "
                    "summer. I'm exhausted, I can't keep doing this alone any longer. Who can help us?")
    assert c.state["organisation"] == "zorgkantoor"
    assert c.state["handoff"] == "offered"
    assert "113" not in said(replies) and "112" not in said(replies)


def test_a_wlz_pgb_after_the_indicatie_goes_to_the_zorgkantoor(chat):
    c = chat(locale="en")
    c.say("My daughter got her Wlz indicatie last month. We want to arrange her care with a personal budget. "
          "Where do we ask for that?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgkantoor")


def test_a_day_told_after_the_letter_arrived_is_no_letter_date(chat):
    c = chat(locale="en")
    c.say("The gemeente sent a letter that my day care stops and today the driver said tomorrow is the last "
          "ride. The letter came last week but I lost it. What can I do before tomorrow?")
    assert c.state["decision_date"] is None
    assert c.state["route"] == "bezwaar"


def test_a_complaint_against_a_dated_refusal_is_an_objection(chat):
    c = chat(locale="en")
    replies = c.say("i want to make a complaint about the CIZ. they decided my dad does not get a Wlz indicatie. "
                    "the letter is dated 11 november 2026. how can they say that?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "ciz")
    assert c.state["deadline"] == "2026-12-23"
    assert "objection" in said(replies)


def test_a_rejected_bezwaar_named_in_english_leads_to_the_court(chat):
    c = chat(locale="en")
    replies = c.say("The municipality rejected my bezwaar about my wheelchair. The decision on the bezwaar is dated "
                    "17 November 2026. What now?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "rechtbank")
    assert "court" in said(replies) and "29 December 2026" in said(replies)


def test_a_granted_wlz_indicatie_and_care_at_home_go_to_the_zorgkantoor(chat):
    c = chat(locale="en")
    c.say("my father just got his wlz indicatie. he does not want to move into a home, he wants care in his own "
          "house. who do we talk to now to arrange that?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgkantoor")


def test_a_berichtenbox_message_counts_from_the_day_it_was_placed(chat):
    c = chat(locale="en")
    replies = c.say("the svb put a decision in my berichtenbox on friday 30 october, they will not pay my carer. "
                    "i only opened it on 4 november. i think they are wrong, until when can i object?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "svb")
    assert c.state["decision_date"] == "2026-10-30"
    assert "11 December 2026" in said(replies)


def test_the_day_a_letter_reached_us_is_asked_back_not_counted(chat):
    c = chat(locale="en")
    first = c.say("The zorgkantoor lowers my son's pgb from January. The letter reached us on Thursday 12 November. "
                  "We don't agree. What is our last day?")
    assert c.state["deadline"] is None
    assert "24 December 2026" not in said(first)  # 6 weeks from the day it arrived
    second = c.say("The date at the top of the letter is 10 November 2026.")
    assert c.state["deadline"] == "2026-12-22"
    assert "22 December 2026" in said(second)


def test_a_question_for_independent_help_before_the_wlz_goes_to_the_gemeente(chat):
    c = chat(locale="en")
    replies = c.say("My daughter will need care day and night and we must apply to the CIZ for the Wlz. The forms "
                    "scare us. Is there someone independent who can help us with the application?")
    assert c.state["organisation"] == "gemeente"
    assert "client support" in said(replies)


def test_a_volmacht_a_mantelzorger_names_is_answered_before_the_date(chat):
    c = chat(locale="en")
    replies = c.say("The gemeente cuts my mother's household help and we want to object. She has dementia now. "
                    "Years ago she gave me a power of attorney at the notary. Can I sign the objection for her? "
                    "I don't have the letter with me.")
    assert c.state["route"] == "bezwaar" and c.state["asking_for"] == "relative"
    assert "power of attorney" in said(replies)


def test_a_pgb_the_zorgkantoor_withholds_is_a_bezwaar_not_an_application(chat):
    c = chat()
    c.say("Mijn moeder heeft een Wlz-indicatie. Het zorgkantoor geeft haar geen pgb, alleen zorg in natura. "
          "Daar zijn we het niet mee eens. Wat kunnen we doen?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "zorgkantoor")


def test_conduct_at_a_visit_with_a_dated_decision_letter_stays_a_complaint(chat):
    c = chat(locale="en")
    c.say("I want to complain about how the assessor treated my mother at the visit. The decision letter is "
          "from 3 November, the decision itself is fine.")
    assert c.state["route"] == "klacht"


"""The bot offers a sample letter only when one fits the case (issue 12), over the real stack.

'Today' is Monday 23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack

LETTER = "/open_letter"


def payloads(replies: list[dict]) -> list[str]:
    return [button["payload"] for reply in replies for button in reply["buttons"]]


def test_after_bezwaar_advice_the_citizen_can_make_a_letter(chat):
    c = chat()
    replies = c.say("Ik ben het niet eens met de beslissing van de gemeente over mijn huishoudelijke hulp. "
                    "De brief is van 16 november 2026.")
    if c.state["deadline"] is None:  # the bot may ask the date first
        replies = c.say("16 november 2026")
    assert c.state["route"] == "bezwaar"
    assert LETTER in payloads(replies)
    assert replies[-1]["buttons"], "the letter is offered with the last question, not in the middle"


def test_a_klacht_about_an_insurer_gets_a_klachtbrief_offer(chat):
    c = chat()
    replies = c.say("De zorgverzekeraar neemt al weken de telefoon niet op en beantwoordt mijn mails niet. "
                    "Ik wil daarover klagen.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgverzekeraar")
    assert LETTER in payloads(replies)


def test_an_application_gets_no_letter_offer(chat):
    c = chat()
    replies = c.say("Ik heb hulp nodig bij het schoonmaken van mijn huis. Hoe vraag ik dat aan?")
    assert c.state["route"] == "aanvraag"
    assert LETTER not in payloads(replies)


def test_asked_what_goes_in_the_letter_the_bot_offers_to_draft_it(chat):
    c = chat()
    c.say("Het CIZ heeft mijn Wlz-indicatie afgewezen. De brief is van 10 november 2026. "
          "Daar ben ik het niet mee eens.")
    assert c.state["route"] == "bezwaar"
    replies = c.say("Wat moet ik in mijn bezwaarschrift zetten?")
    assert "bezwaar" in said(replies).lower()
    assert LETTER in payloads(replies)
    assert c.state["route"] == "bezwaar"


def test_a_letter_question_before_any_case_gets_no_letter_offer(chat):
    c = chat()
    replies = c.say("Wat moet er in een bezwaarschrift staan?")
    assert LETTER not in payloads(replies)

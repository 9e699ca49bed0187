"""Who answers has one store (issue 11): a staff member who claims the chat while the bot is still
working on the citizen's message has it from then on. The bot's late answer cannot undo the claim,
the citizen's next message goes to staff and never to the bot, and after a hand-back the bot
answers again. The widget, the transcript and the console show the same state throughout."""
from __future__ import annotations

import threading
import time

import pytest

from .conftest import BEZWAAR

pytestmark = [pytest.mark.stack, pytest.mark.postgres]


def seen_by_all(c, staff) -> set[str]:
    """`state.handoff` as the widget's /updates, the transcript and the staff console show it."""
    polled = c.client.get(f"/api/conversations/{c.id}/updates").json()["state"]["handoff"]
    console = staff.get(f"/staff/api/conversations/{c.id}").json()["handoff"]
    return {polled, c.transcript()["state"]["handoff"], console}


def test_a_claim_while_the_bot_is_still_answering_holds(faults, citizen, staff):
    c = citizen()
    c.say(BEZWAAR)
    c.say("ik wil graag met een medewerker spreken")
    assert c.state["handoff"] == "waiting"

    faults.pause("rasa")  # the bot's turn on the next message is under way until Rasa resumes
    answer = {}
    turn = threading.Thread(target=lambda: answer.update(response=c.send("hoe lang duurt het nog?")))
    turn.start()
    deadline = time.monotonic() + 10
    while "hoe lang duurt het nog?" not in [m["text"] for m in c.citizen_messages()]:
        assert time.monotonic() < deadline, "the message was not stored"
        time.sleep(0.1)
    claimed = staff.post(f"/staff/api/conversations/{c.id}/claim")
    assert claimed.status_code == 200, claimed.text
    faults.resume("rasa")
    turn.join(timeout=30)

    late = answer["response"]
    assert late.status_code == 200 and late.json()["state"]["handoff"] == "active"  # the late turn did not undo it
    assert seen_by_all(c, staff) == {"active"}
    bot_had = faults.user_texts(c.id)
    assert c.say("zijn jullie er nog?") == [] and c.state["handoff"] == "active"
    assert faults.user_texts(c.id) == bot_had  # it went to staff, never to the bot
    assert staff.get(f"/staff/api/conversations/{c.id}").json()["transcript"][-1]["text"] == "zijn jullie er nog?"

    assert staff.post(f"/staff/api/conversations/{c.id}/handback").status_code == 200
    assert seen_by_all(c, staff) == {"none"}
    assert c.say("wat is een pgb") != [] and c.state["handoff"] == "none"
    assert faults.user_texts(c.id)[-1] == "wat is een pgb"  # the bot answers again

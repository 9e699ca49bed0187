"""Who answers has one store, the API's (issue 11): the bot keeps no copy. After staff hands the
chat back, the bot knows at once that the citizen no longer waits, without anyone writing into
Rasa; and the widget's answer, /updates, the transcript and the console show the same state."""
from __future__ import annotations

import pytest

from .conftest import ask_for_a_person, updates

pytestmark = pytest.mark.stack

QUEUED = "Ik zet u door naar een medewerker."
ALREADY_WAITING = "U wacht al op een medewerker."


def seen_by_all(c, staff) -> set[str]:
    """`state.handoff` as /updates, the transcript and the staff console show it now."""
    transcript = c.client.get(f"/api/conversations/{c.id}").json()
    console = staff.get(f"/staff/api/conversations/{c.id}").json()
    return {updates(c.client, c.id)["state"]["handoff"], transcript["state"]["handoff"], console["handoff"]}


def test_after_a_hand_back_a_new_request_queues_the_citizen_again(chat, staff_client):
    c, staff = ask_for_a_person(chat), staff_client()
    assert seen_by_all(c, staff) == {"waiting"}
    again = [m["text"] for m in c.say("ik wil graag met een medewerker spreken")]
    assert any(t.startswith(ALREADY_WAITING) for t in again)  # the bot knows the citizen waits

    assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200
    assert c.say("hallo?") == [] and c.state["handoff"] == "active" and seen_by_all(c, staff) == {"active"}
    assert staff.post(f"/staff/api/conversations/{c.id}/handback").status_code == 200
    assert seen_by_all(c, staff) == {"none"}

    asked = [m["text"] for m in c.say("ik wil graag met een medewerker spreken")]
    assert any(t.startswith(QUEUED) for t in asked), asked  # not "U wacht al …": the bot was told
    assert not any(t.startswith(ALREADY_WAITING) for t in asked)
    assert c.state["handoff"] == "waiting" and seen_by_all(c, staff) == {"waiting"}
    assert c.id in [e["id"] for e in staff.get("/staff/api/queue").json()["queue"]]
    assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200

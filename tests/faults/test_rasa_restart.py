"""Rasa forgets nothing (issue 10, item 7): its trackers live in the API's database, and the API
never lets an empty tracker wipe what it already knows (a waiting citizen stays in the queue)."""
from __future__ import annotations

import psycopg
import pytest

from .conftest import BEZWAAR, queue_ids

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

CASE = {"route": "bezwaar", "organisation": "gemeente", "decision_date": "2026-11-13", "deadline": "2026-12-28",
        "asking_for": "self"}
ALREADY_WAITING = "U wacht al op een medewerker. Blijf in dit venster."


def asks_again(c) -> list[str]:
    return [m["text"] for m in c.say("ik wil graag met een medewerker spreken")]


def test_a_waiting_citizen_is_still_waiting_after_rasa_restarts(faults, citizen, staff):
    c = citizen()
    c.say(BEZWAAR)
    c.say("ik wil graag met een medewerker spreken")
    assert c.state == {**CASE, "handoff": "waiting"}
    assert c.id in queue_ids(staff)

    faults.restart("rasa")

    c.say("hoe lang duurt het nog?")
    assert c.state == {**CASE, "handoff": "waiting"}  # the API's state
    assert c.id in queue_ids(staff)
    slots = faults.tracker(c.id)["slots"]  # and the bot's: it remembers the case
    assert (slots["route"], slots["deadline"]) == ("bezwaar", "2026-12-28")
    assert faults.user_texts(c.id) == [BEZWAAR, "ik wil graag met een medewerker spreken", "hoe lang duurt het nog?"]
    assert ALREADY_WAITING in asks_again(c)  # the bot knows the citizen waits: the API tells it


def test_an_empty_tracker_does_not_wipe_what_the_api_knows(faults, citizen, staff):
    """Should Rasa still lose a conversation (its table emptied, another tracker store), the API
    keeps the waiting citizen in the queue and the facts it had."""
    c = citizen()
    c.say(BEZWAAR)
    c.say("ik wil graag met een medewerker spreken")
    assert c.state == {**CASE, "handoff": "waiting"}
    with psycopg.connect(faults.database_url, autocommit=True) as connection:
        forgotten = connection.execute("DELETE FROM events WHERE sender_id = %s", (c.id,)).rowcount
    assert forgotten > 0

    c.say("hallo?")
    assert c.state == {**CASE, "handoff": "waiting"}
    assert c.id in queue_ids(staff)
    assert faults.tracker(c.id)["slots"]["deadline"] == "2026-12-28"  # the bot is told the facts again
    assert ALREADY_WAITING in asks_again(c)  # and who answers comes with every message
    assert c.state == {**CASE, "handoff": "waiting"}

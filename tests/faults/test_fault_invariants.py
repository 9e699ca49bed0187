"""The servers die in the middle of conversations (issue 10, "fault tests"): while citizens keep
chatting (one of them waiting for a person), the action server, Rasa and the API are each killed
and restarted, and Rasa hangs for longer than the API waits. Afterwards every citizen message is
stored exactly once and answered (or got a clear error), Rasa processed none twice, and every
citizen who waited for a person is still in the queue. evaluation/soak.py is the long version."""
from __future__ import annotations

import pytest

from evaluation.soak import run_soak

from .conftest import BEZWAAR, queue_ids

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

PLAN = ["kill actions", "kill rasa", "kill api", "hang rasa"]


def test_killing_each_server_mid_conversation_loses_nothing(faults, citizen, staff):
    waiting = citizen()
    waiting.say(BEZWAAR)
    waiting.say("ik wil graag met een medewerker spreken")
    assert waiting.state["handoff"] == "waiting"

    report = run_soak(faults.stack, faults.database_url, conversations=8, workers=4, seed=7,
                      fault_every_s=3, fault_plan=PLAN, down_s=(9, 10))
    print("\n".join(report.lines()))

    assert sum(report.faults.values()) == len(PLAN)
    assert report.sent > 0 and report.conversations >= 8
    assert report.lost == 0
    assert report.duplicates == 0 and report.stored == report.sent - report.clear_errors
    assert report.processed_twice == 0
    assert report.waiting_kept == report.waiting_seen
    assert waiting.id in queue_ids(staff)  # the login and the queue survived the API restart too
    assert waiting.transcript()["state"]["handoff"] == "waiting"

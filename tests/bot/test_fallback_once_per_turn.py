"""Rasa's fallback (action_not_understood) speaks only when nothing was said yet in the turn: after an
answer given in the same turn (a state no rule knows), it ends the turn instead of repeating "Sorry, dat
begrijp ik niet" and the offer of a person until Rasa's limit of ten predictions."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

SCRIPT = r"""
import json, sys
sys.path.insert(0, "bot")
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from actions.handoff import not_understood

def run(events):
    tracker = Tracker("t", {"fail_count": 1}, {"text": "iets vaags", "intent": {"name": "nlu_fallback"}}, events,
                      False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    out = not_understood(dispatcher, tracker)
    return {"messages": len(dispatcher.messages), "events": [e.get("event") + ":" + str(e.get("name", "")) for e in out]}

user = {"event": "user", "text": "iets vaags"}
bot = {"event": "bot", "text": "Daar weet ik geen goed antwoord op."}
print(json.dumps({"first": run([user]), "after_an_answer": run([user, bot]), "next_turn": run([user, bot, user])}))
"""


def results() -> dict:
    done = subprocess.run([str(RASA_PYTHON), "-W", "ignore", "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_fallback_speaks_once_and_then_ends_the_turn():
    found = results()
    assert found["first"]["messages"] >= 1  # "Sorry, dat begrijp ik niet goed" (and the offer on the 2nd fail)
    assert found["after_an_answer"] == {"messages": 0, "events": ["followup:action_listen"]}
    assert found["next_turn"]["messages"] >= 1  # a new message from the citizen is heard again

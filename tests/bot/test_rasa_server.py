"""scripts/rasa_server.py checks the action server's answers as Rasa does (a malformed answer is still
refused) with a validator built once instead of re-checking the schema on every answer."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

CHECK = """
import sys, time
sys.argv = ["rasa_server"]
import runpy
server = runpy.run_path("scripts/rasa_server.py", run_name="wegwijs_check")
from rasa.core.actions.action import RemoteAction
import jsonschema
action = RemoteAction("action_advice", None)
good = {"events": [{"event": "slot", "name": "route", "value": "bezwaar"}], "responses": [{"text": "Dit is een bezwaar."}]}
assert RemoteAction._validate_action_result is server["_validate_action_result"]
assert action._validate_action_result(good) is True
try:
    action._validate_action_result({"events": [{"event": "slot", "name": 5}], "responses": "niet goed"})
except jsonschema.ValidationError as error:
    assert "Failed to validate Action server response" in error.message
    print("refused")
"""


def test_a_good_action_answer_passes_and_a_malformed_one_is_refused():
    done = subprocess.run([str(RASA_PYTHON), "-W", "ignore", "-c", CHECK], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("refused")

"""Nothing is lost when the API restarts: a second API process against its own SQLite file is
killed and started again while a citizen waits, and again while staff has the chat."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from api.core.db import Database
from api.services import auth

from tests.conftest import Chat

from .conftest import PASSWORD, updates

pytestmark = pytest.mark.stack
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SecondApi:
    def __init__(self, stack, db_file: Path, log_file: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_file = log_file
        self.env = {**os.environ,
                    "DATABASE_URL": f"sqlite:///{db_file}",
                    "WEGWIJS_RASA_URL": f"http://127.0.0.1:{stack.rasa_port}",
                    "WEGWIJS_ACTION_SERVER_URL": f"http://127.0.0.1:{stack.action_port}",
                    "WEGWIJS_TODAY": "2026-11-23", "WEGWIJS_ALLOW_TEST_HEADERS": "1",
                    "WEGWIJS_STAFF_AVAILABILITY": "always", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                    "OMP_NUM_THREADS": "1"}
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = open(self.log_file, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_file.read_text()[-2000:]
            try:
                if httpx.get(f"{self.url}/staff/login", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError("second API did not start")

    def kill(self) -> None:
        """As a crash: SIGKILL, no clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


@pytest.fixture
def second_api(stack, tmp_path):
    api = SecondApi(stack, tmp_path / "restart.db", tmp_path / "api.log")
    api.start()
    yield api
    api.kill()


def test_a_waiting_citizen_survives_an_api_restart(second_api, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'restart.db'}")
    auth.create_user(db, "anna", PASSWORD, "staff", "Anna Jansen")
    db.engine.dispose()
    citizen = httpx.Client(base_url=second_api.url, timeout=60)
    staff = httpx.Client(base_url=second_api.url, timeout=60)
    try:
        c = Chat(citizen, staff_available=True)
        c.say("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
              "daar ben ik het niet mee eens")
        c.say("ik wil graag met een medewerker spreken")
        assert c.state["handoff"] == "waiting"
        assert staff.post("/staff/login", data={"username": "anna", "password": PASSWORD}).status_code == 303
        before = [e for e in staff.get("/staff/api/queue").json()["queue"] if e["id"] == c.id]
        assert len(before) == 1

        second_api.kill()
        second_api.start()

        # same login (server-side session), same queue entry with its history and summary
        after = [e for e in staff.get("/staff/api/queue").json()["queue"] if e["id"] == c.id]
        assert len(after) == 1
        assert after[0]["transcript"] == before[0]["transcript"]
        assert (after[0]["route"], after[0]["organisation"], after[0]["deadline"]) == ("bezwaar", "gemeente", "2026-12-28")
        assert after[0]["requested_at"] == before[0]["requested_at"]  # waiting time is kept
        assert updates(citizen, c.id)["status"]["text"] == "U wacht op een medewerker. Er wacht niemand voor u."

        assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200
        staff.post(f"/staff/api/conversations/{c.id}/messages", json={"text": "Ik ben Anna."})

        second_api.kill()
        second_api.start()

        # still claimed: the citizen's message goes to staff, not to the bot
        assert c.say("Dank u, Anna.") == [] and c.state["handoff"] == "active"
        news = updates(citizen, c.id)
        assert [m["text"] for m in news["messages"]] == ["U praat nu met Anna.", "Ik ben Anna."]
        assert news["status"]["text"] == "U praat nu met Anna."
        detail = staff.get(f"/staff/api/conversations/{c.id}").json()
        assert detail["mine"] is True and detail["transcript"][-1]["text"] == "Dank u, Anna."
        assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 409
    finally:
        citizen.close()
        staff.close()

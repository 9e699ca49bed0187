"""`make run` stops everything on SIGTERM and SIGHUP too (issue 10, item 11): `kill`, systemd,
a container stop or a closed terminal must not leave Rasa, the action server or the API running."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.stack
ROOT = Path(__file__).resolve().parents[2]
STOP_WITHIN_S = 30


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def pids_on(port: int) -> set[int]:
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout
    return {int(part.split("=")[1]) for part in out.replace(",", " ").split() if part.startswith("pid=")}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_stops_all_three_servers(signum, tmp_path):
    base = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 80 + (signum == signal.SIGHUP)
    ports = {"api": base, "rasa": base - 2995, "actions": base - 2945}
    assert not any(listening(p) for p in ports.values()), f"ports in use: {ports}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}", "PYTHONUNBUFFERED": "1",
           "WEGWIJS_INDEX_DIR": str(ROOT / "var" / "index")}
    command = [sys.executable, "scripts/stack.py", "run", "--api-port", str(ports["api"]),
               "--rasa-port", str(ports["rasa"]), "--action-port", str(ports["actions"])]
    run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(tmp_path / "run.log", "wb"),
                           stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 400
        while not all(listening(p) for p in ports.values()):
            assert run.poll() is None, (tmp_path / "run.log").read_text()
            assert time.monotonic() < deadline, f"not all of {ports} listening: {(tmp_path / 'run.log').read_text()}"
            time.sleep(1)

        run.send_signal(signum)

        deadline = time.monotonic() + STOP_WITHIN_S
        while any(listening(p) for p in ports.values()) and time.monotonic() < deadline:
            time.sleep(0.5)
        still = {name: port for name, port in ports.items() if listening(port)}
        assert not still, f"still running after {STOP_WITHIN_S}s: {still}"
        assert run.wait(timeout=10) is not None
    finally:
        for port in ports.values():  # whatever a failing test left behind
            for pid in pids_on(port):
                os.kill(pid, signal.SIGKILL)
        if run.poll() is None:
            run.kill()

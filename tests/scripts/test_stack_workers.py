"""`WEGWIJS_API_WORKERS=N make run` (issue 15): N API processes need REDIS_URL and PostgreSQL; without
them the stack stops before it starts anything, naming what is missing."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("given, missing", [
    ({}, ["REDIS_URL", "DATABASE_URL on PostgreSQL"]),
    ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, ["DATABASE_URL on PostgreSQL"]),
    ({"DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/postgres"}, ["REDIS_URL"]),
], ids=["neither", "sqlite", "no-redis"])
def test_several_workers_without_redis_or_postgresql_stop_with_a_clear_message(given, missing):
    base = int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 30
    ports = [base, base - 2995, base - 2945]
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(WEGWIJS_API_WORKERS="2", **given)
    run = subprocess.run([sys.executable, "scripts/stack.py", "run", "--api-port", str(ports[0]),
                          "--rasa-port", str(ports[1]), "--action-port", str(ports[2])],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "WEGWIJS_API_WORKERS=2 needs" in run.stderr and all(name in run.stderr for name in missing), run.stderr
    assert not any(listening(port) for port in ports)  # nothing was started

"""`make run` with several Rasa instances (scripts/stack.py, WEGWIJS_RASA_INSTANCES): it refuses to
start, naming what to set, where the instances could not share the conversations; the embedded
profile stays one Rasa with its locks in memory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stack import Stack  # tests/conftest.py puts scripts/ on sys.path

ROOT = Path(__file__).resolve().parents[2]
PORTS = ["--api-port", "8549", "--rasa-port", "5540", "--action-port", "5545"]


def run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    given = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "WEGWIJS_RASA_INSTANCES")}
    return subprocess.run([sys.executable, "scripts/stack.py", "run", *PORTS], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**given, "WEGWIJS_INSECURE_COOKIES": "1", **env})


@pytest.mark.parametrize("env, missing", [
    ({"REDIS_URL": "redis://127.0.0.1:6379/3"}, ["DATABASE_URL=postgresql://"]),
    ({"DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/wegwijs"}, ["REDIS_URL=redis://"]),
    ({}, ["DATABASE_URL=postgresql://", "REDIS_URL=redis://"]),
], ids=["sqlite", "no-redis", "neither"])
def test_several_rasa_instances_without_a_shared_database_and_redis_do_not_start(tmp_path, env, missing):
    done = run(tmp_path, WEGWIJS_RASA_INSTANCES="2", **env)
    assert done.returncode == 2
    assert "WEGWIJS_RASA_INSTANCES=2 needs" in done.stderr
    assert all(name in done.stderr for name in missing), done.stderr
    assert "Starting" not in done.stdout  # nothing was started


@pytest.mark.parametrize("value", ["0", "twee", "-1"])
def test_a_number_of_instances_that_is_not_a_number_is_refused(tmp_path, value):
    done = run(tmp_path, WEGWIJS_RASA_INSTANCES=value)
    assert done.returncode == 2 and f"WEGWIJS_RASA_INSTANCES must be a whole number, 1 or more (not '{value}')" \
        in done.stderr


def test_instances_whose_ports_would_overlap_are_refused(tmp_path):
    done = run(tmp_path, WEGWIJS_RASA_INSTANCES="6", REDIS_URL="redis://127.0.0.1:6379/3",
               DATABASE_URL="postgresql://postgres@127.0.0.1:5432/wegwijs")
    assert done.returncode == 2 and "would share ports" in done.stderr


def test_the_embedded_profile_is_one_rasa_with_its_locks_in_memory(monkeypatch):
    for name in ("DATABASE_URL", "REDIS_URL", "WEGWIJS_RASA_INSTANCES"):
        monkeypatch.delenv(name, raising=False)
    stack = Stack()
    env = stack.env()
    assert stack.rasa_instances == 1
    assert (env["WEGWIJS_LOCK_STORE_TYPE"], env["WEGWIJS_LOCK_STORE_URL"]) == ("in_memory", "")
    assert env["WEGWIJS_TRACKER_STORE_URL"] == f"sqlite:///{ROOT / 'var' / 'wegwijs.db'}"
    assert env["WEGWIJS_RASA_URLS"] == "http://127.0.0.1:5005"


def test_each_rasa_instance_calls_its_own_action_server_and_the_api_knows_them_all():
    stack = Stack(rasa_port=5520, action_port=5530, extra_env={
        "WEGWIJS_RASA_INSTANCES": "2", "DATABASE_URL": "postgresql+psycopg://postgres@db:5432/wegwijs",
        "REDIS_URL": "redis://redis:6379/0"})
    first, second = stack.env(0), stack.env(1)
    assert (first["WEGWIJS_ACTION_URL"], second["WEGWIJS_ACTION_URL"]) == (
        "http://127.0.0.1:5530/webhook", "http://127.0.0.1:5531/webhook")
    assert (first["WEGWIJS_RASA_URL"], second["WEGWIJS_RASA_URL"]) == ("http://127.0.0.1:5520", "http://127.0.0.1:5521")
    assert second["WEGWIJS_RASA_URLS"] == "http://127.0.0.1:5520,http://127.0.0.1:5521"
    assert second["WEGWIJS_ACTION_SERVER_URLS"] == "http://127.0.0.1:5530,http://127.0.0.1:5531"
    assert second["WEGWIJS_TRACKER_STORE_URL"] == "postgresql://postgres@db:5432/wegwijs"
    assert (second["WEGWIJS_LOCK_STORE_TYPE"], second["WEGWIJS_LOCK_STORE_URL"]) == (
        "redis_lock_store.AtomicRedisLockStore", "redis://redis:6379/0")

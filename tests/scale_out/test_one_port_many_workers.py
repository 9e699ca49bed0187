"""`WEGWIJS_API_WORKERS=2` (issue 15): scripts/stack.py starts the API as two uvicorn worker
processes on one port, on a fresh PostgreSQL database (they create the tables together) and Redis.
Which process answers a request is up to the kernel: a citizen is offered a person every time
while a staff console is open in one of them."""
from __future__ import annotations

import os
import uuid

import psutil
import psycopg
import pytest

from stack import TEST_PROFILE, Stack  # tests/conftest.py puts scripts/ on sys.path
from tests.conftest import PG_ADMIN, TEST_TODAY

from .conftest import REDIS_URL, Accounts, new_conversation, online_in, say, wait_until

pytestmark = [pytest.mark.stack, pytest.mark.postgres]


@pytest.fixture
def one_port(stack, tmp_path):
    name = f"wegwijs_port_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database_url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    api = Stack(api_port=int(os.environ.get("WEGWIJS_TEST_API_PORT", "8200")) + 52, rasa_port=stack.rasa_port,
                action_port=stack.action_port, log_dir=tmp_path, extra_env={
                    **TEST_PROFILE, "WEGWIJS_TODAY": TEST_TODAY, "DATABASE_URL": database_url, "REDIS_URL": REDIS_URL,
                    "WEGWIJS_API_WORKERS": "2", "WEGWIJS_STAFF_AVAILABILITY": "office-hours",
                    "WEGWIJS_OFFICE_OPEN": "00:00", "WEGWIJS_OFFICE_CLOSE": "23:59:59", "OMP_NUM_THREADS": "1"})
    accounts = Accounts(database_url)
    try:
        api.start_api()
        api.wait_ready(timeout_s=300)
        yield api, accounts
    finally:
        api.stop_one("api")
        accounts.close()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_two_worker_processes_behind_one_port_act_as_one(one_port, clients, console):
    api, accounts = one_port
    children = psutil.Process(api.processes["api"].pid).children()
    assert sum("spawn_main" in " ".join(c.cmdline()) for c in children) == 2  # uvicorn's two workers

    anna = clients(api.api_url, "/staff", accounts.account("staff", "Anna Jansen"))
    console(api.api_url, anna)  # in whichever process accepted it
    wait_until(lambda: all("Anna Jansen" in online_in(api.api_url, anna) for _ in range(6)), 5,
               "both processes see Anna")
    citizen = clients(api.api_url)
    for _ in range(4):  # new connections: the kernel spreads them over both processes
        citizen.close()
        citizen = clients(api.api_url)
        assert say(citizen, new_conversation(citizen), "ik wil graag met een medewerker spreken")["state"]["handoff"] == "waiting"

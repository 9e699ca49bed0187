"""Staff presence across API workers (issue 15): with office hours a person is offered only while
someone has the staff console open. A console open on another worker counts; when that worker is
killed, its staff are gone within seconds and the citizen is offered a call-back instead."""
from __future__ import annotations

import time

import pytest

from api.services.handoff.presence import BEAT_S

from .conftest import new_conversation, online_in, say, wait_until

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

ASK = "ik wil graag met een medewerker spreken"
GONE_WITHIN_S = 10  # the presence key's TTL (5 s) plus a heartbeat (1.5 s), with room for a busy machine


def every_process_has_read_it_again() -> None:
    """Each worker runs two processes; each answers from its own copy of the presence in Redis,
    read again every heartbeat. One of them has seen the change: give the other its heartbeat."""
    time.sleep(2 * BEAT_S)


def asks_for_a_person(citizen) -> dict:
    answer = say(citizen, new_conversation(citizen), ASK)
    return {"handoff": answer["state"]["handoff"], "text": " ".join(m["text"] for m in answer["messages"])}


def test_a_console_open_on_another_worker_makes_staff_available_until_that_worker_dies(workers, clients, console):
    citizen = clients(workers.one.url)
    anna = clients(workers.two.url, "/staff", workers.account("staff", "Anna Jansen"))
    # the consoles of earlier tests are closed; their presence goes within the same few seconds
    wait_until(lambda: not online_in(workers.one.url, anna), GONE_WITHIN_S, "no console of an earlier test counts")
    every_process_has_read_it_again()
    nobody = asks_for_a_person(citizen)
    assert nobody["handoff"] != "waiting" and "terugbel" in nobody["text"].lower(), nobody

    console(workers.two.url, anna)
    wait_until(lambda: "Anna Jansen" in online_in(workers.one.url, anna), 5, "worker one sees Anna online")
    every_process_has_read_it_again()
    assert asks_for_a_person(citizen)["handoff"] == "waiting"

    workers.two.kill()
    wait_until(lambda: "Anna Jansen" not in online_in(workers.one.url, anna), GONE_WITHIN_S,
               "Anna's console on the killed worker no longer counts")
    every_process_has_read_it_again()
    after = asks_for_a_person(citizen)
    assert after["handoff"] != "waiting" and "terugbel" in after["text"].lower(), after

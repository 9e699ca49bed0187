"""Rate limits count across API workers (issue 15): with REDIS_URL and no WEGWIJS_RATE_LIMIT_STORAGE
the counters are in that Redis, so spreading wrong passwords over two workers does not give an
attacker twice the tries (WEGWIJS_LIMIT_LOGIN_FAILURES_PER_USER: 5 per 5 minutes)."""
from __future__ import annotations

import httpx
import pytest

from tests.accounts import PASSWORD

pytestmark = [pytest.mark.stack, pytest.mark.postgres]


def log_in(worker_url: str, username: str, password: str) -> httpx.Response:
    return httpx.post(f"{worker_url}/staff/login", data={"username": username, "password": password}, timeout=60)


def test_wrong_passwords_on_two_workers_count_together(workers):
    anna = workers.account("staff", "Anna Jansen")
    for worker_url in (workers.one.url, workers.two.url, workers.one.url, workers.two.url, workers.one.url):
        assert log_in(worker_url, anna, "wrong password!").status_code == 401
    for worker in (workers.one, workers.two):  # now even the right password waits, on either worker
        refused = log_in(worker.url, anna, PASSWORD)
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0, worker.name

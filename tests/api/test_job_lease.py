"""Background jobs (retention, resending undelivered messages) run in one API worker at a time
(issue 15, api/services/job_lease.py), on the real Redis at 127.0.0.1:6379 under a key of this
test's own. When that worker stops, cleanly or killed, another one takes the jobs over."""
from __future__ import annotations

import asyncio
import uuid

import pytest
import redis.asyncio

from api.services import job_lease
from api.services.job_lease import RedisJobLease

REDIS_URL = "redis://127.0.0.1:6379/0"


class Unreachable:
    """A killed worker's Redis connection: it never lets go of the lease, which must expire."""

    async def eval(self, *args, **kwargs):
        raise ConnectionError("killed")


@pytest.fixture
async def lease_key():
    client = redis.asyncio.from_url(REDIS_URL, decode_responses=True)
    key = f"wegwijs-test:{uuid.uuid4().hex[:8]}:jobs"
    yield client, key
    await client.delete(key)
    await client.aclose()


async def test_jobs_run_in_one_worker_and_move_when_it_stops_or_dies(lease_key, monkeypatch):
    monkeypatch.setattr(job_lease, "TTL_S", 1.0)
    monkeypatch.setattr(job_lease, "RENEW_S", 0.2)
    client, key = lease_key
    running: list[str] = []
    overlaps: list[list[str]] = []

    def job_of(worker: str):
        async def job() -> None:
            if running:
                overlaps.append([*running, worker])
            running.append(worker)
            try:
                await asyncio.Event().wait()  # a job runs until it is cancelled
            finally:
                running.remove(worker)
        return job

    leases = {name: RedisJobLease(client, key, name) for name in ("one", "two", "three")}
    tasks = {name: asyncio.create_task(lease.run([job_of(name)])) for name, lease in leases.items()}
    try:
        await asyncio.sleep(1.0)
        assert len(running) == 1
        first = running[0]

        tasks.pop(first).cancel()  # a clean stop lets go of the lease at once
        await asyncio.sleep(0.8)
        assert len(running) == 1 and running[0] != first
        second = running[0]

        leases[second].redis = Unreachable()  # killed: its key stays until it expires
        tasks.pop(second).cancel()
        await asyncio.sleep(0.5)
        assert running == []  # nobody while the dead worker's key has not expired
        await asyncio.sleep(1.2)
        assert running == [next(iter(tasks))]
        assert overlaps == []
    finally:
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)

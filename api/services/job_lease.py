"""Background jobs that run in one API worker at a time (api/main.py says which).

Once across the workers: the retention job (it deletes conversations; two at once would race over
the same rows and Rasa trackers) and the resend of undelivered messages (two resends of one message
would reach the bot twice). In every worker, because each serves its own: the card watcher (its own
knowledge base; the index on disk has one writer at a time, knowledge/retrieval/index.py), the queue
push (its own consoles), the presence heartbeat and the change bus.

`JobLease` is one process: it always runs the jobs. `RedisJobLease` runs them only in the worker
that holds a Redis key (SET NX with a TTL_S expiry, renewed every RENEW_S seconds). A worker that
stops cleanly deletes the key and another takes it within RENEW_S seconds; a killed one's key
expires, and another takes it within TTL_S + RENEW_S. A holder that cannot renew stops its jobs at
once, before its key expires, so two workers do not run them at the same time (only a Redis that
loses its keys, e.g. restarted without persistence, could let two overlap for up to RENEW_S).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

logger = logging.getLogger("api.jobs")

Job = Callable[[], Awaitable[None]]
TTL_S = 15.0
RENEW_S = 5.0
# Extends the key's expiry only when this worker still holds it.
RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class JobLease:
    """One process: the jobs run here."""

    async def run(self, jobs: list[Job]) -> None:
        await asyncio.gather(*(job() for job in jobs))


class RedisJobLease(JobLease):
    def __init__(self, redis: Any, key: str, holder: str) -> None:
        self.redis = redis
        self.key = key
        self.holder = holder

    async def run(self, jobs: list[Job]) -> None:
        try:
            while True:
                if await self._take():
                    logger.info("this worker runs the background jobs")
                    await self._run_while_held(jobs)
                    logger.info("this worker no longer runs the background jobs")
                await asyncio.sleep(RENEW_S)
        finally:
            with contextlib.suppress(Exception):  # let another worker take over at once
                await self.redis.eval(RELEASE, 1, self.key, self.holder)

    async def _take(self) -> bool:
        try:
            return bool(await self.redis.set(self.key, self.holder, nx=True, px=int(TTL_S * 1000)))
        except Exception as error:  # noqa: BLE001 - Redis away: nobody runs them; try again
            logger.warning("background jobs: Redis not reachable (%s)", type(error).__name__)
            return False

    async def _renew(self) -> bool:
        try:
            return bool(await self.redis.eval(RENEW, 1, self.key, self.holder, int(TTL_S * 1000)))
        except Exception as error:  # noqa: BLE001 - not sure we still hold it: stop to be safe
            logger.warning("background jobs: lease not renewed (%s)", type(error).__name__)
            return False

    async def _run_while_held(self, jobs: list[Job]) -> None:
        tasks = [asyncio.create_task(job()) for job in jobs]
        try:
            while await self._renew():
                ended = [task for task in tasks if task.done()]
                if ended:  # a job that stopped: say so, give the lease back, start them all again
                    for task in ended:
                        error = None if task.cancelled() else task.exception()
                        logger.error("background job stopped (%s)", type(error).__name__ if error else "ended")
                    with contextlib.suppress(Exception):
                        await self.redis.eval(RELEASE, 1, self.key, self.holder)
                    return
                await asyncio.sleep(RENEW_S)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

"""Who has the staff console open in the *other* API worker processes (this worker's own open
consoles are the hub's sockets, hub.py).

`Presence` is one process: there are no others. `RedisPresence` keeps each worker's online staff in
Redis under a key that expires TTL_S seconds after that worker's last heartbeat (every BEAT_S), so
the staff of a killed worker are gone within TTL_S + BEAT_S seconds. `others()` is read on every
chat turn, so it answers from a copy, refreshed by every heartbeat and at once when another worker
says its staff changed ("presence" on the change bus).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from api.core.change_bus import ChangeBus, call_in_loop
from api.services.auth import StaffIdentity

logger = logging.getLogger("api.handoff")

TTL_S = 5.0
BEAT_S = 1.5


class Presence:
    """One process: nobody online elsewhere."""

    async def start(self, mine: Callable[[], list[StaffIdentity]], changed: Callable[[], None]) -> None:
        """`mine()`: this worker's online staff; `changed()`: the others' staff changed."""

    async def stop(self) -> None:
        pass

    def others(self) -> list[StaffIdentity]:
        return []

    def mine_changed(self) -> None:
        """A console opened or closed in this worker (from the event loop)."""


class RedisPresence(Presence):
    def __init__(self, redis: Any, prefix: str, worker_id: str, bus: ChangeBus) -> None:
        self.redis = redis
        self.worker_id = worker_id
        self.members = f"{prefix}:presence"  # a set of worker ids; each has its own expiring key
        self.bus = bus
        self._mine: Callable[[], list[StaffIdentity]] = list
        self._changed: Callable[[], None] = lambda: None
        self._others: list[StaffIdentity] = []
        self._beat: asyncio.Task | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _key(self, worker_id: str) -> str:
        return f"{self.members}:{worker_id}"

    async def start(self, mine: Callable[[], list[StaffIdentity]], changed: Callable[[], None]) -> None:
        self._mine, self._changed = mine, changed
        self._loop = asyncio.get_running_loop()
        self.bus.on("presence", self._on_presence)
        self._beat = asyncio.create_task(self._heartbeat())

    async def stop(self) -> None:
        if self._beat is not None:
            self._beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beat
        with contextlib.suppress(Exception):  # gone at once, not after TTL_S
            await self.redis.delete(self._key(self.worker_id))

    def others(self) -> list[StaffIdentity]:
        return self._others

    def mine_changed(self) -> None:
        call_in_loop(self._loop, lambda: asyncio.ensure_future(self._announce()))

    async def _announce(self) -> None:
        with contextlib.suppress(Exception):  # the heartbeat writes it again shortly
            await self._write_mine()
            self.bus.publish("presence")

    async def _on_presence(self, _event: dict) -> None:
        await self._read_others()

    async def _heartbeat(self) -> None:
        while True:
            try:
                await self._write_mine()
                await self._read_others()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - Redis away: keep the last copy, try again
                logger.warning("staff presence not shared (%s)", type(error).__name__)
            await asyncio.sleep(BEAT_S)

    async def _write_mine(self) -> None:
        staff = [{"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role,
                  "team": u.team} for u in self._mine()]
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self._key(self.worker_id), json.dumps(staff), px=int(TTL_S * 1000))
            pipe.sadd(self.members, self.worker_id)
            pipe.pexpire(self.members, int(TTL_S * 1000))  # gone too when the last worker is
            await pipe.execute()

    async def _read_others(self) -> None:
        workers = sorted(w for w in await self.redis.smembers(self.members) if w != self.worker_id)
        values = await self.redis.mget([self._key(w) for w in workers]) if workers else []
        gone = [w for w, value in zip(workers, values) if value is None]
        if gone:
            await self.redis.srem(self.members, *gone)
        others = [StaffIdentity(**u) for value in values if value is not None for u in json.loads(value)]
        if others != self._others:
            self._others = others
            self._changed()

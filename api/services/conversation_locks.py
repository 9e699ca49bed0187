"""One conversation's messages are handled one at a time and in order, also when the citizen's
requests reach different API workers, and a resend never overtakes the first attempt
(api/services/delivery.py).

`ConversationLocks` is one process: an asyncio lock per conversation (first come, first served).
`RedisConversationLocks` takes that lock and then a Redis lock per conversation, so a request in
another worker waits too. The Redis lock expires TTL_S seconds after its holder stopped renewing
it (a killed worker); while a turn runs (it may wait for Rasa more than once) it is renewed every
TTL_S / 3 seconds. While Redis cannot be reached, the lock of this worker is all (a warning is
logged): the chat stays up.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from redis.exceptions import RedisError

logger = logging.getLogger("api.delivery")

TTL_S = 30.0


class ConversationLocks:
    def __init__(self) -> None:
        self._held: dict[str, list] = {}  # conversation id -> [lock, users]

    @contextlib.asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncIterator[None]:
        entry = self._held.setdefault(conversation_id, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0], self._across_workers(conversation_id):
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                self._held.pop(conversation_id, None)

    @contextlib.asynccontextmanager
    async def _across_workers(self, conversation_id: str) -> AsyncIterator[None]:
        yield  # one process: the asyncio lock is all

    async def busy(self, conversation_id: str) -> bool:
        """A request is on this conversation now (or waits for it)."""
        return conversation_id in self._held


class RedisConversationLocks(ConversationLocks):
    def __init__(self, redis: Any, prefix: str) -> None:
        super().__init__()
        self.redis = redis
        self.prefix = f"{prefix}:conversation-lock"

    def _key(self, conversation_id: str) -> str:
        return f"{self.prefix}:{conversation_id}"

    @contextlib.asynccontextmanager
    async def _across_workers(self, conversation_id: str) -> AsyncIterator[None]:
        lock = self.redis.lock(self._key(conversation_id), timeout=TTL_S, sleep=0.05)
        if not await self._take(lock, conversation_id):
            yield
            return
        renewing = asyncio.create_task(self._renew(lock, conversation_id))
        try:
            yield
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            with contextlib.suppress(Exception):  # expired meanwhile: nothing to release
                await lock.release()

    @staticmethod
    async def _take(lock: Any, conversation_id: str) -> bool:
        try:
            return bool(await lock.acquire())
        except RedisError as error:
            logger.warning("conversation %s: Redis not reachable (%s), in order in this worker only",
                           conversation_id[:8], type(error).__name__)
            return False

    @staticmethod
    async def _renew(lock: Any, conversation_id: str) -> None:
        while True:
            await asyncio.sleep(TTL_S / 3)
            try:
                await lock.reacquire()
            except Exception as error:  # noqa: BLE001 - the turn goes on; the lock may lapse
                logger.warning("conversation %s: lock not renewed (%s)", conversation_id[:8], type(error).__name__)

    async def busy(self, conversation_id: str) -> bool:
        if await super().busy(conversation_id):
            return True
        try:
            return bool(await self.redis.exists(self._key(conversation_id)))
        except RedisError:
            return True  # unknown: leave it to the citizen's next request

"""One conversation's messages are handled one at a time also when they reach different API workers
(issue 15, api/services/conversation_locks.py), on the real Redis at 127.0.0.1:6379 under keys of
this test's own: a second worker waits for the first; a killed worker's hold ends by itself; and
without Redis the chat still goes on."""
from __future__ import annotations

import asyncio
import uuid

import pytest
import redis.asyncio

from api.services import conversation_locks
from api.services.conversation_locks import RedisConversationLocks

REDIS_URL = "redis://127.0.0.1:6379/0"
NOBODY_LISTENS = "redis://127.0.0.1:5449/0"


@pytest.fixture
async def two_workers():
    """The locks of two workers, each with its own Redis connection, and a prefix of this test's own."""
    prefix = f"wegwijs-test:{uuid.uuid4().hex[:8]}"
    clients = [redis.asyncio.from_url(REDIS_URL, decode_responses=True) for _ in range(2)]
    yield [RedisConversationLocks(client, prefix) for client in clients]
    for client in clients:
        async for key in client.scan_iter(f"{prefix}:*"):
            await client.delete(key)
        await client.aclose()


async def test_a_second_worker_waits_until_the_first_is_done(two_workers):
    one, two = two_workers
    done: list[str] = []

    async def turn(locks: RedisConversationLocks, name: str, seconds: float) -> None:
        async with locks.hold("conversation-1"):
            await asyncio.sleep(seconds)
            done.append(name)

    first = asyncio.create_task(turn(one, "first message", 0.5))
    await asyncio.sleep(0.1)
    assert await two.busy("conversation-1")  # the other worker sees it is taken
    await turn(two, "second message", 0)
    await first
    assert done == ["first message", "second message"]
    assert not await two.busy("conversation-1")


async def test_a_killed_workers_hold_ends_by_itself(two_workers, monkeypatch):
    monkeypatch.setattr(conversation_locks, "TTL_S", 1.0)
    one, two = two_workers
    # a hold as a worker takes it, but never renewed nor released: the worker was killed
    killed = one.redis.lock(one._key("conversation-2"), timeout=conversation_locks.TTL_S)
    assert await killed.acquire()
    started = asyncio.get_running_loop().time()
    async with two.hold("conversation-2"):
        waited = asyncio.get_running_loop().time() - started
    assert 0.5 < waited < 3


async def test_without_redis_the_chat_goes_on_in_order_in_this_worker():
    client = redis.asyncio.from_url(NOBODY_LISTENS, decode_responses=True, socket_connect_timeout=1)
    locks = RedisConversationLocks(client, "wegwijs-test")
    order: list[int] = []

    async def turn(n: int) -> None:
        async with locks.hold("conversation-3"):
            await asyncio.sleep(0.1)
            order.append(n)

    await asyncio.wait_for(asyncio.gather(turn(1), turn(2)), timeout=10)
    assert order == [1, 2]
    await client.aclose()

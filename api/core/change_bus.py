"""Events between the API's worker processes: "something changed here, look again".

Every worker keeps its own staff WebSockets, long-polls and loaded cards; what they share is the
database (and, with REDIS_URL, Redis). The worker where something happens does its own part at
once and publishes an event; the bus brings it to the *other* workers:

- "changed"     a committed change to conversations: wake the long-polls, push the queue again
- "push"        a message for every staff console (a citizen's message, a note, a claim)
- "close_user"  a staff member logged out: close their consoles
- "presence"    a worker's online staff changed (api/services/handoff/presence.py)
- "cards"       an editor published a card: refresh the knowledge base now, not at the next poll

`ChangeBus` is the one-process bus (the default): there are no other workers, so publishing does
nothing. `RedisChangeBus` publishes on one Redis pub/sub channel that every worker subscribes to.
Pub/sub keeps nothing for a worker that is not listening: after a lost connection a worker acts as
if "changed", "presence" and "cards" had come (each only means "look again"), and the queue push
and the long-polls also look again every few seconds on their own.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

logger = logging.getLogger("api.change_bus")

Handler = Callable[[dict], Awaitable[None]]
LOOK_AGAIN = ("changed", "presence", "cards")  # events that only mean "look again"
RECONNECT_S = 1.0


def call_in_loop(loop: asyncio.AbstractEventLoop | None, fn: Callable[..., Any], *args: Any) -> None:
    """Call `fn` in `loop`: now when already there, else from this thread through the loop."""
    if loop is None or loop.is_closed():
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        fn(*args)
    else:
        loop.call_soon_threadsafe(fn, *args)


class ChangeBus:
    """One process: nobody else to tell."""

    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def on(self, kind: str, handler: Handler) -> None:
        """Call `handler(event)` when another worker publishes `kind`."""
        self._handlers.setdefault(kind, []).append(handler)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()

    async def stop(self) -> None:
        pass

    def publish(self, kind: str, **data: Any) -> None:
        """Tell the other workers (from the event loop or any thread; JSON-able `data`)."""

    async def _handle(self, event: dict) -> None:
        for handler in self._handlers.get(event.get("kind", ""), []):
            try:
                await handler(event)
            except Exception:  # noqa: BLE001 - one handler's failure must not stop the others
                logger.exception("handling a %r event failed", event.get("kind"))


class RedisChangeBus(ChangeBus):
    """Every worker publishes on one Redis channel and handles what the others publish on it."""

    def __init__(self, redis: Any, channel: str, worker_id: str) -> None:
        super().__init__()
        self.redis = redis
        self.channel = channel
        self.worker_id = worker_id
        self._outbox: asyncio.Queue[str] | None = None
        self._tasks: list[asyncio.Task] = []
        self.listening = asyncio.Event()

    async def start(self) -> None:
        await super().start()
        self._outbox = asyncio.Queue()
        self._tasks = [asyncio.create_task(self._send()), asyncio.create_task(self._listen())]
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.listening.wait(), timeout=5)  # subscribed before the first request

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def publish(self, kind: str, **data: Any) -> None:
        if self._outbox is not None:
            call_in_loop(self._loop, self._outbox.put_nowait, json.dumps({"from": self.worker_id, "kind": kind, **data}))

    async def _send(self) -> None:
        while True:
            event = await self._outbox.get()
            try:
                await self.redis.publish(self.channel, event)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - the others look again every few seconds anyway
                logger.warning("change not sent to the other workers (%s)", type(error).__name__)

    async def _listen(self) -> None:
        first = True
        while True:
            try:
                async with self.redis.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.subscribe(self.channel)
                    self.listening.set()
                    if not first:  # events may have been missed meanwhile
                        for kind in LOOK_AGAIN:
                            await self._handle({"kind": kind})
                    first = False
                    async for message in pubsub.listen():
                        event = json.loads(message["data"])
                        if event.get("from") != self.worker_id:
                            await self._handle(event)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - Redis gone or restarting: subscribe again
                self.listening.clear()
                logger.warning("change bus: no connection to Redis (%s); trying again", type(error).__name__)
                await asyncio.sleep(RECONNECT_S)

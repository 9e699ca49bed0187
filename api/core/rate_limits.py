"""Rate limits per client IP and per conversation, on the `limits` library.

The counters live in the storage named by `Settings.rate_limit_uri`: "memory://" (this process,
the default; old entries expire by themselves) or any storage `limits` knows, e.g.
"redis://127.0.0.1:6379" (REDIS_URL) when several API processes must share them; in Redis the keys
start with `key_prefix` (one per database: api/services/shared_state.py). A refused request gets a
429 with a Dutch `detail` and a Retry-After header. While a shared storage cannot be reached the
limits let requests through (a warning is logged): the chat stays up.

The client IP is what uvicorn puts in the request: behind a reverse proxy, start uvicorn with
`--forwarded-allow-ips <proxy address>` so the citizen's address (X-Forwarded-For) is used.
"""
from __future__ import annotations

import logging
import math
import time

from fastapi import HTTPException, Request, status
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.aio.strategies import MovingWindowRateLimiter

logger = logging.getLogger("api.rate_limits")

TOO_MANY_MESSAGES = "U stuurt te veel berichten achter elkaar. Wacht even en probeer het opnieuw."
TOO_MANY_CONVERSATIONS = "U heeft te veel nieuwe gesprekken gestart. Wacht even en probeer het opnieuw."
TOO_MANY_REQUESTS_RESPONSE = {429: {"description": "Te veel verzoeken achter elkaar (met Retry-After)"}}


class TooManyRequests(HTTPException):
    def __init__(self, detail: str, retry_after_s: int):
        super().__init__(status.HTTP_429_TOO_MANY_REQUESTS, detail, headers={"Retry-After": str(retry_after_s)})
        self.retry_after_s = retry_after_s


class RateLimits:
    """Named limits ("5/minute;30/hour") checked against keys (an IP, a conversation id)."""

    def __init__(self, storage_uri: str = "memory://", key_prefix: str = "wegwijs:limits"):
        uri = storage_uri if storage_uri.startswith("async+") else f"async+{storage_uri}"
        # Redis through the `redis` package (requirements/app.txt), not the `coredis` default
        options = {"implementation": "redispy", "key_prefix": key_prefix, "wrap_exceptions": True} \
            if uri.startswith("async+redis") else {}
        self.storage = storage_from_string(uri, **options)
        self.limiter = MovingWindowRateLimiter(self.storage)
        self._parsed: dict[str, list[RateLimitItem]] = {}

    def _items(self, spec: str) -> list[RateLimitItem]:
        if spec not in self._parsed:
            self._parsed[spec] = parse_many(spec)
        return self._parsed[spec]

    async def retry_after(self, spec: str, name: str, key: str) -> int | None:
        """Seconds until `key` may go again under `spec`, or None when it may go now (nothing counted)."""
        waits = []
        try:
            for item in self._items(spec):
                if not await self.limiter.test(item, name, key):
                    stats = await self.limiter.get_window_stats(item, name, key)
                    waits.append(max(1, math.ceil(stats.reset_time - time.time())))
        except StorageError as error:
            _unreachable(error)
        return max(waits) if waits else None

    async def hit(self, spec: str, name: str, key: str) -> int | None:
        """Count one request; None when it fits every limit, else the seconds to wait (nothing counted)."""
        wait = await self.retry_after(spec, name, key)
        if wait is not None:
            return wait
        try:
            for item in self._items(spec):
                await self.limiter.hit(item, name, key)
        except StorageError as error:
            _unreachable(error)
        return None

    async def check(self, spec: str, name: str, key: str, detail: str) -> None:
        """hit(), raising a 429 with `detail` when over the limit."""
        wait = await self.hit(spec, name, key)
        if wait is not None:
            raise TooManyRequests(detail, wait)

    async def clear(self, spec: str, name: str, key: str) -> None:
        try:
            for item in self._items(spec):
                await self.limiter.clear(item, name, key)
        except StorageError as error:
            _unreachable(error)


def _unreachable(error: StorageError) -> None:
    """The keys (addresses, usernames) are not logged."""
    logger.warning("rate-limit storage not reachable (%s): request let through", type(error.storage_error).__name__)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limits_of(request: Request) -> RateLimits:
    return request.app.state.rate_limits


# --- FastAPI dependencies for the public chat routes -----------------------------------------------


async def limit_new_conversation(request: Request) -> None:
    settings = request.app.state.settings
    await limits_of(request).check(settings.limit_conversations_per_ip, "conversations-ip", client_ip(request),
                                   TOO_MANY_CONVERSATIONS)


async def limit_message(request: Request, conversation_id: str) -> None:
    settings = request.app.state.settings
    limits = limits_of(request)
    await limits.check(settings.limit_messages_per_ip, "messages-ip", client_ip(request), TOO_MANY_MESSAGES)
    await limits.check(settings.limit_messages_per_conversation, "messages-conversation", conversation_id[:64],
                       TOO_MANY_MESSAGES)


async def may_record_gap(limits: RateLimits, settings, conversation_id: str) -> bool:
    """Unanswered questions are kept for the editors a few times per conversation: a script cannot
    fill the gaps table (api/services/gaps.py)."""
    return await limits.hit(settings.limit_gaps_per_conversation, "gaps-conversation", conversation_id) is None

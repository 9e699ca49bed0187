"""What the API's worker processes share, and where: nothing in memory.

Without REDIS_URL (the default) the API is one process and each piece below lives in its memory.
With REDIS_URL, several workers (WEGWIJS_API_WORKERS, on PostgreSQL) meet in that Redis:

| piece                                   | one process            | with REDIS_URL                     |
|-----------------------------------------|------------------------|------------------------------------|
| change bus (api/core/change_bus.py)     | nothing to tell        | Redis pub/sub channel              |
| staff presence (handoff/presence.py)    | this worker's consoles | + each worker's key, with a TTL    |
| one conversation at a time              | asyncio lock           | + Redis lock per conversation      |
| (conversation_locks.py)                 |                        |                                    |
| background jobs run once (job_lease.py) | always here            | the worker holding a Redis lease   |
| rate limits (api/core/rate_limits.py)   | memory://              | the same Redis                     |

In the database, for every profile: card publishing one at a time (api/core/db_locks.py), and
everything the staff console and the citizen see.

Every key and the channel start with `namespace(DATABASE_URL)`: workers of one database meet, and
two installations (or test runs) on one Redis never do.
"""
from __future__ import annotations

import hashlib
import os
import socket
import uuid
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio

from api.core.change_bus import ChangeBus, RedisChangeBus
from api.core.config import Settings
from api.services.conversation_locks import ConversationLocks, RedisConversationLocks
from api.services.handoff.presence import Presence, RedisPresence
from api.services.job_lease import JobLease, RedisJobLease


def namespace(database_url: str) -> str:
    """The prefix of every Redis key of the workers of this database (the URL itself is not shown)."""
    return "wegwijs:" + hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:12]


@dataclass
class SharedState:
    prefix: str
    bus: ChangeBus = field(default_factory=ChangeBus)
    presence: Presence = field(default_factory=Presence)
    conversation_locks: ConversationLocks = field(default_factory=ConversationLocks)
    jobs: JobLease = field(default_factory=JobLease)
    redis: Any = None

    @classmethod
    def from_settings(cls, settings: Settings) -> SharedState:
        prefix = namespace(settings.database_url)
        if not settings.redis_url:
            return cls(prefix)
        client = redis.asyncio.from_url(settings.redis_url, decode_responses=True, socket_connect_timeout=5,
                                        health_check_interval=15)
        worker = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        bus = RedisChangeBus(client, f"{prefix}:changes", worker)
        return cls(prefix, bus=bus, presence=RedisPresence(client, prefix, worker, bus),
                   conversation_locks=RedisConversationLocks(client, prefix),
                   jobs=RedisJobLease(client, f"{prefix}:jobs", worker), redis=client)

    async def start(self) -> None:
        await self.bus.start()

    async def close(self) -> None:
        await self.bus.stop()
        if self.redis is not None:
            await self.redis.aclose()

"""Rate limits in Redis (issue 15, api/core/rate_limits.py): two API workers count together, and
while Redis cannot be reached a request is let through instead of failing the chat."""
from __future__ import annotations

import uuid

from api.core.rate_limits import RateLimits

REDIS_URL = "redis://127.0.0.1:6379/0"


async def test_two_workers_count_together():
    prefix = f"wegwijs-test:{uuid.uuid4().hex[:8]}:limits"
    one, two = RateLimits(REDIS_URL, key_prefix=prefix), RateLimits(REDIS_URL, key_prefix=prefix)
    assert await one.hit("3/minute", "messages-ip", "192.0.2.1") is None
    assert await two.hit("3/minute", "messages-ip", "192.0.2.1") is None
    assert await one.hit("3/minute", "messages-ip", "192.0.2.1") is None
    assert await two.hit("3/minute", "messages-ip", "192.0.2.1") > 0  # the fourth, on either worker
    await one.clear("3/minute", "messages-ip", "192.0.2.1")
    assert await two.hit("3/minute", "messages-ip", "192.0.2.1") is None


async def test_an_unreachable_redis_lets_requests_through(caplog):
    limits = RateLimits("redis://127.0.0.1:5449/0?socket_connect_timeout=1")
    for _ in range(3):
        assert await limits.hit("1/minute", "messages-ip", "192.0.2.7") is None
    assert "rate-limit storage not reachable" in caplog.text and "192.0.2.7" not in caplog.text

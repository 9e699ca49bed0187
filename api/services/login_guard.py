"""Password checks that neither freeze the API nor let anyone guess freely.

- argon2 runs in a worker thread (`login_concurrency` at once), so chats, long-polls and the staff
  WebSocket keep going while logins are checked; when more than `login_queue` logins wait, the next
  one is refused at once (429) instead of piling up memory (each check takes 64 MiB).
- wrong passwords are counted per client IP and per username in the rate-limit storage
  (api/core/rate_limits.py): bounded, old entries expire by themselves. Over either limit: 429.
"""
from __future__ import annotations

import anyio

from api.core.config import Settings
from api.core.db import Database
from api.core.rate_limits import RateLimits
from api.services import auth
from api.services.auth import StaffIdentity


class LoginBusy(Exception):
    """Too many logins are waiting for a password check."""


class LoginGuard:
    def __init__(self, limits: RateLimits, settings: Settings):
        self.limits = limits
        self.settings = settings
        self.threads = anyio.CapacityLimiter(max(1, settings.login_concurrency))
        self.waiting = 0

    @staticmethod
    def _user_key(username: str) -> str:
        return username.strip().lower()[:80]

    async def retry_after(self, ip: str, username: str) -> int | None:
        """Seconds this IP or this username must wait, or None."""
        by_ip = await self.limits.retry_after(self.settings.limit_login_failures_per_ip, "login-ip", ip)
        if by_ip is not None:
            return by_ip
        return await self.limits.retry_after(self.settings.limit_login_failures_per_user, "login-user",
                                             self._user_key(username))

    async def failed(self, ip: str, username: str) -> None:
        await self.limits.hit(self.settings.limit_login_failures_per_ip, "login-ip", ip)
        await self.limits.hit(self.settings.limit_login_failures_per_user, "login-user", self._user_key(username))

    async def succeeded(self, username: str) -> None:
        await self.limits.clear(self.settings.limit_login_failures_per_user, "login-user", self._user_key(username))

    async def authenticate(self, db: Database, username: str, password: str) -> StaffIdentity | None:
        if self.waiting >= self.settings.login_queue:
            raise LoginBusy()
        self.waiting += 1
        try:
            return await anyio.to_thread.run_sync(auth.authenticate, db, username, password, limiter=self.threads)
        finally:
            self.waiting -= 1

"""Open staff WebSockets and change notifications (one process): pushes changes to the staff
consoles and wakes the citizen's long-poll on `/updates`."""
from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from api.services.auth import StaffIdentity


class StaffHub:
    """Open staff WebSockets and change notifications (one process)."""

    def __init__(self, still_allowed: Any = None) -> None:
        self.sockets: dict[Any, StaffIdentity] = {}
        # async (websocket) -> bool: the login behind a socket still counts (checked per message)
        self._still_allowed = still_allowed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dirty: asyncio.Event | None = None
        self._changed: asyncio.Condition | None = None

    def bind(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._dirty = asyncio.Event()
        self._changed = asyncio.Condition()

    def online(self) -> list[StaffIdentity]:
        users = {u.id: u for u in self.sockets.values() if u.may_use_console}
        return sorted(users.values(), key=lambda u: u.display_name)

    def online_count(self) -> int:
        return len(self.online())

    def connect(self, websocket: Any, user: StaffIdentity) -> None:
        self.sockets[websocket] = user
        self.poke()

    def disconnect(self, websocket: Any) -> None:
        if self.sockets.pop(websocket, None) is not None:
            self.poke()

    async def close_user(self, user_id: int) -> None:
        for websocket, user in list(self.sockets.items()):
            if user.id == user_id:
                self.sockets.pop(websocket, None)
                with contextlib.suppress(Exception):
                    await websocket.close(code=4401)
        self.poke()

    async def send_all(self, payload: dict) -> None:
        for websocket in list(self.sockets):
            if self._still_allowed is not None and not await self._still_allowed(websocket):
                await self.drop(websocket)
                continue
            try:
                await asyncio.wait_for(websocket.send_json(payload), timeout=5)
            except Exception:  # noqa: BLE001 - a broken socket is dropped
                self.sockets.pop(websocket, None)

    async def drop(self, websocket: Any) -> None:
        """A socket whose login no longer counts (logged out, deactivated, expired): close it."""
        if self.sockets.pop(websocket, None) is not None:
            self.poke()
        with contextlib.suppress(Exception):
            await websocket.close(code=4401)

    def poke(self) -> None:
        """Something changed: recompute the queue, wake long-polls. Call in the event loop."""
        if self._dirty is None:
            return
        self._dirty.set()
        asyncio.ensure_future(self._notify())

    def poke_threadsafe(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            if asyncio.get_running_loop() is loop:
                self.poke()
                return
        except RuntimeError:
            pass
        loop.call_soon_threadsafe(self.poke)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_change(self, timeout: float) -> None:
        if self._changed is None:
            await asyncio.sleep(timeout)
            return
        async with self._changed:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)


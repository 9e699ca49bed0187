"""This worker's open staff WebSockets and its change notifications: pushes to the staff consoles
and wakes the citizen's long-poll on `/updates`.

Several API workers share nothing in memory: what happens here is also published on the change bus
(api/core/change_bus.py) for the other workers, and what they publish arrives here: a committed
change wakes this worker's long-polls and queue push, a console push goes to this worker's
consoles too. Who is online is this worker's consoles plus the others' (presence.py).
"""
from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from api.core.change_bus import ChangeBus, call_in_loop
from api.services.auth import StaffIdentity
from api.services.handoff.presence import Presence


class StaffHub:
    def __init__(self, still_allowed: Any = None, bus: ChangeBus | None = None,
                 presence: Presence | None = None, may_receive: Any = None) -> None:
        self.sockets: dict[Any, StaffIdentity] = {}  # this worker's open consoles
        # async (websocket) -> bool: the login behind a socket still counts (checked per message)
        self._still_allowed = still_allowed
        # (user, payload) -> bool: a push about a conversation reaches only staff who may see it
        self._may_receive = may_receive
        self.bus = bus or ChangeBus()
        self.presence = presence or Presence()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dirty: asyncio.Event | None = None
        self._changed: asyncio.Condition | None = None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._dirty = asyncio.Event()
        self._changed = asyncio.Condition()
        self.bus.on("changed", self._on_changed)
        self.bus.on("push", self._on_push)
        self.bus.on("close_user", self._on_close_user)
        await self.presence.start(lambda: list(self.sockets.values()), self._wake)

    async def stop(self) -> None:
        await self.presence.stop()

    # --- who is online ---------------------------------------------------------------------

    def online(self) -> list[StaffIdentity]:
        users = {u.id: u for u in (*self.presence.others(), *self.sockets.values()) if u.may_use_console}
        return sorted(users.values(), key=lambda u: u.display_name)

    def online_count(self) -> int:
        return len(self.online())

    def connect(self, websocket: Any, user: StaffIdentity) -> None:
        self.sockets[websocket] = user
        self._online_changed()

    def disconnect(self, websocket: Any) -> None:
        if self.sockets.pop(websocket, None) is not None:
            self._online_changed()

    def _online_changed(self) -> None:
        self.presence.mine_changed()
        self._wake()

    # --- the consoles ----------------------------------------------------------------------

    async def send_all(self, payload: dict) -> None:
        """To every staff console, in every worker."""
        await self.send_here(payload)
        self.bus.publish("push", payload=payload)

    async def send_here(self, payload: dict, only: list[Any] | None = None) -> None:
        """To this worker's consoles (`only`: to these) whose staff may see what it is about."""
        for websocket in list(self.sockets if only is None else only):
            user = self.sockets.get(websocket)
            if user is None:
                continue
            if self._may_receive is not None and payload.get("conversation_id") and user.role != "admin" \
                    and not await asyncio.to_thread(self._may_receive, user, payload):
                continue
            if self._still_allowed is not None and not await self._still_allowed(websocket):
                await self.drop(websocket)
                continue
            try:
                await asyncio.wait_for(websocket.send_json(payload), timeout=5)
            except Exception:  # noqa: BLE001 - a broken socket is dropped
                self.sockets.pop(websocket, None)

    async def close_user(self, user_id: int) -> None:
        """A staff member logged out: close their consoles, in every worker."""
        await self._close_here(user_id)
        self.bus.publish("close_user", user_id=user_id)

    async def _close_here(self, user_id: int) -> None:
        for websocket, user in list(self.sockets.items()):
            if user.id == user_id:
                self.sockets.pop(websocket, None)
                with contextlib.suppress(Exception):
                    await websocket.close(code=4401)
        self._online_changed()

    async def drop(self, websocket: Any) -> None:
        """A socket whose login no longer counts (logged out, deactivated, expired): close it."""
        if self.sockets.pop(websocket, None) is not None:
            self._online_changed()
        with contextlib.suppress(Exception):
            await websocket.close(code=4401)

    # --- changes ---------------------------------------------------------------------------

    def poke(self) -> None:
        """Something changed (committed): recompute the queue, wake long-polls, here and in the
        other workers. Call in the event loop."""
        self._wake()
        self.bus.publish("changed")

    def poke_threadsafe(self) -> None:
        call_in_loop(self._loop, self.poke)

    def _wake(self) -> None:
        if self._dirty is None:
            return
        self._dirty.set()
        asyncio.ensure_future(self._notify())

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_change(self, timeout: float) -> None:
        """Until something changes (here or in another worker), at most `timeout` seconds."""
        if self._changed is None:
            await asyncio.sleep(timeout)
            return
        async with self._changed:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)

    async def wait_dirty(self, timeout: float) -> None:
        """Until the queue may have changed since the last call, at most `timeout` seconds."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._dirty.wait(), timeout=timeout)
        self._dirty.clear()

    # --- what the other workers say --------------------------------------------------------

    async def _on_changed(self, _event: dict) -> None:
        self._wake()

    async def _on_push(self, event: dict) -> None:
        await self.send_here(event["payload"])

    async def _on_close_user(self, event: dict) -> None:
        await self._close_here(int(event["user_id"]))

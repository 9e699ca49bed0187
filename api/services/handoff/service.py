"""HandoffService: the staff handoff as one object for the app (api/main.py) and the routes.

Everything is in the database (tables in api/models.py): a restart of the API keeps the queue,
the claims and the messages, and several API workers see the same. The `StaffHub` (hub.py) only
pushes changes to this worker's staff consoles (WebSocket) and wakes the citizen's long-poll on
`/updates`; the change bus and the presence (given by api/main.py) bring the other workers' news.

The service returns data. What goes over the WebSocket passes through `present` (api/main.py
passes api/staff_views.console_payload, which adds the Dutch labels and the HTML).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from api.core.change_bus import ChangeBus
from api.core.config import Settings
from api.core.db import Database
from api.models import Callback, Conversation, Handoff, utcnow
from api.services import auth
from api.services.handoff import listeners, summaries
from api.services.handoff.callbacks import CallbackRequests
from api.services.handoff.citizen import CitizenSide
from api.services.handoff.claims import StaffClaims
from api.services.handoff.hub import StaffHub
from api.services.handoff.presence import Presence
from api.services.handoff.queue import of_gemeenten, queue_rows
from api.services.handoff.teams import TeamScope
from api.services.handoff.times import iso
from api.services.gemeenten import gemeenten_of, office_open
from api.services.knowledge_service import KnowledgeService
from knowledge.domain.gemeenten import Gemeenten

logger = logging.getLogger("api.handoff")

QUEUE_TRANSCRIPT = 20  # last messages per queue entry pushed over the WebSocket (all: "Bekijken")


def _as_is(payload: dict) -> dict:
    return payload


class HandoffService(TeamScope, StaffClaims, CitizenSide, CallbackRequests):
    def __init__(self, db: Database, knowledge: KnowledgeService, settings: Settings,
                 present: Callable[[dict], dict] = _as_is, bus: ChangeBus | None = None,
                 presence: Presence | None = None, gemeenten: Gemeenten | None = None):
        """`bus`, `presence`: the other API workers (api/services/shared_state.py); None: one process.
        `gemeenten`: the installation's gemeenten (default: from the settings)."""
        self.db = db
        self.knowledge = knowledge
        self.settings = settings
        self.gemeenten = gemeenten or gemeenten_of(settings)
        self.gemeente_cache: dict[str, str | None] = {}  # conversation id -> its gemeente (teams.py)
        self.hub = StaffHub(still_allowed=self.socket_allowed, bus=bus, presence=presence,
                            may_receive=self.may_receive)
        # a push to the consoles (raw data) -> what is sent (with labels and HTML)
        self.present = present
        self._publisher: asyncio.Task | None = None
        self._listeners: list[tuple[Any, str, Any]] = []

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        await self.hub.start()
        self._listeners = listeners.install(self.db.engine, self.hub.poke_threadsafe)
        self._publisher = asyncio.create_task(self._publish_queue())

    async def stop(self) -> None:
        if self._publisher is not None:
            self._publisher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._publisher
        listeners.remove(self._listeners)
        await self.hub.stop()
        for websocket in list(self.hub.sockets):
            with contextlib.suppress(Exception):
                await websocket.close(code=1001)

    async def socket_allowed(self, websocket: Any) -> bool:
        """The session cookie of a staff WebSocket still belongs to an active console account."""
        user = await asyncio.to_thread(auth.session_user, self.db, websocket.cookies.get(auth.COOKIE_NAME))
        return user is not None and user.may_use_console

    # --- availability ----------------------------------------------------------------------

    def staff_available(self, gemeente: str | None = None) -> bool:
        """For a chat of `gemeente` (None: the default): its office hours and closed days (or
        always/never), and with office hours at least one of its team (or an admin) online."""
        if not office_open(self.settings, self.gemeenten.get(gemeente)):
            return False
        if self.settings.staff_availability == "office-hours":
            return self.someone_serves(gemeente, self.hub.online())
        return True

    # --- the queue -------------------------------------------------------------------------

    def queue(self, viewer: auth.StaffIdentity | None = None) -> list[dict]:
        """Waiting conversations `viewer` may see (None: all), in the order to take them, with summaries."""
        with self.db.session() as session:
            rows = queue_rows(session, self.settings.today(), with_messages=True, codes=self.codes_for(viewer),
                              default_code=self.gemeenten.default_code)
            authors = summaries.staff_authors(session, [row.conversation.id for row in rows])
            return [summaries.summary(session, row.conversation, self.settings, position=i + 1,
                                      transcript_limit=None, authors=authors)
                    for i, row in enumerate(rows)]

    def snapshot(self, viewer: auth.StaffIdentity | None = None, codes: frozenset[str] | None = None) -> dict:
        """What the console's queue page shows `viewer` (or the staff who see `codes`; both None: all);
        pushed over the WebSocket when it changes."""
        codes = self.codes_for(viewer) if viewer is not None else codes
        default = self.gemeenten.default_code
        with self.db.session() as session:
            rows = queue_rows(session, self.settings.today(), with_messages=True, codes=codes, default_code=default)
            authors = summaries.staff_authors(session, [row.conversation.id for row in rows])
            queue = [summaries.summary(session, row.conversation, self.settings, position=i + 1,
                                       transcript_limit=QUEUE_TRANSCRIPT, authors=authors)
                     for i, row in enumerate(rows)]
            active = []
            claims = session.execute(of_gemeenten(
                select(Handoff, Conversation).join(Conversation, Conversation.id == Handoff.conversation_id)
                .where(Handoff.status == "active").order_by(Handoff.claimed_at)
                .options(selectinload(Conversation.messages)), codes, default)
            ).all()
            names = summaries.first_names(session, {claim.claimed_by for claim, _ in claims})
            for claim, conversation in claims:
                summary = summaries.summary(session, conversation, self.settings, transcript_limit=0, authors={})
                summary["claimed_by"] = names.get(claim.claimed_by)
                summary["claimed_by_id"] = claim.claimed_by
                summary["claimed_at"] = iso(claim.claimed_at)
                active.append(summary)
            open_callbacks = session.scalar(of_gemeenten(
                select(func.count()).select_from(Callback).join(Conversation, Conversation.id == Callback.conversation_id)
                .where(Callback.status == "open"), codes, default))
        # the staff online who see the same gemeenten (an admin's snapshot, codes None, lists everyone)
        online = [u.display_name for u in self.hub.online() if codes is None or self.codes_for(u) == codes]
        return {"queue": queue, "active": active, "callbacks_open": int(open_callbacks or 0), "online": online}

    def queue_message(self, snapshot: dict) -> dict:
        """The queue push; `present` turns `snapshot` into the console's HTML."""
        return {
            "type": "queue",
            "server_time": utcnow().isoformat(),
            "count": len(snapshot["queue"]),
            "ids": [e["id"] for e in snapshot["queue"]],
            "active_ids": [e["id"] for e in snapshot["active"]],
            "callbacks_open": snapshot["callbacks_open"],
            "online": snapshot["online"],
            "snapshot": snapshot,
        }

    def conversation_detail(self, conversation_id: str, viewer: auth.StaffIdentity) -> dict:
        with self.db.session() as session:
            conversation = self.visible(session, conversation_id, viewer)  # not another team's (teams.py)
            return summaries.conversation_detail(session, self.settings, conversation_id, viewer,
                                                 (self.team_codes(conversation), self.gemeenten.default_code))

    async def _publish_queue(self) -> None:
        """Push the queue to this worker's consoles when it changes (at once on a change here or
        in another worker; every 2 s as a safety net, e.g. for a change event that was lost).
        Each team's consoles get their own queue (teams.py)."""
        last: dict[frozenset[str] | None, str] = {}
        hub = self.hub
        while True:
            await hub.wait_dirty(timeout=2.0)
            if not hub.sockets:
                last = {}
                continue
            try:
                teams: dict[frozenset[str] | None, list[Any]] = {}
                for websocket, user in list(hub.sockets.items()):
                    codes = self.codes_for(user)
                    teams.setdefault(None if codes is None else frozenset(codes), []).append(websocket)
                for codes, sockets in teams.items():
                    snapshot = await asyncio.to_thread(self.snapshot, None, codes)
                    key = json.dumps(snapshot, sort_keys=True, default=str)
                    if last.get(codes) == key:
                        continue
                    last[codes] = key
                    message = await asyncio.to_thread(lambda: self.present(self.queue_message(snapshot)))
                    await hub.send_here(message, only=sockets)  # each worker pushes its own recomputed queue
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep publishing
                logger.exception("queue push failed")
                await asyncio.sleep(1)

    async def _push_message(self, conversation_id: str, entry: dict) -> None:
        await self.hub.send_all(self.present({"type": "message", "conversation_id": conversation_id,
                                              "message": entry}))

"""The one client of the Rasa servers (HTTP): the REST channel for messages, the tracker for slots,
and (for health) each Rasa's own action server.

A reply may carry custom payloads: `{"sources": [...]}` (the cards of the message before it) and
`{"handoff": "requested", "reason": ...}`, the bot's handoff signal (api/services/handoff/store.py).

Several Rasa instances (WEGWIJS_RASA_URLS; scripts/stack.py with WEGWIJS_RASA_INSTANCES) share one
tracker store (the database) and one lock store (Redis), so any instance can take any turn of any
conversation: requests go round-robin, one instance after the other, which spreads the load evenly
however many messages one conversation sends (a hash of the conversation id would pin a busy
conversation to one instance); tracker reads and writes take turns of their own, so they never
skew the messages' turn. Rasa's lock store keeps one conversation's turns in order whichever
instance takes them. An instance that cannot be reached (connection refused or not made in time:
the request surely never left) is skipped for the next one; a request that may have arrived
(a read timeout, a broken answer) is never sent to another instance: the caller decides (delivery.py).
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from api.services.handoff.store import SIGNALS, HandoffSignal

logger = logging.getLogger("api.rasa")

# In each message's metadata: the Rasa instance the API gave it to (visible in the tracker).
INSTANCE_KEY = "wegwijs_rasa_instance"
OUTCOME_KEY = "wegwijs_turn"  # the custom message with the turn's outcome (bot/turn_channel.py)
CONNECT_TIMEOUT_S = 5.0  # a Rasa host that does not even accept the connection is skipped after this
# The request never reached Rasa: it may go to the next instance.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout)


class RasaUnavailable(Exception):
    """Rasa did not answer (down, starting, or too slow)."""


class RasaUnreachable(RasaUnavailable):
    """No Rasa instance could even be reached: none got the message."""


@dataclass
class BotReply:
    text: str
    buttons: list[dict[str, str]]
    source_ids: list[str]
    gap: bool = False  # the bot found no card for the citizen's question (kept for the editors)


@dataclass
class TurnView:
    """What Rasa kept of a turn: the slots (case facts), the message's intent, the active form,
    and how many citizen messages of the conversation it knows (1: it forgot the earlier ones)."""

    slots: dict[str, Any]
    intent: str | None
    active_loop: str | None
    user_messages: int

    @classmethod
    def from_outcome(cls, raw: dict[str, Any]) -> TurnView:
        """From the outcome the bot's REST channel sends with its reply (bot/turn_channel.py)."""
        return cls(dict(raw.get("slots") or {}), raw.get("intent"), raw.get("active_loop"),
                   int(raw.get("user_messages") or 0))

    @classmethod
    def from_tracker(cls, tracker: dict[str, Any], intent: str | None) -> TurnView:
        return cls(dict(tracker.get("slots") or {}), intent, (tracker.get("active_loop") or {}).get("name"),
                   user_messages(tracker.get("events") or []))


@dataclass
class BotTurn:
    """What the bot said in one turn, and its handoff signal (the last one, if any)."""

    replies: list[BotReply]
    handoff: HandoffSignal | None = None
    instance: int = 0  # the Rasa instance that took the turn (RasaClient.actions_up)
    outcome: dict[str, Any] | None = None  # the turn as Rasa stored it (bot/turn_channel.py)

    def view(self, metadata_key: str, message_id: int) -> TurnView | None:
        """The stored turn of that message, when the reply carries it."""
        if self.outcome is None or (self.outcome.get("metadata") or {}).get(metadata_key) != message_id:
            return None
        return TurnView.from_outcome(self.outcome)


class RasaClient:
    def __init__(self, urls: str | Sequence[str], timeout_s: float, token: str = "",
                 action_server_urls: Sequence[str] = ()):
        """`urls`: one Rasa or several; `action_server_urls`: each one's action server, same order."""
        self.urls = [urls] if isinstance(urls, str) else list(urls)
        if action_server_urls and len(action_server_urls) != len(self.urls):
            raise ValueError("each Rasa instance has its own action server: give as many of each")
        timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, CONNECT_TIMEOUT_S))
        # Rasa's HTTP API (tracker, status) wants its --auth-token as the `token` query parameter.
        self._clients = [httpx.AsyncClient(base_url=url, timeout=timeout, params={"token": token} if token else None)
                         for url in self.urls]
        self._action_servers = [httpx.AsyncClient(base_url=url, timeout=2) for url in action_server_urls]
        self._message_turns = itertools.count()
        self._tracker_turns = itertools.count()

    async def close(self) -> None:
        for client in (*self._clients, *self._action_servers):
            await client.aclose()

    async def _request(self, turns: itertools.count, method: str, path: str,
                       body: Callable[[int], Any] | None = None, **kwargs: Any) -> tuple[int, httpx.Response]:
        """The first instance, from the next in `turns`, that takes the request: its index and answer.
        `body(index)`: the JSON body for that instance."""
        first = next(turns) % len(self._clients)
        error: Exception | None = None
        for index in (*range(first, len(self._clients)), *range(first)):
            try:
                if body is not None:
                    kwargs["json"] = body(index)
                response = await self._clients[index].request(method, path, **kwargs)
            except NOT_SENT as not_sent:
                if len(self._clients) > 1:
                    logger.warning("rasa at %s cannot be reached (%s): the next instance takes the request",
                                   self.urls[index], type(not_sent).__name__)
                error = not_sent
                continue
            except httpx.HTTPError as unknown:
                raise RasaUnavailable(type(unknown).__name__) from unknown
            try:
                response.raise_for_status()
            except httpx.HTTPError as refused:
                raise RasaUnavailable(type(refused).__name__) from refused
            return index, response
        raise RasaUnreachable(type(error).__name__) from error

    async def send(self, sender_id: str, message: str, metadata: dict[str, Any]) -> BotTurn:
        def body(index: int) -> dict[str, Any]:
            return {"sender": sender_id, "message": message, "metadata": {**metadata, INSTANCE_KEY: self.urls[index]}}

        index, response = await self._request(self._message_turns, "POST", "/webhooks/rest/webhook", body=body)
        turn = bot_turn(response.json())
        turn.instance = index
        return turn

    async def tracker(self, sender_id: str) -> dict[str, Any]:
        """Slots, the active loop, the latest message and every event of a conversation."""
        _index, response = await self._request(self._tracker_turns, "GET", f"/conversations/{sender_id}/tracker",
                                               params={"include_events": "ALL"})
        try:
            return response.json()
        except ValueError as error:
            raise RasaUnavailable(type(error).__name__) from error

    async def set_slots(self, sender_id: str, slots: dict[str, Any]) -> None:
        await self._request(self._tracker_turns, "POST", f"/conversations/{sender_id}/tracker/events",
                            json=[{"event": "slot", "name": name, "value": value} for name, value in slots.items()])

    async def forget(self, sender_id: str) -> None:
        """Empty the conversation's tracker: an empty event list replaces all its events."""
        await self._request(self._tracker_turns, "PUT", f"/conversations/{sender_id}/tracker/events", json=[])

    async def ready(self) -> bool:
        """Some Rasa instance is up and has a model loaded."""
        for client in self._clients:
            try:
                response = await client.get("/status", timeout=3)
                if response.status_code == 200 and bool(response.json().get("model_file")):
                    return True
            except (httpx.HTTPError, ValueError):
                continue
        return False

    async def actions_up(self, instance: int | None = None) -> bool:
        """The action server of that Rasa instance answers (None: any instance's)."""
        servers = self._action_servers if instance is None else self._action_servers[instance:instance + 1]
        for client in servers:
            try:
                if (await client.get("/health")).status_code == 200:
                    return True
            except httpx.HTTPError:
                continue
        return False


def bot_turn(raw: list[dict[str, Any]]) -> BotTurn:
    """REST channel output -> messages; a custom payload (`sources`, `gap`) belongs to the message before
    it, a custom `handoff` payload is the turn's handoff signal."""
    replies: list[BotReply] = []
    signal: HandoffSignal | None = None
    outcome: dict[str, Any] | None = None
    for item in raw:
        custom = item.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get(OUTCOME_KEY), dict):
            outcome = custom[OUTCOME_KEY]  # not a message: how the turn was stored
            continue
        if custom is not None:
            custom = custom if isinstance(custom, dict) else {}
            if custom.get("handoff") in SIGNALS:
                reason = custom.get("reason")
                signal = HandoffSignal(custom["handoff"], str(reason)[:40] if reason else None)
            if replies:
                replies[-1].source_ids.extend(str(i) for i in custom.get("sources", []))
                replies[-1].gap = replies[-1].gap or custom.get("gap") is True
            continue
        if item.get("text"):
            buttons = [{"title": b["title"], "payload": b["payload"]} for b in item.get("buttons") or []]
            replies.append(BotReply(text=item["text"], buttons=buttons, source_ids=[]))
    return BotTurn(replies, signal, outcome=outcome)


def replies_of_turn(events: list[dict[str, Any]], metadata_key: str,
                    message_id: int) -> tuple[BotTurn, str | None] | None:
    """The bot's messages after the user message whose metadata has `metadata_key: message_id`
    (up to the next user message) and that message's intent; None when Rasa never processed it.

    Rasa stores a tracker only after the whole turn, so a message found here was fully answered."""
    start = next((i for i, e in enumerate(events)
                  if e.get("event") == "user" and (e.get("metadata") or {}).get(metadata_key) == message_id), None)
    if start is None:
        return None
    raw: list[dict[str, Any]] = []
    for event in events[start + 1:]:
        if event.get("event") == "user":
            break
        if event.get("event") != "bot":
            continue
        data = event.get("data") or {}
        if event.get("text"):
            raw.append({"text": event["text"], "buttons": data.get("buttons") or []})
        if data.get("custom") is not None:
            raw.append({"custom": data["custom"]})
    intent = ((events[start].get("parse_data") or {}).get("intent") or {}).get("name")
    return bot_turn(raw), intent


def user_messages(events: list[dict[str, Any]]) -> int:
    return sum(1 for e in events if e.get("event") == "user")

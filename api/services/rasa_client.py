"""The one client of the Rasa server (HTTP): the REST channel for messages, the tracker for slots.

A reply may carry custom payloads: `{"sources": [...]}` (the cards of the message before it) and
`{"handoff": "requested", "reason": ...}`, the bot's handoff signal (api/services/handoff/store.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from api.services.handoff.store import SIGNALS, HandoffSignal


class RasaUnavailable(Exception):
    """Rasa did not answer (down, starting, or too slow)."""


class RasaUnreachable(RasaUnavailable):
    """Rasa could not even be reached: it surely did not get the message."""


@dataclass
class BotReply:
    text: str
    buttons: list[dict[str, str]]
    source_ids: list[str]
    gap: bool = False  # the bot found no card for the citizen's question (kept for the editors)


@dataclass
class BotTurn:
    """What the bot said in one turn, and its handoff signal (the last one, if any)."""

    replies: list[BotReply]
    handoff: HandoffSignal | None = None


class RasaClient:
    def __init__(self, base_url: str, timeout_s: float, token: str = ""):
        # Rasa's HTTP API (tracker, status) wants its --auth-token as the `token` query parameter.
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout_s,
                                         params={"token": token} if token else None)

    async def close(self) -> None:
        await self._client.aclose()

    async def send(self, sender_id: str, message: str, metadata: dict[str, Any]) -> BotTurn:
        try:
            response = await self._client.post(
                "/webhooks/rest/webhook", json={"sender": sender_id, "message": message, "metadata": metadata}
            )
            response.raise_for_status()
        except httpx.ConnectError as error:
            raise RasaUnreachable(type(error).__name__) from error
        except httpx.HTTPError as error:
            raise RasaUnavailable(type(error).__name__) from error
        return bot_turn(response.json())

    async def tracker(self, sender_id: str) -> dict[str, Any]:
        """Slots, the active loop, the latest message and every event of a conversation."""
        try:
            response = await self._client.get(f"/conversations/{sender_id}/tracker", params={"include_events": "ALL"})
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error

    async def set_slots(self, sender_id: str, slots: dict[str, Any]) -> None:
        try:
            response = await self._client.post(
                f"/conversations/{sender_id}/tracker/events",
                json=[{"event": "slot", "name": name, "value": value} for name, value in slots.items()])
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RasaUnavailable(type(error).__name__) from error

    async def forget(self, sender_id: str) -> None:
        """Empty the conversation's tracker: an empty event list replaces all its events."""
        try:
            response = await self._client.put(f"/conversations/{sender_id}/tracker/events", json=[])
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RasaUnavailable(type(error).__name__) from error

    async def ready(self) -> bool:
        """Rasa is up and has a model loaded."""
        try:
            response = await self._client.get("/status", timeout=3)
            return response.status_code == 200 and bool(response.json().get("model_file"))
        except (httpx.HTTPError, ValueError):
            return False


def bot_turn(raw: list[dict[str, Any]]) -> BotTurn:
    """REST channel output -> messages; a custom payload (`sources`, `gap`) belongs to the message before
    it, a custom `handoff` payload is the turn's handoff signal."""
    replies: list[BotReply] = []
    signal: HandoffSignal | None = None
    for item in raw:
        custom = item.get("custom")
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
    return BotTurn(replies, signal)


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

"""The bot's own `handoff` slot: set in Rasa's tracker when staff claims, hands back or closes a chat,
so the bot knows whether it should answer."""
from __future__ import annotations

import logging

import httpx

from api.core.config import Settings
from api.services.handoff.errors import BotNotReachable

logger = logging.getLogger("api.handoff")


class BotHandoffSlot:
    def __init__(self, settings: Settings):
        self._rasa = httpx.AsyncClient(base_url=settings.rasa_url, timeout=10,  # Rasa's API wants its token
                                       params={"token": settings.rasa_token} if settings.rasa_token else None)

    async def set(self, conversation_id: str, value: str, required: bool) -> None:
        try:
            response = await self._rasa.post(f"/conversations/{conversation_id}/tracker/events",
                                             json=[{"event": "slot", "name": "handoff", "value": value}])
            response.raise_for_status()
        except httpx.HTTPError as error:
            logger.warning("could not set the bot's handoff slot for %s: %s", conversation_id[:8], type(error).__name__)
            if required:
                raise BotNotReachable("Wegwijs (de bot) is nu niet bereikbaar. Er is niets veranderd. "
                                      "Probeer het zo opnieuw.") from error

    async def aclose(self) -> None:
        await self._rasa.aclose()

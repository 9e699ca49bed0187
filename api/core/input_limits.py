"""Request bodies are capped before anything parses them.

`BodySizeLimit` (ASGI middleware) refuses a body over the limit with a Dutch 413: at once when the
Content-Length says so, else as soon as the received bytes pass the limit (chunked uploads are never
read whole). Editors' card routes get a larger limit than the rest. `read_capped` does the same for
routes that read the raw body themselves (login and editor forms).
"""
from __future__ import annotations

import json

from fastapi import HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

CHAT_PATH = "/api/conversations"
CARD_PATHS = ("/editor/cards", "/editor/api/")


def message_too_long(limit: int) -> str:
    return f"Uw bericht is te lang. Het mag hoogstens {limit} tekens hebben. Maak het korter en stuur het opnieuw."


def body_too_large(limit_bytes: int) -> str:
    return f"Dit verzoek is te groot. Het mag hoogstens {limit_bytes // 1024} kB zijn."


class BodyTooLarge(HTTPException):
    def __init__(self, detail: str):
        super().__init__(status.HTTP_413_CONTENT_TOO_LARGE, detail)


def _declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return -1
    return None


class BodySizeLimit:
    def __init__(self, app, default_limit: int, card_limit: int, chat_message_chars: int):
        self.app = app
        self.default_limit = default_limit
        self.card_limit = card_limit
        self.chat_message_chars = chat_message_chars

    def _limit_and_detail(self, path: str) -> tuple[int, str]:
        if path.startswith(CARD_PATHS):
            return self.card_limit, body_too_large(self.card_limit)
        if path.startswith(CHAT_PATH):
            return self.default_limit, message_too_long(self.chat_message_chars)
        return self.default_limit, body_too_large(self.default_limit)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit, detail = self._limit_and_detail(scope["path"])
        declared = _declared_length(scope.get("headers", []))
        if declared is not None and (declared < 0 or declared > limit):
            return await self._refuse(send, detail)
        received = 0
        started = False

        async def capped_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(detail)
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, capped_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(send, detail)

    @staticmethod
    async def _refuse(send, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


async def read_capped(request: Request, limit: int) -> bytes:
    """The raw body, or a 413 as soon as it passes `limit` bytes."""
    declared = _declared_length(request.scope.get("headers", []))
    if declared is not None and (declared < 0 or declared > limit):
        raise BodyTooLarge(body_too_large(limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(body_too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def message_too_long_response(error: RequestValidationError, limit: int) -> JSONResponse | None:
    """The chat's 5,000-character contract: a too long `text` is a 413 with the limit, not a 422."""
    for item in error.errors():
        if item.get("type") == "string_too_long" and tuple(item.get("loc", ()))[-1:] == ("text",):
            return JSONResponse({"detail": message_too_long(limit)}, status_code=status.HTTP_413_CONTENT_TOO_LARGE)
    return None

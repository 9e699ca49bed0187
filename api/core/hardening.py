"""HTTP hardening that applies across routes: CORS for the embeddable widget only, and HSTS.

`PublicCORS` lets the sites in `cors_origins` (a municipality's own website) call the public chat
routes and load the widget's files, without credentials. The staff console, the editors' tools,
knowledge and health routes never answer cross-origin requests.
"""
from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware

PUBLIC_PREFIXES = ("/api/conversations", "/widget.js", "/widget/")
HSTS = (b"strict-transport-security", b"max-age=31536000")


class PublicCORS:
    def __init__(self, app, origins: tuple[str, ...]):
        self.app = app
        self.cors = CORSMiddleware(app, allow_origins=list(origins), allow_methods=["GET", "POST"],
                                   allow_headers=["content-type"], allow_credentials=False, max_age=600) \
            if origins else None

    async def __call__(self, scope, receive, send):
        if self.cors is not None and scope["type"] == "http" and scope["path"].startswith(PUBLIC_PREFIXES):
            return await self.cors(scope, receive, send)
        return await self.app(scope, receive, send)


class StrictTransportSecurity:
    """Tell browsers to use HTTPS only (sent unless plain-HTTP development opted out)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_hsts(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), HSTS]
            await send(message)

        return await self.app(scope, receive, with_hsts)

"""Who may enter the staff areas, and what every answer from them carries.

Two areas share the staff accounts and sessions of api/services/auth.py: the staff console (/staff,
roles staff and admin) and the editors' tools (/editor, roles editor and admin). An `Area` turns its
roles and Dutch messages into FastAPI dependencies (typed in api/deps.py):

- `area.api_user`    JSON API: 401 anonymous, 403 another role or a write from another site;
- `area.page_user`   HTML pages: the login form (401) or a refusal page (403) instead of JSON;
- `area.socket_user` WebSocket: the same checks, refused at the handshake.

A refused page is raised as `PageRefused`; main.py answers it, and the services' own refusals, with
`area_of(path).answer(...)`: JSON under {prefix}/api/, a page elsewhere. `AreaHeaders` puts the
security headers on every answer under an area's prefix, static files and refusals included.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, WebSocket, status
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from api.core.static_files import StaticFolder
from api.services import auth
from api.services.auth import CONSOLE_ROLES, COOKIE_NAME, StaffIdentity

API_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = API_DIR / "static"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# Personal data: never cached or framed; scripts and styles only from this server.
AREA_HEADERS = (
    (b"cache-control", b"no-store"),
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)
REFUSED_TITLE = "Dit kan niet"


class PageRefused(Exception):
    """A page request that gets another page instead: the login form or a refusal (main.py answers it)."""

    def __init__(self, response: Response):
        super().__init__(response.status_code)
        self.response = response


def same_origin(headers: Any) -> bool:
    origin = headers.get("origin")
    if not origin:
        return True  # not a browser cross-site request (SameSite=Strict keeps the cookie same-site anyway)
    return urlsplit(origin).netloc == headers.get("host", "")


def safe_next(value: str | None, area: str) -> str:
    """Only redirect inside the area after login (no open redirects)."""
    if value and value.startswith(area) and not value.startswith("//") and "\\" not in value:
        return value
    return area


@dataclass(frozen=True)
class AreaMessages:
    """The Dutch words of an area."""

    label: str  # in page titles: "Wegwijs – {label}"
    members: str  # "Inloggen voor {members}"
    home: str  # the link back to the area's first page
    login_first: str
    wrong_role: str
    wrong_origin: str


@dataclass(frozen=True)
class Area:
    prefix: str  # "/staff": also its templates/staff/ and static/staff/ folders
    roles: tuple[str, ...]
    templates: Jinja2Templates
    messages: AreaMessages

    @property
    def name(self) -> str:
        return self.prefix.strip("/")

    def owns(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    def allows(self, user: StaffIdentity) -> bool:
        return user.role in self.roles

    # --- who is asking ------------------------------------------------------------------------

    @staticmethod
    def user_of(request_or_socket: Request | WebSocket) -> StaffIdentity | None:
        state = request_or_socket.app.state
        return auth.session_user(state.db, request_or_socket.cookies.get(COOKIE_NAME), idle=state.settings.session_idle)

    def _refusal(self, user: StaffIdentity | None, headers: Any, writes: bool) -> tuple[int, str] | None:
        if user is None:
            return status.HTTP_401_UNAUTHORIZED, self.messages.login_first
        if not self.allows(user):
            return status.HTTP_403_FORBIDDEN, self.messages.wrong_role
        if writes and not same_origin(headers):
            return status.HTTP_403_FORBIDDEN, self.messages.wrong_origin
        return None

    def api_user(self, request: Request) -> StaffIdentity:
        """Dependency for the JSON API: 401 anonymous, 403 wrong role or foreign origin."""
        user = self.user_of(request)
        refusal = self._refusal(user, request.headers, request.method not in ("GET", "HEAD"))
        if refusal is not None:
            raise HTTPException(*refusal)
        return user

    def page_user(self, request: Request) -> StaffIdentity:
        """Dependency for HTML pages: the login form (401) or a refusal page (403) instead of JSON."""
        user = self.user_of(request)
        refusal = self._refusal(user, request.headers, request.method not in ("GET", "HEAD"))
        if user is None:
            raise PageRefused(self.login_page(request, status.HTTP_401_UNAUTHORIZED, next_url=request.url.path))
        if refusal is not None:
            raise PageRefused(self.message_page(request, refusal[1], refusal[0], user=user))
        request.state.user = user  # for a page that a service refuses later (answer())
        return user

    def user(self, request: Request) -> StaffIdentity:
        """Dependency for a route that is both a page and, under {prefix}/api/, JSON."""
        return self.api_user(request) if self._is_api(request) else self.page_user(request)

    async def socket_user(self, websocket: WebSocket) -> StaffIdentity | None:
        """The user of a WebSocket handshake, or None after refusing it (always checks the origin)."""
        user = self.user_of(websocket)
        refusal = self._refusal(user, websocket.headers, writes=True)
        if refusal is None:
            return user
        code, detail = refusal
        try:
            await websocket.send_denial_response(JSONResponse({"detail": detail}, status_code=code))
        except RuntimeError:  # the server cannot send an HTTP answer to a WebSocket handshake
            await websocket.close(code=4000 + code, reason=detail[:100])
        return None

    # --- pages ----------------------------------------------------------------------------------

    def render(self, request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, {"area": self, **context}, status_code=status_code)

    def login_page(self, request: Request, status_code: int = 200, error: str = "", next_url: str = "",
                   username: str = "") -> HTMLResponse:
        return self.render(request, "area/login.html", {
            "error": error, "next": safe_next(next_url, self.prefix), "username": username, "user": None},
            status_code)

    def message_page(self, request: Request, message: str, status_code: int, title: str = REFUSED_TITLE,
                     user: StaffIdentity | None = None) -> HTMLResponse:
        return self.render(request, "area/message.html", {"user": user, "title": title, "message": message},
                           status_code)

    def _is_api(self, request: Request) -> bool:
        return request.url.path.startswith(self.prefix + "/api/")

    def answer(self, request: Request, message: str, status_code: int) -> Response:
        """A refusal from a service: {"detail": message} for the API, a message page for a page."""
        if self._is_api(request):
            return JSONResponse({"detail": message}, status_code=status_code)
        return self.message_page(request, message, status_code, user=getattr(request.state, "user", None))

    def static_files(self) -> StaticFolder:
        """{prefix}/static/: the area's own files and the shared area.css, revalidated on each load."""
        return StaticFolder(STATIC_DIR / self.name, STATIC_DIR / "area", headers={"Cache-Control": "no-cache"},
                            not_found="Niet gevonden.")


STAFF = Area("/staff", CONSOLE_ROLES, templates, AreaMessages(
    label="medewerkers", members="medewerkers", home="Naar de wachtrij",
    login_first="Log eerst in als medewerker.",
    wrong_role="Uw account mag de medewerkersconsole niet gebruiken (alleen de rollen staff en admin).",
    wrong_origin="Dit verzoek komt niet van de medewerkersconsole."))
EDITOR = Area("/editor", ("editor", "admin"), templates, AreaMessages(
    label="redactie", members="redacteuren", home="Naar de kaarten",
    login_first="Log eerst in als redacteur.",
    wrong_role="Uw account mag de kaarten niet bewerken (alleen de rollen editor en admin).",
    wrong_origin="Dit verzoek komt niet van de redactie-omgeving."))
AREAS = (STAFF, EDITOR)


def area_of(path: str) -> Area | None:
    return next((area for area in AREAS if area.owns(path)), None)


class AreaHeaders:
    """ASGI middleware: the security headers on every HTTP answer under an area's prefix (unless set)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or area_of(scope["path"]) is None:
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((name, value) for name, value in AREA_HEADERS if name not in present)]
            await send(message)

        return await self.app(scope, receive, with_headers)

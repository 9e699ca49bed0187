"""Logging in and out, the same for the staff console (/staff) and the editors' tools (/editor).

Both areas use the same accounts and server-side sessions (api/services/auth.py); each keeps its
session cookie on its own path. `login_routes(area)` gives an area its /login and /logout.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.core.input_limits import read_capped
from api.core.rate_limits import client_ip
from api.core.security import Area, safe_next, same_origin
from api.services import auth
from api.services.auth import COOKIE_NAME, StaffIdentity
from api.services.login_guard import LoginBusy, LoginGuard

TOO_MANY_TRIES = "Te vaak een verkeerd wachtwoord. Probeer het over 5 minuten opnieuw."
TOO_BUSY = "Er wordt nu te vaak ingelogd. Probeer het over een minuut opnieuw."
WRONG_PASSWORD = "Gebruikersnaam of wachtwoord klopt niet."


async def read_form(request: Request, limit: int = 4096) -> dict[str, str]:
    """A urlencoded form, refused with a 413 past `limit` bytes (never read whole)."""
    raw = (await read_capped(request, limit)).decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


async def log_in(request: Request, area: Area) -> Response:
    """Check the password (throttled), start a session and set the area's cookie."""
    if not same_origin(request.headers):
        raise HTTPException(status.HTTP_403_FORBIDDEN, area.messages.wrong_origin)
    form = await read_form(request)
    username, password = form.get("username", "").strip(), form.get("password", "")
    next_url = safe_next(form.get("next"), area.prefix)
    guard: LoginGuard = request.app.state.login_guard
    settings = request.app.state.settings
    ip = client_ip(request)
    wait = await guard.retry_after(ip, username)
    if wait is not None:
        return _with_retry_after(area.login_page(request, 429, TOO_MANY_TRIES, next_url, username), wait)
    try:
        user = await guard.authenticate(request.app.state.db, username, password) if username and password else None
    except LoginBusy:
        return _with_retry_after(area.login_page(request, 429, TOO_BUSY, next_url, username), 60)
    if user is None:
        await guard.failed(ip, username)
        return area.login_page(request, 401, WRONG_PASSWORD, next_url, username)
    await guard.succeeded(username)
    token = auth.start_session(request.app.state.db, user, idle=settings.session_idle)
    # an account without the area's role lands on its first page, which says so
    response = RedirectResponse(next_url if area.allows(user) else area.prefix, status_code=303)
    response.set_cookie(COOKIE_NAME, token, max_age=auth.SESSION_HOURS * 3600, path=area.prefix, httponly=True,
                        samesite="strict", secure=not settings.insecure_cookies or request.url.scheme == "https")
    return response


def _with_retry_after(response: Response, seconds: int) -> Response:
    response.headers["Retry-After"] = str(seconds)
    return response


def log_out(request: Request, area: Area) -> Response:
    if not same_origin(request.headers):
        raise HTTPException(status.HTTP_403_FORBIDDEN, area.messages.wrong_origin)
    auth.end_session(request.app.state.db, request.cookies.get(COOKIE_NAME))
    response = RedirectResponse(f"{area.prefix}/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path=area.prefix)
    return response


def login_routes(area: Area, after_logout: Callable[[Request, StaffIdentity], Awaitable[None]] | None = None
                 ) -> APIRouter:
    """GET/POST {prefix}/login and POST {prefix}/logout; `after_logout` runs for a user who was logged in."""
    router = APIRouter()

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = area.prefix) -> HTMLResponse:  # noqa: A002
        return area.login_page(request, next_url=next)

    @router.post("/login")
    async def login(request: Request) -> Response:
        return await log_in(request, area)

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        user = area.user_of(request)
        response = log_out(request, area)
        if user is not None and after_logout is not None:
            await after_logout(request, user)
        return response

    return router

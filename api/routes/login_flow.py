"""Logging in and out, shared by the staff console (/staff) and the editors' tools (/editor).

Both areas use the same accounts and server-side sessions (api/services/auth.py); each keeps its
session cookie on its own path and renders its own login page.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response

from api.core.input_limits import read_capped
from api.core.rate_limits import client_ip
from api.services import auth
from api.services.auth import COOKIE_NAME, StaffIdentity
from api.services.login_guard import LoginBusy, LoginGuard

TOO_MANY_TRIES = "Te vaak een verkeerd wachtwoord. Probeer het over 5 minuten opnieuw."
TOO_BUSY = "Er wordt nu te vaak ingelogd. Probeer het over een minuut opnieuw."
WRONG_PASSWORD = "Gebruikersnaam of wachtwoord klopt niet."

# render_login(request, status_code, error, next_url, username) -> the area's login page
RenderLogin = Callable[[Request, int, str, str, str], Response]


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


async def read_form(request: Request, limit: int = 4096) -> dict[str, str]:
    """A urlencoded form, refused with a 413 past `limit` bytes (never read whole)."""
    raw = (await read_capped(request, limit)).decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


async def log_in(request: Request, *, area: str, wrong_origin: str, render_login: RenderLogin,
                 landing: Callable[[StaffIdentity, str], str] | None = None) -> Response:
    """Check the password (throttled), start a session and set the area's cookie."""
    if not same_origin(request.headers):
        raise HTTPException(status.HTTP_403_FORBIDDEN, wrong_origin)
    form = await read_form(request)
    username, password = form.get("username", "").strip(), form.get("password", "")
    next_url = safe_next(form.get("next"), area)
    guard: LoginGuard = request.app.state.login_guard
    settings = request.app.state.settings
    ip = client_ip(request)
    wait = await guard.retry_after(ip, username)
    if wait is not None:
        return _with_retry_after(render_login(request, 429, TOO_MANY_TRIES, next_url, username), wait)
    try:
        user = await guard.authenticate(request.app.state.db, username, password) if username and password else None
    except LoginBusy:
        return _with_retry_after(render_login(request, 429, TOO_BUSY, next_url, username), 60)
    if user is None:
        await guard.failed(ip, username)
        return render_login(request, 401, WRONG_PASSWORD, next_url, username)
    await guard.succeeded(username)
    token = auth.start_session(request.app.state.db, user, idle=settings.session_idle)
    response = RedirectResponse(landing(user, next_url) if landing else next_url, status_code=303)
    response.set_cookie(COOKIE_NAME, token, max_age=auth.SESSION_HOURS * 3600, path=area, httponly=True,
                        samesite="strict", secure=not settings.insecure_cookies or request.url.scheme == "https")
    return response


def _with_retry_after(response: Response, seconds: int) -> Response:
    response.headers["Retry-After"] = str(seconds)
    return response


def log_out(request: Request, *, area: str, wrong_origin: str) -> Response:
    if not same_origin(request.headers):
        raise HTTPException(status.HTTP_403_FORBIDDEN, wrong_origin)
    auth.end_session(request.app.state.db, request.cookies.get(COOKIE_NAME))
    response = RedirectResponse(f"{area}/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path=area)
    return response

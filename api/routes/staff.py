"""The staff console (/staff): login, live queue (WebSocket /staff/ws), claim, chat, notes, cards,
hand back, close, call-backs. Server-rendered HTML plus /staff/static/staff.js; no inline script or
style, so the pages run under a strict Content-Security-Policy.

Every route except the login page and the static files needs a logged-in staff or admin account:
anonymous → 401, another role (editor) → 403.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from fastapi import APIRouter, Depends, HTTPException, Query, Request, WebSocket, WebSocketDisconnect, status
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from api import staff_views
from api.routes.login_flow import log_in, log_out, safe_next, same_origin
from api.services import auth
from api.services.auth import COOKIE_NAME, StaffIdentity
from api.services.handoff import HandoffError, HandoffService
from api.staff_views import templates

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
LOGIN_FIRST = "Log eerst in als medewerker."
WRONG_ROLE = "Uw account mag de medewerkersconsole niet gebruiken (alleen de rollen staff en admin)."
WRONG_ORIGIN = "Dit verzoek komt niet van de medewerkersconsole."


class StaffRoute(APIRoute):
    """Adds security headers to every /staff response: personal data, never cached or framed."""

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def with_headers(request: Request) -> Response:
            response = await handler(request)
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "same-origin")
            return response

        return with_headers


router = APIRouter(prefix="/staff", tags=["staff"], route_class=StaffRoute, include_in_schema=False)


# --- who is asking --------------------------------------------------------------------------


def service_of(request_or_socket: Any) -> HandoffService:
    return request_or_socket.app.state.handoff


def _user_from(request_or_socket: Any) -> StaffIdentity | None:
    token = request_or_socket.cookies.get(COOKIE_NAME)
    app_state = request_or_socket.app.state
    return auth.session_user(app_state.db, token, idle=app_state.settings.session_idle)


def console_user(request: Request) -> StaffIdentity:
    """Dependency for the JSON API: 401 anonymous, 403 wrong role or foreign origin."""
    user = _user_from(request)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, LOGIN_FIRST)
    if not user.may_use_console:
        raise HTTPException(status.HTTP_403_FORBIDDEN, WRONG_ROLE)
    if request.method not in ("GET", "HEAD") and not same_origin(request.headers):
        raise HTTPException(status.HTTP_403_FORBIDDEN, WRONG_ORIGIN)
    return user


def _page_user(request: Request) -> StaffIdentity | Response:
    """For HTML pages: the login form (401) or a refusal page (403) instead of JSON."""
    user = _user_from(request)
    if user is None:
        return _login_page(request, status_code=401, next_url=request.url.path)
    if not user.may_use_console:
        return templates.TemplateResponse(request, "staff/forbidden.html", {"user": user, "message": WRONG_ROLE},
                                          status_code=403)
    return user


def _error(error: HandoffError) -> JSONResponse:
    return JSONResponse({"detail": error.message}, status_code=error.status_code)


# --- static files and login -----------------------------------------------------------------


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    if name not in ("staff.js", "staff.css"):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Niet gevonden.")
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(STATIC / name, media_type=media, headers={"Cache-Control": "no-cache"})


def _login_page(request: Request, status_code: int = 200, error: str = "", next_url: str = "/staff",
                username: str = "") -> HTMLResponse:
    return templates.TemplateResponse(
        request, "staff/login.html",
        {"error": error, "next": safe_next(next_url, "/staff"), "username": username, "user": None},
        status_code=status_code,
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/staff") -> HTMLResponse:  # noqa: A002
    return _login_page(request, next_url=next)


@router.post("/login")
async def login(request: Request) -> Response:
    return await log_in(
        request, area="/staff", wrong_origin=WRONG_ORIGIN, render_login=_login_page,
        landing=lambda user, next_url: next_url if user.may_use_console else "/staff",
    )


@router.post("/logout")
async def logout(request: Request) -> Response:
    user = _user_from(request)
    response = log_out(request, area="/staff", wrong_origin=WRONG_ORIGIN)
    if user is not None:
        await service_of(request).hub.close_user(user.id)
    return response


# --- pages ------------------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def console_page(request: Request) -> Response:
    user = _page_user(request)
    if isinstance(user, Response):
        return user
    service = service_of(request)
    snapshot = service.snapshot()
    return templates.TemplateResponse(request, "staff/console.html", {
        "user": user, "queue": [staff_views.summary(e) for e in snapshot["queue"]],
        "active": [staff_views.summary(e) for e in snapshot["active"]], "me": user.id,
        "callbacks_open": snapshot["callbacks_open"], "online": snapshot["online"],
    })


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def conversation_page(request: Request, conversation_id: str) -> Response:
    user = _page_user(request)
    if isinstance(user, Response):
        return user
    try:
        detail = staff_views.summary(service_of(request).conversation_detail(conversation_id, user))
    except HandoffError as error:
        return templates.TemplateResponse(request, "staff/forbidden.html", {"user": user, "message": error.message},
                                          status_code=error.status_code)
    return templates.TemplateResponse(request, "staff/conversation.html", {"user": user, "c": detail})


@router.get("/callbacks", response_class=HTMLResponse)
def callbacks_page(request: Request) -> Response:
    user = _page_user(request)
    if isinstance(user, Response):
        return user
    return templates.TemplateResponse(request, "staff/callbacks.html",
                                      {"user": user, "callbacks": [staff_views.callback(cb) for cb in
                                                                   service_of(request).callbacks()]})


@router.get("/callbacks/{callback_id}", response_class=HTMLResponse)
def callback_page(request: Request, callback_id: int) -> Response:
    user = _page_user(request)
    if isinstance(user, Response):
        return user
    try:
        detail = staff_views.callback(service_of(request).callback_detail(callback_id, user))
    except HandoffError as error:
        return templates.TemplateResponse(request, "staff/forbidden.html", {"user": user, "message": error.message},
                                          status_code=error.status_code)
    return templates.TemplateResponse(request, "staff/callback.html", {"user": user, "cb": detail})


# --- JSON API used by staff.js ----------------------------------------------------------------


class StaffMessageIn(BaseModel):
    text: str = Field(min_length=1, max_length=5000)
    card_id: str | None = Field(default=None, max_length=120)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=5000)


class CloseIn(BaseModel):
    outcome: str = Field(max_length=40)


class CallbackStatusIn(BaseModel):
    status: str = Field(max_length=10)


@router.get("/api/me")
def me(user: StaffIdentity = Depends(console_user)) -> dict:
    return user.public()


@router.get("/api/queue")
def api_queue(request: Request, user: StaffIdentity = Depends(console_user)) -> dict:
    service = service_of(request)
    return {"queue": [staff_views.summary(e) for e in service.queue()],
            "online": [u.display_name for u in service.hub.online()]}


@router.get("/api/conversations/{conversation_id}")
def api_conversation(request: Request, conversation_id: str, user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.summary(service_of(request).conversation_detail(conversation_id, user))
    except HandoffError as error:
        return _error(error)


@router.post("/api/conversations/{conversation_id}/claim")
async def api_claim(request: Request, conversation_id: str, user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.with_entry(await service_of(request).claim(conversation_id, user))
    except HandoffError as error:
        return _error(error)


@router.post("/api/conversations/{conversation_id}/messages")
async def api_staff_message(request: Request, conversation_id: str, body: StaffMessageIn,
                            user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.entry(
            await service_of(request).send_staff_message(conversation_id, user, body.text, body.card_id))
    except HandoffError as error:
        return _error(error)


@router.post("/api/conversations/{conversation_id}/notes")
async def api_note(request: Request, conversation_id: str, body: NoteIn, user: StaffIdentity = Depends(console_user)):
    try:
        return await service_of(request).add_note(conversation_id, user, body.text)
    except HandoffError as error:
        return _error(error)


@router.post("/api/conversations/{conversation_id}/handback")
async def api_hand_back(request: Request, conversation_id: str, user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.with_entry(await service_of(request).hand_back(conversation_id, user))
    except HandoffError as error:
        return _error(error)


@router.post("/api/conversations/{conversation_id}/close")
async def api_close(request: Request, conversation_id: str, body: CloseIn, user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.with_entry(await service_of(request).close(conversation_id, user, body.outcome))
    except HandoffError as error:
        return _error(error)


@router.get("/api/cards")
def api_cards(request: Request, q: str = Query(min_length=1, max_length=500),
              user: StaffIdentity = Depends(console_user)) -> dict:
    hits = request.app.state.knowledge.search(q, k=5)
    return {"results": [{"card_id": h.card_id, "title": h.title, "snippet": h.snippet} for h in hits]}


@router.get("/api/cards/{card_id}")
def api_card(request: Request, card_id: str, user: StaffIdentity = Depends(console_user)):
    card = request.app.state.knowledge.card(card_id)
    if card is None:
        return JSONResponse({"detail": "Deze kaart bestaat niet."}, status_code=404)
    return {"card_id": card.id, "title": card.title, "body": card.body.strip()}


@router.get("/api/callbacks")
def api_callbacks(request: Request, user: StaffIdentity = Depends(console_user)) -> dict:
    return {"callbacks": [staff_views.callback(cb) for cb in service_of(request).callbacks()]}


@router.get("/api/callbacks/{callback_id}")
def api_callback(request: Request, callback_id: int, user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.callback(service_of(request).callback_detail(callback_id, user))
    except HandoffError as error:
        return _error(error)


@router.post("/api/callbacks/{callback_id}/status")
def api_callback_status(request: Request, callback_id: int, body: CallbackStatusIn,
                        user: StaffIdentity = Depends(console_user)):
    try:
        return staff_views.callback(service_of(request).set_callback_status(callback_id, body.status, user))
    except HandoffError as error:
        return _error(error)


# --- live queue -------------------------------------------------------------------------------


async def _refuse(websocket: WebSocket, code: int, detail: str) -> None:
    try:
        await websocket.send_denial_response(JSONResponse({"detail": detail}, status_code=code))
    except RuntimeError:  # the server cannot send an HTTP answer to a WebSocket handshake
        await websocket.close(code=4000 + code, reason=detail[:100])


@router.websocket("/ws")
async def staff_socket(websocket: WebSocket) -> None:
    user = _user_from(websocket)
    if user is None:
        await _refuse(websocket, 401, LOGIN_FIRST)
        return
    if not user.may_use_console:
        await _refuse(websocket, 403, WRONG_ROLE)
        return
    if not same_origin(websocket.headers):
        await _refuse(websocket, 403, WRONG_ORIGIN)
        return
    service = service_of(websocket)
    await websocket.accept()
    service.hub.connect(websocket, user)
    try:
        snapshot = service.snapshot()
        await websocket.send_json({"type": "hello", "user": user.public()})
        await websocket.send_json(staff_views.console_payload(service.queue_message(snapshot), viewer_id=user.id))
        while True:
            text = await websocket.receive_text()
            if not await service.socket_allowed(websocket):  # logged out or deactivated meanwhile
                await service.hub.drop(websocket)
                return
            if text == "ping":
                await websocket.send_json({"type": "pong"})
    except WebSocketDisconnect:
        pass
    finally:
        service.hub.disconnect(websocket)

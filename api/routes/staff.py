"""The staff console (/staff): login, live queue (WebSocket /staff/ws), claim, chat, notes, cards,
hand back, close, call-backs. Server-rendered HTML plus /staff/static/staff.js; no inline script or
style, so the pages run under a strict Content-Security-Policy (headers: api/core/security.py).

Every route except the login page and the static files needs a logged-in staff or admin account:
anonymous → 401, another role (editor) → 403 (the STAFF area's dependencies in api/deps.py). A refusal
of the handoff service (HandoffError) is answered in api/main.py: JSON for the API, a page for a page.
"""
from __future__ import annotations

from fastapi import APIRouter, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from api import staff_views
from api.core.security import STAFF
from api.deps import HandoffDep, KnowledgeDep, StaffApiUser, StaffPageUser
from api.routes.login_flow import login_routes
from api.services.auth import StaffIdentity
from api.services.card_language import staff_text
from api.services.gemeenten import may_see, online_names, visible_codes
from knowledge.domain.gemeenten import LEGACY_CODE

router = APIRouter(prefix="/staff", tags=["staff"], include_in_schema=False)


async def _close_sockets(request: Request, user: StaffIdentity) -> None:
    await request.app.state.handoff.hub.close_user(user.id)


router.include_router(login_routes(STAFF, after_logout=_close_sockets))


# --- pages ------------------------------------------------------------------------------------


def _online(service, user: StaffIdentity) -> list[str]:
    """Who of the viewer's team is online (an admin: everyone); not another team's staff names."""
    return online_names(service.gemeenten, user, service.hub.online())


@router.get("", response_class=HTMLResponse)
@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def console_page(request: Request, user: StaffPageUser, service: HandoffDep) -> Response:
    snapshot = {**service.snapshot(user), "online": _online(service, user)}
    return STAFF.render(request, "staff/console.html", {
        "user": user, "queue": [staff_views.summary(e) for e in snapshot["queue"]],
        "active": [staff_views.summary(e) for e in snapshot["active"]], "me": user.id,
        "callbacks_open": snapshot["callbacks_open"], "online": snapshot["online"],
    })


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def conversation_page(request: Request, conversation_id: str, user: StaffPageUser, service: HandoffDep) -> Response:
    detail = staff_views.summary(service.conversation_detail(conversation_id, user))
    return STAFF.render(request, "staff/conversation.html", {"user": user, "c": detail})


@router.get("/callbacks", response_class=HTMLResponse)
def callbacks_page(request: Request, user: StaffPageUser, service: HandoffDep) -> Response:
    return STAFF.render(request, "staff/callbacks.html",
                        {"user": user, "callbacks": [staff_views.callback(cb) for cb in service.callbacks(user)]})


@router.get("/callbacks/{callback_id}", response_class=HTMLResponse)
def callback_page(request: Request, callback_id: int, user: StaffPageUser, service: HandoffDep) -> Response:
    detail = staff_views.callback(service.callback_detail(callback_id, user))
    return STAFF.render(request, "staff/callback.html", {"user": user, "cb": detail})


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
def me(user: StaffApiUser) -> dict:
    return user.public()


@router.get("/api/queue")
def api_queue(user: StaffApiUser, service: HandoffDep) -> dict:
    return {"queue": [staff_views.summary(e) for e in service.queue(user)],
            "online": _online(service, user)}


@router.get("/api/conversations/{conversation_id}")
def api_conversation(conversation_id: str, user: StaffApiUser, service: HandoffDep):
    return staff_views.summary(service.conversation_detail(conversation_id, user))


@router.post("/api/conversations/{conversation_id}/claim")
async def api_claim(conversation_id: str, user: StaffApiUser, service: HandoffDep):
    return staff_views.with_entry(await service.claim(conversation_id, user))


@router.post("/api/conversations/{conversation_id}/messages")
async def api_staff_message(conversation_id: str, body: StaffMessageIn, user: StaffApiUser,
                            service: HandoffDep):
    return staff_views.entry(await service.send_staff_message(conversation_id, user, body.text, body.card_id))


@router.post("/api/conversations/{conversation_id}/notes")
async def api_note(conversation_id: str, body: NoteIn, user: StaffApiUser, service: HandoffDep):
    return await service.add_note(conversation_id, user, body.text)


@router.post("/api/conversations/{conversation_id}/handback")
async def api_hand_back(conversation_id: str, user: StaffApiUser, service: HandoffDep):
    return staff_views.with_entry(await service.hand_back(conversation_id, user))


@router.post("/api/conversations/{conversation_id}/close")
async def api_close(conversation_id: str, body: CloseIn, user: StaffApiUser, service: HandoffDep):
    return staff_views.with_entry(await service.close(conversation_id, user, body.outcome))


@router.get("/api/cards")
def api_cards(user: StaffApiUser, knowledge: KnowledgeDep, q: str = Query(min_length=1, max_length=500)) -> dict:
    hits = knowledge.search(q, k=5)
    return {"results": [{"card_id": h.card_id, "title": h.title, "snippet": h.snippet} for h in hits]}


def _visible_code(service, user: StaffIdentity, conversation_id: str) -> str | None:
    """The conversation's gemeente code when `user` may see the conversation, else None."""
    code = service.gemeente_of(conversation_id)
    return code if code is not None and may_see(service.gemeenten, user, code) else None


def _card_gemeente(service, user: StaffIdentity, conversation_id: str | None) -> str | None:
    """Whose text of a card staff insert: the conversation's gemeente; without a conversation the one
    gemeente of the viewer's team, else none (the shared text). Never every gemeente's sections."""
    gemeenten = service.gemeenten
    if conversation_id:
        code = _visible_code(service, user, conversation_id)
        return gemeenten.code_of(code) if code is not None else None
    codes = (visible_codes(gemeenten, user) or set()) - {LEGACY_CODE}
    return next(iter(codes)) if len(codes) == 1 else None


def _card_locale(service, user: StaffIdentity, conversation_id: str | None) -> str | None:
    """The language of the conversation staff insert a card into (one they may see), else None (Dutch)."""
    visible = conversation_id and _visible_code(service, user, conversation_id) is not None
    return service.locale_of(conversation_id) if visible else None


@router.get("/api/cards/{card_id}")
def api_card(card_id: str, user: StaffApiUser, knowledge: KnowledgeDep, service: HandoffDep,
             conversation_id: str | None = Query(default=None, max_length=64)):
    card = knowledge.card(card_id)
    if card is None:
        return JSONResponse({"detail": "Deze kaart bestaat niet."}, status_code=404)
    # an English conversation gets the card's English text (or the notice and the Dutch text)
    body = staff_text(card, _card_gemeente(service, user, conversation_id), _card_locale(service, user, conversation_id))
    return {"card_id": card.id, "title": card.title, "body": body}


@router.get("/api/callbacks")
def api_callbacks(user: StaffApiUser, service: HandoffDep) -> dict:
    return {"callbacks": [staff_views.callback(cb) for cb in service.callbacks(user)]}


@router.get("/api/callbacks/{callback_id}")
def api_callback(callback_id: int, user: StaffApiUser, service: HandoffDep):
    return staff_views.callback(service.callback_detail(callback_id, user))


@router.post("/api/callbacks/{callback_id}/status")
def api_callback_status(callback_id: int, body: CallbackStatusIn, user: StaffApiUser, service: HandoffDep):
    return staff_views.callback(service.set_callback_status(callback_id, body.status, user))


# --- live queue -------------------------------------------------------------------------------


@router.websocket("/ws")
async def staff_socket(websocket: WebSocket) -> None:
    user = await STAFF.socket_user(websocket)
    if user is None:
        return
    service = websocket.app.state.handoff
    await websocket.accept()
    service.hub.connect(websocket, user)
    try:
        snapshot = {**service.snapshot(user), "online": _online(service, user)}
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

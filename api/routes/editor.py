"""The editors' tools (/editor): card list, edit form with live B1 feedback, preview, drafts,
publish, history with diffs, rollback, and knowledge gaps.

Server-rendered HTML plus /editor/static/editor.js; no inline script or style (strict CSP, headers:
api/core/security.py). Logins are the staff accounts and sessions of api/services/auth.py; the cookie
is the same `wegwijs_staff` session, set for path /editor. Roles editor and admin only (the EDITOR
area's dependencies in api/deps.py): anonymous → 401 (login form for pages), staff → 403.
"""
from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from api.core.input_limits import read_capped
from api.core.security import EDITOR
from api.deps import EditorApiUser, EditorPageUser, EditorUser, PublisherDep
from api.routes.login_flow import login_routes, read_form
from api.services.auth import StaffIdentity
from api.services.card_list import list_cards
from api.services.card_publisher import CardPublisher, EditorError
from api.services.gaps import list_gaps
from knowledge.card_file import TAG_KEYS, card_to_fields, compose, empty_fields, sha
from knowledge.cards_model import CardFormatError, parse_card
from knowledge.checker.thresholds import REVIEW_WARNING_DAYS
from knowledge.checker.vocabulary import AUDIENCES
from knowledge.letters.templates import load_templates

MAX_BODY = 200_000

router = APIRouter(prefix="/editor", tags=["editor"], include_in_schema=False)
router.include_router(login_routes(EDITOR))


def _render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return EDITOR.render(request, name, context, status_code)


def _not_found(request: Request, user: StaffIdentity, message: str) -> HTMLResponse:
    return EDITOR.message_page(request, message, 404, title="Niet gevonden", user=user)


async def _form(request: Request) -> dict[str, str]:
    return await read_form(request, MAX_BODY)


async def _payload(request: Request) -> dict[str, Any]:
    """JSON from editor.js or API clients, or a plain HTML form post."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(await read_capped(request, MAX_BODY) or b"{}")
        except ValueError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "Dit is geen geldige JSON.") from exc
        if not isinstance(data, dict):
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "Stuur een JSON-object.")
        return data
    return await _form(request)


FormFields = Annotated[dict[str, str], Depends(_form)]
Payload = Annotated[dict[str, Any], Depends(_payload)]


def _card_text(service: CardPublisher, card_id: str | None, data: dict[str, Any]) -> str:
    """The full card text: `text` as given, or built from the form fields."""
    if isinstance(data.get("text"), str) and data["text"].strip():
        return data["text"]
    fields = {k: v if isinstance(v, str) else ("\n".join(v) if isinstance(v, list) else str(v or ""))
              for k, v in data.items()}
    if card_id and not fields.get("id"):
        fields["id"] = card_id
    old = service.file_text(card_id) if card_id else None
    return compose(fields, old)


# --- pages ----------------------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def card_list(request: Request, user: EditorPageUser, service: PublisherDep, q: str = "",
              status_filter: str = "") -> Response:
    status_filter = request.query_params.get("status", status_filter)
    today = service.today()
    rows = list_cards(service.db, service.cards_dir, today, q[:200], status_filter)
    return _render(request, "editor/list.html", {
        "user": user, "rows": rows, "q": q, "status": status_filter, "today": today,
        "total": len(list_cards(service.db, service.cards_dir, today)), "review_days": REVIEW_WARNING_DAYS})


def _edit_context(service: CardPublisher, user: StaffIdentity, card_id: str | None, fields: dict[str, str],
                  **extra: Any) -> dict[str, Any]:
    old = service.file_text(card_id) if card_id else None
    return {"user": user, "card_id": card_id, "fields": fields, "is_new": old is None,
            "base_sha": sha(old) if old else "", "audiences": AUDIENCES, "tag_keys": TAG_KEYS,
            "problems": [], "message": "", "draft_at": None, **extra}


@router.get("/cards/new", response_class=HTMLResponse)
def new_card(request: Request, user: EditorPageUser, service: PublisherDep, question: str = "") -> Response:
    fields = empty_fields(question=question.strip()[:300], today=service.today())
    return _render(request, "editor/edit.html", _edit_context(service, user, None, fields))


@router.get("/cards/{card_id}", response_class=HTMLResponse)
def edit_card(request: Request, card_id: str, user: EditorPageUser, service: PublisherDep, draft: int = 1) -> Response:
    try:
        text = service.file_text(card_id)
    except EditorError as error:
        return _not_found(request, user, error.message)
    saved = service.draft(card_id)
    source = saved.text if saved is not None and draft else text
    if source is None:
        return _not_found(request, user, "Deze kaart bestaat niet.")
    try:
        fields = card_to_fields(parse_card(source))
    except CardFormatError as error:
        return EDITOR.message_page(request, f"Dit bestand is geen geldige kaart. Laat een ontwikkelaar het "
                                   f"herstellen: {error}", 422, title="Kaart niet te lezen", user=user)
    return _render(request, "editor/edit.html", _edit_context(
        service, user, card_id, fields, draft_at=saved.updated_at if saved is not None and draft else None,
        has_draft=saved is not None))


@router.post("/cards/{card_id}")
@router.post("/cards")
async def submit_card(request: Request, user: EditorPageUser, service: PublisherDep, form: FormFields,
                      card_id: str | None = None) -> Response:
    """The edit form without JavaScript: action=check | draft | publish | discard."""
    action = form.pop("action", "check")
    base = form.pop("base_sha", "") or None
    card_id = card_id or (form.get("id") or "").strip()
    try:
        service.path_of(card_id)
    except EditorError as error:
        context = _edit_context(service, user, None, form, message=f"Kenmerk: {error.message}")
        return _render(request, "editor/edit.html", context, 422)
    if request.url.path.rstrip("/") == "/editor/cards" and service.file_text(card_id) is not None:
        context = _edit_context(service, user, None, form, message=f"Er bestaat al een kaart met het kenmerk "
                                f"'{card_id}'. Kies een ander kenmerk of open die kaart.")
        return _render(request, "editor/edit.html", context, 409)
    text = _card_text(service, card_id, form)
    if action == "discard":
        service.discard_draft(card_id)
        return RedirectResponse(f"/editor/cards/{card_id}?draft=0", status_code=303)
    if action == "draft":
        service.save_draft(card_id, text, user)
        return RedirectResponse(f"/editor/cards/{card_id}?saved=1", status_code=303)
    if action == "publish":
        try:
            result = await asyncio.to_thread(service.publish, card_id, text, user, base_sha=base)
        except EditorError as error:
            ctx = _edit_context(service, user, card_id if service.file_text(card_id) else None, form,
                                problems=error.problems, message=error.message)
            ctx["base_sha"] = base or ""
            return _render(request, "editor/edit.html", ctx, error.status_code)
        return RedirectResponse(f"/editor/cards/{card_id}/history?published={result['version']}", status_code=303)
    result = service.check(text, expect_id=card_id)
    ctx = _edit_context(service, user, card_id if service.file_text(card_id) else None, form,
                        problems=result["problems"],
                        message="Geen fouten gevonden." if result["ok"] else "Verbeter deze punten:")
    ctx["base_sha"] = base or ctx["base_sha"]
    return _render(request, "editor/edit.html", ctx)


@router.get("/cards/{card_id}/history", response_class=HTMLResponse)
def history_page(request: Request, card_id: str, user: EditorPageUser, service: PublisherDep,
                 published: int | None = None) -> Response:
    try:
        service.path_of(card_id)
    except EditorError as error:
        return _not_found(request, user, error.message)
    if request.headers.get("accept", "").startswith("application/json"):
        rows = service.history(card_id)
        return JSONResponse({"card_id": card_id, "versions": [
            {**r, "at": r["at"].isoformat() if r["at"] else None} for r in rows]})
    return _render(request, "editor/history.html", {
        "user": user, "card_id": card_id, "versions": service.history(card_id), "published": published,
        "audit": service.audit(card_id, 20)})


@router.get("/gaps", response_class=HTMLResponse)
async def gaps_page(request: Request, user: EditorPageUser, service: PublisherDep, days: int = 90) -> Response:
    groups = await asyncio.to_thread(list_gaps, service.db, service.knowledge, max(1, min(days, 365)))
    return _render(request, "editor/gaps.html", {"user": user, "groups": groups, "days": days, "quote": quote})


@router.get("/letters", response_class=HTMLResponse)
def letters_page(request: Request, user: EditorPageUser) -> Response:
    """The sample letters' templates (knowledge/letters/), read-only: they change by a developer's commit."""
    return _render(request, "editor/letters.html", {"user": user, "letters": list(load_templates().values())})


# --- JSON API (editor.js, scripts, tests) -----------------------------------------------------------


def _refused(error: EditorError, with_problems: bool = True) -> JSONResponse:
    body = {"detail": error.message, **({"problems": error.problems} if with_problems else {})}
    return JSONResponse(body, status_code=error.status_code)


@router.post("/api/check")
async def api_check(user: EditorApiUser, data: Payload, service: PublisherDep) -> JSONResponse:
    """Run the card checker on a card text (`text`) or on the form fields; problems with offsets."""
    card_id = str(data.get("card_id") or data.get("id") or "").strip() or None
    try:
        text = _card_text(service, card_id, data)
    except EditorError:
        text = _card_text(service, None, data)
    result = await asyncio.to_thread(service.check, text, card_id if data.get("existing") else None)
    return JSONResponse(result)


@router.post("/api/cards/{card_id}/draft")
async def api_draft(card_id: str, user: EditorApiUser, data: Payload, service: PublisherDep) -> JSONResponse:
    try:
        service.save_draft(card_id, _card_text(service, card_id, data), user)
    except EditorError as error:
        return _refused(error, with_problems=False)
    return JSONResponse({"ok": True, "message": "Concept bewaard. De chatbot gebruikt het nog niet."})


@router.post("/api/cards/{card_id}/publish")
async def api_publish(card_id: str, user: EditorApiUser, data: Payload, service: PublisherDep) -> JSONResponse:
    try:
        text = _card_text(service, card_id, data)
        result = await asyncio.to_thread(service.publish, card_id, text, user,
                                         base_sha=str(data.get("base_sha") or "") or None)
    except EditorError as error:
        return _refused(error)
    return JSONResponse(result)


@router.post("/api/cards/{card_id}/rollback/{version}")
@router.post("/cards/{card_id}/rollback/{version}")
async def rollback(request: Request, card_id: str, version: int, user: EditorUser, service: PublisherDep) -> Response:
    """Publish an old version again, through the same checks as a normal publish."""
    is_page = not request.url.path.startswith("/editor/api/")
    try:
        result = await asyncio.to_thread(service.rollback, card_id, version, user)
    except EditorError as error:
        if not is_page:
            return _refused(error)
        return _render(request, "editor/history.html", {
            "user": user, "card_id": card_id, "versions": service.history(card_id), "published": None,
            "audit": service.audit(card_id, 20), "error": error.message, "problems": error.problems},
            error.status_code)
    if is_page:
        return RedirectResponse(f"/editor/cards/{card_id}/history?published={result['version']}", status_code=303)
    return JSONResponse(result)


@router.get("/api/cards/{card_id}")
def api_card(card_id: str, user: EditorApiUser, service: PublisherDep) -> JSONResponse:
    try:
        text = service.file_text(card_id)
    except EditorError as error:
        return _refused(error, with_problems=False)
    if text is None:
        return JSONResponse({"detail": "Deze kaart bestaat niet."}, status_code=404)
    return JSONResponse({"card_id": card_id, "text": text, "sha": sha(text)})

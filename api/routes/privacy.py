"""Deleting a conversation (the citizen in the widget, an admin in the console) and the privacy statement.

    DELETE /api/conversations/{id}          the citizen's "Verwijder dit gesprek": 204, then the id is 404
    DELETE /staff/api/conversations/{id}    the same for an admin in the staff console (role admin only)
    GET    /privacy                         the privacy statement (docs/privacy.md), linked from the widget
"""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.responses import HTMLResponse, JSONResponse
from markdown_it import MarkdownIt

from api.core.config import Settings
from api.deps import StaffApiUser, get_settings_dep
from api.routes.conversations import NOT_FOUND
from api.routes.widget import PAGE_HEADERS
from api.services.retention import ConversationEraser
from api.services.gemeenten import gemeenten_of
from knowledge.domain.gemeente import load_gemeente

PRIVACY_TEXT = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"
ONLY_ADMIN = "Alleen een beheerder (rol admin) mag gesprekken verwijderen."

logger = logging.getLogger("api.privacy")
router = APIRouter(tags=["privacy"])
staff_router = APIRouter(prefix="/staff/api", include_in_schema=False)  # headers: api/core/security.py


def get_eraser(request: Request) -> ConversationEraser:
    return request.app.state.eraser


@router.delete(
    "/api/conversations/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT, tags=["conversations"],
    responses={404: {"description": NOT_FOUND}},
    summary="Delete a conversation: transcript, state, call-back contact, feedback and the bot's tracker",
)
async def delete_conversation(conversation_id: str, eraser: ConversationEraser = Depends(get_eraser)) -> Response:
    if not await eraser.delete(conversation_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    logger.info("conversation deleted by the citizen")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@staff_router.delete("/conversations/{conversation_id}")
async def delete_conversation_as_admin(conversation_id: str, user: StaffApiUser,
                                       eraser: ConversationEraser = Depends(get_eraser)) -> Response:
    if user.role != "admin":
        return JSONResponse({"detail": ONLY_ADMIN}, status_code=status.HTTP_403_FORBIDDEN)
    if not await eraser.delete(conversation_id):
        return JSONResponse({"detail": "Dit gesprek bestaat niet (meer)."}, status_code=status.HTTP_404_NOT_FOUND)
    logger.info("conversation deleted by admin %s", user.username)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def privacy_markdown(settings: Settings, code: str | None = None) -> str:
    """docs/privacy.md with the gemeente's name and contact and the retention period filled in;
    `code`: that gemeente's (an unknown code or None: the default gemeente's)."""
    text = PRIVACY_TEXT.read_text(encoding="utf-8")
    text = text.split("-->", 1)[1] if text.lstrip().startswith("<!--") else text
    gemeenten = gemeenten_of(settings)
    gemeente = load_gemeente(gemeenten.file_of(code if code and gemeenten.known(code) else None))
    for key, value in {"gemeente": gemeente.name, "telefoon": gemeente.phone, "website": f"<{gemeente.website}>",
                       "dagen": str(settings.retention_days)}.items():
        text = text.replace("{{" + key + "}}", value)
    return text.strip() + "\n"


@router.get("/privacy", response_class=HTMLResponse, summary="Privacy statement of the chat (B1 Dutch)")
def privacy_page(settings: Settings = Depends(get_settings_dep),
                 gemeente: str | None = Query(default=None, max_length=8)) -> HTMLResponse:
    body = MarkdownIt("commonmark", {"html": False}).render(privacy_markdown(settings, gemeente))
    page = ('<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>Privacy in de chat Wegwijs</title>\n<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">\n'
            '<link rel="stylesheet" href="/static/demo.css">\n</head>\n<body>\n'
            f'<main id="inhoud" class="wrap privacy">\n{body}</main>\n</body>\n</html>\n')
    return HTMLResponse(page, headers=PAGE_HEADERS)

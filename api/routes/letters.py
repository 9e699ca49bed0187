"""Sample letters drafted from a conversation (issue 12).

    GET /letter/{id}                       the letter page (the widget's "Maak een voorbeeldbrief", the staff
                                           console's link): a form, a preview, .docx / PDF / print, all built
                                           in the browser (web-widget/src/letter/)
    GET /api/conversations/{id}/letter     the non-personal draft: the letters that fit the case, their facts,
                                           fields and template texts (knowledge/letters/)
    GET /letter-assets/{name}              the letter page's script bundle and stylesheet (`make widget`)

The citizen's own details never reach these routes: nothing here accepts a body, and the page sends
nothing but these GETs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from api.core.config import Settings
from api.core.static_files import StaticFolder
from api.deps import get_conversations, get_settings_dep
from api.routes.conversations import NOT_FOUND
from api.routes.widget import PAGE_HEADERS
from api.services.conversation_service import ConversationNotFound, ConversationService
from knowledge.letters import letter_drafts

API_DIR = Path(__file__).resolve().parents[1]
LETTER_ASSETS = API_DIR.parent / "web-widget" / "dist" / "letter"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))
# The page holds what the citizen types: never cached, never sent on as a referrer.
LETTER_PAGE_HEADERS = {**PAGE_HEADERS, "Cache-Control": "no-store"}

router = APIRouter(tags=["letters"])


class Draft(BaseModel):
    """The non-personal part of the sample letters: the page adds what the citizen types."""

    conversation_id: str
    gemeente: str
    message: str  # why there is no letter (yet), or ""
    letters: list[dict[str, Any]]


def draft_for(conversation_id: str, conversations: ConversationService, settings: Settings) -> Draft:
    transcript = conversations.transcript(conversation_id)
    # addressed to the conversation's own gemeente, with its post address and forms (gemeenten/<code>.yml)
    drafts = letter_drafts(transcript.state.model_dump(), today=settings.today(),
                           gemeente_file=conversations.gemeenten.file_of(transcript.gemeente))
    return Draft(conversation_id=conversation_id, **drafts)


Conversations = Annotated[ConversationService, Depends(get_conversations)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


@router.get("/api/conversations/{conversation_id}/letter", response_model=Draft,
            responses={404: {"description": NOT_FOUND}}, summary="The sample letters that fit this conversation")
def letter_draft(conversation_id: str, conversations: Conversations, settings: SettingsDep) -> Draft:
    try:
        return draft_for(conversation_id, conversations, settings)
    except ConversationNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None


@router.get("/letter/{conversation_id}", response_class=HTMLResponse, include_in_schema=False)
def letter_page(conversation_id: str, request: Request, conversations: Conversations,
                settings: SettingsDep) -> HTMLResponse:
    try:
        draft = draft_for(conversation_id, conversations, settings)
    except ConversationNotFound:
        draft = None
    return templates.TemplateResponse(
        request, "letter/page.html",
        {"draft": draft, "not_found": NOT_FOUND, "built": (LETTER_ASSETS / "index.js").is_file()},
        status_code=status.HTTP_404_NOT_FOUND if draft is None else status.HTTP_200_OK,
        headers=LETTER_PAGE_HEADERS)


router.mount("/letter-assets", StaticFolder(LETTER_ASSETS, headers={"Cache-Control": "no-cache"},
                                            not_found="Dit bestand bestaat niet. Voer `make widget` uit.",
                                            check_dir=False))

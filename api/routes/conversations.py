"""The public chat API used by the widget, the staff console and the evaluation."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Header, HTTPException, status

from api.core.config import Settings
from api.deps import get_conversations, get_settings_dep
from api.schemas import ConversationCreate, ConversationCreated, MessageIn, MessagesOut, Transcript
from api.services.conversation_service import (
    BotUnavailable,
    ConversationNotFound,
    ConversationService,
    MessageTooLong,
)

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

NOT_FOUND = "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek."
UNAVAILABLE = "Wegwijs is even niet bereikbaar. Uw bericht is bewaard. U krijgt hier antwoord zodra Wegwijs weer werkt."


@router.post("", response_model=ConversationCreated, status_code=status.HTTP_201_CREATED)
def create_conversation(
    body: ConversationCreate | None = None,
    x_wegwijs_staff_available: str | None = Header(default=None, include_in_schema=False),
    conversations: ConversationService = Depends(get_conversations),
    settings: Settings = Depends(get_settings_dep),
) -> ConversationCreated:
    override = None
    if settings.allow_test_headers and x_wegwijs_staff_available is not None:
        override = x_wegwijs_staff_available.lower() == "true"
    conversation_id = conversations.create((body or ConversationCreate()).locale, override)
    return ConversationCreated(id=conversation_id)


@router.post(
    "/{conversation_id}/messages",
    response_model=MessagesOut,
    responses={404: {"description": NOT_FOUND}, 413: {"description": "Bericht te lang"}, 503: {"description": UNAVAILABLE}},
)
async def send_message(
    conversation_id: str, message: MessageIn, conversations: ConversationService = Depends(get_conversations)
) -> MessagesOut:
    try:
        return await conversations.handle(conversation_id, message)
    except ConversationNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None
    except MessageTooLong as error:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"Uw bericht is te lang. Het mag hoogstens {error.limit} tekens hebben. Maak het korter en stuur het opnieuw.",
        ) from None
    except BotUnavailable:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE) from None


@router.get("/{conversation_id}", response_model=Transcript, responses={404: {"description": NOT_FOUND}})
def get_conversation(conversation_id: str, conversations: ConversationService = Depends(get_conversations)) -> Transcript:
    try:
        return conversations.transcript(conversation_id)
    except ConversationNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None

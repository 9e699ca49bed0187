"""The public chat API used by the widget, the staff console and the evaluation."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Header, HTTPException, status

from api.core.config import Settings
from api.core.input_limits import message_too_long
from api.core.rate_limits import TOO_MANY_REQUESTS_RESPONSE, limit_message, limit_new_conversation
from api.deps import get_conversations, get_settings_dep
from api.schemas import ConversationCreate, ConversationCreated, MessageIn, MessagesOut, Transcript
from api.services.conversation_service import (
    BotUnavailable,
    ConversationNotFound,
    ConversationService,
    MessageTooLong,
)
from api.services.gemeenten import UNKNOWN_GEMEENTE, UnknownGemeente
from api.services.offered_payloads import NOT_OFFERED, PayloadNotOffered

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

NOT_FOUND = "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek."
UNAVAILABLE = "Wegwijs is even niet bereikbaar. Uw bericht is bewaard. U krijgt hier antwoord zodra Wegwijs weer werkt."


@router.post("", response_model=ConversationCreated, status_code=status.HTTP_201_CREATED,
             dependencies=[Depends(limit_new_conversation)],
             responses={422: {"description": "Onbekende gemeente (data-gemeente)"}, **TOO_MANY_REQUESTS_RESPONSE})
def create_conversation(
    body: ConversationCreate | None = None,
    x_wegwijs_staff_available: str | None = Header(default=None, include_in_schema=False),
    conversations: ConversationService = Depends(get_conversations),
    settings: Settings = Depends(get_settings_dep),
) -> ConversationCreated:
    override = None
    if settings.allow_test_headers and x_wegwijs_staff_available is not None:
        override = x_wegwijs_staff_available.lower() == "true"
    body = body or ConversationCreate()
    try:
        conversation_id = conversations.create(body.locale, override, body.gemeente)
    except UnknownGemeente as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, UNKNOWN_GEMEENTE.format(code=error.code)) from None
    return ConversationCreated(id=conversation_id)


@router.post(
    "/{conversation_id}/messages",
    response_model=MessagesOut,
    responses={404: {"description": NOT_FOUND}, 413: {"description": "Bericht te lang"},
               422: {"description": "Leeg bericht, of een knop die niet bij dit gesprek hoort"},
               503: {"description": UNAVAILABLE}, **TOO_MANY_REQUESTS_RESPONSE},
    dependencies=[Depends(limit_message)],
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
            message_too_long(error.limit),
        ) from None
    except BotUnavailable:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE) from None
    except PayloadNotOffered:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, NOT_OFFERED) from None


@router.get("/{conversation_id}", response_model=Transcript, responses={404: {"description": NOT_FOUND}})
def get_conversation(conversation_id: str, conversations: ConversationService = Depends(get_conversations)) -> Transcript:
    try:
        return conversations.transcript(conversation_id)
    except ConversationNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None

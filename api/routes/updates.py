"""What the citizen's widget polls while waiting for or talking to a staff member.

GET /api/conversations/{id}/updates?after=<message id>[&wait=<seconds>][&known=<status key>]

Returns the messages the citizen has not received in a POST answer (staff messages and the
handoff notices: "U praat nu met Anna.", back to the bot, closed) with an id above `after`,
the state, and a status line ("U wacht op een medewerker. Er wacht 1 persoon voor u." /
"U praat nu met Anna."). Pass `last_id` back as `after` next time. With `wait` > 0 it is a
long-poll: the answer comes as soon as there is something new, or after `wait` seconds.
`status.key` is a fingerprint of the state and the status line: pass it back as `known`, and the
answer comes at once if the status changed since (e.g. while the widget was between two requests),
else when there is a new message or the status changes, or after `wait` seconds.
"""
from __future__ import annotations

import asyncio
import time

from fastapi import APIRouter, HTTPException, Query, Request, status
from pydantic import BaseModel

from api.schemas import Source, State
from api.services.handoff import HandoffService, NotFound

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

NOT_FOUND = "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek."


class UpdateMessage(BaseModel):
    id: int
    sender: str  # staff | bot (a handoff notice)
    text: str
    sources: list[Source] = []
    created_at: str
    staff_name: str | None = None  # first name, for staff messages


class HandoffStatus(BaseModel):
    text: str | None = None  # the line to show above the input, or null
    position: int | None = None  # 1 = first in the queue
    ahead: int | None = None  # people waiting before this citizen
    staff_name: str | None = None  # first name of the staff member who has the chat
    key: str = ""  # fingerprint of the state and this status: pass it back as `known`


class Updates(BaseModel):
    messages: list[UpdateMessage]
    state: State
    status: HandoffStatus
    last_id: int


@router.get("/{conversation_id}/updates", response_model=Updates, responses={404: {"description": NOT_FOUND}})
async def updates(
    request: Request,
    conversation_id: str,
    after: int = Query(default=0, ge=0, le=2**31 - 1, description="the last message id the widget has (last_id of the previous answer)"),
    wait: float = Query(default=0, ge=0, le=25, description="long-poll: wait up to this many seconds for news"),
    known: str | None = Query(default=None, max_length=64,
                              description="status.key of the previous answer: answer at once if the status differs"),
) -> Updates:
    service: HandoffService = request.app.state.handoff
    deadline = time.monotonic() + wait
    try:
        result = service.updates(conversation_id, after)
        seen_key = known if known is not None else result["status"]["key"]
        while not result["messages"] and result["status"]["key"] == seen_key and time.monotonic() < deadline:
            await service.hub.wait_change(min(5.0, deadline - time.monotonic()))
            if await request.is_disconnected():
                break
            result = service.updates(conversation_id, after)
    except NotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None
    except asyncio.CancelledError:
        raise
    return Updates(**result)

"""The public chat API's contract (it is in the OpenAPI schema at /docs)."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from knowledge.i18n import LOCALES

Route = Literal["klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag"]
OrganisationKey = Literal[
    "gemeente", "ciz", "zorgkantoor", "cak", "svb", "zorgverzekeraar", "zorgaanbieder", "ombudsman", "rechtbank"
]
Handoff = Literal["none", "offered", "waiting", "active", "callback", "closed"]
MAX_MESSAGE_CHARS = 5000  # the contract: a longer `text` is a 413 that names the limit


class ConversationCreate(BaseModel):
    locale: Literal[LOCALES] = "nl"
    gemeente: str | None = Field(
        default=None, max_length=8,
        description="CBS code of the gemeente whose site embeds the widget (its data-gemeente, e.g. \"0363\"); "
                    "left out: the installation's default gemeente. An unknown code is a 422.")


class ConversationCreated(BaseModel):
    id: str


class MessageIn(BaseModel):
    """A typed message (`text`) or a button click (`payload`)."""

    text: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)
    payload: str | None = Field(default=None, max_length=500)
    client_message_id: str | None = Field(
        default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$",
        description="The widget's id for this message. Sending the same id again (after a timeout or a lost "
                    "answer) is the same message: it is stored and answered once, and the same answer comes back.",
    )

    @model_validator(mode="after")
    def one_of_text_or_payload(self) -> MessageIn:
        if not (self.text or "").strip() and not (self.payload or "").strip():
            raise ValueError("Typ eerst een bericht. (Send text or a payload.)")
        return self


class Button(BaseModel):
    title: str
    payload: str


class Source(BaseModel):
    card_id: str
    title: str


class BotMessage(BaseModel):
    text: str
    buttons: list[Button] = []
    sources: list[Source] = []


class State(BaseModel):
    route: Route | None = None
    organisation: OrganisationKey | None = None
    decision_date: date | None = None
    deadline: date | None = None
    asking_for: Literal["self", "relative"] | None = None
    handoff: Handoff = "none"


class MessagesOut(BaseModel):
    messages: list[BotMessage]
    state: State
    locale: str | None = None  # the conversation's language, which the bot writes in (it may change: issue 13)


class TranscriptEntry(BaseModel):
    id: int  # the message id, as in /updates (`after`, `last_id`): the widget shows each message once
    sender: Literal["citizen", "bot", "staff"]
    text: str
    buttons: list[Button] = []
    sources: list[Source] = []
    delivered: bool = True
    created_at: str


class Transcript(BaseModel):
    id: str
    locale: str
    gemeente: str  # the CBS code of the conversation's gemeente
    messages: list[TranscriptEntry]
    state: State


class SearchHit(BaseModel):
    card_id: str
    title: str
    score: float
    snippet: str


class SearchResults(BaseModel):
    query: str
    results: list[SearchHit]


class CardOut(BaseModel):
    id: str
    title: str
    summary: str
    body: str
    sources: list[dict]
    reviewed: date | None = None


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    components: dict[str, bool]
    detail: str = ""

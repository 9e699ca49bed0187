"""An English first message in a Dutch widget: the guide offers to go on in English (issue 13).

The conversation's language is the API's: it is stored on the conversation (`locale`) and sent to
the bot with every message. When the first message of a Dutch conversation is clearly English, the
API asks in both languages which one the citizen wants, before the bot answers. The citizen's
choice (a button, or typed: "yes", "English", "nee, Nederlands") sets the language; then the bot
gets the first message, so the citizen does not have to tell the story again.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Conversation, Message

ENGLISH_PAYLOAD = "/language_en"
DUTCH_PAYLOAD = "/language_nl"
PAYLOADS = (ENGLISH_PAYLOAD, DUTCH_PAYLOAD)
OFFER = ("You wrote in English. Shall we go on in English?\n"
         "U schreef in het Engels. Wilt u liever verder in het Nederlands? Kies hieronder.")
BUTTONS = [{"title": "Yes, in English", "payload": ENGLISH_PAYLOAD},
           {"title": "Nee, in het Nederlands", "payload": DUTCH_PAYLOAD}]

MIN_WORDS = 3  # "hoi", "help", "ok": too short to tell the language
MIN_CONFIDENCE = 0.9
WANTS_DUTCH = re.compile(r"\b(nee|neen|nederlands|dutch|hollands|no)\b", re.IGNORECASE)
WANTS_ENGLISH = re.compile(r"\b(yes|yeah|yep|ok|okay|english|engels|ja|please|sure)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder  # loaded on first use: its models are large
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.DUTCH).build()


def is_english(text: str) -> bool:
    """The text is English, clearly enough to ask (a Dutch story with one English word is not)."""
    if len(text.split()) < MIN_WORDS:
        return False
    from lingua import Language
    return _detector().compute_language_confidence(text, Language.ENGLISH) >= MIN_CONFIDENCE


def offer_due(session: Session, conversation: Conversation, citizen: Message) -> bool:
    """The first typed message of a Dutch conversation is English."""
    if conversation.locale != "nl" or citizen.payload or not citizen.text:
        return False
    earlier = session.scalar(select(func.count()).select_from(Message).where(
        Message.conversation_id == conversation.id, Message.sender == "citizen", Message.id < citizen.id))
    return earlier == 0 and is_english(citizen.text)


def offer_message(conversation_id: str) -> Message:
    return Message(conversation_id=conversation_id, sender="bot", text=OFFER, buttons=[dict(b) for b in BUTTONS])


def open_offer(session: Session, conversation_id: str, citizen: Message) -> Message | None:
    """The first citizen message, when the last bot message before `citizen` is the language offer."""
    last_bot = session.scalars(select(Message).where(
        Message.conversation_id == conversation_id, Message.sender == "bot", Message.id < citizen.id)
        .order_by(Message.id.desc()).limit(1)).first()
    if last_bot is None or not any(b.get("payload") == ENGLISH_PAYLOAD for b in last_bot.buttons or []):
        return None
    return session.scalars(select(Message).where(
        Message.conversation_id == conversation_id, Message.sender == "citizen")
        .order_by(Message.id).limit(1)).first()


def chosen(citizen: Message) -> str:
    """The language the citizen chose with a button or in words; when unclear, the one they write in."""
    if citizen.payload in PAYLOADS:
        return "en" if citizen.payload == ENGLISH_PAYLOAD else "nl"
    text = citizen.text or ""
    if WANTS_DUTCH.search(text):
        return "nl"
    if WANTS_ENGLISH.search(text) or is_english(text):
        return "en"
    return "nl"

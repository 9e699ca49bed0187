"""An English first message in a Dutch widget: the guide offers to go on in English (issue 13).

The conversation's language is the API's: it is stored on the conversation (`locale`) and sent to
the bot with every message. When the first message of a Dutch conversation is clearly English, the
API asks in both languages which one the citizen wants, before the bot answers. The citizen's
choice (a button, or typed: "yes", "English", "nee, Nederlands") sets the language; then the bot
gets the first message, so the citizen does not have to tell the story again. A longer typed reply
sets the language too, and the bot answers it after the first message. A first message that cannot
wait (danger, suicide, urgency, a person asked for) gets no offer: the bot answers it at once, in English.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Conversation, Message
from knowledge.domain.signals import asks_for_person, signals

ENGLISH_PAYLOAD = "/language_en"
DUTCH_PAYLOAD = "/language_nl"
PAYLOADS = (ENGLISH_PAYLOAD, DUTCH_PAYLOAD)
OFFER = ("You wrote in English. Shall we go on in English?\n"
         "U kunt ook verder in het Nederlands. Kies hieronder.")
BUTTONS = [{"title": "Yes, in English", "payload": ENGLISH_PAYLOAD},
           {"title": "Nederlands", "payload": DUTCH_PAYLOAD}]

MIN_WORDS = 3  # "hoi", "help", "ok": too short to tell the language
MIN_CONFIDENCE = 0.9
MAX_CHOICE_WORDS = 6  # a longer message tells something more: the bot answers it too
NOT_DUTCH = re.compile(r"\b(not|no|don'?t\s+speak|do\s+not\s+speak|geen)\s+(dutch|nederlands)\b", re.IGNORECASE)
NOT_ENGLISH = re.compile(r"\b(not|no|geen|niet\s+in\s+het)\s+(english|engels)\b", re.IGNORECASE)
DUTCH_WORDS = re.compile(r"\b(nederlands|dutch|hollands|nee|neen)\b", re.IGNORECASE)
ENGLISH_WORDS = re.compile(r"\b(english|engels|yes|yeah|yep|ok|okay|sure|please)\b", re.IGNORECASE)


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


def english_first_message(session: Session, conversation: Conversation, citizen: Message) -> bool:
    """The first typed message of a Dutch conversation is English (then: the offer, or English at once
    when it cannot wait)."""
    if conversation.locale != "nl" or citizen.payload or not citizen.text:
        return False
    earlier = session.scalar(select(Message.id).where(
        Message.conversation_id == conversation.id, Message.sender == "citizen", Message.id < citizen.id).limit(1))
    return earlier is None and is_english(citizen.text)


def cannot_wait(text: str) -> bool:
    """Danger, thoughts of suicide, urgency or a call for a person: answered at once (routes.md §5), in English."""
    return bool(signals(text)) or asks_for_person(text)


def offer_message(conversation_id: str) -> Message:
    return Message(conversation_id=conversation_id, sender="bot", text=OFFER, buttons=[dict(b) for b in BUTTONS])


def open_offer(session: Session, conversation_id: str, citizen: Message) -> Message | None:
    """The first citizen message, when `citizen` comes right after the language offer (which only ever
    answers the first message, so the only citizen message before it is that one)."""
    before = session.scalars(select(Message).where(Message.conversation_id == conversation_id, Message.id < citizen.id)
                             .order_by(Message.id.desc()).limit(1)).first()
    if before is None or not any(b.get("payload") == ENGLISH_PAYLOAD for b in before.buttons or []):
        return None
    return session.scalars(select(Message).where(Message.conversation_id == conversation_id,
                                                 Message.sender == "citizen").order_by(Message.id).limit(1)).first()


def is_choice(citizen: Message) -> bool:
    """A click on the offer, or a short typed answer to it ("yes please", "nee, Nederlands is goed")."""
    return citizen.payload in PAYLOADS or len((citizen.text or "").split()) <= MAX_CHOICE_WORDS


def chosen(citizen: Message, first: Message) -> str:
    """The language the citizen chose; when the words do not say, the one they write in (or wrote first)."""
    if citizen.payload in PAYLOADS:
        return "en" if citizen.payload == ENGLISH_PAYLOAD else "nl"
    text = citizen.text or ""
    if NOT_DUTCH.search(text):
        return "en"
    if NOT_ENGLISH.search(text) or DUTCH_WORDS.search(text):
        return "nl"
    if ENGLISH_WORDS.search(text) or is_english(text):
        return "en"
    return "en" if not is_choice(citizen) and is_english(first.text or "") else "nl"

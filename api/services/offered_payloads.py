"""Button payloads a citizen may send: only those the bot offered in its last turn, plus "talk to a
person". Anything else cannot be a click on a button the citizen saw.

- an offered payload (or /request_human) goes to the bot as it is;
- a payload that is plain text ("het CAK") is treated as typed text;
- an intent payload that was not offered ("/crisis") is refused with a Dutch 422, so a script cannot
  push conversations to the top of the staff queue with one request.

Typed text never reaches Rasa as an intent: Rasa reads a message that starts with "/" as an
intent name, so leading slashes are removed from typed text (see `as_typed_text`).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Message
from api.schemas import MessageIn

REQUEST_HUMAN = "/request_human"
NOT_OFFERED = "Deze keuze hoort niet bij dit gesprek. Typ uw vraag of kies een van de knoppen."


class PayloadNotOffered(Exception):
    pass


def offered_payloads(session: Session, conversation_id: str) -> set[str]:
    """The payloads of the buttons in the bot's last turn (its messages after the citizen's last one)."""
    last_citizen = session.scalar(
        select(Message.id).where(Message.conversation_id == conversation_id, Message.sender == "citizen")
        .order_by(Message.id.desc()).limit(1)
    ) or 0
    buttons = session.scalars(
        select(Message.buttons).where(Message.conversation_id == conversation_id, Message.sender == "bot",
                                      Message.id > last_citizen)
    ).all()
    return {b.get("payload") for row in buttons for b in (row or []) if isinstance(b, dict)}


def screen(session: Session, conversation_id: str, message: MessageIn) -> MessageIn:
    """The message as the bot may receive it; raises PayloadNotOffered for an intent nobody offered."""
    payload = (message.payload or "").strip()
    if not payload or message.text:  # typed text wins over a payload sent with it
        return message.model_copy(update={"payload": None}) if message.text and message.payload else message
    if payload == REQUEST_HUMAN or payload in offered_payloads(session, conversation_id):
        return message
    if payload.startswith("/"):
        raise PayloadNotOffered(payload)
    # the widget's message id stays with it: a resend is still the same message
    return message.model_copy(update={"text": payload, "payload": None})


def as_typed_text(text: str) -> str:
    """Typed text for Rasa: never an "/intent" command."""
    return text.lstrip("/ \t").strip()

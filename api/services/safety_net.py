"""What the API says and does itself when the bot cannot: nobody is left in silence, and a crisis
or a request for a person reaches the staff queue even with Rasa or the action server down.

The texts the bot also has (112/113, "Ik zet u door …") are read from bot/domain.yml, so the
citizen sees the same words either way, in the conversation's language (the caller's ``use_locale``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from api.services.rasa_client import BotReply
from knowledge.domain.short_answers import urgent
from knowledge.domain.routing import ROUTE_CARDS
from knowledge.domain.signals import signals
from knowledge.i18n import N_, _

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "bot" / "domain.yml"

PERSON_PAYLOAD = "/request_human"
PERSON_TITLE = N_("Praat met een medewerker")
CRISIS_PAYLOAD = "/crisis"

FALLBACK = N_("Sorry, er ging iets mis. Ik kan uw vraag nu niet goed beantwoorden. Wilt u met een medewerker praten?")
STILL_WAITING = N_("U wacht op een medewerker. De medewerker leest ook dit bericht.")
NO_STAFF = N_("Er is nu geen medewerker aanwezig. Bel de gemeente op {phone}.")
LATE = N_("Wegwijs werkt weer. Dit is het antwoord op uw bericht: “{excerpt}”")

@lru_cache
def _bot_texts() -> dict[str, str]:
    responses = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8")).get("responses", {})
    return {name: variants[0]["text"] for name, variants in responses.items() if variants and "text" in variants[0]}


def bot_text(response: str, default: str) -> str:
    """A response of the bot's domain, in the current language (knowledge/i18n.py)."""
    return _(_bot_texts().get(response, default))


def crisis_texts(text: str) -> list[str]:
    """routes.md §5: 112 only on danger, 113 only on thoughts of suicide, for urgency what can be done now."""
    found = signals(text or "")
    texts = []
    if "danger" in found:
        texts.append(bot_text("utter_crisis", "Bent u of iemand anders in gevaar? Bel dan direct 112."))
    if "suicide" in found:
        texts.append(bot_text("utter_crisis_113", "Denkt u aan zelfdoding? Bel 113 of gratis 0800-0113. Dat kan dag en nacht."))
    if found == {"urgent"}:
        texts.append(urgent(None)[0])
    return texts


def wants_a_person(payload: str | None, text: str, intent: str | None, bot_understood: bool) -> str | None:
    """'crisis' or 'request' when the citizen's message asks for a person, else None.

    With the bot's NLU available its intent decides; without it, the payload or the words of
    knowledge/domain/signals.py (danger, suicide, urgency)."""
    if payload == CRISIS_PAYLOAD or intent == "crisis":
        return "crisis"
    if payload == PERSON_PAYLOAD or intent == "request_human":
        return "request"
    if not bot_understood and not payload and signals(text or ""):
        return "crisis"
    return None


def fallback() -> BotReply:
    return BotReply(text=_(FALLBACK), buttons=[{"title": _(PERSON_TITLE), "payload": PERSON_PAYLOAD}], source_ids=[])


def still_waiting() -> BotReply:
    return BotReply(text=_(STILL_WAITING), buttons=[], source_ids=[])


def late_answer(citizen_text: str) -> BotReply:
    """The first line of an answer that comes later than the message (after an outage)."""
    excerpt = " ".join(citizen_text.split())
    if len(excerpt) > 80:
        excerpt = excerpt[:80].rsplit(" ", 1)[0] + " …"
    return BotReply(text=_(LATE).format(excerpt=excerpt), buttons=[], source_ids=[])


def handoff_replies(reason: str, staff_available: bool, already_said: list[str], text: str = "",
                    phone: str = "") -> list[BotReply]:
    """What the citizen reads when the API itself puts the chat in the queue (or cannot: then the
    phone number of the conversation's gemeente)."""
    texts = [t for t in crisis_texts(text) if t not in already_said] if reason == "crisis" else []
    if staff_available:
        texts.append(bot_text("utter_handoff_waiting", "Ik zet u door naar een medewerker."))
    else:
        texts.append(_(NO_STAFF).format(phone=phone))
    replies = [BotReply(text=t, buttons=[], source_ids=[]) for t in texts]
    if reason == "crisis":
        replies[-1].source_ids.extend(ROUTE_CARDS["crisis"])
    return replies

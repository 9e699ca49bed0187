"""A question no card answered is kept for the editors in the turn's own transaction, masked, and
only a few per conversation. The bot signals it with {"gap": true} after its reply."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from api.core.config import Settings
from api.core.rate_limits import RateLimits
from api.models import KnowledgeGap
from api.schemas import MessageIn
from api.services.conversation_service import ConversationService
from api.services.gaps import record_gap
from api.services.rasa_client import bot_turn

QUESTION = ("mijn naam is Jan de Vries, ik woon op de Dorpsstraat 12, 1234 AB, bel 020 - 123 45 67 of mail "
            "jan@voorbeeld.nl, bsn 123456782: mag mijn papegaai mee op vakantie naar Spanje")


def stored(db) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(KnowledgeGap.question).order_by(KnowledgeGap.id)))


def test_a_gap_is_stored_without_personal_data(database):
    with database.session() as session:
        record_gap(session, QUESTION)
        record_gap(session, "/request_human")  # a button is no question
        record_gap(session, "fjdksl vlorp grimbel")  # keyboard mashing neither
    assert stored(database) == ["mijn naam is [naam], ik woon op de [adres], [postcode], bel [telefoon] of mail "
                                "[e-mail], bsn [BSN]: mag mijn papegaai mee op vakantie naar Spanje"]


def test_a_turn_that_is_not_stored_keeps_no_gap(database):
    with pytest.raises(RuntimeError), database.session() as session:
        record_gap(session, "mag mijn hond mee naar het verpleeghuis")
        raise RuntimeError("the turn failed")
    assert stored(database) == []


class BotWithoutAnswers:
    """Rasa as the API sees it, for a bot that finds no card for any question."""

    def __init__(self):
        self.events: list[dict] = []

    async def send(self, sender_id, message, metadata):
        self.events += [{"event": "user", "text": message, "metadata": metadata, "parse_data": {}},
                        {"event": "bot", "text": "Daar weet ik geen goed antwoord op.", "data": {}},
                        {"event": "bot", "data": {"custom": {"gap": True}}}]
        return bot_turn([{"text": "Daar weet ik geen goed antwoord op."}, {"custom": {"gap": True}}])

    async def tracker(self, sender_id):
        return {"events": self.events, "slots": {}}

    async def actions_up(self, instance=None):
        return True


class NoCards:
    def titles(self, card_ids):
        return []


async def test_a_conversation_keeps_a_few_gaps_and_every_question_is_answered(database):
    settings = Settings(database_url="sqlite://", limit_gaps_per_conversation="5/hour", fixed_today="2026-11-23")
    conversations = ConversationService(database, BotWithoutAnswers(), NoCards(), settings, RateLimits())
    conversation = conversations.create("nl", staff_available_override=False)
    for country in ("Spanje", "Italie", "Frankrijk", "Portugal", "Griekenland", "Noorwegen", "Zweden", "Polen"):
        out = await conversations.handle(conversation, MessageIn(text=f"mag mijn papegaai mee naar {country}"))
        assert [m.text for m in out.messages] == ["Daar weet ik geen goed antwoord op."]  # never refused
    assert stored(database) == [f"mag mijn papegaai mee naar {c}"
                                for c in ("Spanje", "Italie", "Frankrijk", "Portugal", "Griekenland")]

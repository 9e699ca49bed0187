"""An English conversation gets a card's English section in place of its Dutch text; a Dutch one the
Dutch text; a card without English the notice and its Dutch text (api/services/card_language.py)."""
from __future__ import annotations

from api.core.config import Settings
from api.core.rate_limits import RateLimits
from api.schemas import MessageIn
from api.services.card_language import in_language, staff_text
from api.services.conversation_service import ConversationService
from api.services.rasa_client import BotReply, bot_turn
from knowledge.card_languages import ONLY_DUTCH
from knowledge.cards_model import parse_card

FRONT = ("---\nid: {id}\ntitle: {title}\nsummary: Kort.\nquestions: [a, b, c]\ntags: {{}}\nsources: []\n"
         "audience: both\nreviewed: 2026-11-23\nreview_by: 2027-11-23\n---\n")
CAK = parse_card(FRONT.format(id="cak-wat-doet", title="Wat doet het CAK?")
                 + "Het CAK rekent uw eigen bijdrage uit.\n\nU betaalt elke maand.\n\n"
                 "## Lokaal: 9992\nIn Proefstad helpt het Sociaal Team u.\n\n"
                 "## English\nTitle: What does the CAK do?\nThe CAK works out your own contribution.\n\n"
                 "You pay every month.\n")
PGB = parse_card(FRONT.format(id="pgb-wat-is", title="Wat is een pgb?") + "Met een pgb koopt u zelf zorg in.\n")
CARDS = {c.id: c for c in (CAK, PGB)}
ASKED = BotReply("Heeft dit geholpen?", [{"title": "Ja", "payload": "/feedback_helpful"}], [])


def answer(card) -> list[BotReply]:
    """The bot's answer with a card, as the API reads it: one reply per paragraph, the last names it."""
    parts = card.body.split("\n\n")
    return [BotReply(p, [], []) for p in parts[:-1]] + [BotReply(parts[-1], [], [card.id]), ASKED]


def test_an_english_conversation_gets_the_english_section_with_the_cards_sources():
    out = in_language(answer(CAK), "en", CARDS.get)
    assert [(r.text, r.source_ids) for r in out] == [("The CAK works out your own contribution.", []),
                                                     ("You pay every month.", ["cak-wat-doet"]),
                                                     ("Heeft dit geholpen?", [])]
    assert out[-1].buttons == ASKED.buttons


def test_a_dutch_conversation_keeps_the_dutch_text():
    assert in_language(answer(CAK), "nl", CARDS.get) == answer(CAK)
    assert in_language(answer(CAK), None, CARDS.get) == answer(CAK)


def test_a_card_without_english_says_so_before_its_dutch_text():
    out = in_language(answer(PGB), "en", CARDS.get)
    assert [r.text for r in out] == [ONLY_DUTCH, "Met een pgb koopt u zelf zorg in.", "Heeft dit geholpen?"]
    assert out[1].source_ids == ["pgb-wat-is"]


def test_advice_that_cites_a_card_stays_as_it_is():
    advice = [BotReply("Maak bezwaar bij het CAK.", [], ["cak-wat-doet"])]
    assert in_language(advice, "en", CARDS.get) == advice


def test_staff_insert_the_text_in_the_conversations_language():
    assert staff_text(CAK, None, "en") == "The CAK works out your own contribution.\n\nYou pay every month."
    assert staff_text(CAK, "9992", "nl") == "In Proefstad helpt het Sociaal Team u."
    assert staff_text(PGB, None, "en") == f"{ONLY_DUTCH}\n\nMet een pgb koopt u zelf zorg in."


class BotWithCards:
    """Rasa as the API sees it, for a bot that answers every question with the card named in it."""

    def __init__(self):
        self.events: list[dict] = []

    async def send(self, sender_id, message, metadata):
        card = CARDS[message]
        said = [{"text": part} for part in card.body.split("\n\n")] + [{"custom": {"sources": [card.id]}}]
        self.events += [{"event": "user", "text": message, "metadata": metadata, "parse_data": {}}]
        self.events += [{"event": "bot", "text": s.get("text"), "data": {k: v for k, v in s.items() if k != "text"}}
                        for s in said]
        return bot_turn(said)

    async def tracker(self, sender_id):
        return {"events": self.events, "slots": {}}

    async def actions_up(self, instance=None):
        return True


class Knowledge:
    def card(self, card_id):
        return CARDS.get(card_id)

    def titles(self, card_ids):
        return [{"card_id": c, "title": CARDS[c].title} for c in card_ids if c in CARDS]


async def test_the_api_answers_an_english_conversation_in_english_and_a_dutch_one_in_dutch(database):
    settings = Settings(database_url="sqlite://", fixed_today="2026-11-23")
    conversations = ConversationService(database, BotWithCards(), Knowledge(), settings, RateLimits())
    english = conversations.create("en", staff_available_override=False)
    dutch = conversations.create("nl", staff_available_override=False)
    out = await conversations.handle(english, MessageIn(text="cak-wat-doet"))
    assert [m.text for m in out.messages] == ["The CAK works out your own contribution.", "You pay every month."]
    assert [s.title for s in out.messages[-1].sources] == ["Wat doet het CAK?"]  # the source's name stays
    out = await conversations.handle(dutch, MessageIn(text="cak-wat-doet"))
    assert [m.text for m in out.messages] == ["Het CAK rekent uw eigen bijdrage uit.", "U betaalt elke maand."]
    out = await conversations.handle(english, MessageIn(text="pgb-wat-is"))
    assert [m.text for m in out.messages] == [ONLY_DUTCH, "Met een pgb koopt u zelf zorg in."]

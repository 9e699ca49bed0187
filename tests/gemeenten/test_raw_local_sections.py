"""No raw '## Lokaal:' section reaches a citizen: not through a card staff insert, not through a bot
reply whose card differs from the API's copy, not through a heading the checker let pass."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from api.routes.staff import api_card
from api.services.auth import StaffIdentity
from api.services.card_check import check_card_text
from api.services.local_answers import for_gemeente
from api.services.rasa_client import BotReply
from knowledge.cards_model import Card
from knowledge.domain.gemeenten import load_gemeenten

ROOT = Path(__file__).resolve().parents[2]
BODY = ("U kunt hulp vragen bij het wijkteam van uw gemeente.\n\nEen medewerker praat eerst met u.\n\n"
        "## Lokaal: 9992\nIn Proefstad vraagt u hulp bij het Sociaal Team Proefstad.\n\n"
        "## Lokaal: 9991\nIn Voorbeeld belt u het wijkteam: 14 0123.")
CARD = Card(id="wijkteam", title="Wijkteam", summary="", questions=[], tags={}, sources=[], audience="both",
            reviewed=None, review_by=None, body=BODY)


class Knowledge:
    def card(self, card_id):
        return CARD if card_id == "wijkteam" else None


class Service:
    gemeenten = load_gemeenten(ROOT / "gemeenten", ROOT / "knowledge" / "domain" / "gemeente.yml")

    def gemeente_of(self, conversation_id):
        return {"c-proefstad": "9992", "c-voorbeeld": "9991"}.get(conversation_id)

    def locale_of(self, conversation_id):
        return "nl"  # Dutch chats: the local text (an English chat gets the card's English text)


ADMIN = StaffIdentity(1, "root", "Root", "admin")
PROEFSTAD = StaffIdentity(2, "piet", "Piet", "staff", "proefstad")


def test_a_card_staff_insert_holds_only_the_conversations_gemeente_text():
    body = lambda user, conversation: api_card("wijkteam", user, Knowledge(), Service(), conversation)["body"]  # noqa: E731
    assert body(ADMIN, "c-proefstad") == "In Proefstad vraagt u hulp bij het Sociaal Team Proefstad."
    assert body(ADMIN, "c-voorbeeld") == "In Voorbeeld belt u het wijkteam: 14 0123."
    assert body(PROEFSTAD, None) == "In Proefstad vraagt u hulp bij het Sociaal Team Proefstad."  # the team's one
    assert body(PROEFSTAD, "c-voorbeeld") == body(ADMIN, None)  # not its conversation: the shared text
    assert "Lokaal" not in body(ADMIN, None) and body(ADMIN, None).startswith("U kunt hulp vragen")


def test_a_bot_reply_that_differs_from_the_apis_card_loses_its_local_sections():
    bots_copy = BODY.replace("eerst", "altijd eerst").split("\n\n")  # an older or newer card than the API's
    replies = [BotReply(part, [], []) for part in bots_copy]
    replies[-1].source_ids.append("wijkteam")
    asked = BotReply("Heeft dit geholpen?", [{"title": "Ja", "payload": "/feedback_helpful"}], [])
    out = for_gemeente(replies + [asked], "9992", Knowledge().card)
    assert [r.text for r in out] == ["U kunt hulp vragen bij het wijkteam van uw gemeente.",
                                     "Een medewerker praat altijd eerst met u.", "Heeft dit geholpen?"]
    assert out[1].source_ids == ["wijkteam"] and out[2].buttons


@pytest.mark.parametrize("heading", ["## lokaal: 9992", "## Lokaal 9992", "## LOKAAL: 9992", "##Lokaal: 9992",
                                     "## Lokaal: Proefstad"])
def test_the_checker_refuses_a_heading_that_is_almost_a_local_section(tmp_path, heading):
    text = (ROOT / "knowledge" / "cards" / "cak-wat-doet.md").read_text(encoding="utf-8").rstrip()
    result = check_card_text(text + f"\n\n{heading}\nIn Proefstad helpt het Sociaal Team u gratis.\n", tmp_path,
                             dt.date(2026, 11, 23), "cak-wat-doet", gemeenten={"9991", "9992"})
    assert not result["ok"]
    [message] = [p["message"] for p in result["problems"] if p["code"] == "local-heading"]
    assert message.startswith(f"'{heading}' is geen goede kop voor een gemeente.") and "'## Lokaal: 1234'" in message

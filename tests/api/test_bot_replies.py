"""What the API reads from the bot's reply: texts, buttons, the sources of an answer, and the
signal that no card answered the citizen's question (kept for the editors)."""
from __future__ import annotations

from api.services.rasa_client import bot_turn, replies_of_turn


def test_a_gap_and_the_sources_belong_to_the_message_before_them():
    replies = bot_turn([
        {"text": "Het CAK berekent de eigen bijdrage."}, {"custom": {"sources": ["cak-eigen-bijdrage"]}},
        {"text": "Daar weet ik geen antwoord op."}, {"custom": {"gap": True}},
        {"text": "Wilt u met een medewerker praten?", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
    ]).replies
    assert [(r.source_ids, r.gap) for r in replies] == [(["cak-eigen-bijdrage"], False), ([], True), ([], False)]


def test_only_a_true_gap_counts():
    replies = bot_turn([{"text": "Dag!"}, {"custom": {"gap": "yes"}}, {"custom": ["gap"]}]).replies
    assert not replies[0].gap


def test_the_gap_is_read_from_rasas_tracker_too():
    """A turn recovered from the tracker (Rasa answered after the API gave up) keeps the signal."""
    events = [
        {"event": "user", "text": "mag mijn papegaai mee", "metadata": {"wegwijs_message_id": 7},
         "parse_data": {"intent": {"name": "ask_question"}}},
        {"event": "bot", "text": "Daar weet ik geen antwoord op.", "data": {}},
        {"event": "bot", "data": {"custom": {"gap": True}}},
    ]
    turn, intent = replies_of_turn(events, "wegwijs_message_id", 7)
    assert intent == "ask_question" and [r.gap for r in turn.replies] == [True]


def test_the_turns_outcome_is_no_message_and_belongs_to_its_own_message_only():
    """The bot's REST channel sends how the turn was stored (bot/turn_channel.py) after its messages."""
    outcome = {"slots": {"route": "bezwaar"}, "intent": "bezwaar", "active_loop": "case_form", "user_messages": 2,
               "metadata": {"wegwijs_message_id": 7}}
    turn = bot_turn([{"text": "Dit is een bezwaar."}, {"custom": {"sources": ["bezwaar"]}},
                     {"custom": {"wegwijs_turn": outcome}}])
    assert [(r.text, r.source_ids) for r in turn.replies] == [("Dit is een bezwaar.", ["bezwaar"])]
    view = turn.view("wegwijs_message_id", 7)
    assert (view.slots, view.intent, view.active_loop, view.user_messages) == (
        {"route": "bezwaar"}, "bezwaar", "case_form", 2)
    assert turn.view("wegwijs_message_id", 8) is None  # another message's turn is not this one's
    assert bot_turn([{"text": "Dag!"}]).view("wegwijs_message_id", 7) is None

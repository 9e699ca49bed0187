"""Two Rasa instances behind one API (WEGWIJS_RASA_INSTANCES=2, PostgreSQL, Redis lock store): the
messages of one conversation are taken by both, each message gets its own answer and its own turn in
the tracker (never interleaved, none lost), the case is kept from one instance to the other, and when
one instance dies the other answers."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from api.services.rasa_client import INSTANCE_KEY

from .conftest import new_conversation, tracker_events, turns, unique_sender

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

QUESTIONS = ["wat is een pgb", "wat is een cliëntondersteuner", "hoe lang duurt een bezwaar",
             "wat doet de ombudsman", "wat kost de eigen bijdrage", "hoe vraag ik een rolstoel aan"]
BEZWAAR = ("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
           "daar ben ik het niet mee eens")
# what the API sends with every message (api/services/delivery.py)
METADATA = {"today": "2026-11-23", "staff_available": True, "handoff": "none"}


def bot_texts(after_user: list[dict]) -> list[str]:
    """The bot's texts in a turn, as Rasa's REST channel sends them (one message per paragraph)."""
    return [part for e in after_user if e["event"] == "bot" and e.get("text") for part in e["text"].split("\n\n")]


def assert_one_whole_turn_per_message(events: list[dict], answers: dict[str, list[str]]) -> None:
    """Every message is in the tracker once, its turn ends (action_listen) before the next message
    starts, and the bot's texts in that turn are the answer the sender got for that message."""
    found = turns(events)
    assert sorted(user["text"] for user, _ in found) == sorted(answers)
    for user, after in found:
        assert after and after[-1]["event"] == "action" and after[-1]["name"] == "action_listen", \
            f"the turn of {user['text']!r} did not end before the next message: {[e['event'] for e in after]}"
        assert bot_texts(after) == answers[user["text"]], user["text"]


def test_messages_of_one_conversation_sent_at_once_are_answered_by_both_instances_in_order(stack2, api2):
    conversation_id = new_conversation(api2)

    def send(question: str) -> httpx.Response:
        return api2.post(f"/api/conversations/{conversation_id}/messages",
                         json={"text": question, "client_message_id": uuid.uuid4().hex})

    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        responses = dict(zip(QUESTIONS, pool.map(send, QUESTIONS)))

    assert {q: r.status_code for q, r in responses.items()} == {q: 200 for q in QUESTIONS}
    answers = {q: [m["text"] for m in r.json()["messages"]] for q, r in responses.items()}
    assert all(answers.values())  # every citizen got an answer
    events = tracker_events(stack2, conversation_id)
    assert_one_whole_turn_per_message(events, answers)
    served_by = {user["metadata"][INSTANCE_KEY] for user, _ in turns(events)}
    assert served_by == {stack2.rasa_url(0), stack2.rasa_url(1)}


def test_turns_that_reach_both_instances_at_the_same_moment_run_one_after_the_other(stack2):
    """As several API processes would: four messages of one conversation, two at each instance, at once."""
    sender = unique_sender()
    questions = QUESTIONS[:4]
    start = threading.Barrier(len(questions))

    def send(numbered: tuple[int, str]) -> list[str]:
        index, question = numbered
        start.wait()
        response = httpx.post(f"{stack2.rasa_url(index % 2)}/webhooks/rest/webhook",
                              json={"sender": sender, "message": question, "metadata": METADATA},
                              params={"token": stack2.rasa_token}, timeout=120)
        response.raise_for_status()
        return [m["text"] for m in response.json() if m.get("text")]

    with ThreadPoolExecutor(len(questions)) as pool:
        answers = dict(zip(questions, pool.map(send, enumerate(questions))))

    assert all(answers.values())
    assert_one_whole_turn_per_message(tracker_events(stack2, sender), answers)


def test_the_case_is_kept_when_the_next_message_goes_to_the_other_instance(stack2, api2):
    conversation_id = new_conversation(api2)
    first = api2.post(f"/api/conversations/{conversation_id}/messages", json={"text": BEZWAAR}).json()
    assert (first["state"]["route"], first["state"]["deadline"]) == ("bezwaar", "2026-12-28")

    second = api2.post(f"/api/conversations/{conversation_id}/messages",
                       json={"text": "tot wanneer kan ik bezwaar maken?"}).json()

    assert (second["state"]["route"], second["state"]["deadline"]) == ("bezwaar", "2026-12-28")
    assert "28 december" in " ".join(m["text"] for m in second["messages"])  # the bot still knows the date
    first_turn, second_turn = turns(tracker_events(stack2, conversation_id))
    assert first_turn[0]["metadata"][INSTANCE_KEY] != second_turn[0]["metadata"][INSTANCE_KEY]


def test_when_one_rasa_instance_dies_the_other_answers_every_message(stack2, api2):
    stack2.kill("rasa-2")
    conversation_id = new_conversation(api2)

    for question in QUESTIONS[:3]:
        response = api2.post(f"/api/conversations/{conversation_id}/messages", json={"text": question})
        assert response.status_code == 200, response.text
        assert response.json()["messages"], question

    served_by = {user["metadata"][INSTANCE_KEY] for user, _ in turns(tracker_events(stack2, conversation_id))}
    assert served_by == {stack2.rasa_url(0)}
    assert api2.get("/healthz").status_code == 200  # the API stays ready with one instance

"""Scripts cannot flood the chat: limits per IP and per conversation with a Dutch 429, and only the
buttons the bot offered (plus "talk to a person") are accepted as button clicks."""
from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import func, select

from api.models import Feedback, Handoff

NOT_OFFERED = "Deze keuze hoort niet bij dit gesprek. Typ uw vraag of kies een van de knoppen."

from .conftest import citizen_ip

pytestmark = pytest.mark.stack


def new_conversation(client: httpx.Client) -> str:
    response = client.post("/api/conversations", json={"locale": "nl"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def send(client: httpx.Client, conversation: str, **body) -> httpx.Response:
    return client.post(f"/api/conversations/{conversation}/messages", json=body)


def assert_too_many(response: httpx.Response) -> None:
    assert response.status_code == 429, response.text
    assert "te veel" in response.json()["detail"] and "Wacht even" in response.json()["detail"]
    assert int(response.headers["Retry-After"]) >= 1


def test_new_conversations_are_limited_per_address(citizen, guarded):
    created = [citizen.post("/api/conversations", json={}) for _ in range(6)]
    assert [r.status_code for r in created] == [201] * 5 + [429]
    assert_too_many(created[-1])
    # another citizen is not affected
    other = httpx.post(f"{guarded.url}/api/conversations", json={}, headers={"X-Forwarded-For": citizen_ip()})
    assert other.status_code == 201


def test_messages_are_limited_per_conversation(citizen, guarded):
    conversation = new_conversation(citizen)
    # The same conversation from changing addresses still counts as one conversation.
    answers = [httpx.post(f"{guarded.url}/api/conversations/{conversation}/messages", json={"text": "hallo"},
                          headers={"X-Forwarded-For": citizen_ip()}, timeout=90) for _ in range(16)]
    assert [r.status_code for r in answers] == [200] * 15 + [429]
    assert_too_many(answers[-1])
    assert "U stuurt te veel berichten achter elkaar" in answers[-1].json()["detail"]
    stored = citizen.get(f"/api/conversations/{conversation}").json()["messages"]
    assert sum(1 for m in stored if m["sender"] == "citizen") == 15


def test_messages_are_limited_per_address(citizen):
    # 404s for made-up conversations are cheap, but they count as well
    answers = [send(citizen, uuid.uuid4().hex, text="hallo") for _ in range(31)]
    assert [r.status_code for r in answers] == [404] * 30 + [429]
    assert_too_many(answers[-1])


def queue_size(db) -> int:
    with db.session() as session:  # who answers has one store: the handoffs row
        return session.scalar(select(func.count()).select_from(Handoff).where(Handoff.status == "waiting"))


def test_a_script_sending_crisis_payloads_does_not_bury_the_staff_queue(guarded):
    before = queue_size(guarded.db)
    script = httpx.Client(base_url=guarded.url, timeout=60, headers={"X-Forwarded-For": citizen_ip()})
    statuses = []
    for _ in range(20):
        created = script.post("/api/conversations", json={})
        statuses.append(created.status_code)
        if created.status_code != 201:
            continue
        refused = send(script, created.json()["id"], payload="/crisis")
        assert refused.status_code == 422
        assert refused.json()["detail"] == NOT_OFFERED
    assert statuses.count(201) == 5 and statuses.count(429) == 15
    assert queue_size(guarded.db) == before

    # A citizen in real trouble is first in the queue.
    person = httpx.Client(base_url=guarded.url, timeout=90, headers={"X-Forwarded-For": citizen_ip()})
    conversation = new_conversation(person)
    answer = send(person, conversation, text="ik wil niet meer leven, ik zie het niet meer zitten")
    assert answer.status_code == 200 and answer.json()["state"]["handoff"] == "waiting"
    status = person.get(f"/api/conversations/{conversation}/updates").json()["status"]
    assert status["position"] == 1, status


def test_only_the_buttons_the_bot_just_offered_are_accepted(citizen):
    conversation = new_conversation(citizen)
    greeting = send(citizen, conversation, text="hallo").json()["messages"]
    offered = {b["payload"] for m in greeting for b in m["buttons"]}
    assert "/bezwaar" in offered and "/feedback_helpful" not in offered

    feedback = send(citizen, conversation, payload="/feedback_helpful")  # no "Heeft dit geholpen?" was asked
    assert feedback.status_code == 422 and "hoort niet bij dit gesprek" in feedback.json()["detail"]

    clicked = send(citizen, conversation, payload="/bezwaar")
    assert clicked.status_code == 200 and clicked.json()["state"]["route"] == "bezwaar"
    again = send(citizen, conversation, payload="/bezwaar")  # that button was in the previous turn, not the last
    assert again.status_code == 422

    organisation = send(citizen, conversation, payload="het CAK")  # offered: "Van welke organisatie ...?"
    assert organisation.status_code == 200 and organisation.json()["state"]["organisation"] == "cak"
    # a plain-text payload that was not offered is read as typed text
    typed = send(citizen, conversation, payload="de brief is van 13 november")
    assert typed.status_code == 200 and (typed.json()["state"]["decision_date"] or "").endswith("-11-13")
    # "talk to a person" is always there (the widget has its own button for it)
    person = send(citizen, conversation, payload="/request_human")
    assert person.status_code == 200 and person.json()["state"]["handoff"] == "waiting"

    transcript = citizen.get(f"/api/conversations/{conversation}").json()["messages"]
    assert [m["text"] for m in transcript if m["sender"] == "citizen"][:4] == [
        "hallo", "Ik ben het niet eens met een beslissing", "CAK", "de brief is van 13 november"]


def test_a_click_sent_again_after_a_lost_answer_is_the_same_message_not_a_refused_one(citizen):
    """The widget resends with the same id when an answer is lost: the click is stored by then, so its
    button is no longer in the bot's last turn; the resend must still get the one answer."""
    conversation = new_conversation(citizen)
    send(citizen, conversation, text="hallo")
    first = send(citizen, conversation, payload="/bezwaar", client_message_id="klik-1")
    again = send(citizen, conversation, payload="/bezwaar", client_message_id="klik-1")
    assert first.status_code == 200 and again.status_code == 200, again.text
    assert again.json()["messages"] == first.json()["messages"]
    # a plain-text payload read as typed text keeps its id too
    typed = send(citizen, conversation, payload="de brief is van 13 november", client_message_id="klik-2")
    typed_again = send(citizen, conversation, payload="de brief is van 13 november", client_message_id="klik-2")
    assert typed.status_code == typed_again.status_code == 200
    citizen_texts = [m["text"] for m in citizen.get(f"/api/conversations/{conversation}").json()["messages"]
                     if m["sender"] == "citizen"]
    assert citizen_texts == ["hallo", "Ik ben het niet eens met een beslissing", "de brief is van 13 november"]


def test_feedback_is_stored_once_per_question(citizen, guarded):
    conversation = new_conversation(citizen)
    answer = send(citizen, conversation, text="wat doet het CAK eigenlijk").json()["messages"]
    assert any(b["payload"] == "/feedback_helpful" for m in answer for b in m["buttons"])
    assert send(citizen, conversation, payload="/feedback_helpful").status_code == 200
    assert send(citizen, conversation, payload="/feedback_helpful").status_code == 422
    with guarded.db.session() as session:
        stored = session.scalar(select(func.count()).select_from(Feedback)
                                .where(Feedback.conversation_id == conversation))
    assert stored == 1


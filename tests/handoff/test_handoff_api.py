"""The handoff over HTTP against the running stack: simultaneous claims, the citizen's /updates,
messages while staff has the chat, hand back, close, notes, call-backs and the live queue."""
from __future__ import annotations

import json
import threading
import time

import pytest
from websockets.sync.client import connect

from api.services.auth import COOKIE_NAME

from .conftest import ask_for_a_person, updates

pytestmark = pytest.mark.stack

BEZWAAR = ("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
           "daar ben ik het niet mee eens")


def test_two_staff_claim_at_once_exactly_one_wins(chat, staff_client):
    c = ask_for_a_person(chat)
    anna, bram = staff_client("staff", "Anna Jansen"), staff_client("staff", "Bram de Boer")
    barrier = threading.Barrier(2)
    results = {}

    def claim(name, client):
        barrier.wait()
        results[name] = client.post(f"/staff/api/conversations/{c.id}/claim")

    threads = [threading.Thread(target=claim, args=item) for item in (("anna", anna), ("bram", bram))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results.values())
    assert codes == [200, 409], {k: (r.status_code, r.text) for k, r in results.items()}
    winner = next(k for k, r in results.items() if r.status_code == 200)
    loser = "bram" if winner == "anna" else "anna"
    winner_name = {"anna": "Anna", "bram": "Bram"}[winner]
    assert results[loser].json()["detail"] == (
        f"{winner_name} heeft dit gesprek al overgenomen. Kies een ander gesprek uit de wachtrij.")
    # only the winner may write to the citizen; the queue no longer lists the conversation
    clients = {"anna": anna, "bram": bram}
    assert clients[loser].post(f"/staff/api/conversations/{c.id}/messages", json={"text": "Hallo"}).status_code == 409
    assert clients[winner].post(f"/staff/api/conversations/{c.id}/messages", json={"text": "Hallo"}).status_code == 200
    assert c.id not in [e["id"] for e in anna.get("/staff/api/queue").json()["queue"]]
    assert updates(c.client, c.id)["status"]["text"] == f"U praat nu met {winner_name}."


def test_waiting_text_shows_the_place_in_the_queue(chat, staff_client):
    first, second = ask_for_a_person(chat), ask_for_a_person(chat)
    a, b = updates(first.client, first.id), updates(second.client, second.id)
    assert a["state"]["handoff"] == b["state"]["handoff"] == "waiting"
    assert b["status"]["ahead"] == a["status"]["ahead"] + 1
    ahead = b["status"]["ahead"]
    expected = ("Er wacht 1 persoon voor u." if ahead == 1 else f"Er wachten {ahead} personen voor u.")
    assert b["status"]["text"] == "U wacht op een medewerker. " + expected

    staff = staff_client()
    assert staff.post(f"/staff/api/conversations/{first.id}/claim").status_code == 200
    assert updates(second.client, second.id)["status"]["ahead"] == ahead - 1  # updated


def test_while_staff_has_the_chat_the_bot_is_not_asked(chat, staff_client):
    c = ask_for_a_person(chat, first=BEZWAAR)
    before = dict(c.state)
    staff = staff_client("staff", "Anna Jansen")
    claimed = staff.post(f"/staff/api/conversations/{c.id}/claim")
    assert claimed.status_code == 200 and claimed.json()["claimed_by"] == "Anna"
    first = updates(c.client, c.id)
    assert [m["text"] for m in first["messages"]] == ["U praat nu met Anna."]
    assert first["state"]["handoff"] == "active" and first["status"]["staff_name"] == "Anna"

    replies = c.say("wat doet het CAK eigenlijk")  # would get a card from the bot
    assert replies == [] and c.state == {**before, "handoff": "active"}

    sent = staff.post(f"/staff/api/conversations/{c.id}/messages", json={"text": "Het CAK int de eigen bijdrage."})
    assert sent.status_code == 200
    news = updates(c.client, c.id, after=first["last_id"])
    assert [(m["sender"], m["text"], m["staff_name"]) for m in news["messages"]] == [
        ("staff", "Het CAK int de eigen bijdrage.", "Anna")]
    assert updates(c.client, c.id, after=news["last_id"])["messages"] == []

    transcript = c.client.get(f"/api/conversations/{c.id}").json()
    senders = [(m["sender"], m["text"]) for m in transcript["messages"]]
    assert ("citizen", "wat doet het CAK eigenlijk") in senders
    assert ("staff", "Het CAK int de eigen bijdrage.") in senders
    after_question = senders[senders.index(("citizen", "wat doet het CAK eigenlijk")) + 1]
    assert after_question[0] != "bot" or after_question[1].startswith("U praat")  # no bot answer to it
    assert transcript["state"]["handoff"] == "active"
    # the transcript carries the same message ids as /updates (the widget shows each message once)
    ids = [m["id"] for m in transcript["messages"]]
    assert ids == sorted(set(ids))
    assert {"id": news["messages"][0]["id"], "text": "Het CAK int de eigen bijdrage."} in [
        {"id": m["id"], "text": m["text"]} for m in transcript["messages"]]


def test_long_poll_returns_when_staff_writes(chat, staff_client):
    c = ask_for_a_person(chat)
    staff = staff_client()
    staff.post(f"/staff/api/conversations/{c.id}/claim")
    last = updates(c.client, c.id)["last_id"]
    timer = threading.Timer(0.5, lambda: staff.post(f"/staff/api/conversations/{c.id}/messages",
                                                    json={"text": "Bent u er nog?"}))
    started = time.monotonic()
    timer.start()
    news = updates(c.client, c.id, after=last, wait=15)
    assert [m["text"] for m in news["messages"]] == ["Bent u er nog?"]
    assert time.monotonic() - started < 5


def test_a_status_changed_since_the_last_answer_ends_the_long_poll_at_once(chat, staff_client):
    first, second = ask_for_a_person(chat), ask_for_a_person(chat)
    before = updates(second.client, second.id)
    assert before["status"]["key"]
    staff = staff_client()
    assert staff.post(f"/staff/api/conversations/{first.id}/claim").status_code == 200  # between two requests

    def poll(after: int, known: str, wait: float) -> tuple[dict, float]:
        started = time.monotonic()
        response = second.client.get(f"/api/conversations/{second.id}/updates",
                                     params={"after": after, "wait": wait, "known": known})
        assert response.status_code == 200, response.text
        return response.json(), time.monotonic() - started

    news, took = poll(before["last_id"], before["status"]["key"], 15)
    assert took < 5 and news["status"]["ahead"] == before["status"]["ahead"] - 1
    assert news["status"]["key"] != before["status"]["key"]
    held, took = poll(news["last_id"], news["status"]["key"], 2)  # nothing new: held until `wait`
    assert took >= 1.9 and held["messages"] == [] and held["status"] == news["status"]


def test_close_with_an_outcome_and_notes_stay_internal(chat, staff_client):
    c = ask_for_a_person(chat)
    staff = staff_client()
    staff.post(f"/staff/api/conversations/{c.id}/claim")
    assert staff.post(f"/staff/api/conversations/{c.id}/notes", json={"text": "Geheime notitie 42"}).status_code == 200
    detail = staff.get(f"/staff/api/conversations/{c.id}").json()
    assert detail["notes"][0]["text"] == "Geheime notitie 42" and detail["mine"] is True
    refused = staff.post(f"/staff/api/conversations/{c.id}/close", json={"outcome": "weet niet"})
    assert refused.status_code == 422
    closed = staff.post(f"/staff/api/conversations/{c.id}/close", json={"outcome": "beantwoord"})
    assert closed.status_code == 200, closed.text
    news = updates(c.client, c.id)
    assert news["state"]["handoff"] == "closed" and news["status"]["text"] is None
    assert news["messages"][-1]["text"].startswith("De medewerker heeft het gesprek afgesloten.")
    assert "Geheime notitie 42" not in c.client.get(f"/api/conversations/{c.id}").text
    page = staff.get(f"/staff/conversations/{c.id}").text
    assert "Afgesloten: Vraag beantwoord." in page and "Geheime notitie 42" in page
    # the bot answers again after closing
    assert c.say("wat is een pgb") != []
    # and a new request puts the citizen in the queue again, claimable again
    c.say("ik wil graag met een medewerker spreken")
    assert c.state["handoff"] == "waiting"
    assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200


def test_hand_back_lets_the_bot_answer_again(chat, staff_client):
    c = ask_for_a_person(chat)
    staff = staff_client()
    staff.post(f"/staff/api/conversations/{c.id}/claim")
    assert c.say("hallo?") == []
    back = staff.post(f"/staff/api/conversations/{c.id}/handback")
    assert back.status_code == 200 and back.json()["handoff"] == "none"
    assert staff.post(f"/staff/api/conversations/{c.id}/messages", json={"text": "x"}).status_code == 409
    replies = c.say(BEZWAAR)
    assert replies and c.state["handoff"] == "none" and c.state["deadline"] == "2026-12-28"


def test_the_queue_is_pushed_over_the_websocket(stack, chat, staff_client):
    staff = staff_client()
    cookie = staff.cookies.get(COOKIE_NAME)
    url = stack.api_url.replace("http", "ws") + "/staff/ws"
    with connect(url, additional_headers={"Cookie": f"{COOKIE_NAME}={cookie}"}, open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "hello"
        assert json.loads(socket.recv(timeout=10))["type"] == "queue"
        c = ask_for_a_person(chat)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            message = json.loads(socket.recv(timeout=10))
            if message["type"] == "queue" and c.id in message["ids"]:
                assert f'data-conversation-id="{c.id}"' in message["html"]["queue"]
                break
        else:
            pytest.fail("the new conversation was not pushed")


def test_call_back_outside_office_hours_is_in_the_console(stack, chat, staff_client):
    c = chat(staff_available=False)  # as outside office hours
    c.say("kan ik iemand spreken")
    c.say("bel mij maar op 0612345678")
    c.say("morgenochtend na 10 uur")
    assert c.state["handoff"] == "callback"
    staff = staff_client()
    listed = [cb for cb in staff.get("/staff/api/callbacks").json()["callbacks"] if cb["conversation_id"] == c.id]
    assert len(listed) == 1
    callback = listed[0]
    assert callback["contact_masked"] == "06******78" and "contact" not in callback
    assert callback["preferred_time"] == "morgenochtend na 10 uur" and callback["status"] == "open"
    page = staff.get("/staff/callbacks").text
    assert "06******78" in page and "0612345678" not in page
    detail = staff.get(f"/staff/callbacks/{callback['id']}")
    assert detail.status_code == 200 and "0612345678" in detail.text and "bel mij maar op" in detail.text
    assert staff.get(f"/staff/api/callbacks/{callback['id']}").json()["contact"] == "0612345678"
    done = staff.post(f"/staff/api/callbacks/{callback['id']}/status", json={"status": "done"})
    assert done.status_code == 200 and done.json()["status"] == "done"
    # personal numbers never reach the API's log
    if getattr(stack, "log_dir", None):
        log = (stack.log_dir / f"api-{stack.api_port}.log").read_text(errors="replace")
        assert "0612345678" not in log


def test_an_admin_may_release_a_colleagues_chat_but_not_write_in_it(chat, staff_client):
    c = ask_for_a_person(chat)
    anna, admin = staff_client("staff", "Anna Jansen"), staff_client("admin", "Beheer Bert")
    assert anna.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200
    page = admin.get(f"/staff/conversations/{c.id}").text
    assert "Anna heeft dit gesprek." in page and 'id="reply"' not in page
    assert admin.post(f"/staff/api/conversations/{c.id}/messages", json={"text": "x"}).status_code == 409
    assert admin.post(f"/staff/api/conversations/{c.id}/handback").status_code == 200
    assert updates(c.client, c.id)["state"]["handoff"] == "none"

"""A citizen on worker one, staff on worker two (issue 15): the queue, the claim and the chat work
across API processes that share nothing in memory, and a killed worker loses nothing."""
from __future__ import annotations

import threading
import time

import httpx
import pytest

from .conftest import new_conversation, online_in, say, wait_until

pytestmark = [pytest.mark.stack, pytest.mark.postgres]

ASK = "ik wil graag met een medewerker spreken"
# decision of 16 October 2026: the bezwaar deadline (27 November) is within 7 days of the test's Monday
CLOSE_DEADLINE = ("ik kreeg een brief van de gemeente van 16 oktober, mijn hulp gaat van 4 naar 2 uur, "
                  "daar ben ik het niet mee eens")


def updates(client: httpx.Client, conversation_id: str, after: int = 0, wait: float = 0) -> dict:
    response = client.get(f"/api/conversations/{conversation_id}/updates", params={"after": after, "wait": wait})
    assert response.status_code == 200, response.text
    return response.json()


def transcript_texts(staff: httpx.Client, conversation_id: str) -> list[str]:
    detail = staff.get(f"/staff/api/conversations/{conversation_id}")
    assert detail.status_code == 200, detail.text
    return [line["text"] for line in detail.json()["transcript"]]


def test_citizen_on_one_worker_and_staff_on_the_other_chat_both_ways(workers, clients, console):
    anna = clients(workers.two.url, "/staff", workers.account("staff", "Anna Jansen"))
    live = console(workers.two.url, anna)  # Anna's console is open on worker two only
    wait_until(lambda: "Anna Jansen" in online_in(workers.one.url, anna), 5, "worker one sees Anna online")
    citizen = clients(workers.one.url)

    plain = new_conversation(citizen)
    assert say(citizen, plain, ASK)["state"]["handoff"] == "waiting"
    urgent = new_conversation(citizen)
    say(citizen, urgent, CLOSE_DEADLINE)
    assert say(citizen, urgent, ASK)["state"]["handoff"] == "waiting"

    # worker two pushes the queue with both, the close deadline first although it came later
    pushed = live.wait_for(lambda m: m["type"] == "queue" and {plain, urgent} <= set(m["ids"]))
    assert [i for i in pushed["ids"] if i in (plain, urgent)] == [urgent, plain]
    assert updates(citizen, plain)["status"]["ahead"] > updates(citizen, urgent)["status"]["ahead"]

    assert anna.post(f"/staff/api/conversations/{urgent}/claim").status_code == 200
    after_claim = updates(citizen, urgent)
    assert after_claim["status"]["text"] == "U praat nu met Anna."

    # staff writes on worker two: the citizen's long-poll on worker one wakes at once
    answer: dict = {}
    poll = threading.Thread(target=lambda: answer.update(
        news=updates(citizen, urgent, after=after_claim["last_id"], wait=20), at=time.monotonic()))
    poll.start()
    time.sleep(1.0)  # the long-poll is waiting
    sent = anna.post(f"/staff/api/conversations/{urgent}/messages", json={"text": "Goedemiddag, ik ben Anna."})
    sent_at = time.monotonic()
    assert sent.status_code == 200, sent.text
    poll.join(timeout=25)
    assert [m["text"] for m in answer["news"]["messages"]] == ["Goedemiddag, ik ben Anna."]
    assert answer["at"] - sent_at < 2.0, f"the long-poll woke {answer['at'] - sent_at:.1f}s after the message"

    # the citizen writes on worker one: it goes to Anna (not the bot), live on her console on worker two
    reply = say(citizen, urgent, "Dank u. Moet ik het bezwaar zelf schrijven?")
    assert reply["messages"] == [] and reply["state"]["handoff"] == "active"
    live.wait_for(lambda m: m["type"] == "message" and m["conversation_id"] == urgent
                  and m["message"]["text"] == "Dank u. Moet ik het bezwaar zelf schrijven?", timeout_s=5)


def test_staff_reconnects_on_the_other_worker_after_a_crash_and_nothing_is_lost(workers, clients, console):
    anna = clients(workers.two.url, "/staff", workers.account("staff", "Anna Jansen"))
    console(workers.two.url, anna)
    wait_until(lambda: "Anna Jansen" in online_in(workers.one.url, anna), 5, "worker one sees Anna online")
    citizen = clients(workers.one.url)
    c = new_conversation(citizen)
    say(citizen, c, CLOSE_DEADLINE)
    say(citizen, c, ASK)
    assert anna.post(f"/staff/api/conversations/{c}/claim").status_code == 200
    assert anna.post(f"/staff/api/conversations/{c}/messages", json={"text": "Ik ben Anna."}).status_code == 200
    say(citizen, c, "Fijn, ik heb een vraag.")
    before = transcript_texts(anna, c)

    workers.two.kill()  # mid-chat
    assert say(citizen, c, "Bent u er nog?")["messages"] == []  # still Anna's chat, kept for her

    # Anna's console reconnects and lands on worker one: same login, same chat, every message
    anna_on_one = clients(workers.one.url)
    anna_on_one.cookies = anna.cookies
    live = console(workers.one.url, anna_on_one)
    assert live.wait_for(lambda m: m["type"] == "hello")["user"]["name"] == "Anna Jansen"
    detail = anna_on_one.get(f"/staff/api/conversations/{c}").json()
    assert detail["mine"] is True and detail["handoff"] == "active"
    assert transcript_texts(anna_on_one, c) == [*before, "Bent u er nog?"]
    assert "Ik ben Anna." in before and "Fijn, ik heb een vraag." in before

    last = updates(citizen, c)["last_id"]
    assert anna_on_one.post(f"/staff/api/conversations/{c}/messages", json={"text": "Ja, ik ben er."}).status_code == 200
    assert [m["text"] for m in updates(citizen, c, after=last)["messages"]] == ["Ja, ik ben er."]

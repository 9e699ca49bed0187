"""The widget and a real staff member (issue 11, item 7): while waiting the citizen sees their place in
the queue, staff messages arrive over the /updates long-poll without a reload and once, and when
/updates fails the widget falls back to polling the transcript."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.accounts import logged_in

pytestmark = pytest.mark.stack

ASK = "ik wil graag met een mens praten"
UPDATES = "**/api/conversations/*/updates?*"
STAFF_WAIT_MS = 10_000  # a staff message or a new place in the queue shows within this time


@pytest.fixture
def staff(site, make_user):
    """Anna, a logged-in staff member (the console's HTTP API)."""
    client = logged_in(site, "/staff", make_user("staff", "Anna Jansen"))
    yield client
    client.close()


def claim(staff, conversation_id: str) -> None:
    response = staff.post(f"/staff/api/conversations/{conversation_id}/claim")
    assert response.status_code == 200, response.text


def write(staff, conversation_id: str, text: str) -> None:
    response = staff.post(f"/staff/api/conversations/{conversation_id}/messages", json={"text": text})
    assert response.status_code == 200, response.text


def empty_the_queue(staff) -> None:
    """Earlier tests leave citizens waiting: Anna takes them all, so the queue holds only this test's."""
    for entry in staff.get("/staff/api/queue").json()["queue"]:
        staff.post(f"/staff/api/conversations/{entry['id']}/claim")
    assert staff.get("/staff/api/queue").json()["queue"] == []


def transcript_polls(widget) -> list[str]:
    """Records the widget's GETs of the whole transcript from now on."""
    polls: list[str] = []
    conversation = f"/api/conversations/{widget.conversation_id()}"
    widget.page.on("request", lambda request: polls.append(request.url)
                   if request.method == "GET" and request.url.endswith(conversation) else None)
    return polls


def test_a_waiting_citizen_sees_their_place_in_the_queue_and_it_changes(widget, staff, chat):
    empty_the_queue(staff)
    ahead = chat()
    ahead.say(ASK)
    assert ahead.state["handoff"] == "waiting"

    widget.goto().open()
    widget.say(ASK)
    expect(widget.el(".handoff")).to_have_text("U wacht op een medewerker. Er wacht 1 persoon voor u.",
                                               timeout=STAFF_WAIT_MS)

    claim(staff, ahead.id)  # the citizen before this one is helped
    expect(widget.el(".handoff")).to_have_text("U wacht op een medewerker. Er wacht niemand voor u.",
                                               timeout=STAFF_WAIT_MS)
    expect(widget.el("[aria-live]")).to_contain_text("Er wacht niemand voor u.")  # read out, too
    assert widget.axe() == []

    claim(staff, widget.conversation_id())  # now it is this citizen's turn
    expect(widget.el(".handoff")).to_have_text("U praat met een medewerker.", timeout=STAFF_WAIT_MS)
    expect(widget.el("li.msg.bot").last.locator(".text")).to_have_text("U praat nu met Anna.")


def test_a_staff_reply_appears_without_a_reload_and_once(widget, staff):
    widget.goto().open()
    widget.say(ASK)
    conversation = widget.conversation_id()
    polls = transcript_polls(widget)
    widget.js("window.__samePage = true;")  # gone if the page were loaded again
    claim(staff, conversation)
    expect(widget.el("li.msg.bot").last.locator(".text")).to_have_text("U praat nu met Anna.", timeout=STAFF_WAIT_MS)

    reply = "Hallo, ik ben Anna. <b>Waar</b> kan ik u mee helpen?"
    write(staff, conversation, reply)
    expect(widget.el("li.msg.staff .text")).to_have_text(reply, timeout=STAFF_WAIT_MS)
    expect(widget.el("[aria-live]")).to_have_text(f"Medewerker: {reply}")
    assert widget.js("return root.querySelectorAll('.log b').length;") == 0  # text, never HTML

    widget.type_and_send("Mijn eigen bijdrage is veel hoger geworden.")  # goes to Anna, not to the bot
    expect(widget.el("li.msg.citizen").last.locator(".text")).to_have_text("Mijn eigen bijdrage is veel hoger geworden.")
    write(staff, conversation, "Dat zoek ik voor u uit.")
    expect(widget.el("li.msg.staff").last.locator(".text")).to_have_text("Dat zoek ik voor u uit.", timeout=STAFF_WAIT_MS)

    widget.page.wait_for_timeout(5000)  # longer than the old 4 s transcript poll
    assert widget.texts("li.msg.staff") == [reply, "Dat zoek ik voor u uit."]  # each once
    server = [(m["sender"], m["text"]) for m in widget.transcript()["messages"]]
    assert widget.rendered() == server  # the same messages in the same order as stored
    assert widget.js("return window.__samePage === true;")  # no reload
    assert polls == []  # all of it came over /updates, not by fetching the transcript again


def test_when_updates_fails_the_staff_reply_comes_by_polling_the_transcript(widget, staff):
    failed: list[str] = []

    def broken(route):
        failed.append(route.request.url)
        route.fulfill(status=500, json={"detail": "Interne fout"})

    widget.page.route(UPDATES, broken)
    widget.goto().open()
    widget.say(ASK)
    conversation = widget.conversation_id()
    polls = transcript_polls(widget)
    expect(widget.el(".handoff")).to_have_text("U wacht op een medewerker.")  # no place: /updates is down

    claim(staff, conversation)
    reply = "Hallo, ik ben Anna. Ik lees uw gesprek."
    write(staff, conversation, reply)
    expect(widget.el("li.msg.staff .text")).to_have_text(reply, timeout=15_000)
    expect(widget.el(".handoff")).to_have_text("U praat met een medewerker.")
    assert failed and polls  # /updates was tried, and the transcript brought the reply

    widget.page.wait_for_timeout(4500)  # one more transcript poll
    assert widget.texts("li.msg.staff") == [reply]  # once
    server = [(m["sender"], m["text"]) for m in widget.transcript()["messages"]]
    assert widget.rendered() == server

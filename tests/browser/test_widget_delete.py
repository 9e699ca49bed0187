"""'Verwijder dit gesprek' in the widget, by keyboard only: a confirm step, then the server keeps nothing
of the conversation (transcript, Rasa's tracker) and the widget starts a fresh one. The privacy
statement is one link away."""
from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.stack


def test_the_citizen_deletes_the_conversation_with_the_keyboard_and_starts_fresh(widget, stack):
    widget.goto().open()
    widget.say("wat doet het CAK eigenlijk")
    old_id = widget.conversation_id()
    assert old_id and widget.count("li.msg") > 1

    page = widget.page
    widget.el(".options > summary").focus()
    page.keyboard.press("Enter")  # "Meer opties" opens
    delete = widget.el(".tools button").filter(has_text="Verwijder dit gesprek")
    delete.focus()
    page.keyboard.press("Enter")
    confirm = widget.el(".confirm-delete")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("Dit gesprek verwijderen? Dan bewaart Wegwijs er niets meer van.")
    assert widget.focused()["text"] == "Ja, verwijder"
    assert widget.axe() == []

    page.keyboard.press("Escape")  # changed my mind: nothing happens, focus back on the button
    expect(confirm).to_be_hidden()
    assert widget.focused()["text"] == "Verwijder dit gesprek"
    assert httpx.get(f"{widget.site}/api/conversations/{old_id}", timeout=30).status_code == 200

    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Ja, verwijder"
    done = "Uw gesprek is verwijderd. Wegwijs bewaart er niets meer van."
    expect(widget.el(".notice")).to_have_text(done)
    expect(widget.el("[aria-live=polite]")).to_have_text(done)  # read out by a screen reader
    expect(confirm).to_be_hidden()
    assert widget.count("li.msg") == 0
    assert widget.conversation_id() is None
    assert widget.focused()["id"] == "ww-input"
    assert httpx.get(f"{widget.site}/api/conversations/{old_id}", timeout=30).status_code == 404
    tracker = httpx.get(f"http://127.0.0.1:{stack.rasa_port}/conversations/{old_id}/tracker",
                         params={"token": getattr(stack, "rasa_token", "")}, timeout=30).json()
    assert [e for e in tracker["events"] if e["event"] == "user"] == []

    widget.say("hallo")  # a fresh conversation
    new_id = widget.conversation_id()
    assert new_id and new_id != old_id
    expect(widget.el(".notice")).to_be_empty()
    assert [m["text"] for m in widget.transcript()["messages"]][0] == "hallo"

    page.reload()
    widget.el(".panel").wait_for(state="visible")
    assert widget.conversation_id() == new_id
    expect(widget.el("li.msg.citizen")).to_have_count(1)  # the transcript loads after the panel shows


def test_deleting_when_the_api_cannot_be_reached_keeps_the_conversation_and_says_so(widget):
    widget.goto().open()
    widget.say("hallo")
    conversation = widget.conversation_id()
    widget.page.route("**/api/conversations/*", lambda route: route.abort("internetdisconnected")
                      if route.request.method == "DELETE" else route.continue_())
    widget.el(".options > summary").click()
    widget.el(".tools button").filter(has_text="Verwijder dit gesprek").click()
    widget.el(".confirm-delete .primary").click()
    expect(widget.el(".error")).to_have_text("Het gesprek is niet verwijderd. Kijk of u internet heeft en probeer het opnieuw.")
    assert widget.conversation_id() == conversation and widget.count("li.msg") > 0


def test_the_privacy_statement_is_linked_from_the_widget(widget):
    widget.goto().open()
    link = widget.el(".privacy a")
    expect(link).to_contain_text("Privacy: wat bewaren we en hoe lang?")
    assert link.get_attribute("href") == f"{widget.site}/privacy"
    assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"
    with widget.page.context.expect_page() as opened:
        link.click()
    statement = opened.value
    statement.wait_for_load_state()
    expect(statement.locator("h1")).to_have_text("Privacy in de chat Wegwijs")
    expect(statement.locator("main")).to_contain_text("90 dagen")

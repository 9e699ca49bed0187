"""The widget while the bot is down (issue 10, item 8), in a real browser: the message shows once
as kept, the typed text is not handed back for a second send, and the answer appears by itself
when Rasa is back."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE_JS, BUNDLE, Widget

from .conftest import BEZWAAR

pytestmark = [pytest.mark.stack, pytest.mark.postgres]


@pytest.fixture
def widget(browser, fault_stack):
    if not BUNDLE.is_file():
        pytest.fail("web-widget/dist/widget.js is missing: run `make widget`")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.route("**/__test__/axe.min.js",
               lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript; charset=utf-8"))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield Widget(page, fault_stack.api_url)
    context.close()
    assert not errors, errors


def test_a_message_sent_while_rasa_is_down_is_answered_when_it_is_back(faults, widget):
    widget.goto().open()
    widget.say("hallo")
    bots = widget.count("li.msg.bot")
    faults.kill("rasa")

    widget.type_and_send(BEZWAAR)
    expect(widget.el(".error")).to_contain_text("Uw bericht is bewaard")
    expect(widget.el("li.msg.citizen").last).to_contain_text("mijn hulp gaat van 4 naar 2 uur")
    assert widget.el("textarea").input_value() == ""  # nothing to send a second time
    assert widget.axe() == []

    faults.start("rasa")
    widget.wait_for_answer(bots)
    expect(widget.el(".error")).to_be_empty()
    server = [(m["sender"], m["text"]) for m in widget.transcript()["messages"]]
    assert [text for sender, text in server if sender == "citizen"] == ["hallo", BEZWAAR]
    assert widget.rendered() == server
    assert faults.user_texts(widget.conversation_id()) == ["hallo", BEZWAAR]

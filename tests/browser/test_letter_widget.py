"""The widget treats the bot's "Maak een voorbeeldbrief" (payload /open_letter) as a link to the letter
page of this conversation: keyboard reachable, a new tab, never sent to the API as a message."""
import json

import pytest

pytestmark = pytest.mark.stack

BUTTONS = [{"title": "Maak een voorbeeldbrief", "payload": "/open_letter"},
           {"title": "Ik heb nog een vraag", "payload": "/ask_question"}]


def test_the_letter_button_opens_the_letter_page_in_a_new_tab(widget):
    sent: list[str] = []

    def stub(route):
        sent.append(route.request.post_data or "")
        route.fulfill(status=200, content_type="application/json", body=json.dumps({
            "messages": [{"text": "Wat wilt u nu doen?", "buttons": BUTTONS, "sources": []}],
            "state": {"route": "bezwaar", "organisation": "gemeente", "decision_date": "2026-11-13",
                      "deadline": "2026-12-28", "asking_for": "self", "handoff": "none"}}))

    widget.page.route("**/api/conversations/*/messages", stub)  # a stubbed bot reply; the conversation is real
    widget.goto().open()
    widget.say("ik ben het niet eens met de beslissing")
    link = widget.el(".quick a.btn")
    assert link.inner_text().startswith("Maak een voorbeeldbrief")
    conversation = widget.conversation_id()
    assert link.get_attribute("href") == f"{widget.site}/letter/{conversation}"
    assert link.get_attribute("target") == "_blank"
    assert "(opent in een nieuw tabblad)" in link.inner_text()

    widget.el("textarea").focus()
    for _ in range(5):
        widget.page.keyboard.press("Tab")
        if (widget.focused() or {}).get("tag") == "a":
            break
    assert widget.focused()["inQuick"] and widget.focused()["tag"] == "a"
    with widget.page.context.expect_page() as opened:
        widget.page.keyboard.press("Enter")
    letter_page = opened.value
    letter_page.wait_for_load_state()
    assert letter_page.url == f"{widget.site}/letter/{conversation}"
    assert letter_page.locator("h1").inner_text() == "Uw voorbeeldbrief"
    assert len(sent) == 1 and "/open_letter" not in sent[0]  # only the typed message went to the API
    assert widget.el(".quick a.btn").is_visible()  # the buttons stay: nothing was sent

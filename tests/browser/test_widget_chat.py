"""The chat widget against the real stack: text is never parsed as HTML, a lost connection loses and
duplicates nothing, a reload keeps the conversation, and the tools work."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.stack

HTML = "<b>vet</b><img src=x onerror=alert(1)>"
# The status line while waiting, with the place in the queue from /updates.
WAITING_WITH_PLACE = re.compile(r"^U wacht op een medewerker\. Er (wacht niemand|wacht 1 persoon|wachten \d+ personen) voor u\.$")


def test_html_in_a_message_is_shown_as_literal_text(widget):
    widget.goto().open()
    widget.say(HTML)
    assert widget.texts("li.msg.citizen") == [HTML]
    assert widget.js("return root.querySelectorAll('.log b, .log img, .log script').length;") == 0
    assert widget.transcript()["messages"][0]["text"] == HTML
    # the fixture fails the test if an alert() dialog opened


def test_an_error_shows_the_dutch_detail_and_keeps_the_typed_text(widget):
    widget.goto().open()
    too_long = "Mijn hulp is stopgezet. " * 210  # over the API's 5000 characters: 413
    widget.type_and_send(too_long)
    expect(widget.el(".error")).to_contain_text("Het mag hoogstens 5000 tekens hebben")
    assert widget.el("textarea").input_value() == too_long
    assert widget.count("li.msg") == 0
    assert widget.axe() == []


def test_a_message_typed_while_the_api_is_unreachable_is_sent_once_after_reconnect(widget):
    widget.goto().open()
    widget.say("hallo")
    question = "wat doet het CAK eigenlijk"

    # Simulates the API being unreachable (network gone, server down): the browser aborts every request to it.
    widget.page.route("**/api/**", lambda route: route.abort("internetdisconnected"))
    bots = widget.count("li.msg.bot")
    widget.type_and_send(question)
    expect(widget.el(".offline")).to_have_text("Geen verbinding. We proberen het opnieuw.")
    expect(widget.el("li.pending .note")).to_contain_text("Nog niet verstuurd")
    assert widget.axe() == []
    widget.page.wait_for_timeout(3500)  # a few reconnect attempts fail
    widget.page.unroute("**/api/**")

    widget.wait_for_answer(bots)
    expect(widget.el(".offline")).to_be_hidden()
    assert widget.texts("li.msg.citizen").count(question) == 1
    server = [(m["sender"], m["text"]) for m in widget.transcript()["messages"]]
    assert [text for sender, text in server if sender == "citizen"] == ["hallo", question]
    assert widget.rendered() == server  # nothing lost, nothing twice


def test_an_answer_lost_on_the_way_does_not_make_the_widget_send_twice(widget):
    widget.goto().open()
    widget.say("hallo")
    question = "ik wil graag met een mens praten"
    lost = []

    def lose_the_answer(route):
        if route.request.method == "POST" and not lost:
            response = route.fetch()  # the API gets the message and answers it ...
            lost.append(response.status)
            return route.abort("connectionreset")  # ... but the answer never reaches the browser
        return route.continue_()

    widget.page.route("**/api/conversations/*/messages", lose_the_answer)
    bots = widget.count("li.msg.bot")
    widget.type_and_send(question)
    widget.wait_for_answer(bots)
    assert lost == [200]
    server = [(m["sender"], m["text"]) for m in widget.transcript()["messages"]]
    assert [text for sender, text in server if sender == "citizen"] == ["hallo", question]
    assert widget.rendered() == server
    expect(widget.el(".handoff")).to_have_text(WAITING_WITH_PLACE)


def test_a_page_reload_keeps_the_conversation(widget):
    widget.goto().open()
    widget.say("wat doet het CAK eigenlijk")
    before, conversation = widget.rendered(), widget.conversation_id()

    widget.page.reload()
    widget.el(".panel").wait_for(state="visible")  # it was open, so it opens again
    widget.page.wait_for_function(
        "(n) => document.getElementById('wegwijs-widget').shadowRoot.querySelectorAll('li.msg').length === n",
        arg=len(before))
    assert widget.rendered() == before
    assert widget.conversation_id() == conversation
    assert widget.js("return root.querySelector('[aria-live]').textContent;") == ""  # nothing announced again
    widget.say("dank u")
    assert widget.conversation_id() == conversation
    assert len(widget.transcript()["messages"]) == len(widget.rendered())


def test_download_print_larger_text_and_start_over(widget):
    widget.goto().open()
    widget.say("wat doet het CAK eigenlijk")
    widget.el(".options summary").click()

    with widget.page.expect_download() as download_info:
        widget.el(".tools button").filter(has_text="Gesprek downloaden").click()
    download = download_info.value
    assert re.fullmatch(r"wegwijs-\d{4}-\d{2}-\d{2}\.txt", download.suggested_filename)
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith("Gesprek met Wegwijs")
    assert "U: wat doet het CAK eigenlijk" in text and "Bron: " in text

    widget.el(".tools button").filter(has_text="Gesprek afdrukken").click()  # headless: print() returns at once
    widget.page.emulate_media(media="print")
    assert widget.page.evaluate("() => getComputedStyle(document.querySelector('main')).display") == "none"
    assert widget.js("return root.querySelector('details.sources').open;") is True
    assert widget.js("return getComputedStyle(root.querySelector('.composer')).display;") == "none"
    widget.page.emulate_media(media="screen")

    larger = widget.el(".tools button").filter(has_text="Grotere tekst")
    size = lambda: widget.js("return parseFloat(getComputedStyle(root.querySelector('.root')).fontSize);")  # noqa: E731
    assert size() == 16
    larger.click()
    expect(larger).to_have_attribute("aria-pressed", "true")
    assert size() == 20

    widget.el(".tools button").filter(has_text="Opnieuw beginnen").click()
    widget.el(".confirm .primary").click()
    assert widget.count("li.msg") == 0
    assert widget.conversation_id() is None
    assert widget.focused()["id"] == "ww-input"
    widget.say("hallo")
    assert len(widget.transcript()["messages"]) == widget.count("li.msg")


def test_english_interface_and_lang_attributes(widget):
    # The demo page embeds the Dutch widget; here the same page asks for English.
    def english(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('data-locale="nl"', 'data-locale="en"'))

    widget.page.route(widget.site + "/", english)
    widget.goto()
    expect(widget.el(".launcher")).to_have_text("Chat with Wegwijs")
    widget.open()
    widget.say("hallo")
    assert widget.js("return root.querySelector('.root').lang;") == "en"
    assert widget.js("return root.querySelector('li.citizen .text').lang;") == "en"
    assert widget.js("return root.querySelector('li.bot .text').lang;") == "en"  # the bot answers in English (issue 13)
    assert widget.axe() == []


def test_the_demo_page_has_a_strict_csp_and_the_widget_is_styled_under_it(widget):
    response = widget.page.goto(widget.site + "/")
    policy = response.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"):
        assert directive in policy
    expect(widget.el(".launcher")).to_have_css("background-color", "rgb(21, 66, 115)")
    # the fixture fails the test on any CSP violation


def test_a_staff_message_arrives_while_waiting_and_is_announced_without_moving_focus(widget):
    # An API without /updates (404): the widget polls the transcript instead (tests/browser/test_widget_updates.py
    # has the real staff member over /updates).
    widget.page.route("**/api/conversations/*/updates?*", lambda route: route.fulfill(status=404, json={"detail": "Not Found"}))
    widget.goto().open()
    widget.say("ik wil graag met een mens praten")
    expect(widget.el(".handoff")).to_have_text("U wacht op een medewerker.")
    widget.el("textarea").focus()
    expect(widget.el("[aria-live]")).to_contain_text("medewerker")  # the bot's answer has been announced
    widget.js("window.__announced = []; new MutationObserver((records) => records.forEach((r) =>"
              " r.addedNodes.forEach((n) => window.__announced.push(n.textContent))))"
              ".observe(root.querySelector('[aria-live]'), { childList: true });")
    staff_text = "Hallo, ik ben Anna van de gemeente. Ik lees uw gesprek."

    # A staff member writes (the staff console is not part of this test): the transcript the widget
    # polls gets one staff message more, and the state becomes active.
    def staff_writes(route):
        response = route.fetch()
        transcript = response.json()
        transcript["messages"].append({"sender": "staff", "text": staff_text, "buttons": [], "sources": [],
                                       "delivered": True, "created_at": "2026-11-23T10:00:00"})
        transcript["state"]["handoff"] = "active"
        route.fulfill(response=response, json=transcript)

    widget.page.route(f"**/api/conversations/{widget.conversation_id()}", staff_writes)
    expect(widget.el("li.msg.staff .text")).to_have_text(staff_text, timeout=15_000)
    expect(widget.el(".handoff")).to_have_text("U praat met een medewerker.")
    expect(widget.el("[aria-live]")).to_have_text(f"Medewerker: {staff_text}")
    assert widget.focused()["id"] == "ww-input"
    widget.page.wait_for_timeout(4500)  # the next poll brings the same transcript
    assert widget.count("li.msg.staff") == 1  # shown once
    assert widget.page.evaluate("() => window.__announced") == [f"Medewerker: {staff_text}"]  # announced once

"""The chat widget is usable by keyboard and screen reader, passes axe-core (WCAG 2.1 A/AA) and reflows."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = pytest.mark.stack

QUESTION = "ik ben het niet eens met de beslissing die ik kreeg"  # the bot asks which organisation, with buttons


def tab_until(widget, check, limit=40):
    for _ in range(limit):
        widget.page.keyboard.press("Tab")
        focused = widget.focused()
        if focused and check(focused):
            return focused
    raise AssertionError(f"not reached with Tab; focus is on {widget.focused()}")


def test_a_whole_conversation_by_keyboard_only(widget):
    widget.goto()
    tab_until(widget, lambda f: "launcher" in f["cls"])
    widget.page.keyboard.press("Enter")
    assert widget.focused()["id"] == "ww-input"

    widget.page.keyboard.type(QUESTION)
    widget.page.keyboard.press("Enter")
    answer = widget.wait_for_answer(0)
    assert answer
    assert widget.focused()["id"] == "ww-input", "focus must not move when the answer arrives"

    reply = tab_until(widget, lambda f: f["inQuick"], limit=5)
    assert reply["outline"] != "none", "focus must be visible"
    bots = widget.count("li.msg.bot")
    widget.page.keyboard.press("Enter")
    assert widget.wait_for_answer(bots)
    assert widget.texts("li.msg.citizen")[-1] == reply["text"]
    assert widget.focused() is not None, "focus stayed in the widget"

    widget.page.keyboard.press("Escape")
    assert "launcher" in widget.focused()["cls"]
    assert widget.el(".panel").is_hidden()


def test_a_new_answer_is_announced_once_and_only_its_text(widget):
    widget.goto().open()
    answer = widget.say(QUESTION)
    widget.page.wait_for_function(
        "() => document.getElementById('wegwijs-widget').shadowRoot.querySelector('[aria-live]').textContent !== ''")
    live = widget.js("const r = root.querySelector('[aria-live=polite]');"
                     " return [...r.children].map((p) => [p.textContent, p.lang]);")
    assert live == [[text, "nl"] for text in answer]
    # the log itself is no live region (it would read everything again)
    assert widget.js("return root.querySelectorAll('[aria-live], [role=log], [role=status]').length;") == 1
    assert widget.js("return root.querySelector('.root').lang;") == "nl"


def test_axe_finds_no_wcag_violations_closed_open_and_with_sources(widget):
    widget.goto()
    assert widget.axe(whole_page=True) == []  # the demo page and the closed widget
    widget.open()
    assert widget.axe() == []
    widget.say("wat doet het CAK eigenlijk")
    sources = widget.el(".sources summary").first
    expect(sources).to_be_visible()
    sources.click()
    expect(widget.el(".sources li").first).to_contain_text("Bron: ")
    assert widget.axe() == []


def test_axe_finds_no_wcag_violations_while_waiting_for_staff(widget):
    widget.goto().open()
    widget.say("hallo")
    bots = widget.count("li.msg.bot")
    widget.el(".human").click()
    widget.wait_for_answer(bots)
    expect(widget.el(".handoff")).to_have_text(
        re.compile(r"^U wacht op een medewerker\. Er (wacht niemand|wacht 1 persoon|wachten \d+ personen) voor u\.$"))
    assert widget.axe() == []


def test_axe_finds_no_wcag_violations_in_the_call_back_form(widget):
    # No staff available for this conversation: the test adds the stack's test header to its creation.
    def staff_unavailable(route):
        if route.request.method != "POST":
            return route.continue_()
        return route.continue_(headers={**route.request.headers, "x-wegwijs-staff-available": "false"})

    widget.page.route("**/api/conversations", staff_unavailable)
    widget.goto().open()
    widget.say("kan ik iemand spreken")
    assert "telefoonnummer" in " ".join(widget.texts("li.msg.bot"))  # the bot asks for phone or e-mail
    assert widget.axe() == []
    widget.say("bel mij maar op 0612345678")
    widget.say("morgenochtend")
    expect(widget.el(".handoff")).to_have_text("Een medewerker neemt contact met u op.")
    assert widget.axe() == []


@pytest.mark.parametrize("height", [640, 256], ids=["320px-wide", "400pct-zoom"])
def test_reflows_at_320_css_pixels_without_horizontal_scrolling(widget, height):
    # 320 x 256 CSS px is what a 1280 x 1024 screen shows at 400% zoom.
    widget.page.set_viewport_size({"width": 320, "height": height})
    widget.goto().open()
    widget.say("wat doet het CAK eigenlijk")
    widget.el(".sources summary").first.click()
    widget.el(".options summary").click()
    screenshot(widget.page, f"widget-320x{height}.png")
    overflow = widget.js("""
        const panel = root.querySelector('.panel'), wrap = root.querySelector('.log-wrap');
        const wide = [...root.querySelectorAll('.panel *')].filter((el) => el.getBoundingClientRect().right > 320.5)
            .map((el) => el.tagName + '.' + el.className);
        return { page: document.scrollingElement.scrollWidth, panel: panel.scrollWidth - panel.clientWidth,
                 log: wrap.scrollWidth - wrap.clientWidth, wide };""")
    assert overflow == {"page": 320, "panel": 0, "log": 0, "wide": []}
    send = widget.el(".composer button[type=submit]")
    send.scroll_into_view_if_needed()
    expect(send).to_be_in_viewport()
    widget.el(".human").scroll_into_view_if_needed()
    expect(widget.el(".human")).to_be_in_viewport()


def test_reduced_motion_stops_the_typing_animation(widget):
    widget.page.emulate_media(reduced_motion="reduce")
    widget.goto().open()
    assert widget.js("return getComputedStyle(root.querySelector('.dots span')).animationName;") == "none"
    widget.page.emulate_media(reduced_motion="no-preference")
    assert widget.js("return getComputedStyle(root.querySelector('.dots span')).animationName;") == "ww-blink"


def test_on_a_small_screen_the_full_screen_dialog_keeps_tab_inside(widget):
    widget.page.set_viewport_size({"width": 320, "height": 640})
    widget.goto().open()
    assert widget.el(".panel").get_attribute("aria-modal") == "true"
    seen = []
    for _ in range(15):  # more Tabs than there are controls: focus goes round, never to the page behind
        widget.page.keyboard.press("Tab")
        focused = widget.focused()
        assert focused is not None, "focus left the dialog that covers the page"
        seen.append(focused["cls"] or focused["tag"])
    assert "close" in seen and seen.count("close") >= 2
    widget.page.set_viewport_size({"width": 1280, "height": 800})
    expect(widget.el(".panel")).to_have_attribute("aria-modal", "false")

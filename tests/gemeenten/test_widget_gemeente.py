"""The widget names its gemeente (data-gemeente) and the demo page switches between the two example
gemeenten: in headless Chromium on the regional stack (tests/gemeenten/conftest.py)."""
from __future__ import annotations

import pytest

from tests.browser.conftest import BUNDLE, CSP_WATCH, Widget
from tests.gemeenten.conftest import PROEFSTAD, VOORBEELD
from tests.gemeenten.test_regional_api import ALREADY_COMPLAINED


@pytest.fixture
def page(browser, regional):
    if not BUNDLE.is_file():
        pytest.fail("web-widget/dist/widget.js is missing: run `make widget`")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    yield page
    context.close()


def opened(page, url: str) -> Widget:
    widget = Widget(page, url.split("/?")[0])
    page.goto(url)
    widget.el(".launcher").wait_for()
    return widget


def test_the_widget_sends_data_gemeente_and_gets_that_gemeentes_advice(page, regional):
    created = []
    page.on("request", lambda r: created.append(r.post_data_json) if r.method == "POST"
            and r.url.endswith("/api/conversations") else None)
    widget = opened(page, f"{regional.api_url}/?gemeente={PROEFSTAD}")
    assert page.locator(".logo").inner_text().strip() == "Gemeente Proefstad"
    widget.open()
    answer = " ".join(widget.say(ALREADY_COMPLAINED))
    assert created and created[0]["gemeente"] == PROEFSTAD
    assert widget.transcript()["gemeente"] == PROEFSTAD
    assert "Ombudscommissie Proefstad" in answer
    # the gemeente's own colour (gemeenten/9992.yml: #7a1f5c), set under the page's strict CSP
    assert widget.js("return getComputedStyle(root.querySelector('.header')).backgroundColor;") == "rgb(122, 31, 92)"
    assert page.evaluate("() => window.__cspViolations") == []


def test_the_demo_page_switches_to_the_other_example_gemeente(page, regional):
    widget = opened(page, f"{regional.api_url}/?gemeente={PROEFSTAD}")
    widget.open()
    widget.say("hallo")
    proefstad_chat = widget.conversation_id()
    page.get_by_role("link", name="Gemeente Voorbeeld").click()
    widget.el(".launcher").wait_for()
    assert page.locator(".logo").inner_text().strip() == "Gemeente Voorbeeld"
    assert "14 0123" in page.locator("#contact").inner_text()
    widget.open()
    answer = " ".join(widget.say(ALREADY_COMPLAINED))
    assert "Nationale ombudsman" in answer and "Proefstad" not in answer
    ids = page.evaluate("() => Object.keys(sessionStorage).filter((k) => k.endsWith(':conversation'))"
                        ".map((k) => sessionStorage.getItem(k))")
    assert proefstad_chat in ids and len(set(ids)) == 2  # each gemeente keeps its own chat
    voorbeeld_chat = next(i for i in ids if i != proefstad_chat)
    assert widget.page.request.get(f"{regional.api_url}/api/conversations/{voorbeeld_chat}").json()["gemeente"] == VOORBEELD

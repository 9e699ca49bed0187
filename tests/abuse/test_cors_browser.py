"""The README's one-tag embedding works on another origin: a municipal site on another port loads
the widget from the API and chats. Only configured origins, only the public chat routes, no cookies."""
from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Widget

pytestmark = pytest.mark.stack


@pytest.fixture
def page_on(browser):
    contexts = []

    def open_page(site: str):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        return Widget(page, site), errors

    yield open_page
    for context in contexts:
        context.close()


def test_a_municipal_site_on_another_origin_embeds_the_widget_and_chats(guarded, municipal_site, page_on):
    widget, errors = page_on(municipal_site.origin)
    widget.goto().open()
    answer = widget.say("ik ben het niet eens met de beslissing van de gemeente over mijn hulp")
    assert any("Welke datum staat op de brief" in text for text in answer), answer
    assert widget.conversation_id()
    assert errors == []


def test_a_site_that_is_not_configured_cannot_use_the_api(guarded, municipal_site, page_on):
    widget, _ = page_on(municipal_site.other_origin)  # same page, but an origin the API does not know
    widget.goto().open()
    widget.type_and_send("hallo")
    expect(widget.el("li.msg.bot")).to_have_count(0, timeout=5000)
    expect(widget.el(".error, .offline").first).to_be_visible(timeout=20000)


def test_cors_is_only_on_the_public_chat_routes_and_without_credentials(guarded, municipal_site):
    origin = {"Origin": municipal_site.origin}
    preflight = httpx.options(f"{guarded.url}/api/conversations", timeout=10, headers={
        **origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == municipal_site.origin
    assert "access-control-allow-credentials" not in preflight.headers
    for path in ("/widget.js", "/widget/i18n/nl.json"):
        assert httpx.get(f"{guarded.url}{path}", headers=origin, timeout=10).headers[
            "access-control-allow-origin"] == municipal_site.origin
    for path in ("/staff/login", "/editor/login", "/api/knowledge/search?q=pgb", "/healthz"):
        response = httpx.get(f"{guarded.url}{path}", headers=origin, timeout=30)
        assert "access-control-allow-origin" not in response.headers, path
    staff_preflight = httpx.options(f"{guarded.url}/staff/login", timeout=10, headers={
        **origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in staff_preflight.headers

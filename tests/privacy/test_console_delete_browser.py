"""An admin deletes a conversation in the staff console (real browser); a staff member has no such button."""
from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.accounts import PASSWORD

pytestmark = pytest.mark.stack


def console(browser, stack, username: str):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.goto(f"{stack.api_url}/staff")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Inloggen')")
    page.wait_for_url(f"{stack.api_url}/staff")
    return context, page, problems


def test_an_admin_deletes_a_conversation_in_the_console(browser, stack, chat, make_user):
    c = chat()
    c.say("wat doet het CAK eigenlijk")
    context, page, problems = console(browser, stack, make_user("staff", "Anna Jansen"))
    try:
        page.goto(f"{stack.api_url}/staff/conversations/{c.id}")
        expect(page.locator("#chat-title")).to_be_visible()
        assert page.locator("#delete-conversation").count() == 0  # role staff: no button
    finally:
        context.close()

    context, page, problems = console(browser, stack, make_user("admin", "Ali Bakker"))
    try:
        page.goto(f"{stack.api_url}/staff/conversations/{c.id}")
        page.locator("#delete-conversation").click()
        expect(page.locator("#delete-confirm")).to_be_visible()
        expect(page.locator("#delete-yes")).to_be_focused()
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # "Nee, terug": nothing happens
        expect(page.locator("#delete-confirm")).to_be_hidden()
        expect(page.locator("#delete-conversation")).to_be_focused()
        assert httpx.get(f"{stack.api_url}/api/conversations/{c.id}", timeout=30).status_code == 200

        page.keyboard.press("Enter")
        page.keyboard.press("Enter")  # "Ja, verwijderen"
        page.wait_for_url(f"{stack.api_url}/staff#verwijderd")
        expect(page.locator("#alert")).to_have_text("Het gesprek is verwijderd.")
        assert httpx.get(f"{stack.api_url}/api/conversations/{c.id}", timeout=30).status_code == 404
        assert problems == []
    finally:
        context.close()

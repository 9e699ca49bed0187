"""The whole handoff in a real browser: a citizen page and the staff console in separate contexts.

The citizen side is a minimal page that only uses the public API (create, send, poll /updates);
it is served by Playwright at the API's origin, so it needs no widget. The staff side is the real
/staff console."""
from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from .conftest import PASSWORD

pytestmark = pytest.mark.stack


CITIZEN_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Burger</title></head>
<body data-handoff="none">
<ol id="log"></ol>
<p id="status"></p>
<form id="form"><label for="text">Bericht</label><input id="text" autocomplete="off"><button>Stuur</button></form>
<script>
let cid = null, after = 0;
const log = document.getElementById("log");
function add(sender, text) {
  const li = document.createElement("li");
  li.className = sender; li.textContent = sender + ": " + text; log.appendChild(li);
}
async function poll() {
  while (true) {
    try {
      const r = await fetch(`/api/conversations/${cid}/updates?after=${after}&wait=20`);
      const d = await r.json();
      for (const m of d.messages) add(m.sender, m.text);
      after = d.last_id;
      document.getElementById("status").textContent = d.status.text || "";
      document.body.dataset.handoff = d.state.handoff;
    } catch (e) { await new Promise(ok => setTimeout(ok, 500)); }
  }
}
async function start() {
  const r = await fetch("/api/conversations", {method: "POST", body: '{"locale":"nl"}',
    headers: {"content-type": "application/json", "X-Wegwijs-Staff-Available": "true"}});
  cid = (await r.json()).id;
  document.body.dataset.conversationId = cid;
  poll();
}
document.getElementById("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("text"), text = input.value;
  input.value = ""; add("citizen", text);
  const r = await fetch(`/api/conversations/${cid}/messages`, {method: "POST",
    headers: {"content-type": "application/json"}, body: JSON.stringify({text})});
  const d = await r.json();
  for (const m of d.messages) add("bot", m.text);
  document.body.dataset.handoff = d.state.handoff;
  document.body.dataset.turns = String(Number(document.body.dataset.turns || 0) + 1);
});
start();
</script></body></html>"""


def say(page, text: str) -> None:
    turns = int(page.locator("body").get_attribute("data-turns") or 0)
    page.fill("#text", text)
    page.press("#text", "Enter")
    expect(page.locator("body")).to_have_attribute("data-turns", str(turns + 1), timeout=60_000)


def test_citizen_and_staff_chat_then_the_bot_takes_over_again(stack, make_user, browser):
    username = make_user("staff", "Anna Jansen")
    problems: list[str] = []
    contexts = []
    try:
        citizen_context = browser.new_context()
        contexts.append(citizen_context)
        citizen_context.route("**/__test__/citizen.html",
                              lambda route: route.fulfill(body=CITIZEN_PAGE, content_type="text/html"))
        citizen = citizen_context.new_page()
        citizen.goto(f"{stack.api_url}/__test__/citizen.html")
        expect(citizen.locator("body")).to_have_attribute("data-conversation-id", re.compile(r"^[0-9a-f]{32}$"))
        conversation_id = citizen.locator("body").get_attribute("data-conversation-id")

        say(citizen, "ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
                     "daar ben ik het niet mee eens")
        say(citizen, "ik wil graag met een medewerker spreken")
        expect(citizen.locator("body")).to_have_attribute("data-handoff", "waiting")
        expect(citizen.locator("#status")).to_have_text(
            re.compile(r"^U wacht op een medewerker\. Er (wacht niemand|wacht 1 persoon|wachten \d+ personen) voor u\.$"))

        # --- staff: log in, find the conversation in the live queue with its summary
        staff_context = browser.new_context()
        contexts.append(staff_context)
        staff = staff_context.new_page()
        # Console errors (CSP violations, script errors) and failed requests, except the login
        # page's own 401 and the browser's favicon request.
        staff.on("console", lambda m: problems.append(m.text)
                 if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
        staff.on("response", lambda r: problems.append(f"{r.status} {r.url}")
                 if r.status >= 400 and not r.url.endswith(("/staff", "/favicon.ico")) else None)
        staff.on("pageerror", lambda e: problems.append(str(e)))
        response = staff.goto(f"{stack.api_url}/staff")
        assert response.status == 401  # the login form
        staff.fill("#username", username)
        staff.fill("#password", PASSWORD)
        staff.click("button:has-text('Inloggen')")
        staff.wait_for_url(f"{stack.api_url}/staff")
        expect(staff.locator("#connection")).to_have_attribute("data-state", "online")
        entry = staff.locator(f'#queue [data-conversation-id="{conversation_id}"]')
        expect(entry).to_be_visible()
        expect(entry.locator('[data-field="route"]')).to_have_text("Bezwaar")
        expect(entry.locator('[data-field="organisation"]')).to_have_text("de gemeente")
        expect(entry.locator('[data-field="decision_date"]')).to_contain_text("13 november 2026")
        expect(entry.locator('[data-field="deadline"]')).to_contain_text("28 december 2026")
        expect(entry.locator('[data-field="asking_for"]')).to_have_text("voor zichzelf")
        expect(entry.locator(".said")).to_contain_text("mijn hulp gaat van 4 naar 2 uur")
        expect(entry.locator(".cards")).to_contain_text("bezwaar-termijn")
        expect(entry.locator(".wait")).to_have_text(re.compile(r"^wacht \d+"))

        # --- claim: the citizen is told who joined
        entry.locator("[data-claim]").click()
        staff.wait_for_url(f"{stack.api_url}/staff/conversations/{conversation_id}")
        expect(staff.locator("#handoff-status")).to_contain_text("U heeft dit gesprek")
        expect(citizen.locator("#status")).to_have_text("U praat nu met Anna.")
        expect(citizen.locator("#log")).to_contain_text("bot: U praat nu met Anna.")

        # --- both ways
        expect(staff.locator("#connection")).to_have_attribute("data-state", "online")
        staff.fill("#reply", "Goedemiddag, ik ben Anna. Ik help u met uw bezwaar.")
        staff.click("#reply-form button[type=submit]")
        expect(staff.locator("#transcript")).to_contain_text("Goedemiddag, ik ben Anna.")
        expect(citizen.locator("#log")).to_contain_text("staff: Goedemiddag, ik ben Anna. Ik help u met uw bezwaar.")

        say(citizen, "Fijn. Mag ik het bezwaar ook per e-mail sturen?")
        assert citizen.locator("body").get_attribute("data-handoff") == "active"
        assert not citizen.locator("#log li.bot").filter(has_text="bezwaar ook per e-mail").count()
        expect(staff.locator("#transcript .msg-citizen").last).to_have_text(
            re.compile("Mag ik het bezwaar ook per e-mail sturen"))

        # --- an internal note (not for the citizen) and a card's text as a reply
        staff.fill("#note", "Inwoner wil per e-mail indienen; termijn 28 december.")
        staff.click("#note-form button[type=submit]")
        expect(staff.locator("#notes")).to_contain_text("Inwoner wil per e-mail indienen")
        staff.fill("#card-q", "hoe lang heb ik om bezwaar te maken")
        staff.click("#card-search button[type=submit]")
        staff.locator("#card-results [data-insert-card]").first.click()
        expect(staff.locator("#reply")).not_to_have_value("")
        expect(staff.locator("#reply-card-label")).to_contain_text("Bron bij dit bericht")
        card_text = staff.locator("#reply").input_value()
        staff.click("#reply-form button[type=submit]")
        expect(staff.locator("#reply")).to_have_value("")
        expect(citizen.locator("#log li.staff")).to_have_count(2)
        public = httpx.get(f"{stack.api_url}/api/conversations/{conversation_id}").json()
        assert "Inwoner wil per e-mail indienen" not in str(public)
        staff_messages = [m for m in public["messages"] if m["sender"] == "staff"]
        assert staff_messages[-1]["text"] == card_text.strip() and staff_messages[-1]["sources"]

        # --- hand back: the bot answers the citizen's next message again
        staff.click("#handback")
        expect(staff.locator("#handoff-status")).to_contain_text("Teruggegeven aan Wegwijs")
        expect(citizen.locator("#log")).to_contain_text("U praat weer met Wegwijs")
        expect(citizen.locator("body")).to_have_attribute("data-handoff", "none")
        bot_before = citizen.locator("#log li.bot").count()
        say(citizen, "hoe lang heb ik om bezwaar te maken")
        assert citizen.locator("#log li.bot").count() > bot_before
        assert citizen.locator("body").get_attribute("data-handoff") == "none"
        expect(citizen.locator("#log")).to_contain_text("28 december 2026")
    finally:
        for context in contexts:
            context.close()
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert not problems, problems

"""A real browser: an editor changes a card, publishes it, and the citizen's next question gets the new
text without a restart; a card with a 40-word sentence and no source is refused with what to fix."""
from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE_JS
from tests.conftest import Chat

from .conftest import CARD, PASSWORD, QUESTION
from .test_editor_api import LONG_SENTENCE

pytestmark = pytest.mark.stack

CSP_WATCH = ("window.__cspViolations = [];"
             "document.addEventListener('securitypolicyviolation',"
             " (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture
def page(browser, stack):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL", base_url=stack.api_url)
    page = context.new_page()
    page.add_init_script(CSP_WATCH)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    violations = page.evaluate("() => window.__cspViolations || []")
    context.close()
    assert not errors, errors
    assert not violations, f"CSP violations: {violations}"


def log_in(page, username: str) -> None:
    page.goto(f"/editor/cards/{CARD}")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name=re.compile("Kaart bewerken"))).to_be_visible()


def test_editor_publishes_and_the_citizen_gets_the_new_text(page, make_user, api, restore_card):
    restore_card(CARD)
    log_in(page, make_user("editor"))
    marker = f"Bewaar de brief van het CAK altijd goed {uuid.uuid4().hex[:6]}."
    body = page.locator("#f-body")
    body.fill(body.input_value().replace("Het CAK berekent het bedrag.", f"Het CAK berekent het bedrag. {marker}"))
    # live feedback from the checker, and the preview as the citizen sees it
    expect(page.locator("#b1-summary")).to_contain_text("Geen fouten")
    expect(page.locator("#preview")).to_contain_text(marker)
    expect(page.locator("#b1-marked mark.rare").first).to_be_visible()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator("#published")).to_contain_text("Gepubliceerd als versie")
    expect(page.locator("pre.diff").first).to_contain_text(marker)

    # the citizen's next free question, over the public API, without a restart
    chat = Chat(api)
    replies = chat.say(QUESTION)
    assert marker in " ".join(m["text"] for m in replies)
    assert CARD in chat.sources()

    # rollback from the history page restores the old text in search results
    page.get_by_role("button", name=re.compile("Terugzetten naar versie")).first.click()
    expect(page.locator("#published")).to_be_visible()
    hits = api.get("/api/knowledge/search", params={"q": marker, "k": 5}).json()["results"]
    assert all(marker not in h["snippet"] for h in hits)
    assert marker not in api.get(f"/api/knowledge/cards/{CARD}").json()["body"]


def test_invalid_card_is_refused_in_the_browser(page, make_user, api, cards_dir):
    before = (cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    log_in(page, make_user("admin"))
    page.locator("#f-sources").fill("")
    body = page.locator("#f-body")
    body.fill(body.input_value().replace("Het CAK berekent het bedrag.", "Het CAK berekent het bedrag. " + LONG_SENTENCE))
    expect(page.locator("#b1-summary")).to_contain_text("publiceren kan nog niet")
    expect(page.locator("#b1-marked mark.long").first).to_contain_text("Als u het niet eens bent")
    page.get_by_role("button", name="Publiceren").click()
    result = page.locator("#result")
    expect(result).to_contain_text("niet gepubliceerd")
    expect(result).to_contain_text("geen bronnen")
    expect(result).to_contain_text("40 woorden")
    expect(result).to_contain_text("maak er twee zinnen van")
    assert (cards_dir / f"{CARD}.md").read_text(encoding="utf-8") == before
    assert LONG_SENTENCE not in api.get(f"/api/knowledge/cards/{CARD}").json()["body"]


def test_staff_member_is_refused_in_the_browser(page, make_user):
    page.goto("/editor")
    page.get_by_label("Gebruikersnaam").fill(make_user("staff"))
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("mag de kaarten niet bewerken")).to_be_visible()


def test_language_help_panel_scrolls_and_is_reachable_by_keyboard(page, make_user):
    """axe rule scrollable-region-focusable: the Taalhulp panel (#b1-marked) scrolls, so it takes focus."""
    page.route("**/__test__/axe.min.js",
               lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript; charset=utf-8"))
    log_in(page, make_user("editor"))
    body = page.locator("#f-body")
    body.fill(body.input_value() + "\n\n" + "\n\n".join(["Bel ons als u een vraag heeft."] * 40))
    marked = page.locator("#b1-marked")
    expect(marked).to_contain_text("Bel ons als u een vraag heeft.")
    assert marked.evaluate("(el) => el.scrollHeight > el.clientHeight"), "the panel should scroll for this test"

    # axe-core, served from the page's own origin so the editor's strict CSP stays on
    page.add_script_tag(url="/__test__/axe.min.js")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } });
        const ids = (list) => list.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
        return { violations: ids(r.violations), passes: ids(r.passes) };
    }""")
    assert result["violations"] == []
    assert "#b1-marked" in result["passes"]  # the rule did look at the scrolling panel

    # a named region, reached with Tab from the last button of the form; End scrolls it
    expect(page.get_by_role("region", name="Uw tekst met markeringen")).to_be_visible()
    page.locator("#card-form .buttons button").last.focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "b1-marked":
            break
    assert page.evaluate("() => document.activeElement.id") == "b1-marked"
    page.keyboard.press("End")
    page.wait_for_function("() => document.getElementById('b1-marked').scrollTop > 0")

"""Browser tests of the chat widget: Debian's headless chromium, driven by Playwright, on the demo page
served by the real stack (Rasa + action server + API; see tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "web-widget" / "dist" / "widget.js"
AXE_JS = ROOT / "web-widget" / "node_modules" / "axe-core" / "axe.min.js"
ANSWER_TIMEOUT_MS = 60_000
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "test-results"

# Records Content-Security-Policy violations on the page (init scripts are not subject to the page's CSP).
CSP_WATCH = ("window.__cspViolations = [];"
             "document.addEventListener('securitypolicyviolation',"
             " (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture(scope="session")
def site(stack):
    """Origin of the demo page with the widget, served by the stack's API."""
    if not BUNDLE.is_file():
        pytest.fail("web-widget/dist/widget.js is missing: run `make widget`")
    return stack.api_url


class Widget:
    """The demo page and the chat widget in its (open) shadow root. Playwright's CSS locators pierce
    open shadow roots, so `page.locator('.launcher')` finds the widget's button."""

    def __init__(self, page: Page, site: str):
        self.page = page
        self.site = site

    def goto(self) -> Widget:
        self.page.goto(self.site + "/")
        self.page.locator(".launcher, .panel:not([hidden])").first.wait_for()
        return self

    def el(self, selector: str):
        return self.page.locator(f"#wegwijs-widget {selector}")

    def js(self, body: str, arg=None):
        """Evaluate `body` with `root` = the widget's shadow root."""
        return self.page.evaluate(f"(arg) => {{ const root = document.getElementById('wegwijs-widget').shadowRoot; {body} }}", arg)

    def open(self) -> None:
        self.el(".launcher").click()
        self.el(".panel").wait_for(state="visible")

    def type_and_send(self, text: str) -> None:
        self.el("textarea").fill(text)
        self.el("textarea").press("Enter")

    def say(self, text: str) -> list[str]:
        """Send a message and wait for the answer; returns the new bot texts."""
        before = self.count("li.msg.bot")
        self.type_and_send(text)
        return self.wait_for_answer(before)

    def count(self, selector: str) -> int:
        return self.js("return root.querySelectorAll(arg).length;", selector)

    def wait_for_answer(self, bots_before: int) -> list[str]:
        self.page.wait_for_function(
            """(before) => { const root = document.getElementById('wegwijs-widget').shadowRoot;
                return root.querySelectorAll('li.msg.bot').length > before && !root.querySelector('li.pending')
                       && root.querySelector('.typing').hidden; }""",
            arg=bots_before, timeout=ANSWER_TIMEOUT_MS)
        return self.texts("li.msg.bot")[bots_before:]

    def texts(self, selector: str) -> list[str]:
        return self.js("return [...root.querySelectorAll(arg)].map((li) => li.querySelector('.text').textContent);",
                       selector)

    def focused(self) -> dict | None:
        """The focused element inside the widget, or None when focus is outside it."""
        return self.page.evaluate("""() => {
            if (document.activeElement?.id !== 'wegwijs-widget') return null;
            const el = document.activeElement.shadowRoot.activeElement;
            return el && { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent,
                           inQuick: !!el.closest('.quick'), outline: getComputedStyle(el).outlineStyle };
        }""")

    def conversation_id(self) -> str | None:
        return self.page.evaluate(
            "() => { const key = Object.keys(sessionStorage).find((k) => k.endsWith(':conversation'));"
            " return key ? sessionStorage.getItem(key) : null; }")

    def transcript(self) -> dict:
        response = httpx.get(f"{self.site}/api/conversations/{self.conversation_id()}", timeout=30)
        response.raise_for_status()
        return response.json()

    def rendered(self) -> list[tuple[str, str]]:
        return [tuple(pair) for pair in self.js(
            "return [...root.querySelectorAll('li.msg')].map((li) => [li.classList[1], li.querySelector('.text').textContent]);")]

    def axe(self, whole_page: bool = False) -> list[dict]:
        """axe-core's WCAG 2.1 A/AA violations in the widget's shadow root (or the whole page)."""
        if not self.page.evaluate("() => !!window.axe"):
            # Served from the page's own origin, so the page's strict CSP stays on during the test.
            self.page.add_script_tag(url=f"{self.site}/__test__/axe.min.js")
        return self.page.evaluate(
            """async ([wholePage, tags]) => {
                const context = wholePage ? document : document.getElementById('wegwijs-widget');
                const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
                return result.violations.map((v) => ({ id: v.id, help: v.help,
                    nodes: v.nodes.map((n) => [n.target, n.failureSummary]) }));
            }""", [whole_page, WCAG_21_AA])


@pytest.fixture
def widget(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.route("**/__test__/axe.min.js",
               lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript; charset=utf-8"))
    page.add_init_script(CSP_WATCH)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield Widget(page, site)
    violations = page.evaluate("() => window.__cspViolations || []")
    context.close()
    assert not errors, errors
    assert not violations, f"CSP violations: {violations}"


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    return path

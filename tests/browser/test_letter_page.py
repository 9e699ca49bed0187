"""The letter page in Chromium: fill in the fields, download the .docx and the PDF, and check them as a
citizen's Word or PDF reader would (python-docx, pypdf); accessible (axe, keyboard); and what the
citizen types never leaves the browser (network watched, database searched)."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.letters.conversations import converse

from .conftest import AXE_JS, CSP_WATCH, WCAG_21_AA

pytestmark = pytest.mark.stack

NAME, BSN, STREET = "Pietje Privacytest", "999999990", "Geheimstraat 77"
TYPED = {"naam": NAME, "adres": f"{STREET}\n1234 AB Voorbeeld", "telefoon": "0612398765", "kenmerk": "KMK-55501",
         "bsn": BSN, "naam_naaste": "Truusje Privacytest", "adres_naaste": "Verborgenlaan 3\n1234 AB Voorbeeld",
         "geboortedatum_naaste": "1 mei 1931", "wat_klopt_niet": "Mijn rug is kapot en ik kan niet stofzuigen.",
         "wat_wilt_u": "Ik wil mijn 4 uur hulp terug.", "wat_gebeurde": "De consulent schreeuwde tegen mij.",
         "wanneer": "3 november", "organisatie": "de gemeente", "aan": "Rechtbank Voorbeeld",
         "wanneer_gevraagd": "1 juli 2026"}
SECRETS = [NAME, BSN, STREET, "KMK-55501", "stofzuigen", "schreeuwde", "Truusje", "Verborgenlaan", "0612398765"]


@pytest.fixture
def page(browser, stack):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.route("**/__test__/axe.min.js",
               lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript; charset=utf-8"))
    page.add_init_script(CSP_WATCH)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    violations = page.evaluate("() => window.__cspViolations || []")
    context.close()
    assert not errors, errors
    assert not violations, f"CSP violations: {violations}"


def open_letter(page: Page, stack, conversation_id: str, letter: str | None = None) -> None:
    page.goto(f"{stack.api_url}/letter/{conversation_id}")
    page.locator(".letter-form").wait_for()
    if letter and page.locator(f"#brief-{letter}").count():
        page.locator(f"#brief-{letter}").check()


def fill_all(page: Page) -> None:
    """Every field on the page, as a citizen types it."""
    for field_id, value in TYPED.items():
        field = page.locator(f"#veld-{field_id}")
        if field.count() and field.evaluate("(el) => el.tagName") in ("INPUT", "TEXTAREA") \
                and field.get_attribute("type") != "checkbox" and not (field_id == "aan" and field.input_value()):
            field.fill(value)  # the addressee Wegwijs knows stays as it is
    if page.locator("#veld-termijn_voorbij").count():
        page.locator("#veld-termijn_voorbij").check()
    if page.locator("#veld-waarop-0").count():
        page.locator("#veld-waarop-0").check()


def download(page: Page, label: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    path = info.value.path()
    return info.value.suggested_filename, Path(path).read_bytes()


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("letter, facts", [
    ("bezwaarschrift", ["Gemeente Voorbeeld", "13 november 2026", "Mijn BSN is " + BSN]),
    ("klachtbrief", ["Gemeente Voorbeeld", "De consulent schreeuwde tegen mij."]),
    ("ingebrekestelling", ["CIZ", "binnen 2 weken"]),
    ("beroepschrift", ["Rechtbank Voorbeeld", "Die beslissing is van de gemeente."]),
    ("machtiging", ["Gemeente Voorbeeld", "Truusje Privacytest", "bezwaar te maken"]),
])
def test_each_letter_downloads_as_docx_and_accessible_pdf(page, stack, chat, letter, facts):
    c = converse(chat, letter)
    open_letter(page, stack, c.id, letter)
    fill_all(page)
    name, data = download(page, "Download als Word-bestand (.docx)")
    assert name == f"{letter}-23-november-2026.docx"
    text = docx_text(data)
    for fact in [NAME, "Datum: 23 november 2026", *facts]:
        assert fact in text, f"{fact!r} not in the .docx"
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title.lower() == letter
    assert 'w:val="nl-NL"' in document.styles.element.xml  # the language is Dutch

    name, data = download(page, "Download als PDF")
    assert name.endswith(".pdf")
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl-NL"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    tree = catalog["/StructTreeRoot"].get_object()
    document_element = tree["/K"][0].get_object()
    kinds = {kid.get_object()["/S"] for kid in document_element["/K"]}
    assert {"/H1", "/P"} <= kinds
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    pdf_text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())  # wrapped lines joined
    for fact in [NAME, *facts]:
        assert fact in pdf_text, f"{fact!r} not in the PDF text"


def test_the_bezwaarschrift_has_the_deadline_and_where_to_send_it(page, stack, chat):
    c = converse(chat, "bezwaarschrift")
    open_letter(page, stack, c.id)
    facts = page.locator(".facts").inner_text()
    assert "maandag 28 december 2026" in facts and "Gemeente Voorbeeld" in facts
    sending = page.locator(".sending").inner_text()
    assert "aangetekend" in sending and "ontvangstbevestiging" in sending
    assert "Stuur de brief uiterlijk op maandag 28 december 2026" in sending


def test_what_the_citizen_types_never_leaves_the_browser(page, stack, chat, stack_db):
    c = converse(chat, "machtiging")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}\n{request.post_data or ''}"))
    open_letter(page, stack, c.id)
    for letter in ("bezwaarschrift", "machtiging"):
        page.locator(f"#brief-{letter}").check()
        fill_all(page)
        download(page, "Download als Word-bestand (.docx)")
        download(page, "Download als PDF")
    page.locator("#veld-naam").press("Enter")  # a form submit sends nothing either
    page.wait_for_timeout(500)
    assert sent, "the page's own requests were watched"
    for request in sent:
        for secret in SECRETS:
            assert secret not in request, f"{secret!r} was sent: {request[:200]}"
    stored = page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])")
    assert not any(secret in stored for secret in SECRETS)
    with sqlite3.connect(stack.db_file) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = "\n".join(str(row) for table in tables for row in db.execute(f'SELECT * FROM "{table}"'))
    assert c.id in dump  # the conversation itself is there
    assert not any(secret in dump for secret in SECRETS)


def test_the_letter_page_passes_axe_and_works_by_keyboard(page, stack, chat):
    c = converse(chat, "bezwaarschrift")
    open_letter(page, stack, c.id)
    page.add_script_tag(url=f"{stack.api_url}/__test__/axe.min.js")
    violations = page.evaluate("""async (tags) => (await axe.run(document, { runOnly: { type: 'tag', values: tags } }))
        .violations.map((v) => [v.id, v.nodes.map((n) => n.target)])""", WCAG_21_AA)
    assert violations == []

    # Download with empty fields: the errors are announced and focused, and lead to the field.
    page.get_by_role("button", name="Download als Word-bestand (.docx)").focus()
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("() => document.activeElement.className") == "error-summary"
    expect(page.locator("#veld-naam-fout")).to_have_text("Vul dit in: Uw naam.")
    assert page.locator("#veld-naam").get_attribute("aria-invalid") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "veld-naam"
    page.keyboard.type(NAME)
    page.keyboard.press("Tab")  # the hint is text, the next stop is the address
    assert page.evaluate("() => document.activeElement.id") == "veld-adres"
    page.keyboard.type(TYPED["adres"])
    expect(page.locator(".letter-preview")).to_contain_text(STREET)
    # every control is reachable and shows its focus
    for _ in range(12):
        page.keyboard.press("Tab")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")
        if page.evaluate("() => document.activeElement.dataset.format") == "docx":
            break
    else:
        raise AssertionError("the download button is not reached with Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert NAME in docx_text(Path(info.value.path()).read_bytes())
    expect(page.locator(".status")).to_contain_text("Uw brief is klaar")
    violations = page.evaluate("""async (tags) => (await axe.run(document, { runOnly: { type: 'tag', values: tags } }))
        .violations.map((v) => v.id)""", WCAG_21_AA)
    assert violations == []


def test_print_shows_only_the_letter(page, stack, chat):
    c = converse(chat, "klachtbrief")
    open_letter(page, stack, c.id)
    fill_all(page)
    page.emulate_media(media="print")
    assert page.locator(".letter-preview").is_visible()
    for hidden in (".letter-form", ".sending", ".facts", ".site-header", ".privacy-note"):
        assert not page.locator(hidden).is_visible(), hidden

"""The widget's routes and its translation catalogs, without the stack (a tiny app with only the router)."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.routes import widget

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "web-widget" / "src"
TEXT_CALL = re.compile(r"\b(?:t|N_)\(\s*'((?:[^'\\]|\\.)*)'")


@pytest.fixture
def client():
    app = FastAPI()
    app.include_router(widget.router)
    return TestClient(app)


def catalog(locale: str):
    with (ROOT / "api" / "locales" / locale / "LC_MESSAGES" / "widget.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def texts_in_source() -> set[str]:
    return {match for path in SOURCE.glob("*.js") for match in TEXT_CALL.findall(path.read_text(encoding="utf-8"))}


def test_every_interface_text_is_in_both_catalogs_and_translated():
    used = texts_in_source()
    assert len(used) > 30
    for locale in ("nl", "en"):
        messages = {m.id: m.string for m in catalog(locale) if m.id}
        assert used - messages.keys() == set(), f"missing in {locale}"
        assert messages.keys() - used == set(), f"unused in {locale}"
        assert all(messages.values()), f"untranslated in {locale}"
        for msgid, msgstr in messages.items():
            assert re.findall(r"\{\w+\}", msgid) == re.findall(r"\{\w+\}", msgstr), msgid


def test_texts_are_served_as_json(client):
    nl = client.get("/widget/i18n/nl.json").json()
    assert nl["locale"] == "nl"
    assert nl["strings"]["Talk to a staff member"] == "Praat met een medewerker"
    assert nl["strings"]["You are waiting for a staff member."] == "U wacht op een medewerker."
    assert nl["strings"]["No connection. We are trying again."] == "Geen verbinding. We proberen het opnieuw."
    assert client.get("/widget/i18n/en.json").json()["strings"]["Send"] == "Send"
    response = client.get("/widget/i18n/de.json")
    assert response.status_code == 404 and "nl of en" in response.json()["detail"]


def test_the_demo_page_has_a_strict_csp_and_no_inline_code(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    page = response.text
    assert '<script src="/widget.js" data-locale="nl" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert "<style" not in page and " style=" not in page and not re.search(r" on\w+=", page)
    assert client.get("/static/demo.css").status_code == 200
    assert client.get("/static/../routes/widget.py").status_code == 404
    assert client.get("/static/widget.py").status_code == 404
    assert client.get("/static/staff.js").status_code == 404  # api/static/ also holds the staff console's files


def test_widget_js_is_the_bundle_or_a_clear_503(client, monkeypatch, tmp_path):
    monkeypatch.setattr(widget, "WIDGET_BUNDLE", tmp_path / "missing.js")
    response = client.get("/widget.js")
    assert response.status_code == 503 and "make widget" in response.text
    bundle = tmp_path / "widget.js"
    bundle.write_text("(()=>{})();")
    monkeypatch.setattr(widget, "WIDGET_BUNDLE", bundle)
    response = client.get("/widget.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_widget_unit_tests_pass_in_node():
    tests = sorted(str(path.relative_to(ROOT / "web-widget")) for path in (ROOT / "web-widget" / "test").glob("*.test.js"))
    result = subprocess.run(["node", "--test", *tests], cwd=ROOT / "web-widget", capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr

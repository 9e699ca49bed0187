"""The privacy statement a gemeente links to: served at /privacy, in B1 Dutch, true to the settings."""
from __future__ import annotations

import pytest

from api.core.config import Settings
from api.routes.privacy import privacy_markdown
from knowledge.checker.problems import ERROR
from knowledge.checker.readability import check_text


def test_the_statement_is_b1_dutch():
    problems = [p for p in check_text(privacy_markdown(Settings()), check_length=False) if p.severity == ERROR]
    assert problems == []


def test_the_statement_names_the_gemeente_and_the_retention_period_from_the_settings():
    text = privacy_markdown(Settings(retention_days=30))
    assert "30 dagen" in text and "90 dagen" not in text
    assert "Gemeente Voorbeeld" in text and "14 0123" in text
    assert "{{" not in text and "<!--" not in text


@pytest.mark.stack
def test_the_privacy_page_is_served_with_a_strict_policy(api):
    page = api.get("/privacy")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    html = page.text
    assert '<html lang="nl">' in html and "<h1>Privacy in de chat Wegwijs</h1>" in html
    for fact in ("90 dagen", "Verwijder dit gesprek", "telefoonnummer of e-mailadres", "Autoriteit Persoonsgegevens",
                 'href="https://www.voorbeeld.nl"'):
        assert fact in html, fact

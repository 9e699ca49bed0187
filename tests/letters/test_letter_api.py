"""GET /api/conversations/{id}/letter and /letter/{id} for real conversations (Rasa, actions, API)."""
import httpx
import pytest

from .conversations import converse

pytestmark = pytest.mark.stack


@pytest.mark.parametrize("letter, expected, aan, termijn", [
    ("bezwaarschrift", ["bezwaarschrift"], "Gemeente Voorbeeld", "maandag 28 december 2026"),
    ("klachtbrief", ["klachtbrief"], "Gemeente Voorbeeld", ""),
    ("ingebrekestelling", ["ingebrekestelling"], "CIZ", ""),
    ("beroepschrift", ["beroepschrift"], "", ""),
    ("machtiging", ["bezwaarschrift", "machtiging"], "Gemeente Voorbeeld", ""),  # a machtiging has no term
])
def test_each_letter_type_from_a_real_conversation(chat, api, letter, expected, aan, termijn):
    c = converse(chat, letter)
    response = api.get(f"/api/conversations/{c.id}/letter")
    assert response.status_code == 200
    draft = response.json()
    assert [d["id"] for d in draft["letters"]] == expected
    found = next(d for d in draft["letters"] if d["id"] == letter)
    assert found["facts"]["aan"] == aan
    assert found["facts"]["termijn"] == termijn
    assert found["body"].startswith(("[[naam]]", "Aan:"))
    assert {f["id"] for f in found["fields"]} >= {"naam", "adres"}
    assert found["sending"]["where"], "where it goes"
    assert bool(found["sending"]["proof"]) == (letter != "machtiging"), "how to prove it was sent in time"


def test_the_draft_holds_nothing_the_citizen_typed(chat, api):
    c = converse(chat, "bezwaarschrift")
    draft = api.get(f"/api/conversations/{c.id}/letter").text
    assert "4 naar 2 uur" not in draft  # the chat's words are not copied into the letter


def test_an_unknown_conversation_is_a_dutch_404(api):
    response = api.get("/api/conversations/onbekend/letter")
    assert response.status_code == 404
    assert response.json()["detail"] == "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek."
    page = api.get("/letter/onbekend")
    assert page.status_code == 404 and "Dit gesprek bestaat niet (meer)" in page.text


def test_a_conversation_without_a_route_says_there_is_no_letter_yet(chat, api):
    c = chat()
    draft = api.get(f"/api/conversations/{c.id}/letter").json()
    assert draft["letters"] == [] and "nog geen voorbeeldbrief" in draft["message"]
    page = api.get(f"/letter/{c.id}")
    assert page.status_code == 200 and "nog geen voorbeeldbrief" in page.text
    assert "<script" not in page.text  # nothing to fill in


def test_the_page_works_under_the_strict_csp_and_is_never_cached(chat, stack):
    c = converse(chat, "klachtbrief")
    page = httpx.get(f"{stack.api_url}/letter/{c.id}", timeout=30)
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    assert '<script type="module" src="/letter-assets/index.js"></script>' in page.text
    assert httpx.get(f"{stack.api_url}/letter-assets/index.js", timeout=30).headers["content-type"].startswith("text/javascript")


def test_the_staff_console_opens_the_same_draft(chat, stack, make_user):
    from tests.accounts import logged_in

    c = converse(chat, "bezwaarschrift")
    staff = logged_in(stack.api_url, "/staff", make_user("staff"))
    try:
        console = staff.get(f"/staff/conversations/{c.id}")
        assert console.status_code == 200
        assert f'href="/letter/{c.id}"' in console.text
        page = staff.get(f"/letter/{c.id}")
        assert page.status_code == 200 and f'data-conversation="{c.id}"' in page.text
    finally:
        staff.close()


def test_editors_can_read_the_letter_templates(stack, make_user):
    from tests.accounts import logged_in

    editor = logged_in(stack.api_url, "/editor", make_user("editor", "Eva de Vries"))
    try:
        page = editor.get("/editor/letters")
        assert page.status_code == 200
        for title in ("Bezwaarschrift", "Beroepschrift", "Klachtbrief", "Ingebrekestelling", "Machtiging"):
            assert f"<h2>{title}</h2>" in page.text
        assert "knowledge/letters/bezwaarschrift.md" in page.text and "[[wat_klopt_niet]]" in page.text
        assert 'href="/editor/letters"' in editor.get("/editor").text
    finally:
        editor.close()
    assert httpx.get(f"{stack.api_url}/editor/letters", timeout=30, follow_redirects=False).status_code == 401

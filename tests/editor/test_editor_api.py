"""The editors' tools against the real stack: access, checks, publish, history, rollback, drafts, gaps."""
from __future__ import annotations

import re
import time
import uuid

import httpx
import pytest

from .conftest import CARD, editor_login

pytestmark = pytest.mark.stack

LONG_SENTENCE = ("Als u het niet eens bent met de hoogte van de eigen bijdrage die het CAK voor uw zorg heeft "
                 "berekend dan kunt u contact opnemen met het CAK of met een cliëntondersteuner die u gratis "
                 "helpt bij uw bezwaar.")


def test_long_sentence_has_forty_words():
    assert len(LONG_SENTENCE.split()) == 40


def search_ids(api: httpx.Client, query: str, k: int = 3) -> list[dict]:
    response = api.get("/api/knowledge/search", params={"q": query, "k": k})
    assert response.status_code == 200, response.text
    return response.json()["results"]


def with_dutch_line(text: str, line: str) -> str:
    """The card text with one more line at the end of its Dutch text (before an `## English` section)."""
    dutch, heading, english = text.partition("\n## English")
    return dutch.rstrip() + f"\n\n{line}\n" + (f"\n{heading.strip()}{english}" if heading else "")


def card_body(api: httpx.Client, card_id: str) -> str:
    response = api.get(f"/api/knowledge/cards/{card_id}")
    assert response.status_code == 200, response.text
    return response.json()["body"]


# --- access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/editor", f"/editor/cards/{CARD}", f"/editor/cards/{CARD}/history", "/editor/gaps"])
def test_pages_need_an_editor(api, client_as, path):
    anonymous = api.get(path)
    assert anonymous.status_code == 401
    assert 'action="/editor/login"' in anonymous.text
    staff = client_as("staff")
    refused = staff.get(path)
    assert refused.status_code == 403
    assert "editor en admin" in refused.text
    for role in ("editor", "admin"):
        assert client_as(role).get(path).status_code == 200


def test_api_refuses_anonymous_staff_and_other_sites(api, client_as):
    body = {"text": "x"}
    assert api.post("/editor/api/check", json=body).status_code == 401
    assert api.post(f"/editor/api/cards/{CARD}/publish", json=body).status_code == 401
    assert api.post(f"/editor/api/cards/{CARD}/rollback/1").status_code == 401
    staff = client_as("staff")
    assert staff.post("/editor/api/check", json=body).status_code == 403
    assert staff.post(f"/editor/api/cards/{CARD}/publish", json=body).status_code == 403
    editor = client_as("editor")
    foreign = editor.post(f"/editor/api/cards/{CARD}/publish", json=body, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    # a staff member's console login is no editor login either
    assert api.get("/editor", cookies={"wegwijs_staff": "not-a-session"}).status_code == 401


def test_security_headers(client_as):
    response = client_as("editor").get("/editor")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    assert "<script>" not in response.text and "style=" not in response.text


# --- list and check ---------------------------------------------------------------------------------


def test_list_and_search(client_as):
    editor = client_as("editor")
    everything = editor.get("/editor")
    assert everything.text.count("data-card=") >= 100
    found = editor.get("/editor", params={"q": "eigen bijdrage"})
    assert f'data-card="{CARD}"' in found.text
    assert found.text.count("data-card=") < everything.text.count("data-card=")
    assert "Gepubliceerd" in found.text


def test_check_returns_problems_with_offsets(client_as, cards_dir):
    editor = client_as("editor")
    text = (cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    good = editor.post("/editor/api/check", json={"text": text}).json()
    assert good["ok"] and not [p for p in good["problems"] if p["severity"] == "error"]
    bad_text = text.replace("Het CAK berekent het bedrag.", "Het CAK berekent het bedrag. " + LONG_SENTENCE)
    bad = editor.post("/editor/api/check", json={"text": bad_text}).json()
    assert not bad["ok"]
    long = next(p for p in bad["problems"] if p["code"] == "sentence-too-long")
    assert bad["body"][long["start"]:long["end"]] == LONG_SENTENCE
    assert "40 woorden" in long["message"] and "twee zinnen" in long["message"]
    assert any(m["kind"] == "sentence-too-long" for m in bad["marks"])
    assert any(m["kind"] == "rare-word" for m in bad["marks"])


# --- publish, history, rollback -------------------------------------------------------------------


def test_invalid_card_is_refused_with_what_to_fix(client_as, cards_dir, api):
    editor = client_as("editor")
    path = cards_dir / f"{CARD}.md"
    before = path.read_text(encoding="utf-8")
    no_source = re.sub(r"sources:\n(?:  .*\n)+", "sources: []\n", before)
    bad = no_source.replace("Het CAK berekent het bedrag.", "Het CAK berekent het bedrag. " + LONG_SENTENCE)
    response = editor.post(f"/editor/api/cards/{CARD}/publish", json={"text": bad})
    assert response.status_code == 422
    data = response.json()
    assert "Verbeter" in data["detail"]
    codes = {p["code"]: p for p in data["problems"]}
    assert "no-sources" in codes and "bronnen" in codes["no-sources"]["message"]
    assert "sentence-too-long" in codes and "maak er twee zinnen van" in codes["sentence-too-long"]["message"]
    assert path.read_text(encoding="utf-8") == before
    assert LONG_SENTENCE not in card_body(api, CARD)


def test_publish_history_and_rollback(client_as, cards_dir, api, restore_card):
    original = restore_card(CARD)
    editor = client_as("editor")
    marker = f"Testzin {uuid.uuid4().hex[:8]} van de redactie."
    new_text = original.replace("Het CAK berekent het bedrag.", f"Het CAK berekent het bedrag. {marker}")
    start = time.perf_counter()
    response = editor.post(f"/editor/api/cards/{CARD}/publish", json={"text": new_text})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["searchable"] is True
    # searchable right away, no restart, no waiting for the poller
    assert marker in card_body(api, CARD)
    hits = search_ids(api, marker)
    assert hits[0]["card_id"] == CARD
    print(f"publish until searchable: {time.perf_counter() - start:.2f}s ({result['timings']})")
    assert (cards_dir / f"{CARD}.md").read_text(encoding="utf-8") == new_text
    assert not list(cards_dir.glob(".*.tmp"))

    history = editor.get(f"/editor/cards/{CARD}/history", headers={"Accept": "application/json"}).json()["versions"]
    newest, before = history[0], history[1]
    assert newest["live"] and newest["source"] == "publish"
    assert f"+De eigen bijdrage is het deel van de zorgkosten dat u zelf betaalt. Het CAK berekent het bedrag. {marker}" \
        in newest["diff"]
    assert before["source"] in ("file", "publish", "rollback") and not before["live"]
    page = editor.get(f"/editor/cards/{CARD}/history")
    assert marker in page.text and "Terugzetten naar versie" in page.text

    rolled = editor.post(f"/editor/api/cards/{CARD}/rollback/{before['version']}")
    assert rolled.status_code == 200, rolled.text
    assert marker not in card_body(api, CARD)
    assert all(marker not in (h["snippet"] or "") for h in search_ids(api, marker, k=5))
    assert (cards_dir / f"{CARD}.md").read_text(encoding="utf-8") != new_text
    history = editor.get(f"/editor/cards/{CARD}/history", headers={"Accept": "application/json"}).json()["versions"]
    assert history[0]["source"] == "rollback" and history[0]["live"]


def test_audit_entry_has_who_old_and_new(stack, make_user, cards_dir, stack_db, restore_card):
    from sqlalchemy import select

    from api.models import AuditEntry

    original = restore_card(CARD)
    username = make_user("editor", "Eva de Vries")
    editor = editor_login(stack.api_url, username)
    marker = f"Auditzin {uuid.uuid4().hex[:6]} hier."
    new_text = original.replace("Het CAK berekent het bedrag.", f"Het CAK berekent het bedrag. {marker}")
    assert editor.post(f"/editor/api/cards/{CARD}/publish", json={"text": new_text}).status_code == 200
    with stack_db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        assert entry.card_id == CARD and entry.action == "publish" and entry.username == username
        assert marker in entry.new_text and marker not in (entry.old_text or "")


def test_draft_is_not_live(client_as, cards_dir, api):
    editor = client_as("editor")
    text = (cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    marker = f"Conceptzin {uuid.uuid4().hex[:6]}."
    saved = editor.post(f"/editor/api/cards/{CARD}/draft", json={"text": with_dutch_line(text, marker)})
    assert saved.status_code == 200
    assert marker not in (cards_dir / f"{CARD}.md").read_text(encoding="utf-8")
    assert marker not in card_body(api, CARD)
    page = editor.get(f"/editor/cards/{CARD}")
    assert marker in page.text and "concept" in page.text.lower()
    assert "Concept" in editor.get("/editor", params={"status": "draft"}).text
    discard = editor.post(f"/editor/cards/{CARD}", data={"action": "discard"})
    assert discard.status_code == 303
    assert marker not in editor.get(f"/editor/cards/{CARD}").text


def test_file_edits_by_a_developer_are_picked_up_and_shown_in_history(client_as, cards_dir, api, restore_card):
    original = restore_card(CARD)
    marker = f"Ontwikkelaarszin {uuid.uuid4().hex[:6]}."
    from knowledge.card_file import write_atomic

    write_atomic(cards_dir / f"{CARD}.md", with_dutch_line(original, marker))
    deadline = time.monotonic() + 15
    while marker not in card_body(api, CARD):
        assert time.monotonic() < deadline, "the API did not pick up the edited file"
        time.sleep(0.3)
    editor = client_as("editor")
    history = editor.get(f"/editor/cards/{CARD}/history", headers={"Accept": "application/json"}).json()["versions"]
    if history:  # the editor published this card before in this session: the file change is shown
        assert history[0]["live"] and marker in history[0]["diff"]


def test_new_card_from_the_form(client_as, api, cards_dir, restore_card):
    restore_card(CARD)  # in case the "never overwrites" check below fails
    editor = client_as("editor")
    card_id = f"test-kaart-{uuid.uuid4().hex[:6]}"
    form = {
        "id": card_id, "title": "Mag mijn hond mee naar het verpleeghuis?",
        "summary": "Dat hangt af van het verpleeghuis; vraag het op tijd.",
        "questions": "mag mijn hond mee naar het verpleeghuis\nkan mijn kat mee naar het verpleeghuis\n"
                     "mag ik een huisdier houden in het verpleeghuis",
        "tags_organisation": "zorgaanbieder", "tags_law": "Wlz", "tags_route": "",
        "sources": "url: https://www.rijksoverheid.nl/onderwerpen/verpleeghuizen-en-zorginstellingen",
        "audience": "both", "reviewed": "2026-11-23", "review_by": "2027-11-23",
        "body": ("Veel mensen willen hun huisdier meenemen naar het verpleeghuis. Dat kan soms. Elk verpleeghuis "
                 "maakt eigen regels. Vraag het verpleeghuis dus op tijd wat mag. Vraag ook wie voor het dier zorgt. "
                 "Kunt u zelf niet meer voor het dier zorgen? Vraag dan familie of buren om hulp. Het verpleeghuis "
                 "kan u ook tips geven."),
        "action": "publish",
    }
    try:
        response = editor.post("/editor/cards", data=form)
        assert response.status_code == 303, response.text
        assert (cards_dir / f"{card_id}.md").is_file()
        assert search_ids(api, "mag mijn hond mee naar het verpleeghuis")[0]["card_id"] == card_id
        again = editor.post("/editor/cards", data={**form, "id": CARD})  # "new card" never overwrites one
        assert again.status_code == 409 and "bestaat al een kaart" in again.text
    finally:
        (cards_dir / f"{card_id}.md").unlink(missing_ok=True)


# --- gaps -----------------------------------------------------------------------------------------


def test_gaps_are_recorded_grouped_and_masked(client_as, chat):
    tag = "gojpqb"  # a word no card knows, the same every run: the bot reads the question the same way
    questions = [f"mag mijn papegaai {tag} mee op vakantie naar Spanje",
                 f"mag mijn papegaai {tag} ook mee op vakantie naar Spanje",
                 f"papegaai {tag} meenemen op vakantie naar Spanje"]
    for q in questions:  # three citizens ask what no card answers (masking: tests/api/test_gaps.py)
        c = chat()
        assert not any(m["sources"] for m in c.say(q)), c.replies
    page = client_as("editor").get("/editor/gaps")
    assert page.status_code == 200
    groups = re.findall(r'<span class="count">(\d+)</span>([^<]*papegaai ' + tag + ")", page.text)
    assert groups and int(groups[0][0]) >= 2, groups
    assert "/editor/cards/new?question=" in page.text
    new = client_as("editor").get("/editor/cards/new", params={"question": questions[0]})
    assert questions[0] in new.text

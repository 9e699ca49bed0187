"""Bad input gets a clear message and loses nothing."""
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.stack
ROOT = Path(__file__).resolve().parents[2]


def new_conversation(api) -> str:
    return api.post("/api/conversations", json={"locale": "nl"}).json()["id"]


def test_health_reports_every_component(api):
    body = api.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["components"] == {"api": True, "rasa": True, "action_server": True, "index": True}


def test_empty_message_is_refused_in_dutch(api):
    conversation = new_conversation(api)
    response = api.post(f"/api/conversations/{conversation}/messages", json={"text": "   "})
    assert response.status_code == 422
    assert "Typ eerst een bericht" in response.json()["detail"]


def test_unknown_conversation_is_a_404_with_a_clear_message(api):
    response = api.post("/api/conversations/doesnotexist/messages", json={"text": "hallo"})
    assert response.status_code == 404
    assert "nieuw gesprek" in response.json()["detail"]
    assert api.get("/api/conversations/doesnotexist").status_code == 404


def test_a_5000_character_message_is_answered_and_kept_whole(api):
    conversation = new_conversation(api)
    long_text = ("Ik ben het niet eens met de beslissing van de gemeente over mijn hulp. " * 80)[:5000]
    response = api.post(f"/api/conversations/{conversation}/messages", json={"text": long_text})
    assert response.status_code == 200
    assert response.json()["messages"]
    transcript = api.get(f"/api/conversations/{conversation}").json()
    assert transcript["messages"][0]["text"] == long_text


def test_a_longer_message_is_refused_with_the_limit(api):
    conversation = new_conversation(api)
    response = api.post(f"/api/conversations/{conversation}/messages", json={"text": "a" * 5001})
    assert response.status_code == 413
    assert "5000 tekens" in response.json()["detail"]


def test_html_is_kept_as_text_and_not_echoed_as_markup(api):
    conversation = new_conversation(api)
    text = "<b>bezwaar</b> tegen de <script>alert(1)</script> beslissing van het CAK"
    response = api.post(f"/api/conversations/{conversation}/messages", json={"text": text})
    assert response.status_code == 200
    assert all("<script>" not in m["text"] for m in response.json()["messages"])
    assert response.json()["state"]["route"] == "bezwaar"
    assert api.get(f"/api/conversations/{conversation}").json()["messages"][0]["text"] == text


@pytest.fixture(scope="module")
def api_without_rasa(stack, tmp_path_factory):
    """A second API whose Rasa server is down (nothing listens on its Rasa port)."""
    db_file = tmp_path_factory.mktemp("norasa") / "db.sqlite"
    env = dict(os.environ, WEGWIJS_RASA_URL="http://127.0.0.1:5999", WEGWIJS_ACTION_SERVER_URL="http://127.0.0.1:5998",
               DATABASE_URL=f"sqlite:///{db_file}", HF_HUB_OFFLINE="1")
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:app", "--port", "8299"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                httpx.get("http://127.0.0.1:8299/healthz", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        with httpx.Client(base_url="http://127.0.0.1:8299", timeout=30) as client:
            yield client
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_rasa_down_gives_503_in_dutch_and_keeps_the_message(api_without_rasa):
    health = api_without_rasa.get("/healthz")
    assert health.status_code == 503
    assert "rasa" in health.json()["detail"]
    conversation = api_without_rasa.post("/api/conversations", json={"locale": "nl"}).json()["id"]
    response = api_without_rasa.post(f"/api/conversations/{conversation}/messages", json={"text": "mijn bezwaar"})
    assert response.status_code == 503
    assert "bewaard" in response.json()["detail"]
    kept = api_without_rasa.get(f"/api/conversations/{conversation}").json()["messages"]
    assert kept == [kept[0]] and kept[0]["text"] == "mijn bezwaar" and kept[0]["delivered"] is False

"""What a citizen types, and which conversation is theirs, is not readable in the API's log."""
from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.stack


@pytest.fixture
def api_log(stack):
    """Lines the API writes to its log (uvicorn's access log included) during the test."""
    if stack.log_dir is None:
        pytest.skip("the reused stack's log file is unknown")
    path = stack.log_dir / f"api-{stack.api_port}.log"
    start = path.stat().st_size if path.exists() else 0

    def read() -> str:
        time.sleep(0.5)  # the access log line is written after the response
        with path.open("rb") as handle:
            handle.seek(start)
            return handle.read().decode("utf-8", errors="replace")

    return read


def test_a_free_question_and_the_conversation_id_stay_out_of_the_access_log(chat, api_log):
    c = chat()
    question = "wat doet het CAK eigenlijk met mijn eigen bijdrage"
    replies = c.say(question)
    assert any(r["sources"] for r in replies), replies  # the bot looked the question up in the knowledge base
    c.say("mijn bsn is 123 456 782 en mijn nummer is 020 - 123 45 67")
    log = api_log()
    assert "POST /api/conversations/{id}/messages" in log  # the requests are logged, without the id
    assert c.id not in log
    for readable in ("eigen+bijdrage", "eigen%20bijdrage", "eigen bijdrage", "CAK+eigenlijk", "123 456 782",
                     "123+456+782", "123 45 67", "answer?q="):
        assert readable not in log, readable


def test_the_bot_answers_from_the_cards_without_calling_back_into_the_api(chat, api, api_log):
    """The action server reads the knowledge index itself: a free question makes no request to the
    API besides the citizen's own (it used to POST the question to /api/knowledge/answer)."""
    c = chat()
    replies = c.say("wat doet het CAK")
    assert any(s["card_id"].startswith("cak") for m in replies for s in m["sources"]), replies
    assert "CAK" in " ".join(m["text"] for m in replies)
    log = api_log()
    assert "POST /api/conversations/{id}/messages" in log
    assert "/api/knowledge" not in log
    assert api.post("/api/knowledge/answer", json={"q": "wat doet het CAK"}).status_code in (404, 405)

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


def test_the_bot_asks_the_knowledge_base_with_a_post(api):
    """The question goes in the body, never in a URL (proxies and servers log URLs)."""
    answer = api.post("/api/knowledge/answer", json={"q": "wat doet het CAK"})
    assert answer.status_code == 200 and answer.json()["answer"]["card_id"].startswith("cak")
    assert api.get("/api/knowledge/answer", params={"q": "wat doet het CAK"}).status_code == 405
    assert api.post("/api/knowledge/answer", json={"q": ""}).status_code == 422

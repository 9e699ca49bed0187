"""Citizens' questions kept for the editors (knowledge gaps, 'not helpful' feedback) are stored
without names, addresses and personal numbers: masked when stored, not only when shown."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from api.models import Feedback, KnowledgeGap

pytestmark = pytest.mark.stack


def test_a_question_without_an_answer_is_kept_once_and_masked(chat, stack_db, client_as):
    """The bot finds no card and says so; the API keeps the question for the editors, once, with the
    name masked (every kind of personal data: tests/api/test_gaps.py)."""
    tag = "qwhzkrtb"  # a word no card knows (letters only: digits could be masked as a number)
    question = f"mag mijn papegaai {tag} mee op vakantie naar Spanje? Ik ben Jan de Vries"
    c = chat()
    sent = [c.client.post(f"/api/conversations/{c.id}/messages", json={"text": question, "client_message_id": "m-1"})
            for _ in range(2)]  # the widget sends it again: the same message
    assert sent[0].status_code == 200 and sent[1].json() == sent[0].json()
    assert not any(m["sources"] for m in sent[0].json()["messages"]), sent[0].text  # no card answers it
    with stack_db.session() as session:  # one row: .one() fails on none or two
        stored = session.scalars(select(KnowledgeGap.question).where(KnowledgeGap.question.contains(tag))).one()
    assert stored == f"mag mijn papegaai {tag} mee op vakantie naar Spanje? Ik ben [naam]"
    page = client_as("editor").get("/editor/gaps")
    assert page.status_code == 200 and f"papegaai {tag}" in page.text
    assert "Jan de Vries" not in page.text and "Vries" not in page.text


def test_a_question_whose_answer_did_not_help_is_stored_masked(chat, stack_db):
    c = chat()
    replies = c.say("Mijn naam is Jan de Vries. Wat doet het CAK eigenlijk?")
    assert any(r["sources"] for r in replies), replies
    c.say(payload="/feedback_not_helpful")
    with stack_db.session() as session:
        stored = session.scalars(select(Feedback.question).where(Feedback.conversation_id == c.id)).one()
    assert stored == "Mijn naam is [naam]. Wat doet het CAK eigenlijk?"

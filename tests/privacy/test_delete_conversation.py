"""Deleting conversations on the running stack: the citizen (DELETE /api/conversations/{id}), an admin
(console and CLI) and the retention job. Afterwards nothing of the conversation is in any table of
the database, nor in Rasa's tracker, and the id is 404."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from api.models import Conversation, KnowledgeGap, utcnow
from api.services.retention import conversation_tables
from tests.api.test_retention import _everything

pytestmark = pytest.mark.stack
ROOT = Path(__file__).resolve().parents[2]


def rasa_tracker(stack, conversation_id: str) -> dict:
    response = httpx.get(f"http://127.0.0.1:{stack.rasa_port}/conversations/{conversation_id}/tracker",
                         params={"token": getattr(stack, "rasa_token", "")}, timeout=30)
    response.raise_for_status()
    return response.json()


def said_to_the_bot(stack, conversation_id: str) -> list[str]:
    return [e.get("text") or "" for e in rasa_tracker(stack, conversation_id)["events"] if e["event"] == "user"]


def assert_gone(api, stack, stack_db, conversation_id: str, *secrets: str) -> None:
    assert api.get(f"/api/conversations/{conversation_id}").status_code == 404
    assert api.post(f"/api/conversations/{conversation_id}/messages", json={"text": "hallo"}).status_code == 404
    assert api.get(f"/api/conversations/{conversation_id}/updates").status_code == 404
    stored = _everything(stack_db)
    for secret in (conversation_id, *secrets):
        assert secret not in stored, secret
    assert said_to_the_bot(stack, conversation_id) == []
    tracker = json.dumps(rasa_tracker(stack, conversation_id))
    for secret in secrets:
        assert secret not in tracker, secret


def ask_without_an_answer(stack_db, c) -> str:
    """A question no card answers, so that the API records a knowledge gap with the citizen's words.
    Returns the unique word in it. (The random word can make NLU read another intent: then ask again.)"""
    for _ in range(4):
        tag = uuid.uuid4().hex[:8]
        c.say(f"wat kost een papegaai {tag} bij de dierenwinkel")
        with stack_db.session() as session:
            if session.scalars(select(KnowledgeGap).where(KnowledgeGap.question.contains(tag))).all():
                return tag
    pytest.fail("no knowledge gap was recorded")


def test_the_citizen_deletes_the_conversation_and_nothing_of_it_is_left(api, chat, stack, stack_db):
    phone = "06" + "".join(random.choice("0123456789") for _ in range(8))
    c = chat(staff_available=False)
    tag = ask_without_an_answer(stack_db, c)
    c.say("wat doet het CAK eigenlijk")
    c.say(payload="/feedback_not_helpful")  # feedback for the editors
    c.say("kan ik iemand spreken")
    c.say(f"bel mij maar op {phone}")
    c.say("morgenochtend na 10 uur")
    assert c.state["handoff"] == "callback"  # a call-back request with the phone number
    stored = _everything(stack_db)
    assert c.id in stored and tag in stored and phone in stored
    assert any(tag in text for text in said_to_the_bot(stack, c.id))

    deleted = api.delete(f"/api/conversations/{c.id}")
    assert deleted.status_code == 204, deleted.text
    assert_gone(api, stack, stack_db, c.id, tag, phone)
    again = api.delete(f"/api/conversations/{c.id}")
    assert again.status_code == 404 and again.json()["detail"] == "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek."


def test_a_citizen_talking_to_staff_can_delete_too_and_leaves_the_console(api, chat, stack, stack_db, staff_client):
    tag = uuid.uuid4().hex[:8]
    c = chat()
    c.say(f"ik ben het niet eens met de brief over mijn papegaai {tag}")
    c.say("ik wil graag met een medewerker spreken")
    assert c.state["handoff"] == "waiting"
    staff = staff_client()
    assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200
    assert staff.post(f"/staff/api/conversations/{c.id}/notes", json={"text": f"notitie {tag}"}).status_code == 200
    assert staff.post(f"/staff/api/conversations/{c.id}/messages", json={"text": f"Hallo {tag}"}).status_code == 200

    assert api.delete(f"/api/conversations/{c.id}").status_code == 204
    assert_gone(api, stack, stack_db, c.id, tag)
    assert staff.get(f"/staff/api/conversations/{c.id}").status_code == 404
    assert c.id not in json.dumps(staff.get("/staff/api/queue").json())


def test_only_an_admin_deletes_a_conversation_in_the_console(api, chat, stack, stack_db, staff_client):
    c = chat()
    c.say("wat doet het CAK eigenlijk")
    staff, admin = staff_client("staff", "Anna Jansen"), staff_client("admin", "Ali Bakker")
    refused = staff.delete(f"/staff/api/conversations/{c.id}")
    assert refused.status_code == 403 and refused.json()["detail"] == "Alleen een beheerder (rol admin) mag gesprekken verwijderen."
    assert api.get(f"/api/conversations/{c.id}").status_code == 200
    foreign = admin.delete(f"/staff/api/conversations/{c.id}", headers={"Origin": "https://elders.example"})
    assert foreign.status_code == 403  # as every console action: only from the console's own origin
    assert admin.delete(f"/staff/api/conversations/{c.id}").status_code == 204
    assert_gone(api, stack, stack_db, c.id)
    assert admin.delete(f"/staff/api/conversations/{c.id}").status_code == 404


def test_an_admin_deletes_a_conversation_with_the_cli(api, chat, stack, stack_db):
    tag = uuid.uuid4().hex[:8]
    c = chat()
    c.say(f"mag mijn papegaai {tag} mee op vakantie naar Spanje")

    def cli(conversation_id: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "api.cli", "--database-url", f"sqlite:///{stack.db_file}", "delete-conversation",
             conversation_id, "--rasa-url", f"http://127.0.0.1:{stack.rasa_port}"],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={**os.environ, "WEGWIJS_RASA_TOKEN": getattr(stack, "rasa_token", "")})

    done = cli(c.id)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Gesprek {c.id} verwijderd (database en Rasa)."
    assert_gone(api, stack, stack_db, c.id, tag)
    unknown = cli(c.id)
    assert unknown.returncode == 1 and "bestaat niet" in unknown.stderr


def _make_old(stack_db, conversation_id: str, days: int) -> None:
    """As if nothing happened in the conversation for `days` days."""
    then = utcnow() - dt.timedelta(days=days)
    with stack_db.session() as session:
        for table in conversation_tables():
            for column in ("created_at", "updated_at"):
                if column in table.c:
                    session.execute(update(table).where(table.c.conversation_id == conversation_id)
                                    .values({column: then}))
        session.execute(update(Conversation).where(Conversation.id == conversation_id)
                        .values(created_at=then, updated_at=then))


def test_the_retention_job_deletes_conversations_after_90_days_but_not_while_staff_is_involved(api, chat, stack, stack_db):
    tag = uuid.uuid4().hex[:8]
    expired = chat()
    expired.say(f"mag mijn papegaai {tag} mee op vakantie naar Spanje")
    waiting = chat()
    waiting.say("ik wil graag met een medewerker spreken")
    assert waiting.state["handoff"] == "waiting"
    young = chat()
    young.say("wat doet het CAK eigenlijk")
    _make_old(stack_db, expired.id, days=91)
    _make_old(stack_db, waiting.id, days=200)
    _make_old(stack_db, young.id, days=89)

    deadline = time.monotonic() + 20  # the test stack runs the job every second
    while api.get(f"/api/conversations/{expired.id}").status_code != 404:
        assert time.monotonic() < deadline, "the retention job did not delete the old conversation"
        time.sleep(0.5)
    time.sleep(2)
    assert_gone(api, stack, stack_db, expired.id, tag)
    assert api.get(f"/api/conversations/{waiting.id}").status_code == 200
    assert api.get(f"/api/conversations/{young.id}").status_code == 200

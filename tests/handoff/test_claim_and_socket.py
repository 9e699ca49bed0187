"""Claims and the staff WebSocket (issue 10, item 10): the claim checks "waiting" and "not claimed"
in one UPDATE, and a deactivated account stops receiving the queue at once."""
from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import event
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from api.models import Handoff
from api.services import auth
from api.services.auth import COOKIE_NAME
from api.services.handoff import Conflict, HandoffService

from .conftest import ask_for_a_person
from .test_queue_unit import NoCards, add_conversation, settings


def test_a_chat_that_stops_waiting_just_before_the_claim_is_not_claimed(database):
    """Between the check and the UPDATE the citizen's chat is handed back (it no longer waits):
    the claim must see that, not take a chat that left the queue."""
    service = HandoffService(database, NoCards(), settings())
    conversation = add_conversation(database)
    anna = auth.create_user(database, "anna", "correct-horse-battery", "staff", "Anna Jansen")

    def stop_waiting_first(_connection, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE HANDOFFS") and not fired:
            fired.append(True)
            with database.session() as other:
                other.get(Handoff, conversation).status = "none"  # as a hand-back does

    fired: list[bool] = []
    event.listen(database.engine, "before_cursor_execute", stop_waiting_first)
    try:
        with pytest.raises(Conflict, match="wacht niet"):
            service.claim_in_db(conversation, anna)
    finally:
        event.remove(database.engine, "before_cursor_execute", stop_waiting_first)
    assert fired
    with database.session() as session:
        claim = session.get(Handoff, conversation)
        assert (claim.status, claim.claimed_by) == ("none", None)
    assert service.updates(conversation, 0)["state"]["handoff"] == "none"


@pytest.mark.stack
def test_a_deactivated_account_stops_receiving_the_queue(stack, stack_db, chat, staff_client):
    staff = staff_client()
    username = staff.get("/staff/api/me").json()["username"]
    cookie = staff.cookies.get(COOKIE_NAME)
    url = stack.api_url.replace("http", "ws") + "/staff/ws"
    with connect(url, additional_headers={"Cookie": f"{COOKIE_NAME}={cookie}"}, open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "hello"
        assert json.loads(socket.recv(timeout=10))["type"] == "queue"
        auth.set_active(stack_db, username, False)  # `python -m api.cli deactivate` by an admin
        c = ask_for_a_person(chat)
        deadline = time.monotonic() + 15
        try:
            while time.monotonic() < deadline:
                message = json.loads(socket.recv(timeout=deadline - time.monotonic()))
                assert c.id not in json.dumps(message), "a deactivated account still receives citizens' chats"
        except ConnectionClosed as closed:
            assert closed.rcvd is not None and closed.rcvd.code == 4401
        except TimeoutError:
            pytest.fail("the socket of a deactivated account stays open")

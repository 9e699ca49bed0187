"""Call-back requests on PostgreSQL (issue 10, item 9): a second request in one conversation and
a long e-mail address are stored, not a 500."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from api.models import Conversation

from .conftest import BEZWAAR

pytestmark = [pytest.mark.stack, pytest.mark.postgres]


def staff_available(db, conversation_id: str, available: bool) -> None:
    """Office hours start or end during the conversation."""
    with db.session() as session:
        session.execute(update(Conversation).where(Conversation.id == conversation_id)
                        .values(staff_available_override=available))


def ask_for_a_call_back(c, contact: str) -> None:
    c.say("ik wil graag met een medewerker spreken")
    if c.state["handoff"] != "callback":  # the bot may still know the contact details
        c.say(contact)
        c.say("morgenochtend")
    assert c.state["handoff"] == "callback"


def callbacks_of(staff, conversation_id: str) -> list[dict]:
    listed = staff.get("/staff/api/callbacks").json()["callbacks"]
    return [cb for cb in listed if cb["conversation_id"] == conversation_id]


def test_a_second_call_back_request_in_one_conversation(citizen, staff, fault_db):
    c = citizen(staff_available=False)
    c.say(BEZWAAR)
    ask_for_a_call_back(c, "bel mij op 0612345678")
    first = callbacks_of(staff, c.id)[0]
    assert staff.post(f"/staff/api/callbacks/{first['id']}/status", json={"status": "done"}).status_code == 200
    staff_available(fault_db, c.id, True)  # office hours: the citizen now waits for a person
    c.say("ik wil toch liever nu iemand spreken")
    assert c.state["handoff"] == "waiting"
    assert staff.post(f"/staff/api/conversations/{c.id}/claim").status_code == 200
    assert staff.post(f"/staff/api/conversations/{c.id}/handback").status_code == 200
    staff_available(fault_db, c.id, False)  # after hours again

    ask_for_a_call_back(c, "bel mij op 0612345678")

    again = callbacks_of(staff, c.id)
    assert len(again) == 1 and again[0]["id"] == first["id"]
    assert again[0]["status"] == "open"  # a new request: open again for the staff


def test_an_email_address_over_200_characters(citizen, staff):
    address = "jan.de.vries.mantelzorger.van.mijn.moeder.in.het.verpleeghuis@" + ".".join(
        ["afdeling-zorg-en-welzijn-van-de-gemeente-voorbeeld"] * 3) + ".nl"
    assert 200 < len(address) <= 254  # still a valid address
    c = citizen(staff_available=False)
    ask_for_a_call_back(c, address)
    callback = callbacks_of(staff, c.id)[0]
    assert staff.get(f"/staff/api/callbacks/{callback['id']}").json()["contact"] == address

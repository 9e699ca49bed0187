"""Conversations, messages, feedback and call-backs are stored the same way in SQLite and PostgreSQL."""

import pytest
from sqlalchemy import select

from api.core.db import Database
from api.models import Callback, Conversation, Feedback, Message



def test_a_conversation_survives_a_new_connection(database):
    database.migrate()
    with database.session() as session:
        conversation = Conversation(locale="nl", state={"route": "bezwaar", "handoff": "waiting"})
        session.add(conversation)
        session.flush()
        conversation_id = conversation.id
        session.add(Message(conversation_id=conversation_id, sender="citizen", text="<b>bezwaar</b> é ü", delivered=False))
        session.add(Message(conversation_id=conversation_id, sender="bot", text="Dit is een bezwaar.",
                            buttons=[{"title": "Ja", "payload": "/affirm"}],
                            sources=[{"card_id": "bezwaar-termijn", "title": "Termijn"}]))
        session.add(Feedback(conversation_id=conversation_id, card_id="bezwaar-termijn", question="hoe lang", helpful=False))
        session.add(Callback(conversation_id=conversation_id, contact="0612345678", preferred_time="morgen"))

    database.engine.dispose()  # as after an API restart
    reopened = Database(str(database.engine.url.render_as_string(hide_password=False)))
    with reopened.session() as session:
        stored = session.get(Conversation, conversation_id)
        assert stored.state == {"route": "bezwaar", "handoff": "waiting"}
        assert [m.text for m in stored.messages] == ["<b>bezwaar</b> é ü", "Dit is een bezwaar."]
        assert stored.messages[0].delivered is False
        assert stored.messages[1].sources[0]["card_id"] == "bezwaar-termijn"
        assert session.scalars(select(Feedback)).one().helpful is False
        assert session.scalars(select(Callback)).one().contact == "0612345678"
    reopened.engine.dispose()


def test_one_call_back_per_conversation(database):
    database.migrate()
    with database.session() as session:
        conversation = Conversation(locale="nl", state={})
        session.add(conversation)
        session.flush()
        conversation_id = conversation.id
        session.add(Callback(conversation_id=conversation_id, contact="a@voorbeeld.nl"))
    with pytest.raises(Exception):
        with database.session() as session:
            session.add(Callback(conversation_id=conversation_id, contact="b@voorbeeld.nl"))

"""The queue, summaries, claims and availability without the stack (temp SQLite; PostgreSQL too
for the claim race)."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from api.core.config import Settings
from api.core.db import Database
from api import staff_views
from api.models import Conversation, Handoff, Message
from api.services import auth
from api.services.handoff import Conflict, HandoffService, mask_contact, waiting_text

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


class NoCards:
    def titles(self, card_ids):
        return []


class OfficeOpen(Settings):
    def staff_available_now(self) -> bool:
        return True


class OfficeClosed(Settings):
    def staff_available_now(self) -> bool:
        return False


def settings(cls=Settings, **kwargs) -> Settings:
    return cls(fixed_today="2026-11-23", rasa_url="http://127.0.0.1:9", **kwargs)


@pytest.fixture
def sqlite_db(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'handoff.db'}")
    db.migrate()
    yield db
    db.engine.dispose()


def add_conversation(db, handoff="waiting", minutes=0, reason="request", deadline=None, said=(), **state) -> str:
    with db.session() as session:
        conversation = Conversation(
            state={"route": None, "organisation": None, "decision_date": None, "deadline": deadline,
                   "asking_for": None, **state},
            handoff_requested_at=T0 + timedelta(minutes=minutes), handoff_reason=reason)
        session.add(conversation)
        session.flush()
        session.add(Handoff(conversation_id=conversation.id, status=handoff))  # who answers: its one store
        for sender, text, *extra in said:
            session.add(Message(conversation_id=conversation.id, sender=sender, text=text,
                                payload=extra[0] if extra else None,
                                sources=extra[1] if len(extra) > 1 else []))
        return conversation.id


def test_queue_order_crisis_then_close_deadline_then_waiting_time(sqlite_db):
    service = HandoffService(sqlite_db, NoCards(), settings())
    plain = add_conversation(sqlite_db, minutes=0)
    close_deadline = add_conversation(sqlite_db, minutes=5, deadline="2026-11-27")  # 4 days
    passed_deadline = add_conversation(sqlite_db, minutes=6, deadline="2026-11-20")
    crisis = add_conversation(sqlite_db, minutes=10, reason="crisis")
    early_far_deadline = add_conversation(sqlite_db, minutes=-60, deadline="2026-12-28")
    add_conversation(sqlite_db, handoff="none")
    add_conversation(sqlite_db, handoff="callback")
    add_conversation(sqlite_db, handoff="active", minutes=-120)  # claimed: no longer in the queue

    order = [entry["id"] for entry in service.queue()]
    assert order == [crisis, close_deadline, passed_deadline, early_far_deadline, plain]
    assert [e["position"] for e in service.queue()] == [1, 2, 3, 4, 5]
    assert service.updates(plain, 0)["status"]["text"] == "U wacht op een medewerker. Er wachten 4 personen voor u."
    assert service.updates(crisis, 0)["status"]["text"] == "U wacht op een medewerker. Er wacht niemand voor u."
    assert service.updates(close_deadline, 0)["status"]["text"] == "U wacht op een medewerker. Er wacht 1 persoon voor u."


def test_summary_has_what_staff_needs(sqlite_db):
    service = HandoffService(sqlite_db, NoCards(), settings())
    long = "mijn moeder krijgt minder uren hulp " * 20
    conversation = add_conversation(
        sqlite_db, route="bezwaar", organisation="gemeente", decision_date="2026-11-13", deadline="2026-12-28",
        asking_for="relative",
        said=[("citizen", long), ("bot", "Dit is een bezwaar.", None, [{"card_id": "bezwaar-termijn", "title": "Termijn"}]),
              ("citizen", "Ja, graag", "/affirm"),  # a button click is not "what the citizen said"
              ("citizen", "de brief is van 13 november"), ("citizen", "ik wil iemand spreken"),
              ("citizen", "hallo?"),
              ("bot", "Ik zet u door.", None, [{"card_id": "bezwaar-termijn", "title": "Termijn"},
                                                {"card_id": "clientondersteuning", "title": "Hulp"}])])
    entry = staff_views.summary(service.queue()[0])  # the data, with the labels the console shows
    assert entry["id"] == conversation
    assert (entry["route_label"], entry["organisation_label"]) == ("Bezwaar", "de gemeente")
    assert entry["decision_date_label"] == "vrijdag 13 november 2026"
    assert entry["deadline_label"] == "maandag 28 december 2026" and entry["deadline_days_left"] == 35
    assert entry["deadline_close"] is False
    assert entry["asking_for_label"].startswith("voor een naaste")
    assert len(entry["citizen_said"]) == 3
    assert entry["citizen_said"][0].endswith("…") and len(entry["citizen_said"][0]) <= 170
    assert entry["citizen_said"][1:] == ["de brief is van 13 november", "ik wil iemand spreken"]
    assert [c["card_id"] for c in entry["cards"]] == ["bezwaar-termijn", "clientondersteuning"]
    assert [m["sender"] for m in entry["transcript"]] == ["citizen", "bot", "citizen", "citizen", "citizen", "citizen", "bot"]


def test_exactly_one_of_many_simultaneous_claims_wins(database):
    service = HandoffService(database, NoCards(), settings())
    conversation = add_conversation(database)
    users = [auth.create_user(database, f"medewerker{i}", "correct-horse-battery", "staff", f"Mede {i}")
             for i in range(8)]
    barrier = threading.Barrier(len(users))
    results: list = [None] * len(users)

    def claim(i):
        barrier.wait()
        try:
            results[i] = service.claim_in_db(conversation, users[i])
        except Conflict as error:
            results[i] = error

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(len(users))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [i for i, r in enumerate(results) if isinstance(r, dict)]
    assert len(winners) == 1, results
    losers = [r for r in results if isinstance(r, Conflict)]
    assert len(losers) == len(users) - 1
    winner = users[winners[0]]
    assert all(f"{winner.first_name} heeft dit gesprek al overgenomen" in e.message for e in losers)
    with database.session() as session:
        assert session.get(Handoff, conversation).claimed_by == winner.id
        assert session.get(Handoff, conversation).status == "active"
    assert service.updates(conversation, 0)["state"]["handoff"] == "active"
    assert service.queue() == []


def test_office_hours_need_someone_online(sqlite_db):
    editor = auth.StaffIdentity(1, "eddy", "Eddy", "editor")
    staff = auth.StaffIdentity(2, "anna", "Anna Jansen", "staff")
    open_office = HandoffService(sqlite_db, NoCards(), settings(OfficeOpen, staff_availability="office-hours"))
    assert open_office.staff_available() is False  # nobody online
    open_office.hub.sockets[object()] = editor
    assert open_office.staff_available() is False  # an editor does not answer chats
    open_office.hub.sockets[object()] = staff
    assert open_office.staff_available() is True
    closed = HandoffService(sqlite_db, NoCards(), settings(OfficeClosed, staff_availability="office-hours"))
    closed.hub.sockets[object()] = staff
    assert closed.staff_available() is False  # outside office hours, even with someone online
    always = HandoffService(sqlite_db, NoCards(), settings(staff_availability="always"))
    assert always.staff_available() is True  # "always" stays as it was (tests use it)
    never = HandoffService(sqlite_db, NoCards(), settings(staff_availability="never"))
    never.hub.sockets[object()] = staff
    assert never.staff_available() is False


def test_contacts_are_masked_in_lists():
    assert mask_contact("0612345678") == "06******78"
    assert mask_contact("06-12 34 56 78") == "06******78"
    assert mask_contact("jan.jansen@example.nl") == "j***@example.nl"
    assert waiting_text(1) == "U wacht op een medewerker. Er wacht 1 persoon voor u."
    assert waiting_text(3) == "U wacht op een medewerker. Er wachten 3 personen voor u."


def test_passwords_are_argon2_and_checked(sqlite_db):
    user = auth.create_user(sqlite_db, "Anna", "correct-horse-battery", "staff", "Anna Jansen")
    assert user.username == "anna" and user.first_name == "Anna"
    from sqlalchemy import select

    from api.models import StaffUser
    with sqlite_db.session() as session:
        assert session.scalar(select(StaffUser.password_hash)).startswith("$argon2id$")
    assert auth.authenticate(sqlite_db, "anna", "correct-horse-battery") == user
    assert auth.authenticate(sqlite_db, "anna", "wrong-password-123") is None
    assert auth.authenticate(sqlite_db, "nobody", "correct-horse-battery") is None
    with pytest.raises(auth.AccountError):
        auth.create_user(sqlite_db, "anna", "correct-horse-battery", "staff")
    with pytest.raises(auth.AccountError):
        auth.create_user(sqlite_db, "piet", "kort", "staff")
    with pytest.raises(auth.AccountError):
        auth.create_user(sqlite_db, "piet", "correct-horse-battery", "baas")
    token = auth.start_session(sqlite_db, user)
    assert auth.session_user(sqlite_db, token) == user
    auth.end_session(sqlite_db, token)
    assert auth.session_user(sqlite_db, token) is None


def test_the_cli_creates_accounts(tmp_path):
    import subprocess
    import sys

    db_url = f"sqlite:///{tmp_path / 'cli.db'}"
    created = subprocess.run([sys.executable, "-m", "api.cli", "--database-url", db_url, "create-user", "petra",
                              "--role", "staff", "--name", "Petra de Vries", "--password-stdin"],
                             input="a-very-long-password\n", capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    assert "petra" in created.stdout and "a-very-long-password" not in created.stdout
    again = subprocess.run([sys.executable, "-m", "api.cli", "--database-url", db_url, "create-user", "petra",
                            "--role", "staff", "--password-stdin"], input="a-very-long-password\n",
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and "bestaat al" in again.stderr
    listed = subprocess.run([sys.executable, "-m", "api.cli", "--database-url", db_url, "list-users"],
                            capture_output=True, text=True, timeout=60)
    assert "petra\tstaff\tPetra de Vries\tactief" in listed.stdout


def test_a_bot_signal_never_ends_waiting_or_active(sqlite_db):
    """Only staff ends a wait or a chat with staff; the bot's signals count again once it has the chat back."""
    from api.services.handoff import store
    from api.services.handoff.store import HandoffSignal

    service = HandoffService(sqlite_db, NoCards(), settings())
    conversation = add_conversation(sqlite_db)
    anna = auth.create_user(sqlite_db, "anna", "correct-horse-battery", "staff", "Anna Jansen")

    def signal(kind: str) -> str:
        with sqlite_db.session() as session:
            return store.apply_signal(session, conversation, HandoffSignal(kind, "request"))[1]

    assert [signal(k) for k in ("declined", "offered", "callback")] == ["waiting"] * 3
    service.claim_in_db(conversation, anna)
    assert [signal(k) for k in ("declined", "requested", "offered", "callback")] == ["active"] * 4
    assert service.updates(conversation, 0)["state"]["handoff"] == "active"
    with sqlite_db.session() as session:
        assert store.end(session, conversation, store.NONE, None)  # handed back
    assert signal("offered") == "offered" and signal("declined") == "none" and signal("requested") == "waiting"

"""One installation, two gemeenten (issue 14), through the real stack: the same words give each
gemeente its own ombudsman, office hours, letters and staff; staff of one team never see the other's chats."""
from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest
from websockets.sync.client import connect

from api.services import auth
from tests.accounts import PASSWORD, logged_in
from tests.gemeenten.conftest import CAK_PROEFSTAD, PROEFSTAD, VOORBEELD

ALREADY_COMPLAINED = ("ik heb al een klacht ingediend bij de gemeente maar ik ben niet tevreden over hoe ze "
                      "die hebben afgehandeld")
WIJKTEAM = "het wijkteam belt me nooit terug en ze zijn onbeleefd"


class Citizen:
    def __init__(self, client: httpx.Client, gemeente: str | None, staff_available: bool | None = None):
        self.client = client
        headers = {} if staff_available is None else {"X-Wegwijs-Staff-Available": str(staff_available).lower()}
        body = {"locale": "nl", **({"gemeente": gemeente} if gemeente else {})}
        response = client.post("/api/conversations", json=body, headers=headers)
        assert response.status_code == 201, response.text
        self.id = response.json()["id"]
        self.text, self.state = "", {}

    def say(self, text: str) -> None:
        response = self.client.post(f"/api/conversations/{self.id}/messages", json={"text": text})
        assert response.status_code == 200, response.text
        self.text += " " + " ".join(m["text"] for m in response.json()["messages"])
        self.state = response.json()["state"]


def account(db, role: str, team: str | None) -> httpx.Client:
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    auth.create_user(db, name, PASSWORD, role, f"{name.capitalize()} Test", team=team)
    return name


@pytest.fixture
def staff_of(regional, regional_db):
    clients: list[httpx.Client] = []

    def login(role: str = "staff", team: str | None = None) -> httpx.Client:
        client = logged_in(regional.api_url, "/staff", account(regional_db, role, team))
        clients.append(client)
        return client

    yield login
    for client in clients:
        client.close()


def test_the_same_klacht_goes_to_each_gemeentes_own_ombudsman(citizen):
    voorbeeld, proefstad = Citizen(citizen, VOORBEELD), Citizen(citizen, PROEFSTAD)
    for c in (voorbeeld, proefstad):
        c.say(ALREADY_COMPLAINED)
        assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "Nationale ombudsman" in voorbeeld.text and "Proefstad" not in voorbeeld.text
    assert "Ombudscommissie Proefstad" in proefstad.text


def test_a_klacht_at_the_gemeente_names_the_next_step_of_that_gemeente(citizen):
    voorbeeld, proefstad = Citizen(citizen, VOORBEELD), Citizen(citizen, PROEFSTAD)
    for c in (voorbeeld, proefstad):
        c.say(WIJKTEAM)
        assert (c.state["route"], c.state["organisation"]) == ("klacht", "gemeente")
    assert "Nationale ombudsman" in voorbeeld.text and "Ombudscommissie Proefstad" not in voorbeeld.text
    assert "Ombudscommissie Proefstad" in proefstad.text


def test_no_gemeente_is_the_default_and_an_unknown_one_is_refused_in_dutch(citizen):
    default = Citizen(citizen, None)
    assert citizen.get(f"/api/conversations/{default.id}").json()["gemeente"] == VOORBEELD
    assert citizen.get(f"/api/conversations/{Citizen(citizen, PROEFSTAD).id}").json()["gemeente"] == PROEFSTAD
    refused = citizen.post("/api/conversations", json={"locale": "nl", "gemeente": "0363"})
    assert refused.status_code == 422
    assert "gemeente 0363 niet" in refused.json()["detail"]


def test_letters_are_addressed_to_the_conversations_own_gemeente(citizen):
    drafts = {}
    for code in (VOORBEELD, PROEFSTAD):
        c = Citizen(citizen, code)
        c.say("ik kreeg een brief van de gemeente van 13 november 2026, mijn hulp gaat van 4 naar 2 uur, "
              "daar ben ik het niet mee eens")
        assert c.state["route"] == "bezwaar"
        drafts[code] = citizen.get(f"/api/conversations/{c.id}/letter").json()
    assert drafts[VOORBEELD]["gemeente"] == "Gemeente Voorbeeld"
    assert drafts[PROEFSTAD]["gemeente"] == "Gemeente Proefstad"
    sending = {code: d["letters"][0]["sending"] for code, d in drafts.items()}
    assert "Postbus 1" in sending[VOORBEELD]["address"]
    assert "Postbus 9992" in sending[PROEFSTAD]["address"]
    assert sending[PROEFSTAD]["website"] == "https://www.proefstad.nl/bezwaar"


def test_office_hours_and_teams_decide_who_can_take_a_chat(regional, citizen, staff_of):
    """Both teams are online. Voorbeeld is open, so a request for a person joins its queue;
    Proefstad is closed today, so the bot asks for a call-back and nobody waits."""
    sockets = []
    try:
        for team in ("voorbeeld", "proefstad"):
            client = staff_of("staff", team)
            url = regional.api_url.replace("http", "ws") + "/staff/ws"
            socket = connect(url, additional_headers={"Cookie": f"{auth.COOKIE_NAME}={client.cookies.get(auth.COOKIE_NAME)}"},
                             open_timeout=10)
            assert json.loads(socket.recv(timeout=10))["type"] == "hello"
            sockets.append(socket)
        voorbeeld, proefstad = Citizen(citizen, VOORBEELD), Citizen(citizen, PROEFSTAD)
        for c in (voorbeeld, proefstad):
            c.say("ik wil graag met een medewerker spreken")
        assert voorbeeld.state["handoff"] == "waiting"
        assert proefstad.state["handoff"] != "waiting"
        assert "telefoonnummer" in proefstad.text or "e-mail" in proefstad.text  # the call-back question
    finally:
        for socket in sockets:
            socket.close()


def test_without_its_team_online_a_gemeente_has_nobody(regional, citizen, staff_of):
    """Only Proefstad's team is online: Voorbeeld (open) still has nobody to take the chat."""
    client = staff_of("staff", "proefstad")
    url = regional.api_url.replace("http", "ws") + "/staff/ws"
    with connect(url, additional_headers={"Cookie": f"{auth.COOKIE_NAME}={client.cookies.get(auth.COOKIE_NAME)}"},
                 open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "hello"
        c = Citizen(citizen, VOORBEELD)
        c.say("ik wil graag met een medewerker spreken")
        assert c.state["handoff"] != "waiting"


def waiting(citizen: httpx.Client, code: str) -> Citizen:
    c = Citizen(citizen, code, staff_available=True)
    c.say("ik wil graag met een medewerker spreken")
    assert c.state["handoff"] == "waiting"
    return c


def test_staff_of_one_gemeente_never_see_the_others_chats(regional, citizen, staff_of):
    a, b = waiting(citizen, VOORBEELD), waiting(citizen, PROEFSTAD)
    staff_a, staff_b, admin = staff_of("staff", "voorbeeld"), staff_of("staff", "proefstad"), staff_of("admin")

    queue_a = [e["id"] for e in staff_a.get("/staff/api/queue").json()["queue"]]
    assert a.id in queue_a and b.id not in queue_a
    assert b.id not in staff_a.get("/staff").text
    for path in (f"/staff/api/conversations/{b.id}", f"/staff/conversations/{b.id}"):
        assert staff_a.get(path).status_code == 404
    assert staff_a.post(f"/staff/api/conversations/{b.id}/claim").status_code == 404
    assert staff_a.post(f"/staff/api/conversations/{b.id}/notes", json={"text": "kijk"}).status_code == 404
    assert staff_a.post(f"/staff/api/conversations/{b.id}/messages", json={"text": "hallo"}).status_code == 404

    admin_queue = [e["id"] for e in admin.get("/staff/api/queue").json()["queue"]]
    assert a.id in admin_queue and b.id in admin_queue
    assert admin.get(f"/staff/api/conversations/{b.id}").status_code == 200
    console = admin.get("/staff").text  # with several gemeenten, staff read whose chat it is
    assert 'data-field="gemeente">Gemeente Proefstad<' in console and 'data-field="gemeente">Gemeente Voorbeeld<' in console

    assert staff_b.post(f"/staff/api/conversations/{b.id}/claim").status_code == 200
    assert staff_a.post(f"/staff/api/conversations/{b.id}/handback").status_code == 404
    assert staff_a.post(f"/staff/api/conversations/{b.id}/close", json={"outcome": "anders"}).status_code == 404
    assert staff_b.get(f"/staff/api/conversations/{a.id}").status_code == 404


def test_the_live_queue_of_one_team_leaves_the_other_out(regional, citizen, staff_of):
    staff_a = staff_of("staff", "voorbeeld")
    url = regional.api_url.replace("http", "ws") + "/staff/ws"
    with connect(url, additional_headers={"Cookie": f"{auth.COOKIE_NAME}={staff_a.cookies.get(auth.COOKIE_NAME)}"},
                 open_timeout=10) as socket:
        b, a = waiting(citizen, PROEFSTAD), waiting(citizen, VOORBEELD)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            message = json.loads(socket.recv(timeout=10))
            assert b.id not in json.dumps(message)  # no push about B's chat reaches team A's console
            if message["type"] == "queue" and a.id in message["ids"]:
                break
        else:
            pytest.fail("A's new chat was not pushed to A's console")


def test_call_backs_of_another_team_are_not_listed(regional, citizen, staff_of):
    c = Citizen(citizen, PROEFSTAD, staff_available=False)
    c.say("kan ik iemand spreken")
    c.say("bel mij maar op 0612345678")
    c.say("morgenochtend")
    assert c.state["handoff"] == "callback"
    staff_a, staff_b = staff_of("staff", "voorbeeld"), staff_of("staff", "proefstad")
    assert c.id not in [cb["conversation_id"] for cb in staff_a.get("/staff/api/callbacks").json()["callbacks"]]
    listed = [cb for cb in staff_b.get("/staff/api/callbacks").json()["callbacks"] if cb["conversation_id"] == c.id]
    assert len(listed) == 1
    assert staff_a.get(f"/staff/api/callbacks/{listed[0]['id']}").status_code == 404


def test_a_card_with_a_local_section_gives_that_gemeente_its_own_text(citizen):
    answers = {}
    for code in (VOORBEELD, PROEFSTAD):
        c = Citizen(citizen, code)
        response = citizen.post(f"/api/conversations/{c.id}/messages", json={"text": "wat doet het CAK eigenlijk"})
        assert response.status_code == 200, response.text
        messages = response.json()["messages"]
        last = next(i for i, m in enumerate(messages) if m["sources"])
        assert messages[last]["sources"][0]["card_id"].startswith("cak")
        answers[code] = "\n\n".join(m["text"] for m in messages[:last + 1])  # one message per paragraph
    assert answers[PROEFSTAD] == CAK_PROEFSTAD
    shared = answers[VOORBEELD]
    assert "Sociaal Team Proefstad" not in shared and "Lokaal" not in shared and len(shared.split()) >= 40


@pytest.mark.parametrize("question, voorbeeld, proefstad", [
    ("ik wil graag gratis hulp van een onafhankelijke clientondersteuner",
     "Voor Gemeente Voorbeeld: Cliëntondersteuning Voorbeeld.", "Voor Gemeente Proefstad: Cliëntondersteuning Proefstad."),
    ("ik heb hulp nodig in het huishouden, hoe vraag ik dat aan",
     "Voor Gemeente Voorbeeld: Wijkteam Voorbeeld. Bel 14 0123.", "Voor Gemeente Proefstad: Sociaal Team Proefstad. Bel 14 0999."),
])
def test_the_answer_names_the_gemeentes_own_wijkteam_and_clientondersteuning(citizen, question, voorbeeld, proefstad):
    said = {}
    for code in (VOORBEELD, PROEFSTAD):
        c = Citizen(citizen, code)
        c.say(question)
        said[code] = c.text
    assert voorbeeld in said[VOORBEELD] and "Proefstad" not in said[VOORBEELD]
    assert proefstad in said[PROEFSTAD] and "Voorbeeld" not in said[PROEFSTAD]

"""Every staff endpoint refuses anonymous users (401) and accounts without a console role (403),
and the login, cookie and CSRF rules hold."""
from __future__ import annotations

import re

import httpx
import pytest
from fastapi.routing import APIRoute
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from api.routes.staff import router
from api.services.auth import COOKIE_NAME

from .conftest import PASSWORD, ask_for_a_person, login

pytestmark = pytest.mark.stack

PUBLIC = {"/staff/login", "/staff/static/{name}", "/staff/logout"}
BODY = {"text": "hallo", "outcome": "beantwoord", "status": "done"}


def staff_endpoints(conversation_id: str) -> list[tuple[str, str]]:
    values = {"conversation_id": conversation_id, "callback_id": "1", "card_id": "bezwaar-termijn"}
    endpoints = []
    for route in router.routes:
        if isinstance(route, APIRoute) and route.path not in PUBLIC:
            path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.path)
            for method in sorted(route.methods - {"HEAD"}):
                endpoints.append((method, path + ("?q=bezwaar" if path.endswith("/api/cards") else "")))
    return endpoints


@pytest.fixture
def conversation(chat):
    return ask_for_a_person(chat).id


def ws_status(stack, cookie: str | None) -> int:
    headers = {"Cookie": f"{COOKIE_NAME}={cookie}"} if cookie else {}
    try:
        with connect(stack.api_url.replace("http", "ws") + "/staff/ws", additional_headers=headers):
            return 101
    except InvalidStatus as error:
        return error.response.status_code


def test_the_list_of_endpoints_is_complete(conversation):
    paths = {path for _, path in staff_endpoints(conversation)}
    for expected in ("/staff", f"/staff/conversations/{conversation}", "/staff/callbacks", "/staff/api/queue",
                     f"/staff/api/conversations/{conversation}/claim", f"/staff/api/conversations/{conversation}/messages",
                     f"/staff/api/conversations/{conversation}/notes", f"/staff/api/conversations/{conversation}/handback",
                     f"/staff/api/conversations/{conversation}/close", "/staff/api/callbacks/1"):
        assert expected in paths


def test_anonymous_gets_401_everywhere(stack, conversation):
    with httpx.Client(base_url=stack.api_url, timeout=30) as anonymous:
        for method, path in staff_endpoints(conversation):
            response = anonymous.request(method, path, json=BODY if method == "POST" else None)
            assert response.status_code == 401, (method, path, response.status_code)
            if "/api/" in path:
                assert response.json()["detail"] == "Log eerst in als medewerker."
            else:
                assert 'action="/staff/login"' in response.text  # the page offers the login form
        # a made-up cookie is no login either
        anonymous.cookies.set(COOKIE_NAME, "forged-token", path="/staff")
        assert anonymous.get("/staff/api/queue").status_code == 401
    assert ws_status(stack, None) == 401
    assert ws_status(stack, "forged-token") == 401


def test_an_editor_gets_403_everywhere(stack, conversation, make_user):
    editor = login(stack.api_url, make_user("editor", "Eddy Redacteur"))
    try:
        for method, path in staff_endpoints(conversation):
            response = editor.request(method, path, json=BODY if method == "POST" else None)
            assert response.status_code == 403, (method, path, response.status_code)
        assert ws_status(stack, editor.cookies.get(COOKIE_NAME)) == 403
        # nothing happened: the conversation still waits
        assert editor.get(f"/api/conversations/{conversation}").json()["state"]["handoff"] == "waiting"
    finally:
        editor.close()


def test_staff_and_admin_may_use_the_console(stack, make_user):
    for role in ("staff", "admin"):
        client = login(stack.api_url, make_user(role, "Sam Beheer"))
        try:
            assert client.get("/staff").status_code == 200
            assert client.get("/staff/api/me").json()["role"] == role
            assert ws_status(stack, client.cookies.get(COOKIE_NAME)) == 101
        finally:
            client.close()


def test_login_cookie_logout_and_wrong_password(stack, make_user):
    username = make_user("staff", "Anna Jansen")
    with httpx.Client(base_url=stack.api_url, timeout=30) as client:
        wrong = client.post("/staff/login", data={"username": username, "password": "not-the-password"})
        assert wrong.status_code == 401 and "klopt niet" in wrong.text
        ok = client.post("/staff/login", data={"username": username, "password": PASSWORD, "next": "//evil.example/"})
        assert ok.status_code == 303 and ok.headers["location"] == "/staff"  # no open redirect
        cookie = ok.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict") and "Path=/staff" in cookie
        page = client.get("/staff")
        assert page.status_code == 200
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "<script>" not in page.text and "<style" not in page.text and " style=" not in page.text
        assert re.search(r"\son[a-z]+=", page.text) is None  # no inline event handlers
        assert page.headers["cache-control"] == "no-store"
        # a request from another site is refused even with the cookie
        foreign = client.post("/staff/api/conversations/x/notes", json={"text": "x"},
                              headers={"Origin": "https://evil.example"})
        assert foreign.status_code == 403
        token = client.cookies.get(COOKIE_NAME)
        assert client.post("/staff/logout").status_code == 303
        client.cookies.set(COOKIE_NAME, token, path="/staff")  # the old token is dead after logout
        assert client.get("/staff/api/queue").status_code == 401

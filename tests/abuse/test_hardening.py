"""Production guards: test settings refused, no exception text in /healthz, internal servers on
loopback only, Rasa's API behind a token, /docs without a CDN, Secure cookies, HSTS, idle sessions."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.core.config import Settings
from api.main import create_app
from api.services import auth

from .conftest import citizen_ip
from tests.accounts import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def start_api_module(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJS_")}
    return subprocess.run([sys.executable, "-c", "import api.main"], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("setting", [{"WEGWIJS_TODAY": "2026-11-23"}, {"WEGWIJS_ALLOW_TEST_HEADERS": "1"}])
def test_test_settings_refuse_to_start_without_the_test_flag(setting):
    refused = start_api_module(**setting)
    assert refused.returncode != 0
    assert "WEGWIJS_TEST_MODE=1" in refused.stderr and next(iter(setting)) in refused.stderr
    assert start_api_module(**setting, WEGWIJS_TEST_MODE="1").returncode == 0


def test_health_names_what_is_down_without_exception_text(tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWIJS_EMBEDDING_MODEL", str(tmp_path / "no-model"))  # the index cannot load
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", rasa_url="http://127.0.0.1:9",
                        action_server_url="http://127.0.0.1:9", index_dir=tmp_path / "no-index",
                        cards_dir=tmp_path / "no-cards")
    with TestClient(create_app(settings)) as client:
        deadline = time.monotonic() + 60
        while not client.app.state.knowledge.error and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.app.state.knowledge.error  # the index really failed, with a reason
        body = client.get("/healthz").json()
    assert body["status"] == "unavailable"
    assert body["detail"] == "Not ready: rasa, action_server, index"
    assert str(tmp_path) not in str(body) and "Error" not in str(body)


def listening_addresses(port: int) -> set[str]:
    """Local addresses that listen on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(name).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.stack
def test_rasa_and_the_action_server_listen_on_loopback_only(stack):
    for port in (stack.action_port, stack.rasa_port):
        addresses = listening_addresses(port)
        assert addresses and addresses <= {"0100007F"}, (port, addresses)  # 127.0.0.1 only


@pytest.mark.stack
def test_rasa_http_api_needs_the_token(stack, api):
    rasa = f"http://127.0.0.1:{stack.rasa_port}"
    assert httpx.get(f"{rasa}/status", timeout=10).status_code == 401
    assert httpx.get(f"{rasa}/conversations/x/tracker", timeout=10).status_code == 401
    token = os.environ["WEGWIJS_RASA_TOKEN"]
    assert httpx.get(f"{rasa}/status", params={"token": token}, timeout=10).status_code == 200
    assert api.get("/healthz").json()["components"]["rasa"] is True  # the API sends it


@pytest.mark.stack
def test_docs_load_without_a_cdn_under_a_csp(stack, browser):
    page_html = httpx.get(f"{stack.api_url}/docs", timeout=10)
    assert page_html.status_code == 200
    csp = page_html.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert not re.search(r"(src|href)=\"https?://", page_html.text)
    assert httpx.get(f"{stack.api_url}/redoc", timeout=10).status_code == 404

    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                         " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(f"{stack.api_url}/docs")
    page.locator(".opblock-summary-path", has_text="/api/conversations/{conversation_id}/messages").first.wait_for()
    violations = page.evaluate("() => window.__csp")
    context.close()
    assert hosts == {f"127.0.0.1:{stack.api_port}"}
    assert violations == []


def test_docs_can_be_switched_off(tmp_path):
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", api_docs=False))
    client = TestClient(app)  # no lifespan needed for routing
    assert client.get("/docs").status_code == 404
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 404


@pytest.mark.stack
def test_login_cookies_are_secure_and_hsts_is_sent_by_default(guarded):
    username = f"anna-{os.urandom(3).hex()}"
    auth.create_user(guarded.db, username, PASSWORD, "staff", "Anna Jansen")
    response = httpx.post(f"{guarded.url}/staff/login", data={"username": username, "password": PASSWORD},
                          headers={"X-Forwarded-For": citizen_ip()}, timeout=60)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert response.headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" in httpx.get(f"{guarded.url}/healthz", timeout=10).headers


@pytest.mark.stack
def test_the_plain_http_development_profile_opts_out(stack, make_user):
    """`make run` and the test stack set WEGWIJS_INSECURE_COOKIES=1: logins work on http://127.0.0.1."""
    response = httpx.post(f"{stack.api_url}/staff/login", data={"username": make_user(), "password": PASSWORD},
                          timeout=60)
    assert response.status_code == 303
    assert "Secure" not in response.headers["set-cookie"]
    assert "strict-transport-security" not in response.headers


def test_a_session_ends_after_the_idle_time_and_each_use_extends_it(database):
    user = auth.create_user(database, "anna", PASSWORD, "staff", "Anna Jansen")
    idle = timedelta(seconds=2)
    token = auth.start_session(database, user, idle=idle)
    for _ in range(3):  # used every second: stays valid past the first idle period
        time.sleep(1.0)
        assert auth.session_user(database, token, idle=idle) == user
    time.sleep(2.5)
    assert auth.session_user(database, token, idle=idle) is None


def test_the_idle_time_is_30_minutes_by_default():
    assert Settings().session_idle == timedelta(minutes=30)
